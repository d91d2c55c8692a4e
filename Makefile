# The two commands a newcomer needs are `make run` and `make test`; the rest support them.
PYTHON ?= $(shell command -v python3.13 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium

PORT ?= 8000

.PHONY: run web test install browser lint migrations-check deploy-check assets demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(INSTALLED)

## make run: the portal with demo data at http://127.0.0.1:8000 (make run PORT=8001 for another
## port), plus a Celery worker and beat; if one of the three dies it says which and stops the rest
run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	PORT=$(PORT) bin/run-portal

## make web: the web server alone (no worker: emails wait in the outbox until one runs)
web: install
	$(BIN)/python manage.py migrate --no-input
	PORT=$(PORT) bin/run-portal --web-only

## make test: the whole suite (SQLite by default; Postgres/Redis when DATABASE_URL/CELERY_BROKER_URL say so)
test: install browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The browser tests need Debian's Chromium; on a machine where we are root it is installed here.
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null; \
	  else echo "Chromium is needed for the browser tests: sudo apt-get install chromium"; exit 1; fi; }

lint: install
	$(BIN)/ruff check .

migrations-check: install
	DJANGO_SETTINGS_MODULE=lsmp.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

deploy-check: install
	DJANGO_SETTINGS_MODULE=lsmp.settings.production SECRET_KEY=$$(openssl rand -hex 32) \
	  ALLOWED_HOSTS=lsmp.example.org EMAIL_URL=smtp+tls://portal:secret@mail.example.org:587 $(BIN)/python manage.py check --deploy --fail-level WARNING

## make assets: rebuild static/ from GOV.UK Frontend's Sass (needs Node; running the portal does not)
assets:
	cd frontend && npm ci && node build.mjs

demo: install
	$(BIN)/python manage.py seed_demo

clean:
	rm -rf var/test-* var/broker
