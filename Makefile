# The two commands a newcomer needs are `make run` and `make test`; the rest support them.
PYTHON ?= $(shell command -v python3.13 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

PORT ?= 8000

.PHONY: run web test test-scale install runtime-packages system-packages lint migrations-check deploy-check assets demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(INSTALLED)

## make run: the portal with demo data at http://127.0.0.1:8000 (make run PORT=8001 for another
## port), plus a Celery worker and beat; if one of the three dies it says which and stops the rest
run: install runtime-packages
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	PORT=$(PORT) bin/run-portal

## make web: the web server alone (no worker: emails wait in the outbox until one runs)
web: install runtime-packages
	$(BIN)/python manage.py migrate --no-input
	PORT=$(PORT) bin/run-portal --web-only

## make test: the whole suite (SQLite by default; Postgres/Redis when DATABASE_URL/CELERY_BROKER_URL say so)
test: install system-packages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## make test-scale: the query-plan tests over seed_scale's 100,000 rows (Postgres only: set
## DATABASE_URL; the rows are written once into the test database, --reuse-db keeps them)
test-scale: install
	$(BIN)/python -m pytest -m scale tests/scale $(PYTEST_ARGS)

# What the portal needs from Debian besides Python: Pango for WeasyPrint's PDFs and Noto fonts so
# PDFs and pages show every community language's script (RUNTIME_PACKAGES, for make run), and
# Chromium for the browser tests. Installed when we are root and something is missing; otherwise
# the apt-get command to run is printed.
RUNTIME_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-noto-cjk
define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && apt-get install -y -qq $$missing) >/dev/null; \
	  else echo "Install these Debian packages first: sudo apt-get install $$missing"; exit 1; fi; fi
endef

runtime-packages:
	$(call apt_install,$(RUNTIME_PACKAGES))

system-packages:
	$(call apt_install,$(RUNTIME_PACKAGES) chromium)

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
