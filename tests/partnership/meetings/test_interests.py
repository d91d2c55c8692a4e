"""The register of interests: each person keeps their own; officers see those of the people
expected at a meeting, and those in the organisation an agenda item concerns are offered when
declarations are recorded on it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from partnership.models import Declaration, Interest, InterestKind
from partnership.services import interests as interest_services
from tests.factories.meetings import AgendaItemFactory, members_meeting
from tests.factories.partnership import OrganisationFactory


def test_a_member_keeps_their_own_register(world, client_for):
    member = world.users["panel_member"]
    client = client_for(member)
    charity = OrganisationFactory(name="Refugee Action Kingston")
    response = client.post(reverse("partnership:interest_create"),
                           {"kind": InterestKind.ROLE, "organisation": charity.pk, "description": "Trustee since 2019"})
    assert response.status_code == 302
    interest = Interest.objects.get(person=member)
    assert interest.organisation == charity
    client.post(reverse("partnership:interest_edit", args=[interest.pk]),
                {"kind": InterestKind.ROLE, "organisation": charity.pk, "description": "Chair of trustees"})
    interest.refresh_from_db()
    assert interest.description == "Chair of trustees"
    client.post(reverse("partnership:interest_end", args=[interest.pk]))
    interest.refresh_from_db()
    assert interest.ended_on == timezone.localdate()
    page = client.get(reverse("partnership:interest_list")).content.decode()
    assert "Chair of trustees" in page and "Ended" in page


def test_a_blank_interest_is_refused_beside_its_field(world, client_for):
    client = client_for(world.users["panel_member"])
    response = client.post(reverse("partnership:interest_create"), {"kind": "", "description": ""})
    html = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in html
    assert "Select what kind of interest it is" in html and "Describe the interest" in html
    assert not Interest.objects.exists()


def test_nobody_changes_anothers_interests(world, client_for):
    theirs = interest_services.interest_add(person=world.users["panel_member"], kind=InterestKind.EMPLOYMENT,
                                            description="Works at Camden Council")
    other = client_for(world.users["borough_a"])
    assert other.get(reverse("partnership:interest_edit", args=[theirs.pk])).status_code == 404
    assert other.post(reverse("partnership:interest_end", args=[theirs.pk])).status_code == 404
    with pytest.raises(ValidationError):
        interest_services.interest_end(interest=theirs, by=world.users["borough_a"])
    assert "Camden Council" not in other.get(reverse("partnership:interest_list")).content.decode()


def test_officers_see_the_register_at_the_meeting_and_members_do_not(world, client_for):
    meeting = members_meeting(world.mrap)
    interest_services.interest_add(person=world.users["panel_member"], kind=InterestKind.EMPLOYMENT,
                                   description="Works at Praxis")
    url = reverse("partnership:meeting_detail", args=[meeting.pk])
    assert "Works at Praxis" in client_for(world.users["gla_officer"]).get(url).content.decode()
    other_member_view = client_for(world.users["panel_member"]).get(url).content.decode()
    assert 'id="registered-interests"' not in other_member_view


def test_an_ended_interest_is_not_offered(world):
    from partnership.selectors.interests import interests_at_meeting

    meeting = members_meeting(world.mrap)
    interest = interest_services.interest_add(person=world.users["panel_member"], kind=InterestKind.OTHER,
                                              description="Old role")
    interest_services.interest_end(interest=interest, by=world.users["panel_member"],
                                   on=timezone.localdate() - dt.timedelta(days=1))
    assert list(interests_at_meeting(meeting)) == []


def test_interests_in_the_items_organisation_are_offered_when_declaring(world, client_for):
    charity = OrganisationFactory(name="Refugee Action Kingston")
    meeting = members_meeting(world.mrap)
    item = AgendaItemFactory(meeting=meeting, position=2, title="Grant to Refugee Action Kingston",
                             organisation=charity)
    member = world.users["panel_member"]
    interest_services.interest_add(person=member, kind=InterestKind.ROLE, organisation=charity,
                                   description="Trustee")
    interest_services.interest_add(person=member, kind=InterestKind.EMPLOYMENT, description="Unrelated job")
    officer = client_for(world.users["gla_officer"])
    url = reverse("partnership:declaration_create", args=[meeting.pk])
    page = officer.get(url, {"agenda_item": item.pk}).content.decode()
    assert "From the register of interests" in page and "Trustee" in page and "Unrelated job" not in page
    # The offered declaration posts as any declaration does.
    officer.post(url, {"agenda_item": item.pk, "person": member.pk,
                       "interest": "Role in an organisation (trustee, director, adviser) (Refugee Action Kingston): "
                                   "Trustee"})
    declaration = Declaration.objects.get(agenda_item=item)
    assert declaration.person == member and "Trustee" in declaration.interest
    # An item about no organisation offers nothing.
    plain = officer.get(url, {"agenda_item": meeting.agenda_items.get(position=1).pk}).content.decode()
    assert "From the register of interests" not in plain
