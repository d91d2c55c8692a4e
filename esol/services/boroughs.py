"""Writes to a borough's ESOL contacts: its single point of contact and its ESOL network."""

from django.core.exceptions import ValidationError
from django.db import transaction

from partnership.models import Organisation, User

from ..models import BoroughEsolContacts

BOROUGH_CONTACT_FIELDS = ("spoc_name", "spoc_email", "spoc_phone", "network_name", "network_about",
                          "network_website", "network_email")


def borough_contacts_save(*, borough: Organisation, by: User, **fields) -> BoroughEsolContacts:
    if not by.is_gla_officer:
        raise ValidationError("Only GLA officers keep the boroughs' ESOL contacts.")
    if not borough.is_borough:
        raise ValidationError("ESOL contacts belong to a London borough.")
    unknown = set(fields) - set(BOROUGH_CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"not a borough contacts field: {sorted(unknown)}")
    with transaction.atomic():
        contacts = BoroughEsolContacts.objects.select_for_update().filter(borough=borough).first()
        contacts = contacts or BoroughEsolContacts(borough=borough)
        for name, value in fields.items():
            setattr(contacts, name, value)
        contacts.is_demo = False  # an officer's edit makes it real
        contacts.full_clean()
        contacts.save()
    return contacts
