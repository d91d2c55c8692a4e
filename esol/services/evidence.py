"""Evidence files of a monitoring return, under the paper upload's rules: the same formats (PDF,
Word, Excel, PowerPoint, OpenDocument), the content must match the extension, the same size
limit, and a generated stored name. Only the project's reporting contacts add or remove them,
while the return is theirs to change."""

from django.core.exceptions import ValidationError
from django.db import transaction

from partnership.models import User
from partnership.services.paper_files import paper_file_check, safe_original_filename

from ..models import EvidenceFile, MonitoringReturn
from .returns import _ensure_grantee_may_edit, _locked


def evidence_upload(*, monitoring_return: MonitoringReturn, title: str, uploaded_file, by: User) -> EvidenceFile:
    try:
        file_format = paper_file_check(uploaded_file)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    with transaction.atomic():
        current = _locked(monitoring_return)
        _ensure_grantee_may_edit(current, by)
        original_filename = safe_original_filename(uploaded_file.name)
        uploaded_file.name = f"evidence.{file_format.extension}"
        return EvidenceFile.objects.create(
            monitoring_return=current, title=title.strip() or original_filename, file=uploaded_file,
            original_filename=original_filename, content_type=file_format.content_type,
            size_bytes=uploaded_file.size, uploaded_by=by)


def evidence_delete(*, evidence: EvidenceFile, by: User) -> None:
    with transaction.atomic():
        _ensure_grantee_may_edit(_locked(evidence.monitoring_return), by)
        stored = evidence.file
        EvidenceFile.objects.filter(pk=evidence.pk).delete()
        # The file goes once the row is gone for good (not when the transaction is undone).
        transaction.on_commit(lambda: stored.delete(save=False))
