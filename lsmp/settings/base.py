"""Settings shared by every environment. Every value that differs between machines comes
from the environment (django-environ); the defaults are the embedded, no-servers setup."""

import datetime as dt
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
    "django_otp",
    "django_otp.plugins.otp_totp",
    "partnership",
    "taskgroups",
    "resettlement",
    "esol",
    "funding",
    "lsmp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lsmp.middleware.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lsmp.middleware.SessionRefreshMiddleware",
    # The public pages' language comes from the URL (/ar/contact/; English unprefixed); every
    # other page is English. Then a public page asked for without a prefix goes to the language
    # the visitor chose before (the cookie) or, failing that, their browser's first supported one.
    "django.middleware.locale.LocaleMiddleware",
    "lsmp.middleware.PublicLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which authenticator app, if any, verified this session; then GLA officers and superusers
    # may open nothing but the second step until it has.
    "django_otp.middleware.OTPMiddleware",
    "partnership.middleware.TwoFactorRequiredMiddleware",
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
                "lsmp.context_processors.language",
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
# Health checks: a reused connection is tested before a request's first query and replaced if
# the server closed it (a Postgres restart or failover, an idle timeout, pg_terminate_backend),
# instead of failing that request with a 500 (tests/lsmp/test_killed_database_connection.py).
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
    "partnership.auth_backends.SignInAddressThrottleBackend",
    "rules.permissions.ObjectPermissionBackend",
    "partnership.auth_backends.AccountBackend",
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

# Sessions end after 30 minutes without a request. The expiry slides, but the session is saved
# at most once a minute (lsmp.middleware.SessionRefreshMiddleware), not on every request, and
# kept that minute longer (lsmp.sessions): a session ends 30 to 31 minutes after the last request.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
SESSION_ENGINE = "lsmp.sessions"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Sign-in limits. django-axes locks an email address (from any connection) after
# AXES_FAILURE_LIMIT failures within the cool-off, whether or not an account has that address.
# Axes has one failure limit for all its parameters, so the looser limit on one connection
# across email addresses is SignInAddressThrottleBackend's, counting the same axes records.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("SIGN_IN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]
# A refused attempt does not restart the cool-off: the page's "try again in 15 minutes" holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "partnership.selectors.sign_in_limits.attempted_email"
AXES_CLIENT_IP_CALLABLE = "partnership.selectors.sign_in_limits.client_address"
AXES_LOCKOUT_CALLABLE = "partnership.views.sign_in_limits.sign_in_refused"
AXES_VERBOSE = False
SIGN_IN_ADDRESS_FAILURE_LIMIT = env.int("SIGN_IN_ADDRESS_FAILURE_LIMIT", default=30)
# axes.W006 asks for the address among axes' lockout parameters; the address limit is
# SignInAddressThrottleBackend's (above), with its own higher limit, tested in tests/partnership.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Two-factor authentication (django-otp) for GLA officers and superusers: the name an
# authenticator app shows, and how many recovery codes one set holds.
OTP_TOTP_ISSUER = "LSMP portal"
TWO_FACTOR_RECOVERY_CODE_COUNT = 10

