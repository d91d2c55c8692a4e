"""Directory entries: a provider keeps its own (its organisation is always the provider, whatever
is posted), GLA officers keep all; saving or confirming an entry marks it checked today; the
boroughs' ESOL contacts are the officers' to keep."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from esol.models import Provision
from esol.services import boroughs as borough_services
from esol.services import provision as services
from tests.factories.esol import GranteeFactory, ProvisionFactory, provider_user
from tests.factories.partnership import BoroughFactory, UserFactory, gla_officer

pytestmark = pytest.mark.django_db

FIELDS = {"course_title": "ESOL for parents", "level_entry_1": True, "evening": True}


def test_a_providers_entry_is_always_its_own_organisations():
    college = GranteeFactory(name="Sutton College")
    other = GranteeFactory(name="Another provider")
    entry = services.provision_create(by=provider_user(college), provider=other, borough=BoroughFactory(), **FIELDS)
    assert entry.provider == college
    assert entry.last_checked_on is not None


def test_a_provider_cannot_change_another_providers_entry():
    entry = ProvisionFactory()
    with pytest.raises(ValidationError, match="own organisation"):
        services.provision_update(provision=entry, by=provider_user(GranteeFactory()), course_title="Changed")
    with pytest.raises(ValidationError, match="own organisation"):
        services.provision_confirm_checked(provision=entry, by=provider_user(GranteeFactory()))
    assert Provision.objects.get(pk=entry.pk).course_title == entry.course_title


def test_someone_without_the_role_keeps_nothing():
    with pytest.raises(ValidationError):
        services.provision_create(by=UserFactory(organisation=GranteeFactory()), borough=BoroughFactory(), **FIELDS)


def test_an_officer_chooses_the_provider_and_confirming_marks_it_checked_today():
    officer = gla_officer()
    entry = ProvisionFactory(last_checked_on=dt.date(2024, 1, 10))
    confirmed = services.provision_confirm_checked(provision=entry, by=officer, today=dt.date(2026, 12, 1))
    assert confirmed.last_checked_on == dt.date(2026, 12, 1)
    moved = services.provision_update(provision=entry, by=officer, provider=GranteeFactory(name="New provider"),
                                      course_title="ESOL Entry 2")
    assert moved.provider.name == "New provider"


def test_an_entry_needs_a_level_a_time_and_a_borough():
    officer = gla_officer()
    with pytest.raises(ValidationError):
        services.provision_create(by=officer, provider=GranteeFactory(), borough=BoroughFactory(),
                                  course_title="No level", evening=True)
    with pytest.raises(ValidationError, match="London borough"):
        services.provision_create(by=officer, provider=GranteeFactory(), borough=GranteeFactory(), **FIELDS)


def test_borough_contacts_are_kept_by_officers_for_boroughs_only():
    officer = gla_officer()
    camden = BoroughFactory(name="Camden")
    saved = borough_services.borough_contacts_save(borough=camden, by=officer, spoc_name="ESOL advice team")
    assert camden.esol_contacts == saved
    with pytest.raises(ValidationError):
        borough_services.borough_contacts_save(borough=camden, by=provider_user(GranteeFactory()),
                                               spoc_name="Someone")
    with pytest.raises(ValidationError):
        borough_services.borough_contacts_save(borough=GranteeFactory(), by=officer, spoc_name="Someone")
