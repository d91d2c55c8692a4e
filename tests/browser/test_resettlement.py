"""The resettlement journey in a real browser: Camden submits an offer through check your
answers; a GLA officer accepts and matches it and records an arrival. axe checks every page."""

import datetime as dt

from django.utils import timezone

from partnership.common import financial_years
from partnership.models import Notification
from resettlement.models import OfferStatus, ResettlementOffer
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.partnership import PASSWORD, BoroughFactory, borough_officer, gla_officer
from tests.factories.resettlement import OfferFactory


def _go(page, action, context=""):
    with page.expect_navigation():
        action()
    assert_accessible(page, context)


def test_camden_submits_an_offer_and_the_gla_takes_it_to_arrival(page):
    camden = BoroughFactory(name="Camden", gss_code="E09000007")
    hackney = BoroughFactory(name="Hackney", gss_code="E09000012")
    borough_officer(camden, email="camden@example.org", full_name="Cam Officer")
    gla_officer(email="officer@example.org", full_name="Gail Officer")
    OfferFactory(borough=hackney, status=OfferStatus.ACCEPTED, people_offered=11)

    sign_in(page, "camden@example.org", PASSWORD)
    _go(page, lambda: page.get_by_role("link", name="Resettlement").first.click(), "(offer list)")
    assert "Hackney" not in page.locator("main").inner_text()
    _go(page, lambda: page.get_by_role("link", name="Make an offer for Camden").click(), "(new offer)")

    # First try with nothing filled in: the error summary, then the answers.
    _go(page, lambda: page.get_by_role("button", name="Save and continue").click(), "(errors)")
    assert page.title().startswith("Error: ")
    assert page.locator(".govuk-error-summary").is_visible()

    available = timezone.localdate() + dt.timedelta(days=45)
    page.get_by_label("UK Resettlement Scheme").check()
    # The year the available-from date falls in: the form refuses a date outside it.
    page.get_by_label("Financial year").select_option(label=financial_years.label(financial_years.year_of(available)))
    page.get_by_label("Households offered").fill("2")
    page.get_by_label("People offered").fill("7")
    page.get_by_label("Number of properties").fill("2")
    page.get_by_label("3 bedrooms").check()
    page.get_by_label("Step-free access", exact=True).check()
    page.locator("#id_available_from_0").fill(str(available.day))
    page.locator("#id_available_from_1").fill(str(available.month))
    page.locator("#id_available_from_2").fill(str(available.year))
    page.get_by_label("A dedicated caseworker").check()
    page.get_by_label("ESOL places").fill("3")
    _go(page, lambda: page.get_by_role("button", name="Save and continue").click(), "(check answers)")
    assert page.locator("h1").inner_text() == "Check your answers before submitting the offer"

    # Change one answer through its Change link and come back to check again.
    _go(page, lambda: page.get_by_role("link", name="Change people offered").click(), "(change)")
    page.get_by_label("People offered").fill("8")
    _go(page, lambda: page.get_by_role("button", name="Save and continue").click(), "(check answers again)")
    assert "8" in page.locator(".govuk-summary-list").inner_text()

    _go(page, lambda: page.get_by_role("button", name="Submit the offer").click(), "(submitted)")
    offer = ResettlementOffer.objects.get(borough=camden)
    assert offer.status == OfferStatus.SUBMITTED and offer.people_offered == 8
    assert "is submitted" in page.locator(".govuk-notification-banner").inner_text()

    _go(page, lambda: page.get_by_role("button", name="Sign out").click(), "(signed out)")
    sign_in(page, "officer@example.org", PASSWORD)
    page.goto(f"/resettlement/offers/{offer.pk}/")
    assert_accessible(page, "(offer as GLA)")
    for choice in ("Start the review", "Accept the offer", "Match the offer with a household"):
        _go(page, lambda: page.get_by_role("link", name="Change the status").click(), f"(status form: {choice})")
        page.get_by_label(choice).check()
        page.get_by_label("Note").fill(f"{choice}: done")
        _go(page, lambda: page.get_by_role("button", name="Save the change").click(), f"(after {choice})")
    offer.refresh_from_db()
    assert offer.status == OfferStatus.MATCHED

    _go(page, lambda: page.get_by_role("link", name="Record an arrival").click(), "(arrival form)")
    today = timezone.localdate()
    page.locator("#id_arrived_on_0").fill(str(today.day))
    page.locator("#id_arrived_on_1").fill(str(today.month))
    page.locator("#id_arrived_on_2").fill(str(today.year))
    page.get_by_label("How many people arrived in the household?").fill("4")
    _go(page, lambda: page.get_by_role("button", name="Record the arrival").click(), "(arrival recorded)")
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ARRIVED
    assert offer.arrivals.get().household_size == 4

    _go(page, lambda: page.get_by_role("link", name="See the history of this offer").click(), "(history)")
    assert page.locator("tbody tr").count() == 5
    page.goto("/resettlement/figures/")
    assert_accessible(page, "(figures)")
    assert page.locator("svg[role=img]").count() == 3
    page.goto("/dashboard/")
    assert_accessible(page, "(dashboard)")
    # Camden heard about each of the GLA's four changes; the GLA about Camden's submission.
    assert Notification.objects.filter(recipient_email="camden@example.org").count() == 4
    assert Notification.objects.filter(recipient_email="officer@example.org").count() == 1


