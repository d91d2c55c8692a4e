import pytest
from django.urls import reverse

from tests.factories.resettlement import ArrivalFactory, OfferFactory


@pytest.mark.parametrize(("role", "shown"), [("gla_officer", True), ("borough_a", True), ("borough_b", True),
                                             ("panel_member", False), ("anonymous", False), ("superuser", True)])
def test_the_resettlement_entry_is_shown_to_those_who_work_on_it(world, client_for, role, shown):
    page = client_for(world.users[role]).get(reverse("home")).content.decode()
    assert (f'href="{reverse("resettlement:offer_list")}"' in page) is shown


def test_the_admin_shows_offers_for_repairs(world, client_for):
    offer = OfferFactory(borough=world.camden)
    ArrivalFactory(offer=offer)
    client = client_for(world.users["superuser"])
    assert client.get(reverse("admin:resettlement_resettlementoffer_changelist")).status_code == 200
    page = client.get(reverse("admin:resettlement_resettlementoffer_change", args=[offer.pk]))
    assert page.status_code == 200
