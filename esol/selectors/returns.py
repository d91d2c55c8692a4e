"""Reads of monitoring returns, through the projects the user may see."""

from django.db.models import QuerySet

from ..models import CaseStudy, EvidenceFile, MonitoringReturn, ReturnTransition
from .projects import projects_for_user


def returns_for_user(user) -> QuerySet:
    if not user.is_authenticated:
        return MonitoringReturn.objects.none()
    if user.is_gla_officer:
        return MonitoringReturn.objects.all()
    return MonitoringReturn.objects.filter(project__in=projects_for_user(user))


def returns_for_listing(user) -> QuerySet:
    return returns_for_user(user).for_listing()


def return_for_page(user, pk: int) -> QuerySet:
    return returns_for_user(user).filter(pk=pk).select_related(
        "project", "project__round", "project__lead_organisation", "submitted_by")


def return_steps(monitoring_return) -> QuerySet:
    return (ReturnTransition.objects.filter(monitoring_return=monitoring_return).select_related("by")
            .order_by("at", "pk"))


def case_studies_of(monitoring_return) -> QuerySet:
    return CaseStudy.objects.filter(monitoring_return=monitoring_return).order_by("pk")


def evidence_of(monitoring_return) -> QuerySet:
    return EvidenceFile.objects.filter(monitoring_return=monitoring_return).select_related("uploaded_by").order_by("pk")
