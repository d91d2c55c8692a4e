"""A return's steps: draft -> submitted -> accepted, or -> returned (with comments) -> submitted
again. Only the project's reporting contacts submit; only GLA officers decide; every step is
recorded with who and when, and told to the other side through the outbox."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from esol.models import MonitoringReturn, ReturnStatus, ReturnTransition
from esol.services import returns as services
from partnership.models import Notification
from tests.factories.esol import (
    CaseStudyFactory,
    GranteeFactory,
    ProjectFactory,
    ReturnFactory,
    answered,
    grantee_contact,
)
from tests.factories.partnership import gla_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    lead = GranteeFactory(name="Poplar HARCA")
    contact = grantee_contact(lead, email="reports@poplarharca.example.org")
    project = ProjectFactory(lead_organisation=lead, contacts=[contact])
    return {"contact": contact, "officer": gla_officer(email="esol@example.org"), "project": project,
            "return": ReturnFactory(project=project)}


def _fill(people, **answers):
    return services.return_answers_save(monitoring_return=people["return"], by=people["contact"],
                                        **(answers or answered()))


def test_the_whole_round_trip_records_each_step_and_who_took_it(people):
    contact, officer = people["contact"], people["officer"]
    _fill(people)
    services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.SUBMITTED, by=contact)
    services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.RETURNED, by=officer,
                         comment="Split the learning hours by class, please.")
    services.return_answers_save(monitoring_return=people["return"], by=contact, **answered(learning_hours=640))
    services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.SUBMITTED, by=contact)
    services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.ACCEPTED, by=officer)
    steps = list(ReturnTransition.objects.filter(monitoring_return=people["return"]).order_by("at", "pk"))
    assert [(s.from_status, s.to_status, s.by) for s in steps] == [
        ("draft", "submitted", contact), ("submitted", "returned", officer), ("returned", "submitted", contact),
        ("submitted", "accepted", officer)]
    assert steps[1].comment == "Split the learning hours by class, please."
    assert all(step.at is not None for step in steps)
    saved = MonitoringReturn.objects.get(pk=people["return"].pk)
    assert (saved.status, saved.learning_hours, saved.submitted_by) == ("accepted", 640, contact)


def test_an_incomplete_return_cannot_be_submitted(people):
    _fill(people, learners_enrolled=12, progress="")
    with pytest.raises(ValidationError) as refused:
        services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.SUBMITTED,
                             by=people["contact"])
    assert "Still to answer: learners who completed" in str(refused.value)
    assert MonitoringReturn.objects.get(pk=people["return"].pk).status == ReturnStatus.DRAFT


def test_only_the_projects_contacts_submit_and_only_officers_decide(people):
    _fill(people)
    other = grantee_contact(GranteeFactory())
    for stranger in (other, people["officer"]):
        with pytest.raises(ValidationError, match="cannot take this step"):
            services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.SUBMITTED, by=stranger)
    services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.SUBMITTED, by=people["contact"])
    with pytest.raises(ValidationError, match="cannot take this step"):
        services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.ACCEPTED,
                             by=people["contact"])


def test_a_step_the_machine_lacks_is_refused(people):
    with pytest.raises(ValidationError, match="cannot be accepted"):
        services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.ACCEPTED,
                             by=people["officer"])


def test_returning_needs_a_comment(people):
    _fill(people)
    services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.SUBMITTED, by=people["contact"])
    with pytest.raises(ValidationError) as refused:
        services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.RETURNED,
                             by=people["officer"], comment="  ")
    assert "comment" in refused.value.message_dict


def test_a_submitted_return_cannot_be_changed_by_the_grantee(people):
    _fill(people)
    services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.SUBMITTED, by=people["contact"])
    with pytest.raises(ValidationError, match="cannot be changed now"):
        _fill(people, learners_enrolled=99)
    with pytest.raises(ValidationError, match="cannot be changed now"):
        services.case_study_save(case_study=CaseStudyFactory.build(monitoring_return=people["return"]),
                                 by=people["contact"])


def test_someone_who_moved_organisation_no_longer_reports(people):
    contact = people["contact"]
    contact.organisation = GranteeFactory()
    contact.save()
    with pytest.raises(ValidationError, match="reporting contacts"):
        _fill(people)


@override_settings(ESOL_COORDINATOR_EMAIL="esol-coordinator@example.org")
def test_each_step_tells_the_other_side_once(people):
    _fill(people)
    record = services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.SUBMITTED,
                                  by=people["contact"])
    to_coordinator = Notification.objects.get(kind=services.KIND_SUBMITTED)
    assert to_coordinator.recipient_email == "esol-coordinator@example.org"
    assert to_coordinator.slot == f"step-{record.pk}"
    assert f"/esol/returns/{people['return'].pk}/" in to_coordinator.body_text
    services.return_step(monitoring_return=people["return"], to_status=ReturnStatus.RETURNED, by=people["officer"],
                         comment="Add the spring term.")
    told = Notification.objects.get(kind=services.KIND_DECIDED)
    assert told.recipient_email == people["contact"].email
    assert "Add the spring term." in told.body_text


def test_a_late_first_submission_stays_late(people):
    monitoring_return = people["return"]
    monitoring_return.due_on = timezone.localdate() - dt.timedelta(days=3)
    monitoring_return.save()
    _fill(people)
    services.return_step(monitoring_return=monitoring_return, to_status=ReturnStatus.SUBMITTED, by=people["contact"])
    assert MonitoringReturn.objects.submitted_late().filter(pk=monitoring_return.pk).exists()
    assert MonitoringReturn.objects.get(pk=monitoring_return.pk).was_late
