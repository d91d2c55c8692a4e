"""Evidence files follow the paper upload's rules: the formats, the content matching the
extension, a generated stored name; only the project's reporting contacts add and remove them,
while the return is theirs to change."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from esol.models import EvidenceFile, ReturnStatus
from esol.services import evidence as services
from tests.factories.esol import GranteeFactory, ProjectFactory, ReturnFactory, grantee_contact
from tests.factories.funding import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}
    lead = GranteeFactory()
    contact = grantee_contact(lead)
    return {"contact": contact, "return": ReturnFactory(project=ProjectFactory(lead_organisation=lead,
                                                                               contacts=[contact]))}


def test_a_pdf_is_stored_under_a_generated_name(world):
    upload = SimpleUploadedFile("../../attendance summary.pdf", pdf_bytes("Attendance"), "application/pdf")
    evidence = services.evidence_upload(monitoring_return=world["return"], title="", uploaded_file=upload,
                                        by=world["contact"])
    assert evidence.original_filename == "attendance summary.pdf"
    assert evidence.title == "attendance summary.pdf"
    assert evidence.file.name.startswith("esol/evidence/") and ".." not in evidence.file.name
    assert evidence.content_type == "application/pdf"


def test_a_program_called_pdf_is_refused(world):
    upload = SimpleUploadedFile("register.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    with pytest.raises(ValidationError) as refused:
        services.evidence_upload(monitoring_return=world["return"], title="x", uploaded_file=upload,
                                 by=world["contact"])
    assert "its content is not a PDF file" in str(refused.value)
    assert not EvidenceFile.objects.exists()


def test_no_evidence_once_the_return_is_submitted_or_from_strangers(world):
    stranger = grantee_contact(GranteeFactory())
    upload = SimpleUploadedFile("a.pdf", pdf_bytes(), "application/pdf")
    with pytest.raises(ValidationError):
        services.evidence_upload(monitoring_return=world["return"], title="x", uploaded_file=upload, by=stranger)
    world["return"].status = ReturnStatus.RETURNED
    world["return"].save()
    evidence = services.evidence_upload(monitoring_return=world["return"], title="x", uploaded_file=upload,
                                        by=world["contact"])
    with pytest.raises(ValidationError):
        services.evidence_delete(evidence=evidence, by=stranger)
