"""Reads of projects: GLA officers see every project; a grantee contact the projects they report
for at their own organisation; nobody else any."""

from django.db.models import Prefetch, QuerySet

from partnership.models import User

from ..models import MonitoringReturn, Project


def projects_for_user(user) -> QuerySet:
    return Project.objects.visible_to(user)


def projects_for_listing(user) -> QuerySet:
    return projects_for_user(user).for_listing()


def project_for_page(user, pk: int) -> QuerySet:
    return (projects_for_user(user).filter(pk=pk).select_related("round", "lead_organisation")
            .prefetch_related("partners", "boroughs",
                              Prefetch("reporting_contacts", queryset=User.objects.order_by("full_name"))))


def returns_of_project(project: Project) -> QuerySet:
    return MonitoringReturn.objects.filter(project=project).order_by("due_on", "pk")
