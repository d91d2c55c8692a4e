from django.apps import AppConfig


class LsmpConfig(AppConfig):
    name = "lsmp"
    verbose_name = "LSMP portal (site-wide)"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import mark_session_refreshed

        # Signing in saves the session: its refresh clock starts there (SessionRefreshMiddleware).
        user_logged_in.connect(mark_session_refreshed, dispatch_uid="lsmp.mark_session_refreshed")
