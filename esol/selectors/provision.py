"""Reads of the ESOL provision directory. The directory is public; the entries a person may
change are a GLA officer's all, or a provider's own organisation's."""

from django.db.models import Count, QuerySet

from partnership.models import Organisation

from ..models import BoroughEsolContacts, Provision


def directory() -> QuerySet:
    return Provision.objects.for_listing()


def provision_for_manager(user) -> QuerySet:
    return Provision.objects.kept_by(user).for_listing()


def boroughs_with_counts() -> QuerySet:
    return Organisation.objects.boroughs().annotate(provision_count=Count("esol_provision_in_borough"))


def borough_contacts(borough: Organisation) -> BoroughEsolContacts | None:
    return BoroughEsolContacts.objects.filter(borough=borough).first()


def boroughs_with_contacts() -> QuerySet:
    return boroughs_with_counts().select_related("esol_contacts")


def provision_in_borough(borough: Organisation) -> QuerySet:
    return directory().filter(borough=borough)
