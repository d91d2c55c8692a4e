"""Writes about protocols: recording one (its document is one of the owner body's papers)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from partnership.models import User
from partnership.search.services import search_index

from ..models import Protocol

PROTOCOL_FIELDS = ("title", "owner_body", "version", "agreed_on", "document", "review_on", "lead_officer",
                   "retired_on")


@transaction.atomic
def protocol_save(*, by: User, protocol: Protocol | None = None, **values) -> Protocol:
    if not by.is_gla_officer:
        raise PermissionDenied("Only GLA officers record protocols.")
    protocol = protocol or Protocol()
    for key in PROTOCOL_FIELDS:
        if key in values:
            setattr(protocol, key, values[key])
    if protocol.document_id and protocol.document.body_id != protocol.owner_body_id:
        raise ValidationError({"document": "Choose one of the owner body's papers"})
    if protocol.lead_officer_id and not protocol.lead_officer.is_gla_officer:
        raise ValidationError({"lead_officer": "The lead officer must be a GLA officer"})
    if protocol.review_on and protocol.agreed_on and protocol.review_on < protocol.agreed_on:
        raise ValidationError({"review_on": "The review date must be on or after the date it was agreed"})
    protocol.full_clean()
    protocol.save()
    search_index(protocol)
    return protocol
