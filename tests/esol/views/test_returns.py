"""A return through its pages: the grantee's answers (errors beside each field and in the summary,
nothing typed lost), save as draft, check answers, submit; the coordinator returns it with a
comment or accepts it; the evidence upload's rules; another project's contact gets 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from esol.models import MonitoringReturn, ReturnStatus
from tests.factories.esol import ProjectFactory, ReturnFactory
from tests.factories.funding import pdf_bytes

pytestmark = pytest.mark.django_db

ANSWERS = {"learners_enrolled": "30", "learners_completed": "20", "learners_progressed": "10",
           "learning_hours": "600", "spend": "£10,000.50", "progress": "Two classes ran with a crèche.",
           "barriers": ""}


@pytest.fixture
def draft(world):
    contact = world.users["grantee_a"]
    project = ProjectFactory(lead_organisation=contact.organisation, contacts=[contact])
    return ReturnFactory(project=project)


def test_bad_answers_are_shown_beside_their_fields_and_kept(world, client_for, draft):
    response = client_for(world.users["grantee_a"]).post(
        reverse("esol:return_answers", args=[draft.pk]),
        {**ANSWERS, "learners_enrolled": "thirty", "learning_hours": "-4", "progress": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "must be a whole number, like 12" in body and "must be 0 or more" in body
    assert "Describe the progress in the period" in body
    assert 'value="thirty"' in body and 'value="£10,000.50"' in body


def test_a_draft_keeps_half_an_answer_and_submitting_needs_them_all(world, client_for, draft):
    client = client_for(world.users["grantee_a"])
    response = client.post(reverse("esol:return_answers", args=[draft.pk]),
                           {"learners_enrolled": "12", "save_draft": "Save as draft"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.learners_enrolled, draft.learning_hours, draft.status) == (12, None, ReturnStatus.DRAFT)
    response = client.post(reverse("esol:return_check_answers", args=[draft.pk]))
    assert "Answer every question before you submit the return" in response.content.decode()


def test_answers_then_check_then_submit_then_returned_then_accepted(world, client_for, draft):
    contact = client_for(world.users["grantee_a"])
    assert contact.post(reverse("esol:return_answers", args=[draft.pk]), ANSWERS)["Location"] == reverse(
        "esol:return_check_answers", args=[draft.pk])
    check = contact.get(reverse("esol:return_check_answers", args=[draft.pk])).content.decode()
    assert "£10,000.50" in check and "Two classes ran with a crèche." in check
    assert contact.post(reverse("esol:return_check_answers", args=[draft.pk])).status_code == 302
    assert MonitoringReturn.objects.get(pk=draft.pk).status == ReturnStatus.SUBMITTED
    # Submitted: the grantee can no longer change it.
    assert contact.get(reverse("esol:return_answers", args=[draft.pk])).status_code == 404

    officer = client_for(world.users["gla_officer"])
    review = reverse("esol:return_review", args=[draft.pk])
    no_comment = officer.post(review, {"decision": "returned", "comment": ""}).content.decode()
    assert "Say what needs to change" in no_comment
    officer.post(review, {"decision": "returned", "comment": "Add the spring term's hours."})
    assert MonitoringReturn.objects.get(pk=draft.pk).status == ReturnStatus.RETURNED

    contact = client_for(world.users["grantee_a"])
    page = contact.get(reverse("esol:return_detail", args=[draft.pk])).content.decode()
    assert "Add the spring term&#x27;s hours." in page
    contact.post(reverse("esol:return_answers", args=[draft.pk]), {**ANSWERS, "learning_hours": "640"})
    contact.post(reverse("esol:return_check_answers", args=[draft.pk]))
    client_for(world.users["gla_officer"]).post(review, {"decision": "accepted", "comment": ""})
    accepted = MonitoringReturn.objects.get(pk=draft.pk)
    assert (accepted.status, accepted.learning_hours) == (ReturnStatus.ACCEPTED, 640)
    history = client_for(world.users["gla_officer"]).get(reverse("esol:return_detail", args=[draft.pk]))
    assert history.content.decode().count("Grant Contact A") >= 2


def test_another_projects_contact_cannot_reach_this_return(world, client_for, draft):
    client = client_for(world.users["grantee_b"])
    for name in ("esol:return_detail", "esol:return_answers", "esol:return_check_answers", "esol:evidence_upload",
                 "esol:case_study_create"):
        assert client.get(reverse(name, args=[draft.pk])).status_code == 404, name
    assert client.post(reverse("esol:return_answers", args=[draft.pk]), ANSWERS).status_code == 404
    assert MonitoringReturn.objects.get(pk=draft.pk).learners_enrolled is None
    assert f"/esol/returns/{draft.pk}/" not in client.get(reverse("esol:return_list")).content.decode()


def test_evidence_follows_the_paper_rules(world, client_for, draft, settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}
    client = client_for(world.users["grantee_a"])
    url = reverse("esol:evidence_upload", args=[draft.pk])
    renamed = client.post(url, {"title": "Register", "file": SimpleUploadedFile("register.pdf", b"MZ not a pdf")})
    assert "its content is not a PDF file" in renamed.content.decode()
    settings.PAPER_MAX_UPLOAD_BYTES = 1000
    big = client.post(url, {"title": "Big", "file": SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * 5000)})
    assert "must be smaller than" in big.content.decode()
    settings.PAPER_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
    good = client.post(url, {"title": "Attendance summary", "file": SimpleUploadedFile("a.pdf", pdf_bytes())})
    assert good.status_code == 302
    evidence = draft.evidence.get()
    download = client_for(world.users["gla_officer"]).get(
        reverse("esol:evidence_download", args=[draft.pk, evidence.pk]))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert "no-store" in download["Cache-Control"]
