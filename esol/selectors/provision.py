"""Reads of the ESOL provision directory. The directory is public; the entries a person may
change are a GLA officer's all, or a provider's own organisation's."""

from django.db.models import Count, QuerySet

from partnership.models import Organisation

from ..models import BoroughEsolContacts, Provision
from ..rules import is_provider


def directory() -> QuerySet:
    return Provision.objects.for_listing()


def provision_for_manager(user) -> QuerySet:
    if not user.is_authenticated:
        return Provision.objects.none()
    if user.is_gla_officer:
        return Provision.objects.for_listing()
    if is_provider(user):
        return Provision.objects.filter(provider_id=user.organisation_id).for_listing()
    return Provision.objects.none()


def boroughs_with_counts() -> QuerySet:
    return Organisation.objects.boroughs().annotate(provision_count=Count("esol_provision_in_borough"))


def borough_contacts(borough: Organisation) -> BoroughEsolContacts | None:
    return BoroughEsolContacts.objects.filter(borough=borough).first()


def boroughs_with_contacts() -> QuerySet:
    return boroughs_with_counts().select_related("esol_contacts")


def provision_in_borough(borough: Organisation) -> QuerySet:
    return directory().filter(borough=borough)
