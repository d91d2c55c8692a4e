"""The Celery app: configuration from Django settings (CELERY_*), tasks found in every app."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lsmp.settings.local")

app = Celery("lsmp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
