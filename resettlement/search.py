"""What resettlement makes searchable (partnership's site search, registered in
ResettlementConfig.ready()): offers by reference, borough, group, scheme and notes, each only
for those who may open it (ResettlementOffer.visible_to: a borough officer their own borough's)."""

from django.utils import timezone

from partnership.common.pk_urls import pk_url
from partnership.search.registry import Document, SearchKind, register

from .models import ResettlementOffer


def offer_document(offer: ResettlementOffer) -> Document:
    return Document(
        title=str(offer), reference=offer.reference,
        text=" ".join(filter(None, [offer.borough.name, str(offer.sponsorship_group or ""),
                                    offer.get_scheme_display(), offer.get_status_display(),
                                    offer.support_other, offer.notes])),
        url=pk_url("resettlement:offer_detail", offer.pk),
        occurred_on=timezone.localdate(offer.created_at), borough_id=offer.borough_id)


def register_resettlement_kinds() -> None:
    register(SearchKind("offer", "Resettlement offers", ResettlementOffer, offer_document,
                        lambda user: ResettlementOffer.objects.visible_to(user), order=60,
                        select_related=("borough", "sponsorship_group")))
