"""Every file the CSS and the templates point at exists, so production's manifest storage can
collect them (a dangling url() stops collectstatic; a dangling {% static %} turns every page
into a 500 when DEBUG is off)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
STATIC_TAG = re.compile(r"""{%\s*static\s+["']([^"']+)["']""")


def _css_references():
    for css in sorted((ROOT / "static").rglob("*.css")):
        for url in CSS_URL.findall(css.read_text()):
            if not url.startswith(("data:", "#", "http:", "https:")):
                yield css.relative_to(ROOT), url


def _template_references():
    for template in sorted(ROOT.glob("**/templates/**/*.html")):
        if ".venv" in template.parts or "node_modules" in template.parts:
            continue
        for name in STATIC_TAG.findall(template.read_text()):
            yield template.relative_to(ROOT), name


def test_every_url_in_the_css_is_a_file_in_static():
    missing = []
    for css, url in _css_references():
        name = url.removeprefix(settings.STATIC_URL) if url.startswith("/") else url
        if not finders.find(name.split("?")[0].split("#")[0]):
            missing.append(f"{css}: {url}")
    assert not missing, "missing static files:\n" + "\n".join(missing)


def test_every_static_tag_in_the_templates_names_a_file():
    references = list(_template_references())
    assert len(references) >= 3  # the stylesheet, the favicon and the scripts are referred to
    missing = [f"{template}: {name}" for template, name in references if not finders.find(name)]
    assert not missing, "missing static files:\n" + "\n".join(missing)


@pytest.mark.parametrize("stylesheet", ["css/portal.css"])
def test_the_manifest_storage_collects_everything(settings, tmp_path, stylesheet):
    # The same post-processing as production (hashing, and url() rewriting that fails on a
    # missing file), without the compression that only makes it slower.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert f'"{stylesheet}"' in manifest
