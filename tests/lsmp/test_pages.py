from django.urls import reverse

from tests.factories.partnership import BoroughFactory, borough_officer, gla_officer
from tests.support.two_factor import sign_in_fully


def test_home_page_explains_the_partnership(client, db):
    body = client.get(reverse("home")).content.decode()
    assert "London Strategic Migration Partnership" in body
    assert "Migrant and Refugee Advisory Panel" in body
    assert "unable to comment on individual cases" in body


def test_the_footer_links_to_the_privacy_notice_and_accessibility_statement(client, db):
    for name in ("home", "accessibility", "privacy"):
        footer = client.get(reverse(name)).content.decode().split("<footer")[1]
        assert f'href="{reverse("privacy")}">Privacy notice</a>' in footer
        assert f'href="{reverse("accessibility")}">Accessibility statement</a>' in footer
    assert '<h1 class="govuk-heading-l">Privacy notice</h1>' in client.get(reverse("privacy")).content.decode()


def test_accessibility_statement_meets_the_regulations(client, db):
    body = client.get(reverse("accessibility")).content.decode()
    for required in ["Accessibility Regulations 2018", "Non-accessible content", "Enforcement procedure",
                     "5 working days", "WCAG"]:
        assert required in body


def test_navigation_depends_on_role(client, db):
    officer = gla_officer()
    sign_in_fully(client, officer)
    assert "Invite a user" in client.get(reverse("dashboard")).content.decode()
    client.force_login(borough_officer(BoroughFactory(name="Camden", gss_code="E09000007")))
    body = client.get(reverse("dashboard")).content.decode()
    assert "Invite a user" not in body
    assert "Borough officer, Camden" in body


def test_unknown_page_is_the_styled_404(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "govuk-footer" in response.content.decode()


def test_only_the_closest_navigation_entry_is_current(client, db):
    # /funding/streams/ lies under both Decisions (/funding/) and Funding streams.
    body = client.get(reverse("funding:stream_list")).content.decode()
    section = body.split('id="section-navigation"')[1].split("</ul>")[0]
    assert section.count('aria-current="page"') == 1
    assert 'href="/funding/streams/" aria-current="page"' in section
    # The menu marks the group the page is in, not a second page.
    navigation = body.split('id="navigation"')[1].split("</ul>")[0]
    assert 'aria-current="page"' not in navigation and navigation.count('aria-current="true"') == 1
