"""An upload handler that stops storing a file once it passes the paper size limit.

Django streams uploads to a temporary file whatever their size; this handler sits first in the
chain and skips the file (the rest of the form is still read) as soon as it is too large, so a
200 MB upload costs neither memory nor disk, and the form can say so beside the field while
keeping everything else that was typed."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class PaperSizeLimitHandler(FileUploadHandler):
    def __init__(self, request=None, limit: int | None = None):
        super().__init__(request)
        self.limit = limit if limit is not None else settings.PAPER_MAX_UPLOAD_BYTES
        self.too_large_fields: set[str] = set()
        self._received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self._received = 0

    def receive_data_chunk(self, raw_data, start):
        self._received += len(raw_data)
        if self._received > self.limit:
            self.too_large_fields.add(self.field_name)
            raise SkipFile
        return raw_data  # the next handler stores it

    def file_complete(self, file_size):
        return None  # the next handler returns the stored file


def install_paper_size_limit(request) -> PaperSizeLimitHandler:
    """Call before request.POST or request.FILES is read (so the view must be csrf_exempt and
    check CSRF itself afterwards)."""
    handler = PaperSizeLimitHandler(request)
    request.upload_handlers.insert(0, handler)
    return handler
