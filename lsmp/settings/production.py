"""Production: refuses to start without SECRET_KEY; HTTPS-only cookies and HSTS."""

from .base import *  # noqa: F403
from .base import env
from .mail import mailer_from_url

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")  # no default: a missing key stops the process

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The health check is called over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Production sends real email: EMAIL_URL is required (smtp:// or smtp+tls://).
MAILERS = {"default": mailer_from_url(env.str("EMAIL_URL"))}
