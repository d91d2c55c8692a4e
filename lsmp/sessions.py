"""The session engine: Django's database sessions, kept for SESSION_COOKIE_AGE plus the refresh
interval. SessionRefreshMiddleware (lsmp/middleware.py) saves a session at most once every
SESSION_REFRESH_SECONDS instead of on every request (issue 12: a write on every read), so the
last save can be up to that long before the last request; storing the session that much longer
keeps the rule "a session ends after 30 minutes without a request": it ends between 30 and 31
minutes after the last one, never sooner."""

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


class SessionStore(DatabaseSessionStore):
    def get_session_cookie_age(self):
        return settings.SESSION_COOKIE_AGE + settings.SESSION_REFRESH_SECONDS
