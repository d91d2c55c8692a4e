"""The Celery app: configuration from Django settings (CELERY_*), tasks found in every app and
in partnership's sub-packages that have tasks of their own."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lsmp.settings.local")

app = Celery("lsmp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["partnership.notifications", "partnership.enquiries"])
