"""A body's terms of reference: one of its own papers, chosen on the body form, shown on the
body page to those who may see that paper."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnership.models import Body, PaperVisibility
from tests.conftest import ROLES
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import BodyFactory

MEMBERS_SIDE = ("gla_officer", "panel_member")


def _form(body, **changes):
    return {"name": body.name, "short_name": body.short_name, "kind": body.kind, "purpose": "Advises.",
            "cadence": body.cadence, **changes}


def _download(paper):
    return reverse("partnership:paper_download", args=[paper.pk])


def test_an_officer_picks_one_of_the_bodys_papers(world, client_for):
    terms = PaperFactory(body=world.mrap, title="Panel remit, 2026")
    response = client_for(world.users["gla_officer"]).post(
        reverse("partnership:body_edit", args=[world.mrap.pk]), _form(world.mrap, terms_of_reference=terms.pk))
    assert response.status_code == 302
    world.mrap.refresh_from_db()
    assert world.mrap.terms_of_reference == terms


def test_a_paper_of_another_body_is_refused_with_a_clear_error(world, client_for):
    elsewhere = PaperFactory(body=world.hmap, title="HMAP terms of reference")
    PaperFactory(body=world.mrap, title="MRAP briefing")
    url = reverse("partnership:body_edit", args=[world.mrap.pk])
    client = client_for(world.users["gla_officer"])
    options = client.get(url).text
    assert "MRAP briefing" in options and "HMAP terms of reference" not in options
    page = client.post(url, _form(world.mrap, chair_name="Kept as typed", terms_of_reference=elsewhere.pk)).text
    assert "There is a problem" in page and page.count("Choose one of this body&#x27;s own papers") == 2
    assert "Kept as typed" in page
    for bad in ("not-a-number", "999999"):
        assert "Choose one of this body&#x27;s own papers" in client.post(
            url, _form(world.mrap, terms_of_reference=bad)).text
    world.mrap.refresh_from_db()
    assert world.mrap.terms_of_reference is None


def test_the_model_refuses_another_bodys_paper(db):
    body, other = BodyFactory(), BodyFactory()
    body.terms_of_reference = PaperFactory(body=other)
    with pytest.raises(ValidationError, match="own papers"):
        body.full_clean()
    body.terms_of_reference = PaperFactory(body=body)
    body.full_clean()


def test_a_new_body_has_no_papers_to_choose_from(world, client_for):
    page = client_for(world.users["gla_officer"]).get(reverse("partnership:body_create")).text
    assert 'name="terms_of_reference"' not in page


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("visibility", "published", "seen_by"), [
    (PaperVisibility.PUBLIC, True, ROLES),
    (PaperVisibility.MEMBERS, True, (*MEMBERS_SIDE, "superuser")),
    (PaperVisibility.PUBLIC, False, ("gla_officer", "superuser")),  # a draft: officers only
])
def test_the_body_page_shows_the_terms_only_to_who_may_see_the_paper(world, client_for, role, visibility,
                                                                     published, seen_by):
    terms = PaperFactory(body=world.mrap, title="Panel remit", visibility=visibility,
                         published_at=timezone.now() if published else None)
    Body.objects.filter(pk=world.mrap.pk).update(terms_of_reference=terms)
    page = client_for(world.users[role]).get(reverse("partnership:body_detail", args=[world.mrap.pk])).text
    assert (_download(terms) in page) is (role in seen_by)
    assert ("Not published here" in page) is (role not in seen_by)


def test_a_title_mentioning_terms_of_reference_is_not_taken_for_them(world, client):
    """Only the chosen paper counts: a draft for comment, or a paper about the terms, is not them."""
    guess = PaperFactory(body=world.mrap, title="Comments on the terms of reference",
                         visibility=PaperVisibility.PUBLIC)
    page = client.get(reverse("partnership:body_detail", args=[world.mrap.pk])).text
    assert _download(guess) not in page and "Not published here" in page


def test_demo_sets_public_terms_of_reference_for_the_board_and_mrap(db, client):
    call_command("seed_demo")
    call_command("seed_demo")
    for short_name in ("LSMP", "MRAP"):
        body = Body.objects.select_related("terms_of_reference").get(short_name=short_name)
        terms = body.terms_of_reference
        assert terms.body_id == body.pk and terms.visibility == PaperVisibility.PUBLIC and terms.published_at
        assert _download(terms) in client.get(reverse("partnership:body_detail", args=[body.pk])).text