# === Language, time and formats ==============================================================
LANGUAGE_CODE = "en-gb"
# English and the ten community languages of the GLA's own documents (seed 004, "Other formats
# and languages"). Each is named in itself, as the language switcher shows it. Only the public
# pages are translated (docs/decisions/0010-public-form-in-ten-languages.md).
LANGUAGES = [
    ("en-gb", "English"),
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("zh-hans", "中文"),
    ("el", "Ελληνικά"),
    ("gu", "ગુજરાતી"),
    ("hi", "हिन्दी"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("tr", "Türkçe"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
]
LANGUAGES_BIDI = ["ar", "ur"]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "lsmp_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"

# === Static files and private uploads ========================================================
STATIC_URL = "/static/"
# Where collectstatic writes (bin/prepare-production); CI's production leg uses a fresh folder.
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
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
# crispy-forms-gds gives a widget its GOV.UK class by the widget's class name: the selects
# written in Python (partnership.common.forms.LongSelect) are GOV.UK selects too, and date,
# time, number and web-address inputs are GOV.UK inputs (the package styles only text, email
# and password inputs: the rest were drawn with the browser's default border).
CRISPY_CLASS_CONVERTERS = {"longselect": "govuk-select", **dict.fromkeys(
    ["dateinput", "timeinput", "datetimeinput", "numberinput", "urlinput"], "govuk-input")}

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

# --- Permissions-Policy (lsmp.middleware) -----------------------------------------------------
# Every powerful browser feature the portal does not use is switched off for its pages and any
# frame in them (an empty list is "()": allowed nowhere). Only features Chromium recognises are
# listed, so the header raises no console errors (tests/browser/test_permissions_policy.py).
PERMISSIONS_POLICY = {feature: [] for feature in (
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
    "fullscreen", "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone",
    "midi", "payment", "picture-in-picture", "publickey-credentials-get", "screen-wake-lock",
    "serial", "usb", "xr-spatial-tracking", "browsing-topics",
)}

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

# --- Celery: the broker connection (a worker lives through a Redis restart) --------------------
# The worker keeps reconnecting however long Redis is away (Celery's default gives up after 100
# attempts and exits); compose's health check and restart policy are the second line.
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# A dispatch that is sending when the connection drops finishes its batch: the outbox rows, not
# the broker, record what was sent, so the redelivered task finds nothing left to send. Killing
# it instead would strand its claimed rows until their lease ends.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
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
    # Papers whose words were not read at upload (the broker was away): the site search's sweep.
    "extract-waiting-paper-texts": {
        "task": "partnership.tasks.extract_waiting_paper_texts",
        "schedule": crontab(minute="*/10"),
    },
}
# After an upload commits, ask a worker to read the paper's words at once (best effort).
PAPER_TEXT_KICK_ON_COMMIT = env.bool("PAPER_TEXT_KICK_ON_COMMIT", default=True)

# --- Worker heartbeat (read by /health/) ---------------------------------------------------------
# Beat asks a worker to refresh a row this often; /health/ answers 503 once the row is older than
# the limit (a few missed beats, so one slow task does not page anyone). A heartbeat that waited
# out a broker outage is dropped rather than run late (expires).
WORKER_HEARTBEAT_EVERY_SECONDS = env.int("WORKER_HEARTBEAT_EVERY_SECONDS", default=30)
WORKER_HEARTBEAT_STALE_AFTER_SECONDS = env.int("WORKER_HEARTBEAT_STALE_AFTER_SECONDS",
                                               default=4 * WORKER_HEARTBEAT_EVERY_SECONDS)
CELERY_BEAT_SCHEDULE["record-worker-heartbeat"] = {
    "task": "lsmp.tasks.record_worker_heartbeat",
    "schedule": WORKER_HEARTBEAT_EVERY_SECONDS,
    "options": {"expires": WORKER_HEARTBEAT_EVERY_SECONDS},
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
# A claimed notification belongs to its dispatcher for this long. The dispatcher renews the
# lease while it works through a batch, so the lease only has to outlast one send plus the
# margin; kept short so that a killed worker's rows are free again within it (it was 600 s, and
# a dead worker's emails waited ten minutes).
OUTBOX_CLAIM_LEASE_SECONDS = env.int("OUTBOX_CLAIM_LEASE_SECONDS", default=30)
# Rows claimed at once: a claim is a few round trips, so 500 (it was 100) makes claiming a small
# part of dispatch (bench_outbox). A killed dispatcher's unsent rows wait one lease, not longer;
# how many can be sent twice depends on OUTBOX_MARK_BATCH_SIZE only.
OUTBOX_BATCH_SIZE = env.int("OUTBOX_BATCH_SIZE", default=500)
# Messages the SMTP server accepted are marked sent in one UPDATE per this many: a dispatcher
# that crashes can send at most this many twice (with the same Message-ID). docs/decisions/0011.
OUTBOX_MARK_BATCH_SIZE = env.int("OUTBOX_MARK_BATCH_SIZE", default=50)
# A dispatcher starts no send this close to the end of its lease, and hands the rest back:
# twice the SMTP timeout (10 s, lsmp/settings/mail.py), so a send in flight ends inside the lease.
OUTBOX_SEND_MARGIN_SECONDS = env.int("OUTBOX_SEND_MARGIN_SECONDS", default=20)
# One dispatch task stops claiming new batches after this long (the next beat carries on).
OUTBOX_DISPATCH_BUDGET_SECONDS = env.int("OUTBOX_DISPATCH_BUDGET_SECONDS", default=CELERY_TASK_SOFT_TIME_LIMIT // 2)
# Local hour (Europe/London) from which action notices and daily digests are written.
NOTICE_MORNING_HOUR = 8

# === Enquiries (the public contact form and the queue) =======================================
# How many enquiries one connection (IP address) may send in the window before getting a 429
# page, and how many one sender's email address may: a shared office or library connection
# gets room for many people, one person writing again and again does not
# (docs/decisions/0010-public-form-in-ten-languages.md).
ENQUIRY_RATE_LIMIT = env.int("ENQUIRY_RATE_LIMIT", default=30)
ENQUIRY_EMAIL_RATE_LIMIT = env.int("ENQUIRY_EMAIL_RATE_LIMIT", default=5)
ENQUIRY_RATE_LIMIT_WINDOW_SECONDS = env.int("ENQUIRY_RATE_LIMIT_WINDOW_SECONDS", default=60 * 60)
# Behind N trusted proxies the client's address is the Nth entry from the right of
# X-Forwarded-For; 0 means REMOTE_ADDR (no proxy, or one that sets REMOTE_ADDR itself).
ENQUIRY_TRUSTED_PROXY_COUNT = env.int("ENQUIRY_TRUSTED_PROXY_COUNT", default=0)
# Closed enquiries (and spam) are anonymised this many months after they were closed.
ENQUIRY_RETENTION_MONTHS = env.int("ENQUIRY_RETENTION_MONTHS", default=12)
