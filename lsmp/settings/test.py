"""Tests: the same settings as local, with fast hashing, locmem email and plain static files."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

SECRET_KEY = "test-only-key-not-used-anywhere-else-0123456789abcdefghij"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": VAR_DIR / "test-private"}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = STORAGES["default"]["OPTIONS"]["location"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
OUTBOX_KICK_ON_COMMIT = env.bool("OUTBOX_KICK_ON_COMMIT", default=False)
PAPER_TEXT_KICK_ON_COMMIT = env.bool("PAPER_TEXT_KICK_ON_COMMIT", default=False)
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory, so that a real Celery worker process can share the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-lsmp.sqlite3")}  # noqa: F405
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

if CELERY_BROKER_URL.startswith("filesystem://"):  # noqa: F405
    # Tests use their own queue folder, apart from a `make run` worker on the same checkout.
    (VAR_DIR / "test-broker").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {  # noqa: F405
        "data_folder_in": str(VAR_DIR / "test-broker"),
        "data_folder_out": str(VAR_DIR / "test-broker"),
        "control_folder": str(VAR_DIR / "test-broker-control"),
        "store_processed": False,
    }
