# The portal's image: gunicorn for the web, the same image for Celery worker and beat.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=lsmp.settings.production
WORKDIR /app

RUN useradd --create-home --uid 1000 portal
COPY pyproject.toml ./
COPY lsmp ./lsmp
COPY partnership ./partnership
COPY taskgroups ./taskgroups
COPY resettlement ./resettlement
COPY esol ./esol
COPY funding ./funding
RUN pip install --no-cache-dir .
COPY . .
# collectstatic needs a key to import settings; this one exists only at build time.
RUN SECRET_KEY=build-only EMAIL_URL=consolemail:// python manage.py collectstatic --no-input \
    && mkdir -p var/private && chown -R portal:portal var

USER portal
EXPOSE 8000
CMD ["gunicorn", "lsmp.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
