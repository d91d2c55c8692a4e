"""EMAIL_URL -> a MAILERS entry (Django 6.1's mail configuration).

smtp://user:password@host:25, smtp+tls://user:password@host:587, consolemail://,
filemail:///absolute/folder, memorymail://, and backend://dotted.path.EmailBackend?option=value
for any other importable backend (option values are passed as strings)."""

from urllib.parse import parse_qsl, urlsplit

import environ

_OPTION_NAMES = {
    "EMAIL_HOST": "host", "EMAIL_PORT": "port", "EMAIL_HOST_USER": "username",
    "EMAIL_HOST_PASSWORD": "password", "EMAIL_USE_TLS": "use_tls", "EMAIL_USE_SSL": "use_ssl",
    "EMAIL_FILE_PATH": "file_path", "EMAIL_TIMEOUT": "timeout",
}


def mailer_from_url(url: str) -> dict:
    if url.startswith("backend://"):
        parts = urlsplit(url)
        return {"BACKEND": parts.netloc + parts.path, "OPTIONS": dict(parse_qsl(parts.query))}
    parsed = environ.Env.email_url_config(url)
    backend = parsed["EMAIL_BACKEND"]
    options = {}
    if backend.endswith("smtp.EmailBackend"):
        options = {_OPTION_NAMES[k]: v for k, v in parsed.items() if k in _OPTION_NAMES and v not in ("", None)}
        options.setdefault("timeout", 10)
    elif backend.endswith("filebased.EmailBackend"):
        path = parsed.get("EMAIL_FILE_PATH") or url.split("://", 1)[1]
        options = {"file_path": path if path.startswith("/") else "/" + path}
    return {"BACKEND": backend, "OPTIONS": options}
