"""The register of interests: a person keeps their own standing declarations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnership.models import Interest, Organisation

NOT_YOURS = "You can change only your own register of interests."


def _check_owner(interest: Interest, person) -> None:
    if interest.person_id != person.pk:
        raise ValidationError(NOT_YOURS)


@transaction.atomic
def interest_add(*, person, kind: str, description: str, organisation: Organisation | None = None) -> Interest:
    interest = Interest(person=person, kind=kind, description=description.strip(), organisation=organisation)
    interest.full_clean()
    interest.save()
    return interest


@transaction.atomic
def interest_edit(*, interest: Interest, by, kind: str, description: str,
                  organisation: Organisation | None = None) -> Interest:
    _check_owner(interest, by)
    interest.kind, interest.description, interest.organisation = kind, description.strip(), organisation
    interest.full_clean()
    interest.save()
    return interest


@transaction.atomic
def interest_end(*, interest: Interest, by, on=None) -> Interest:
    """An interest that has ended stays on record (a declaration made while it stood still names
    it) but is no longer offered at meetings."""
    _check_owner(interest, by)
    interest.ended_on = on or timezone.localdate()
    interest.save(update_fields=["ended_on", "updated_at"])
    return interest
