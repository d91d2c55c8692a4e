"""The WSGI application `manage.py bench_pages --all` serves with gunicorn: the portal, with the
benchmark's bare view added to its URLs (lsmp/management/commands/bench_pages.py). Never
deployed: bin/run-portal and the production image serve lsmp.wsgi."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lsmp.settings.local")
application = get_wsgi_application()
settings.ROOT_URLCONF = "lsmp.management.commands.bench_pages"
