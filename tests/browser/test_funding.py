"""A GLA officer drafts a decision, balances its money, signs it, and the public reads it on
the register and pages through it: in a real browser, with axe on every page."""

import datetime as dt

from funding.models import Decision, DecisionType
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.funding import SignedDecisionFactory, home_office, pdf_bytes
from tests.factories.partnership import PASSWORD, gla_officer
from tests.support.hostile_files import PDF_POLYGLOT

PART2 = "Part 2 only: the Home Office may add GBP 10,000 later"


def _save(page, button):
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    assert_accessible(page, f"(after {button})")


def _follow(page, link):
    with page.expect_navigation():
        page.get_by_role("link", name=link).first.click()
    assert_accessible(page, f"({link})")


def _add_line(page, direction, amount, *, confirmed=False):
    _follow(page, "Add an income or expenditure line")
    page.get_by_label(direction, exact=True).check()
    page.get_by_label("Amount in pounds and pence").fill(amount)
    page.get_by_label("Financial year").select_option(label="2020/21")
    page.get_by_label("Funder", exact=True).select_option(label="Home Office")
    page.get_by_label("Purpose").fill("Enabling" if direction == "Expenditure" else "LSMP grant")
    if confirmed:
        page.get_by_label("Confirmed in writing", exact=True).check()
        page.get_by_label("Date confirmed in writing").fill("2020-06-01")
    _save(page, "Save line")


