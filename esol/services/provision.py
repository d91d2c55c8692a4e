"""Writes to the ESOL provision directory. A provider keeps its own entries: the provider of an
entry is always the provider's own organisation, whatever is posted; GLA officers manage every
entry and choose its provider. Saving an entry, or confirming it unchanged, marks it checked today."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnership.models import Organisation, User
from partnership.search.services import search_index

from ..models import Provision
from ..rules import is_provider, provides

PROVISION_FIELDS = ("course_title", "borough", "level_pre_entry", "level_entry_1", "level_entry_2", "level_entry_3",
                    "level_1", "level_2", "mode", "daytime", "evening", "weekend", "childcare_on_site",
                    "women_only", "cost", "eligibility", "venue_name", "venue_address", "venue_postcode",
                    "contact_phone", "contact_email", "website", "how_to_join")


def _may_change(user: User, provision: Provision) -> bool:
    return user.is_gla_officer or provides(user, provision)


def _provider_for(by: User, provider: Organisation | None) -> Organisation:
    if by.is_gla_officer:
        if provider is None:
            raise ValidationError({"provider": "Choose the provider."})
        return provider
    if is_provider(by):
        return by.organisation
    raise ValidationError("Only GLA officers and ESOL providers keep the directory.")


def _apply(provision: Provision, fields: dict, by: User, today: dt.date) -> Provision:
    unknown = set(fields) - set(PROVISION_FIELDS)
    if unknown:
        raise ValueError(f"not a directory field: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(provision, name, value)
    if provision.borough_id and not provision.borough.is_borough:
        raise ValidationError({"borough": "Choose a London borough."})
    provision.last_checked_on = today
    provision.updated_by = by
    provision.full_clean()
    provision.save()
    search_index(provision)
    return provision


def provision_create(*, by: User, provider: Organisation | None = None, today: dt.date | None = None,
                     **fields) -> Provision:
    with transaction.atomic():
        provision = Provision(provider=_provider_for(by, provider))
        return _apply(provision, fields, by, today or timezone.localdate())


def provision_update(*, provision: Provision, by: User, provider: Organisation | None = None,
                     today: dt.date | None = None, **fields) -> Provision:
    with transaction.atomic():
        current = Provision.objects.select_for_update().get(pk=provision.pk)
        if not _may_change(by, current):
            raise ValidationError("You can change your own organisation's entries only.")
        if by.is_gla_officer and provider is not None:
            current.provider = provider
        return _apply(current, fields, by, today or timezone.localdate())


def provision_confirm_checked(*, provision: Provision, by: User, today: dt.date | None = None) -> Provision:
    """The entry is still right as it stands: checked today."""
    with transaction.atomic():
        current = Provision.objects.select_for_update().get(pk=provision.pk)
        if not _may_change(by, current):
            raise ValidationError("You can confirm your own organisation's entries only.")
        current.last_checked_on = today or timezone.localdate()
        current.updated_by = by
        current.save(update_fields=["last_checked_on", "updated_by", "updated_at"])
    return current
