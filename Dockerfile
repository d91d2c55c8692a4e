# The portal's image: gunicorn for the web, the same image for Celery worker and beat.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=lsmp.settings.production
WORKDIR /app

RUN useradd --create-home --uid 1000 portal
# gettext compiles the public pages' translations (bin/prepare-production).
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml ./
COPY lsmp ./lsmp
COPY partnership ./partnership
COPY taskgroups ./taskgroups
COPY resettlement ./resettlement
COPY esol ./esol
COPY funding ./funding
RUN pip install --no-cache-dir .
COPY . .
# The same preparation CI's production leg runs (bin/prepare-production): static files with the
# manifest storage, translations, the deploy check. Settings need a key and a mail URL to load;
# these exist only during the build (the running containers get the real ones).
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    EMAIL_URL=smtp+tls://build:build@mail.invalid:587 bin/prepare-production \
    && mkdir -p var/private && chown -R portal:portal var

USER portal
EXPOSE 8000
CMD ["gunicorn", "lsmp.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
