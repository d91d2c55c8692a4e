"""The backup drill's core, on the database the tests run on (SQLite, or Postgres in CI's
second leg): back up, lose the data and the media folder, restore, and the portal serves the
same meetings, papers (byte for byte), decisions and enquiries. A backup that does not match its
manifest is refused before anything is touched."""

import json
import shutil

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from funding.models import Decision, DecisionDocument
from lsmp.backups import BackupError, backup_create, backup_restore, backup_verify
from partnership.common.sample_documents import minimal_pdf
from partnership.models import Enquiry, Meeting, Paper
from tests.factories.enquiries import EnquiryFactory
from tests.factories.funding import DocumentFactory
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import MeetingFactory, gla_officer
from tests.support.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media_root(settings, tmp_path):
    root = tmp_path / "private"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}}}
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def records(media_root):
    meeting = MeetingFactory(title="LSMP Board, spring")
    paper = PaperFactory(body=meeting.body, meeting=meeting, title="Asylum dispersal briefing")
    document = DocumentFactory(file=ContentFile(minimal_pdf("Signed MD2628"), name="signed.pdf"))
    enquiry = EnquiryFactory(message="Can our church offer English classes in Hackney?")
    return {"meeting": meeting, "paper": paper, "document": document, "enquiry": enquiry,
            "paper_bytes": default_storage.open(paper.file.name).read(),
            "document_bytes": default_storage.open(document.file.name).read()}


def _lose_everything(records, media_root):
    """What a bad day looks like: rows gone or changed, the media folder gone."""
    Enquiry.objects.all().delete()
    Paper.objects.all().delete()
    DecisionDocument.objects.all().delete()
    Meeting.objects.filter(pk=records["meeting"].pk).update(title="overwritten")
    shutil.rmtree(media_root)


def test_backup_then_restore_gives_back_the_same_records_and_files(records, media_root, tmp_path, client):
    summary = backup_create(destination=tmp_path / "backups")
    assert summary.media_files == 2 and summary.missing_referenced == ()
    _lose_everything(records, media_root)

    backup_restore(folder=summary.folder, replace=True)

    assert Meeting.objects.get(pk=records["meeting"].pk).title == "LSMP Board, spring"
    assert Enquiry.objects.get().message == "Can our church offer English classes in Hackney?"
    assert Decision.objects.filter(pk=records["document"].decision_id).exists()
    # The portal serves the papers byte for byte.
    sign_in_fully(client, gla_officer())
    paper = Paper.objects.get()
    response = client.get(reverse("partnership:paper_download", args=[paper.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == records["paper_bytes"]
    response = client.get(reverse("funding:document_download", args=[DecisionDocument.objects.get().pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == records["document_bytes"]


def test_a_changed_byte_is_refused_before_anything_is_restored(records, media_root, tmp_path):
    summary = backup_create(destination=tmp_path / "backups")
    paper_copy = summary.folder / "media" / records["paper"].file.name
    paper_copy.write_bytes(paper_copy.read_bytes().replace(b"%PDF", b"%PDX", 1))
    Enquiry.objects.all().delete()
    with pytest.raises(BackupError, match=f"checksum differs: media/{records['paper'].file.name}"):
        backup_restore(folder=summary.folder, replace=True)
    assert not Enquiry.objects.exists()  # nothing was restored


def test_missing_and_unlisted_files_are_named(records, media_root, tmp_path):
    summary = backup_create(destination=tmp_path / "backups")
    (summary.folder / "media" / records["document"].file.name).unlink()
    (summary.folder / "media" / "papers" / "planted.html").write_text("<script>")
    with pytest.raises(BackupError) as refused:
        backup_verify(folder=summary.folder)
    assert f"missing: media/{records['document'].file.name}" in str(refused.value)
    assert "not in the manifest: media/papers/planted.html" in str(refused.value)


def test_restore_will_not_overwrite_data_unless_told(records, media_root, tmp_path):
    summary = backup_create(destination=tmp_path / "backups")
    with pytest.raises(BackupError, match="the database is not empty"):
        backup_restore(folder=summary.folder)


def test_replaced_media_is_kept_beside_the_restored_folder(records, media_root, tmp_path):
    summary = backup_create(destination=tmp_path / "backups")
    (media_root / "papers" / "uploaded-after-the-backup.pdf").write_bytes(b"%PDF-1.4 new")
    set_aside = backup_restore(folder=summary.folder, replace=True)
    assert (set_aside / "papers" / "uploaded-after-the-backup.pdf").exists()
    assert not (media_root / "papers" / "uploaded-after-the-backup.pdf").exists()


def test_a_file_the_database_names_but_the_disk_lacks_is_recorded(records, media_root, tmp_path):
    default_storage.delete(records["paper"].file.name)
    summary = backup_create(destination=tmp_path / "backups")
    assert summary.missing_referenced == (records["paper"].file.name,)
    manifest = json.loads((summary.folder / "manifest.json").read_text())
    assert manifest["missing_referenced_media"] == [records["paper"].file.name]


def test_the_commands(records, media_root, tmp_path, capsys):
    call_command("backup", to=tmp_path / "backups")
    folder = next((tmp_path / "backups").iterdir())
    call_command("restore", folder, verify_only=True)
    assert "The backup matches its manifest (2 media files)." in capsys.readouterr().out