def test_officer_drafts_balances_signs_and_publishes_a_decision(page, tmp_path):
    officer = gla_officer(email="officer@example.org", full_name="Gail Officer")
    home_office()
    sign_in(page, officer.email, PASSWORD)

    page.goto("/funding/decisions/")
    assert_accessible(page, "(decisions list)")
    _follow(page, "Draft a new decision")
    # A bad reference code is explained, and what was typed stays.
    page.get_by_label("Reference code").fill("XY12")
    page.get_by_label("Title", exact=True).fill("London Strategic Migration Partnership 2021/22")
    _save(page, "Save decision")
    assert page.title().startswith("Error: ")
    assert "starts with MD, DD or ADD" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Title", exact=True).input_value() == "London Strategic Migration Partnership 2021/22"

    page.get_by_label("Reference code").fill("MD2900")
    page.get_by_label("Mayor", exact=True).check()
    page.get_by_label("Decision by (name)").fill("Sadiq Khan")
    page.get_by_label("Decision by (title)").fill("Mayor of London")
    page.get_by_label("Executive summary").fill("The Home Office funds the GLA to lead the LSMP.")
    page.get_by_label("Part 2: confidential facts and advice").fill(PART2)
    _save(page, "Save decision")
    assert "MD2900 saved as a draft" in page.locator("main").inner_text()

    _follow(page, "Add a decision item")
    page.get_by_label("Number").fill("1")
    page.get_by_label("Text").fill("receipt of £64,000 of grant funding from the Home Office")
    _save(page, "Save item")

    # Balancing: income first, spending refused while it exceeds the income, then it fits.
    _add_line(page, "Income", "50,000", confirmed=True)
    _add_line(page, "Expenditure", "64000")
    assert page.title().startswith("Error: ")
    assert "more than the income from it that year" in page.locator(".govuk-error-summary").inner_text()
    _follow(page, "Back to MD2900")
    _add_line(page, "Income", "14000.00", confirmed=True)
    _add_line(page, "Expenditure", "64000")
    assert page.locator("#total-income").inner_text() == "£64,000.00"
    assert page.locator("#total-expenditure").inner_text() == "£64,000.00"

    _save(page, "Submit for signature")
    assert "awaiting signature" in page.locator("main").inner_text()
    _follow(page, "Sign the decision")
    page.get_by_label("Date signed").fill(dt.date.today().isoformat())
    # A web page that starts like a PDF is refused beside the field, and the date is kept.
    page.get_by_label("Signed decision document (PDF)").set_input_files(
        {"name": "signed.pdf", "mimeType": "application/pdf", "buffer": PDF_POLYGLOT})
    _save(page, "Sign decision")
    assert page.title().startswith("Error: ")
    assert "holds web page code" in page.locator("#div_id_signed_pdf .govuk-error-message").inner_text()
    assert page.get_by_label("Date signed").input_value() == dt.date.today().isoformat()
    page.get_by_label("Signed decision document (PDF)").set_input_files(
        {"name": "scan 0042.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("MD2900 signed")})
    _save(page, "Sign decision")
    assert "signed and published on the register" in page.locator("main").inner_text()
    assert Decision.objects.get(reference_code="MD2900").status == "signed"

    # Signed out, the public finds it on the register, Part 1 only, and downloads the signed PDF.
    _save(page, "Sign out")
    page.goto("/funding/?q=MD2900")
    assert_accessible(page, "(register)")
    _follow(page, "MD2900 London Strategic Migration Partnership 2021/22")
    main = page.locator("main").inner_text()
    assert "The Home Office funds the GLA to lead the LSMP." in main
    assert PART2 not in page.content() and "Part 2" not in main
    with page.expect_download() as download:
        page.get_by_role("link", name="(PDF)").click()
    assert download.value.suggested_filename == "MD2900-signed.pdf"
    path = tmp_path / "signed.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF-")


def test_demo_like_pages_are_accessible(page):
    from django.core.management import call_command

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for path in ["/funding/", "/funding/decisions/MD2628/", "/funding/streams/"]:
        page.goto(path)
        assert_accessible(page, path)
    assert page.get_by_role("link", name="Home Office LSMP grant").count() == 1
    _follow(page, "Home Office LSMP grant")
    sign_in(page, "officer@example.org", "demo-password-123")
    for path in ["/funding/decisions/", "/funding/risks/", "/funding/decisions/MD2800/",
                 "/funding/decisions/MD2800/lines/add/", "/funding/decisions/MD2800/risks/add/",
                 "/funding/decisions/MD2800/milestones/add/", "/funding/decisions/MD2800/relations/add/",
                 "/funding/decisions/MD2800/documents/add/", "/funding/decisions/MD2800/withdraw/",
                 "/funding/decisions/MD2800/edit/", "/funding/decisions/ADD2101/sign/", "/funding/streams/"]:
        page.goto(path)
        assert_accessible(page, path)
    _follow(page, "Controlling Migration Fund")
    _follow(page, "Record an amount from a funder")
    _save(page, "Save amount")
    assert page.title().startswith("Error: ")


def test_decision_prints_like_the_gla_form(page):
    from django.core.management import call_command

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    sign_in(page, "officer@example.org", "demo-password-123")
    page.goto("/funding/decisions/MD2628/")
    assert_accessible(page)
    title_block = page.locator(".lsmp-print-decision__form-title")
    assert not title_block.is_visible() and page.locator(".lsmp-part2").is_visible()
    page.emulate_media(media="print")
    assert title_block.is_visible()
    assert title_block.inner_text().lower() == "greater london authority\nrequest for mayor decision – md2628"
    assert page.locator(".lsmp-print-decision__signature").is_visible()
    # Officer controls, navigation and Part 2 stay off paper.
    for hidden in (".lsmp-part2", ".govuk-service-navigation", ".govuk-footer", "text=Download this decision"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert len(page.pdf(format="A4")) > 1000


def test_officer_adds_a_funding_stream_by_keyboard_alone(page):
    from funding.models import FundingStream
    from tests.browser.test_enquiries import active_id, tab_to, tab_to_button
    from tests.factories.funding import FundingStreamFactory

    FundingStreamFactory(name="Home Office LSMP grant", short_name="LSMP")
    officer = gla_officer(email="officer@example.org", full_name="Gail Officer")
    sign_in(page, officer.email, PASSWORD)
    page.goto("/funding/streams/")
    assert_accessible(page, "(public streams, as an officer)")
    for link in ("Manage funding streams", "Add a funding stream"):
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == link:
                break
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert_accessible(page, f"({link})")

    # First attempt: a code that is taken already (in lower case) and no summary.
    tab_to(page, "id_name")
    page.keyboard.type("Controlling Migration Fund")
    page.keyboard.press("Tab")
    page.keyboard.type("lsmp")
    tab_to(page, "id_pays_for")
    page.keyboard.type("Two posts with the Rough Sleeping Team")
    tab_to_button(page, "Save funding stream")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page, "(error summary)")
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "A funding stream with this code exists already" in summary
    assert "Enter a summary of the stream" in summary
    assert page.locator("#id_name").input_value() == "Controlling Migration Fund"
    assert page.locator("#id_pays_for").input_value() == "Two posts with the Rough Sleeping Team"

    tab_to(page, "id_short_name")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("cmf")
    page.keyboard.press("Tab")
    assert active_id(page) == "id_summary"
    page.keyboard.type("Funded by MHCLG for non-UK national rough sleepers.")
    tab_to(page, "id_funded_since")
    page.keyboard.type("2018")
    tab_to_button(page, "Save funding stream")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page, "(saved)")
    assert "Controlling Migration Fund (CMF) saved" in page.locator("main").inner_text()
    stream = FundingStream.objects.get(short_name="CMF")
    assert (stream.name, stream.funded_since) == ("Controlling Migration Fund", 2018)


def test_the_public_pages_through_a_filtered_register(page):
    SignedDecisionFactory.create_batch(52, decision_type=DecisionType.DIRECTOR)
    SignedDecisionFactory.create_batch(3, decision_type=DecisionType.MAYOR)
    page.goto("/funding/?decision_type=director")
    assert_accessible(page, "(register, page 1)")
    assert page.get_by_role("status").inner_text() == "Showing 1 to 50 of 52 signed decisions"
    pagination = page.get_by_role("navigation", name="Pages of signed decisions")
    assert pagination.get_by_role("link", name="Page 1").get_attribute("aria-current") == "page"
    with page.expect_navigation():
        pagination.get_by_role("link", name="Next page").click()
    assert_accessible(page, "(register, page 2)")
    assert "page=2" in page.url and "decision_type=director" in page.url
    assert page.get_by_role("status").inner_text() == "Showing 51 to 52 of 52 signed decisions"
    assert pagination.get_by_role("link", name="Page 2").get_attribute("aria-current") == "page"
