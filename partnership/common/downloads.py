"""A stored upload (a meeting paper, a funding decision's document) served as a download.

The caller fetches the record through the user's scope first; this only turns its file into an
attachment, and answers 404 (never 500) when the file has gone from storage."""

from django.http import FileResponse, Http404


def stored_file_download(stored_file, *, filename: str, content_type: str) -> FileResponse:
    try:
        handle = stored_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The stored file is missing.") from missing
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