def test_gla_records_a_sponsorship_group_and_offer(page):
    BoroughFactory(name="Camden", gss_code="E09000007")
    gla_officer(email="officer@example.org", full_name="Gail Officer")
    sign_in(page, "officer@example.org", PASSWORD)
    page.goto("/resettlement/sponsorship-groups/")
    assert_accessible(page, "(groups)")
    _go(page, lambda: page.get_by_role("link", name="Add a group").click(), "(group form)")
    page.get_by_label("Name of the group").fill("Kentish Town Community Sponsors")
    _go(page, lambda: page.get_by_role("button", name="Save the group").click(), "(groups again)")
    _go(page, lambda: page.get_by_role("link", name="Record a community sponsorship offer").click(), "(offer form)")
    page.get_by_label("Community sponsorship group").select_option(label="Kentish Town Community Sponsors")
    page.get_by_label("Supporting borough").select_option(label="Camden")
    consent = timezone.localdate() - dt.timedelta(days=3)
    for index, value in enumerate((consent.day, consent.month, consent.year)):
        page.locator(f"#id_borough_consent_on_{index}").fill(str(value))
    available = timezone.localdate() + dt.timedelta(days=20)
    page.get_by_label("Financial year").select_option(label=financial_years.label(financial_years.year_of(available)))
    page.get_by_label("Households offered").fill("1")
    page.get_by_label("People offered").fill("4")
    page.get_by_label("Number of properties").fill("1")
    page.get_by_label("2 bedrooms").check()
    # Nothing is chosen for the access question: it must be answered.
    page.get_by_label("No step-free access", exact=True).check()
    for index, value in enumerate((available.day, available.month, available.year)):
        page.locator(f"#id_available_from_{index}").fill(str(value))
    _go(page, lambda: page.get_by_role("button", name="Save and continue").click(), "(check answers)")
    assert "Kentish Town Community Sponsors" in page.locator(".govuk-summary-list").inner_text()
    _go(page, lambda: page.get_by_role("button", name="Submit the offer").click(), "(submitted)")
    assert ResettlementOffer.objects.get().status == OfferStatus.SUBMITTED


def _tab_to(page, name: str, limit: int = 150) -> None:
    """Presses Tab until the focused element is the link called `name`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.innerText.trim().replace(/\\s+/g, ' ')") == name:
            return
    raise AssertionError(f"Tab never reached the link {name!r}")


def test_a_borough_pages_through_its_offers_by_keyboard(page):
    camden = BoroughFactory(name="Camden", gss_code="E09000007")
    hackney = BoroughFactory(name="Hackney", gss_code="E09000012")
    author = borough_officer(camden, email="camden@example.org", full_name="Cam Officer")
    OfferFactory.create_batch(30, borough=camden, created_by=author, status=OfferStatus.SUBMITTED)
    OfferFactory.create_batch(30, borough=hackney, status=OfferStatus.SUBMITTED)

    sign_in(page, "camden@example.org", PASSWORD)
    page.goto("/resettlement/?status=submitted")
    assert_accessible(page, "(offer list, page 1)")
    assert page.locator("caption").inner_text() == "Showing 1 to 25 of 30 offers"
    pagination = page.get_by_role("navigation", name="Pages of offers")
    assert pagination.get_by_role("link", name="Page 1").get_attribute("aria-current") == "page"

    _tab_to(page, "Next page")
    _go(page, lambda: page.keyboard.press("Enter"), "(offer list, page 2)")
    assert "page=2" in page.url and "status=submitted" in page.url
    assert page.locator("caption").inner_text() == "Showing 26 to 30 of 30 offers"
    assert page.locator("tbody tr").count() == 5
    assert "Hackney" not in page.locator("main").inner_text()
    assert pagination.get_by_role("link", name="Page 2").get_attribute("aria-current") == "page"
    assert pagination.get_by_role("link", name="Next page").count() == 0
