from django.apps import AppConfig


class LsmpConfig(AppConfig):
    name = "lsmp"
    verbose_name = "LSMP portal (site-wide)"
