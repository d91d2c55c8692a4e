"""A monitoring return's answers and its steps: the grantee contact saves a draft, checks the
answers and submits; the ESOL coordinator accepts it or returns it with comments; a returned
return is changed and submitted again. One status machine says which steps exist and whose they
are; each step is recorded with who, when and what was said, and tells the other side through the
outbox in the same transaction. The machine itself is in esol/rules.py."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnership.models import Role, User
from partnership.notifications.services.notice_links import portal_link
from partnership.notifications.services.outbox import notification_enqueue
from partnership.search.services import search_index

from ..models import CaseStudy, MonitoringReturn, ReturnStatus, ReturnTransition
from ..rules import RETURN_MACHINE, may_make, reports_for

S = ReturnStatus

KIND_SUBMITTED = "esol.return_submitted"
KIND_DECIDED = "esol.return_decided"
ANSWER_FIELDS = ("learners_enrolled", "learners_completed", "learners_progressed", "learning_hours", "spend",
                 "progress", "barriers")


def _locked(monitoring_return: MonitoringReturn) -> MonitoringReturn:
    return (MonitoringReturn.objects.select_for_update(of=("self",))
            .select_related("project", "project__round").get(pk=monitoring_return.pk))


def _ensure_grantee_may_edit(current: MonitoringReturn, by: User) -> None:
    if not reports_for(by, current.project):
        raise ValidationError("Only the project's reporting contacts can change its returns.")
    if not current.is_editable:
        raise ValidationError(f"This return is {current.get_status_display().lower()} and cannot be changed now.")


def return_answers_save(*, monitoring_return: MonitoringReturn, by: User, **answers) -> MonitoringReturn:
    """Saves what the grantee has answered so far: a draft may be half done."""
    unknown = set(answers) - set(ANSWER_FIELDS)
    if unknown:
        raise ValueError(f"not an answer of a return: {sorted(unknown)}")
    with transaction.atomic():
        current = _locked(monitoring_return)
        _ensure_grantee_may_edit(current, by)
        for name, value in answers.items():
            setattr(current, name, value.strip() if isinstance(value, str) else value)
        current.full_clean()
        current.save()
        search_index(current)
    return current


# --- who hears about a step ----------------------------------------------------------------

def coordinator_emails() -> list[str]:
    """The ESOL coordinator: ESOL_COORDINATOR_EMAIL when set, otherwise every active GLA officer."""
    if settings.ESOL_COORDINATOR_EMAIL:
        return [settings.ESOL_COORDINATOR_EMAIL]
    group = Group.objects.filter(name=Role.GLA_OFFICER).first()
    if group is None:
        return []
    return list(group.user_set.filter(is_active=True).order_by("email").values_list("email", flat=True))


def reporting_contacts(project) -> list[User]:
    return list(project.reporting_contacts.filter(is_active=True, organisation=project.lead_organisation_id)
                .order_by("email"))


def return_link(monitoring_return: MonitoringReturn) -> str:
    return portal_link(reverse("esol:return_detail", args=[monitoring_return.pk]))


def _notify(*, monitoring_return: MonitoringReturn, record: ReturnTransition, by: User) -> int:
    project = monitoring_return.project
    context = {"return": monitoring_return, "project": project, "record": record,
               "link": return_link(monitoring_return)}
    written = 0
    if record.to_status == S.SUBMITTED:
        subject = f"Monitoring return submitted: {project.title}, {monitoring_return.period_label}"
        body = render_to_string("esol/returns/email/submitted.txt", context)
        for email in coordinator_emails():
            written += notification_enqueue(
                kind=KIND_SUBMITTED, subject_key=f"esol.return:{monitoring_return.pk}", slot=f"step-{record.pk}",
                recipient_email=email, subject=subject, body_text=body) is not None
        return written
    subject = (f"Monitoring return {record.get_to_status_display().lower()}: {project.title}, "
               f"{monitoring_return.period_label}")
    body = render_to_string("esol/returns/email/decided.txt", context)
    for contact in reporting_contacts(project):
        if contact.pk == by.pk:
            continue
        written += notification_enqueue(
            kind=KIND_DECIDED, subject_key=f"esol.return:{monitoring_return.pk}", slot=f"step-{record.pk}",
            recipient=contact, subject=subject, body_text=body) is not None
    return written


def return_step(*, monitoring_return: MonitoringReturn, to_status: str, by: User, comment: str = "",
                now=None) -> ReturnTransition:
    """One step along the machine, recorded and told; anything not in the machine is refused."""
    with transaction.atomic():
        current = _locked(monitoring_return)
        transition = RETURN_MACHINE.check(
            current.status, to_status,
            message=f"A return that is {current.get_status_display().lower()} cannot be "
                    f"{S(to_status).label.lower() if to_status in S.values else to_status}.")
        if not may_make(transition=transition, monitoring_return=current, user=by):
            raise ValidationError("You cannot take this step with this return.")
        comment = (comment or "").strip()
        if transition.note_required and not comment:
            raise ValidationError({"comment": "Say what needs to change before the return is accepted."})
        if to_status == S.SUBMITTED and current.missing_answers:
            raise ValidationError("Answer every question before you submit the return. Still to answer: "
                                  + ", ".join(current.missing_answers).lower() + ".")
        now = now or timezone.now()
        if to_status == S.SUBMITTED and current.submitted_at is None:
            # The first submission is the one judged against the due date; every step is recorded.
            current.submitted_at, current.submitted_by = now, by
        record = ReturnTransition.objects.create(monitoring_return=current, from_status=current.status,
                                                 to_status=to_status, by=by, at=now, comment=comment)
        current.status = to_status
        current.full_clean()
        current.save()
        search_index(current)
        _notify(monitoring_return=current, record=record, by=by)
    return record


# --- case studies ---------------------------------------------------------------------------

def case_study_save(*, case_study: CaseStudy, by: User) -> CaseStudy:
    with transaction.atomic():
        _ensure_grantee_may_edit(_locked(case_study.monitoring_return), by)
        case_study.title, case_study.story = case_study.title.strip(), case_study.story.strip()
        case_study.full_clean()
        case_study.save()
    return case_study


def case_study_delete(*, case_study: CaseStudy, by: User) -> None:
    with transaction.atomic():
        _ensure_grantee_may_edit(_locked(case_study.monitoring_return), by)
        CaseStudy.objects.filter(pk=case_study.pk).delete()
