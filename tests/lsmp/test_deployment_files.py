"""docker-compose.yml and .env.example agree, and nothing starts before the migrations ran."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.mark.parametrize("service", ["web", "worker", "beat"])
def test_the_portal_waits_for_the_one_off_migrate(service):
    # Code of a new release against the old schema fails at the first query that reads a new column.
    depends_on = COMPOSE["services"][service]["depends_on"]
    assert depends_on["migrate"] == {"condition": "service_completed_successfully"}
    # The merge key of the shared block is replaced, not merged: the stores must still be awaited.
    assert depends_on["postgres"] == {"condition": "service_healthy"}
    assert depends_on["redis"] == {"condition": "service_healthy"}


def test_migrate_does_not_wait_for_itself():
    assert "migrate" not in COMPOSE["services"]["migrate"]["depends_on"]


def test_env_example_names_every_variable_compose_requires():
    required = set(re.findall(r"\$\{(\w+):\?", (ROOT / "docker-compose.yml").read_text()))
    assert {"SECRET_KEY", "POSTGRES_PASSWORD", "EMAIL_URL"} <= required
    example = (ROOT / ".env.example").read_text()
    named = set(re.findall(r"^#?\s*(\w+)=", example, flags=re.MULTILINE))
    assert required <= named, f"missing from .env.example: {sorted(required - named)}"


@pytest.mark.parametrize("service", ["web", "worker", "beat"])
def test_long_running_services_restart_after_a_crash(service):
    assert COMPOSE["services"][service]["restart"] in {"unless-stopped", "always"}


def test_the_one_off_migrate_is_not_restarted():
    assert COMPOSE["services"]["migrate"]["restart"] == "no"


def test_the_worker_health_check_pings_this_very_worker_through_the_broker():
    check = COMPOSE["services"]["worker"]["healthcheck"]
    command = " ".join(check["test"])
    assert check["test"][0] == "CMD-SHELL"
    assert "celery -A lsmp inspect ping" in command
    # $$ is compose's escape for a literal $ (a single $ would be expanded by compose on the
    # host, empty): the container's shell expands its own hostname, which is the worker's
    # default node name (celery@<hostname>).
    assert "--destination celery@$$HOSTNAME" in command
    assert check["retries"] >= 1 and check["start_period"]


def test_the_image_build_and_the_ci_production_leg_prepare_the_same_way():
    # One script, so that the Dockerfile's build and CI's production leg cannot drift apart.
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "bin/prepare-production" in dockerfile
    assert "collectstatic" not in dockerfile
    leg = (ROOT / "bin" / "production-smoke").read_text()
    assert "bin/prepare-production" in leg
    assert "bin/production-smoke" in (ROOT / ".ci" / "run").read_text()
    prepare = (ROOT / "bin" / "prepare-production").read_text()
    for command in ["collectstatic --no-input", "compilemessages", "check --deploy --fail-level WARNING"]:
        assert command in prepare


def test_the_production_leg_runs_exactly_one_beat_and_stops_what_it_started():
    leg = (ROOT / "bin" / "production-smoke").read_text()
    assert leg.count("celery\" -A lsmp beat") == 1
    assert "trap finish EXIT" in leg
