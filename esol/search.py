"""What esol makes searchable (partnership's site search, registered in EsolConfig.ready()):
rounds (GLA officers), projects and their monitoring returns (GLA officers, and a grantee contact
their own projects'), and the public provision directory (everyone). Each kind's `visible` is
the model's own `visible_to`, as on the app's pages."""

from django.urls import reverse
from django.utils import timezone

from partnership.search.registry import Document, SearchKind, register

from .models import MonitoringReturn, Project, Provision, Round
from .selectors.provision import directory


def round_document(round_: Round) -> Document:
    return Document(title=round_.name, text=f"{round_.purpose} {round_.barriers}",
                    url=reverse("esol:round_detail", args=[round_.pk]), occurred_on=round_.opens_on,
                    officer_only=True)


def project_document(project: Project) -> Document:
    return Document(
        title=project.title,
        text=" ".join(filter(None, [project.lead_organisation.name, project.round.name, project.summary,
                                    project.barriers_addressed])),
        url=reverse("esol:project_detail", args=[project.pk]), occurred_on=project.starts_on)


def return_document(monitoring_return: MonitoringReturn) -> Document:
    project = monitoring_return.project
    return Document(
        title=f"Monitoring return: {project.title}, {monitoring_return.period_label}",
        text=" ".join(filter(None, [monitoring_return.progress, monitoring_return.barriers])),
        url=reverse("esol:return_detail", args=[monitoring_return.pk]), occurred_on=monitoring_return.due_on)


def provision_document(provision: Provision) -> Document:
    return Document(
        title=f"{provision.course_title}, {provision.provider.name}",
        text=" ".join(filter(None, [provision.borough.name if provision.borough_id else "", provision.venue_name,
                                    provision.venue_address, provision.venue_postcode, provision.eligibility,
                                    provision.how_to_join])),
        url=reverse("esol:provision_detail", args=[provision.pk]),
        occurred_on=provision.last_checked_on or timezone.localdate(provision.created_at),
        borough_id=provision.borough_id, is_public=True)


def register_esol_kinds() -> None:
    register(SearchKind("esol_round", "ESOL Plus", Round, round_document,
                        lambda user: Round.objects.visible_to(user), order=70))
    register(SearchKind("esol_project", "ESOL Plus", Project, project_document,
                        lambda user: Project.objects.visible_to(user), order=71,
                        select_related=("round", "lead_organisation")))
    register(SearchKind("esol_return", "ESOL Plus", MonitoringReturn, return_document,
                        lambda user: MonitoringReturn.objects.visible_to(user), order=72,
                        select_related=("project",)))
    register(SearchKind("esol_provision", "ESOL provision directory", Provision, provision_document,
                        lambda user: directory(), order=73, select_related=("provider", "borough")))
