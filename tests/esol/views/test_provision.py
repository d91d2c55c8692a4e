"""The public directory: filters combine and stay in the address, pages keep them, the CSV is the
whole filtered list, each entry has its page with a flag when unchecked for a year; providers keep
their own entries (the provider posted is ignored), officers keep all."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from esol.models import Provision
from tests.factories.esol import BoroughContactsFactory, GranteeFactory, ProvisionFactory
from tests.support.pagination import assert_bad_pages_answer, assert_export_link_drops_the_page, assert_second_page

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("esol:provision_directory")
EXPORT = reverse("esol:provision_export")


@pytest.fixture
def entries(world):
    make = ProvisionFactory
    return {
        "match": make(course_title="Evening Entry 3 in Camden", borough=world.camden, level_entry_3=True,
                      evening=True),
        "daytime": make(course_title="Daytime Entry 3 in Camden", borough=world.camden, level_entry_3=True,
                        daytime=True),
        "level": make(course_title="Evening Entry 1 in Camden", borough=world.camden, level_entry_1=True,
                      evening=True),
        "borough": make(course_title="Evening Entry 3 in Hackney", borough=world.hackney, level_entry_3=True,
                        evening=True),
    }


def test_filters_combine_and_stay_in_the_address(world, client, entries):
    filters = f"borough={world.camden.gss_code}&level=entry-3&times=evening"
    body = client.get(f"{DIRECTORY}?{filters}").content.decode()
    assert "Evening Entry 3 in Camden" in body
    for other in ("Daytime Entry 3 in Camden", "Evening Entry 1 in Camden", "Evening Entry 3 in Hackney"):
        assert other not in body
    assert f'<option value="{world.camden.gss_code}" selected>' in body
    assert 'value="evening" checked' in body
    assert_export_link_drops_the_page(body, EXPORT, filters)


def test_times_are_any_of_those_ticked_and_ticks_narrow(world, client, entries):
    body = client.get(f"{DIRECTORY}?times=evening&times=daytime&borough={world.camden.gss_code}").content.decode()
    assert "3 courses" in body
    ProvisionFactory(course_title="Women's class with a crèche", borough=world.camden, women_only=True,
                     childcare_on_site=True)
    body = client.get(f"{DIRECTORY}?childcare=on&women_only=on").content.decode()
    assert "1 course" in body and "Women&#x27;s class with a crèche" in body


def test_a_value_not_on_the_list_is_reported_and_the_valid_filters_still_apply(world, client, entries):
    response = client.get(f"{DIRECTORY}?level=entry-9&borough={world.camden.gss_code}&times=evening")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in body and "There is a problem with the filters" in body
    assert 'href="#id_level"' in body and 'aria-describedby="level-error"' in body
    assert "Evening Entry 3 in Camden" in body and "Evening Entry 1 in Camden" in body
    assert "Evening Entry 3 in Hackney" not in body and "Daytime Entry 3 in Camden" not in body


def test_pages_keep_the_filters(world, client):
    ProvisionFactory.create_batch(45, borough=world.camden, evening=True)
    filters = f"borough={world.camden.gss_code}&times=evening"
    body = client.get(f"{DIRECTORY}?{filters}&page=2").content.decode()
    assert_second_page(body, filters, summary="Showing 21 to 40 of 45 courses", label="Pages of classes")
    assert_bad_pages_answer(client, f"{DIRECTORY}?{filters}")


def test_the_csv_is_the_whole_filtered_directory(world, client):
    ProvisionFactory.create_batch(30, borough=world.camden, evening=True, course_title="=HYPERLINK(1)")
    ProvisionFactory.create_batch(5, borough=world.hackney)
    response = client.get(f"{EXPORT}?borough={world.camden.gss_code}&page=2")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode().lstrip("\ufeff"))))
    assert rows[0][:3] == ["Course", "Provider", "Borough"]
    assert len(rows) == 31
    assert {row[2] for row in rows[1:]} == {"Camden"}
    assert rows[1][0] == "'=HYPERLINK(1)"  # a formula is shown, never run


def test_an_entry_unchecked_for_a_year_is_flagged(world, client):
    old = ProvisionFactory(borough=world.camden, last_checked_on=timezone.localdate() - dt.timedelta(days=400))
    BoroughContactsFactory(borough=world.camden, spoc_name="Camden ESOL advice team")
    body = client.get(reverse("esol:provision_detail", args=[old.pk])).content.decode()
    assert "Nobody has checked this entry since" in body
    assert "Camden ESOL advice team" in body
    listing = client.get(DIRECTORY).content.decode()
    assert "Not checked for over a year" in listing


def test_the_borough_page_shows_its_contact_and_network(world, client):
    BoroughContactsFactory(borough=world.camden, spoc_name="Camden ESOL advice team",
                           network_name="Camden ESOL network", is_demo=True)
    ProvisionFactory(borough=world.camden, course_title="Camden course")
    ProvisionFactory(borough=world.hackney, course_title="Hackney course")
    body = client.get(reverse("esol:borough_detail", args=[world.camden.gss_code])).content.decode()
    assert "Camden ESOL advice team" in body and "Camden ESOL network" in body and "Demo contact" in body
    assert "Camden course" in body and "Hackney course" not in body


def _entry_form(world, **extra):
    return {"course_title": "ESOL for parents", "borough": world.camden.pk, "levels": ["level_entry_2"],
            "times": ["evening"], "mode": "in_person", "cost": "free", **extra}


def test_a_provider_adds_an_entry_for_its_own_organisation_whatever_it_posts(world, client_for):
    provider = world.users["provider"]
    other = GranteeFactory(name="Someone else")
    response = client_for(provider).post(reverse("esol:provision_create"),
                                         _entry_form(world, provider=other.pk, last_checked_on="2001-01-01"))
    assert response.status_code == 302
    entry = Provision.objects.get()
    assert entry.provider == provider.organisation
    assert entry.last_checked_on == timezone.localdate()
    assert (entry.level_entry_2, entry.evening, entry.level_1) == (True, True, False)


def test_a_bad_entry_keeps_what_was_typed_and_says_what_is_wrong(world, client_for):
    response = client_for(world.users["provider"]).post(
        reverse("esol:provision_create"), _entry_form(world, levels=[], contact_email="not an email",
                                                      course_title="Keep this title"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Choose at least one level" in body and "Enter an email address like name@example.org" in body
    assert 'value="Keep this title"' in body


def test_the_manage_list_flags_what_needs_checking(world, client_for):
    provider = world.users["provider"]
    ProvisionFactory(provider=provider.organisation, course_title="Old one",
                     last_checked_on=timezone.localdate() - dt.timedelta(days=500))
    ProvisionFactory(provider=provider.organisation, course_title="Fresh one")
    ProvisionFactory(course_title="Not ours")
    body = client_for(provider).get(reverse("esol:provision_manage") + "?needs_checking=on").content.decode()
    assert "Old one" in body and "Fresh one" not in body and "Not ours" not in body
