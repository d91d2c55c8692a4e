"""Settings shared by every environment. Every value that differs between machines comes
from the environment (django-environ); the defaults are the embedded, no-servers setup."""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.csp import CSP

from .mail import mailer_from_url

# === General =================================================================================
BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# === Apps, middleware, URLs and templates ====================================================
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "partnership",
    "taskgroups",
    "resettlement",
    "esol",
    "funding",
    "lsmp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lsmp.urls"
WSGI_APPLICATION = "lsmp.wsgi.application"
ASGI_APPLICATION = "lsmp.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lsmp.context_processors.navigation",
            ],
        },
    },
]

# === Database ================================================================================
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'lsmp.sqlite3'}"),
}
# Persistent connections: a connection is reused for ten minutes instead of per request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the Celery worker writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"transaction_mode": "IMMEDIATE", "timeout": 20,
                                            "init_command": "PRAGMA journal_mode=WAL;"})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# === Accounts, sign-in and sessions ==========================================================
AUTH_USER_MODEL = "partnership.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
INVITATION_MAX_AGE = env.int("INVITATION_MAX_AGE", default=60 * 60 * 24 * 7)

# Sessions end after 30 minutes without a request (the expiry slides with each request).
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# django-axes: five failures lock the account-and-address pair for an hour.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

# === Language, time and formats ==============================================================
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"

# === Static files and private uploads ========================================================
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private")}},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded files are private: no MEDIA_URL serves them; views check permission and stream them.
MEDIA_ROOT = STORAGES["default"]["OPTIONS"]["location"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
PAPER_MAX_UPLOAD_BYTES = env.int("PAPER_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)

# === Email ===================================================================================
MAILERS = {"default": mailer_from_url(env.str("EMAIL_URL", default="consolemail://"))}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="LSMP portal <lsmp-portal@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000")

# === Forms ===================================================================================
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# === Security headers ========================================================================
# Security headers that hold in every environment; production.py adds HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

# === Celery and the beat schedule ============================================================
# Celery. The default broker is kombu's filesystem transport, so the portal runs with a real
# worker and beat and no servers; production points CELERY_BROKER_URL at Redis.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    # CELERY_TEST_BROKER_FOLDER lets a test's worker process share the test run's queue folder.
    _queue_dir = env.str("CELERY_TEST_BROKER_FOLDER", default=str(VAR_DIR / "broker" / "queue"))
    Path(_queue_dir).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": _queue_dir,
        "data_folder_out": _queue_dir,
        "control_folder": str(Path(_queue_dir).parent / "control"),
        "store_processed": False,
    }
else:
    # No task is ever scheduled further ahead than this (docs/decisions: the outbox).
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60 * 60}
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
NOTIFICATION_DISPATCH_EVERY_SECONDS = env.int("NOTIFICATION_DISPATCH_EVERY_SECONDS", default=60)
# After a commit that queues a due notice, ask a worker to send it at once (best effort).
OUTBOX_KICK_ON_COMMIT = env.bool("OUTBOX_KICK_ON_COMMIT", default=True)
# The beat schedule lives here: django-celery-beat does not support Django 6.1.
CELERY_BEAT_SCHEDULE = {
    "dispatch-due-notifications": {
        "task": "partnership.notifications.tasks.dispatch_due_notifications",
        "schedule": NOTIFICATION_DISPATCH_EVERY_SECONDS,
    },
    "plan-daily-reminders": {
        "task": "partnership.notifications.tasks.plan_reminders",
        "schedule": crontab(minute=5, hour="*"),
    },
    "anonymise-expired-enquiries": {
        "task": "partnership.enquiries.tasks.anonymise_expired_enquiries",
        "schedule": crontab(minute=30, hour=2),
    },
}

# === Cache ===================================================================================
# The cache holds the contact form's per-address rate limit. Local memory is per process: in
# production set CACHE_URL to Redis (rediscache://...) so every gunicorn worker shares one limit.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# === Logging =================================================================================
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# === Resettlement ============================================================================
# Who hears about offers waiting for the GLA and offers whose available-from date
# passed unmatched. Empty means every active GLA officer.
RESETTLEMENT_COORDINATOR_EMAIL = env.str("RESETTLEMENT_COORDINATOR_EMAIL", default="")
# ESOL Plus: who hears that a monitoring return is submitted and waits for review. Empty means
# every active GLA officer.
ESOL_COORDINATOR_EMAIL = env.str("ESOL_COORDINATOR_EMAIL", default="")

# === Notifications (the outbox, reminders and notices) =======================================
# A claimed notification belongs to its dispatcher for this long; a crashed dispatcher's rows
# are taken over after it. It outlasts Celery's hard time limit (and see the margin below), so
# a live dispatcher never has a row taken over.
OUTBOX_CLAIM_LEASE_SECONDS = env.int("OUTBOX_CLAIM_LEASE_SECONDS", default=2 * CELERY_TASK_TIME_LIMIT)
OUTBOX_BATCH_SIZE = env.int("OUTBOX_BATCH_SIZE", default=100)
# A dispatcher sends nothing more from a batch this close to the end of its lease (longer than
# the SMTP timeout), and hands the rest back.
OUTBOX_SEND_MARGIN_SECONDS = env.int("OUTBOX_SEND_MARGIN_SECONDS", default=60)
# One dispatch task stops claiming new batches after this long (the next beat carries on).
OUTBOX_DISPATCH_BUDGET_SECONDS = env.int("OUTBOX_DISPATCH_BUDGET_SECONDS", default=CELERY_TASK_SOFT_TIME_LIMIT // 2)
# Local hour (Europe/London) from which action notices and daily digests are written.
NOTICE_MORNING_HOUR = 8

# === Enquiries (the public contact form and the queue) =======================================
# How many enquiries one address may send in the window before getting a 429 page.
ENQUIRY_RATE_LIMIT = env.int("ENQUIRY_RATE_LIMIT", default=5)
ENQUIRY_RATE_LIMIT_WINDOW_SECONDS = env.int("ENQUIRY_RATE_LIMIT_WINDOW_SECONDS", default=60 * 60)
# Behind N trusted proxies the client's address is the Nth entry from the right of
# X-Forwarded-For; 0 means REMOTE_ADDR (no proxy, or one that sets REMOTE_ADDR itself).
ENQUIRY_TRUSTED_PROXY_COUNT = env.int("ENQUIRY_TRUSTED_PROXY_COUNT", default=0)
# Closed enquiries (and spam) are anonymised this many months after they were closed.
ENQUIRY_RETENTION_MONTHS = env.int("ENQUIRY_RETENTION_MONTHS", default=12)
