"""Reads of monitoring returns, through the projects the user may see."""

from django.db.models import QuerySet

from ..models import CaseStudy, EvidenceFile, MonitoringReturn, ReturnStatus, ReturnTransition


def returns_for_user(user) -> QuerySet:
    return MonitoringReturn.objects.visible_to(user)


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


def latest_accepted_returns(round_) -> list[MonitoringReturn]:
    """Each project's most recent accepted return in the round (by the end of its period)."""
    accepted = (MonitoringReturn.objects.filter(project__round=round_, status=ReturnStatus.ACCEPTED)
                .select_related("project").prefetch_related("case_studies")
                .order_by("project__title", "project_id", "-period_end", "-pk"))
    latest = {}
    for monitoring_return in accepted:
        latest.setdefault(monitoring_return.project_id, monitoring_return)
    return list(latest.values())
