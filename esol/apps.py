from django.apps import AppConfig


class EsolConfig(AppConfig):
    name = "esol"
    verbose_name = "ESOL Plus"
