"""The public form's check-your-answers step, the "What else can you offer?" reveal, the two rate
limits, and the languages an enquiry records (issues 15 and 17)."""

import re

import pytest
from django.utils import translation

from partnership.enquiries.services import ACKNOWLEDGEMENT
from partnership.enquiries.views import DRAFT_SESSION_KEY
from partnership.models import Enquiry, Notification, Organisation
from tests.factories.enquiries import EnquiryFactory
from tests.factories.partnership import BoroughFactory, gla_officer
from tests.support.form_values import form_values
from tests.support.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db
OFFER = {"kind": "offer", "offer_types": ["accommodation", "other"], "offer_other": "A minibus on Saturdays",
         "offer_where": "Brent", "name": "Amira Haddad", "email": "amira@example.com",
         "message": "We can help families arriving in Brent.", "consent": "on"}


def _to_check(client, data, prefix=""):
    response = client.post(f"{prefix}/contact/", data)
    assert response.status_code == 302 and response["Location"] == f"{prefix}/contact/check/", response.status_code
    return client.get(response["Location"])


def _rows(html):
    return dict(re.findall(r'<dt class="govuk-summary-list__key">(.*?)</dt>\s*<dd class="govuk-summary-list__value">'
                           r"(.*?)</dd>", html, re.S))


def test_the_check_page_lists_the_chosen_kind_s_answers_with_change_links(client):
    page = _to_check(client, {**OFFER, "document_requested": "left over", "phone": ""})
    html = page.content.decode()
    rows = _rows(html)
    assert "<li>Accommodation</li><li>Something else</li>" in rows["What can you offer?"]
    assert "A minibus on Saturdays" in rows["What else can you offer?"]
    assert rows["Telephone number (optional)"] == "Not given"
    assert "Which document do you need?" not in rows  # another kind's question is not listed
    assert '<bdi dir="ltr">amira@example.com</bdi>' in rows["Email address"]
    assert 'href="/contact/#id_offer_other">Change<span class="govuk-visually-hidden"> What else can you offer?' \
        in html
    assert 'href="/contact/#id_offer_types_1"' in html
    assert not Enquiry.objects.exists()


def test_change_brings_back_the_form_with_everything_as_it_was(client):
    borough = BoroughFactory(name="Brent", gss_code="E09000005")
    _to_check(client, {**OFFER, "borough": str(borough.pk), "phone": "020 7983 4000"})
    shown = form_values(client.get("/contact/").content.decode())
    for name in ("offer_other", "offer_where", "name", "email", "message", "phone"):
        assert shown[name] == [OFFER.get(name, "020 7983 4000")], name
    assert shown["offer_types"] == ["accommodation", "other"] and shown["borough"] == [str(borough.pk)]
    # Changed and checked again, the new answer is what is sent.
    _to_check(client, {**OFFER, "offer_where": "Harrow"})
    assert client.post("/contact/check/")["Location"] == "/contact/sent/"
    assert Enquiry.objects.get().offer_where == "Harrow"


def test_nothing_is_kept_beyond_the_answers_and_it_goes_once_sent(client):
    _to_check(client, {**OFFER, "website": "", "csrfmiddlewaretoken": "x"})
    assert set(client.session[DRAFT_SESSION_KEY]) == {"kind", "offer_types", "offer_other", "offer_where", "name",
                                                      "email", "message", "consent"}
    client.post("/contact/check/")
    assert DRAFT_SESSION_KEY not in client.session
    # Sending twice (the back button, a double click) sends one message.
    assert client.post("/contact/check/")["Location"] == "/contact/"
    assert client.get("/contact/check/")["Location"] == "/contact/"
    assert Enquiry.objects.count() == 1


def test_answers_no_longer_valid_are_shown_on_the_form_with_their_error(client):
    borough = BoroughFactory(name="Brent", gss_code="E09000005")
    _to_check(client, {**OFFER, "borough": str(borough.pk)})
    Organisation.objects.filter(pk=borough.pk).delete()
    response = client.post("/contact/check/")
    assert response.status_code == 200
    assert "Select a London borough from the list" in response.content.decode()
    assert not Enquiry.objects.exists()


def test_what_else_is_revealed_under_something_else_only(client):
    html = client.get("/contact/").content.decode()
    other_box = html.index('value="other"')
    reveal = html.index('class="govuk-checkboxes__conditional lsmp-reveal" id="conditional-offer_types-other"')
    assert other_box < reveal < html.index('name="offer_other"') < html.index('name="offer_where"')
    assert 'aria-controls="conditional-offer_types-other"' in html[other_box - 300:reveal]
    # The stylesheet hides it, without a script, while "Something else" is not ticked.
    css = open("static/css/portal.css", encoding="utf-8").read()
    assert ".govuk-checkboxes__item:has(>.govuk-checkboxes__input:not(:checked))+.lsmp-reveal{display:none}" in css


def test_an_answer_left_in_what_else_is_ignored_when_something_else_is_unticked(client):
    data = {**OFFER, "offer_types": ["volunteering"], "offer_other": "x" * 500}
    rows = _rows(_to_check(client, data).content.decode())
    assert "What else can you offer?" not in rows
    client.post("/contact/check/")
    assert Enquiry.objects.get().offer_other == ""


def test_something_else_ticked_needs_the_answer(client):
    response = client.post("/contact/", {**OFFER, "offer_other": ""})
    assert response.context["form"].errors == {"offer_other": ["Say what else you can offer"]}


# --- Rate limits -------------------------------------------------------------------------------

def _send(client, data, **extra):
    response = client.post("/contact/", data, **extra)
    if response.status_code == 302:
        response = client.post("/contact/check/", **extra)
    return response


def test_a_shared_connection_has_room_for_many_people(client, settings):
    assert settings.ENQUIRY_RATE_LIMIT == 30 and settings.ENQUIRY_EMAIL_RATE_LIMIT == 5
    for number in range(30):  # a library's computers: thirty different people in an hour
        assert _send(client, {**OFFER, "email": f"reader{number}@example.com"}).status_code == 302, number
    response = _send(client, {**OFFER, "email": "reader31@example.com"})
    assert response.status_code == 429
    assert Enquiry.objects.count() == 30


def test_one_sender_is_limited_by_email_address_from_any_connection(client, settings):
    for number in range(5):
        assert _send(client, OFFER, REMOTE_ADDR=f"192.0.2.{number}").status_code == 302
    response = _send(client, {**OFFER, "email": "AMIRA@example.com "}, REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 429
    assert Enquiry.objects.count() == 5
    # Someone else on that connection is not affected.
    assert _send(client, {**OFFER, "email": "other@example.com"}, REMOTE_ADDR="198.51.100.9").status_code == 302


def test_past_the_limit_on_the_check_page_the_answers_stay_and_nothing_is_sent(client, settings):
    settings.ENQUIRY_EMAIL_RATE_LIMIT = 1
    _to_check(client, OFFER)
    _send(client.__class__(), OFFER)  # the same sender, from another browser, first
    response = client.post("/contact/check/")
    assert response.status_code == 429 and response["Retry-After"]
    html = response.content.decode()
    assert "You have sent too many messages" in html and 'href="#send"' in html
    assert "A minibus on Saturdays" in html  # the check page, with every answer
    assert Enquiry.objects.count() == 1 and DRAFT_SESSION_KEY in client.session


def test_the_cache_never_holds_an_email_address_in_clear(client):
    from django.core.cache import cache

    _send(client, OFFER)
    keys = list(cache._cache.keys())
    assert keys and not any("amira" in key for key in keys)
    assert any(":email:" in key for key in keys) and any(":address:" in key for key in keys)


# --- Languages ---------------------------------------------------------------------------------

def test_an_enquiry_records_its_languages_and_is_acknowledged_in_the_reply_language(client):
    message = "আমরা টাওয়ার হ্যামলেটসে একটি পরিবারকে থাকার জায়গা দিতে পারি।"
    _to_check(client, {**OFFER, "message": message, "reply_language": "bn"}, prefix="/bn")
    assert client.post("/bn/contact/check/")["Location"] == "/bn/contact/sent/"
    enquiry = Enquiry.objects.get()
    assert (enquiry.language, enquiry.reply_language, enquiry.message) == ("bn", "bn", message)
    notice = Notification.objects.get(kind=ACKNOWLEDGEMENT)
    with translation.override("bn"):
        assert notice.subject == translation.gettext("We have your message: reference %(reference)s") % {
            "reference": enquiry.reference}
        assert translation.gettext("Thank you for contacting the Greater London Authority's Migration Team.") \
            in notice.body_text
    assert "/bn/privacy/" in notice.body_text
    assert enquiry.reference in notice.body_text


def test_a_reply_language_other_than_the_form_s(client):
    _to_check(client, {**OFFER, "reply_language": "en-gb"}, prefix="/ar")
    client.post("/ar/contact/check/")
    enquiry = Enquiry.objects.get()
    assert (enquiry.language, enquiry.reply_language) == ("ar", "en-gb")
    assert "Thank you for contacting" in Notification.objects.get(kind=ACKNOWLEDGEMENT).body_text


def test_the_confirmation_shows_the_reference_left_to_right_and_the_date_in_the_language(client):
    _to_check(client, OFFER, prefix="/ar")
    page = client.get(client.post("/ar/contact/check/")["Location"]).content.decode()
    enquiry = Enquiry.objects.get()
    assert f'<bdi dir="ltr" class="lsmp-reference">{enquiry.reference}</bdi>' in page
    with translation.override("ar"):
        month = translation.gettext(enquiry.response_due.strftime("%B"))
    assert month in page and month != enquiry.response_due.strftime("%B")


def test_the_queue_shows_and_filters_by_language(client):
    sign_in_fully(client, officer := gla_officer())
    assert officer.is_gla_officer
    EnquiryFactory(name="English sender")
    EnquiryFactory(name="Urdu sender", language="ur", reply_language="ur")
    EnquiryFactory(name="Asks for Urdu", language="en-gb", reply_language="ur")
    html = client.get("/enquiries/", {"language": "ur"}).content.decode()
    assert "Urdu sender" in html and "Asks for Urdu" in html and "English sender" not in html
    assert "reply in Urdu" in html
    assert '<option value="ur" selected>Urdu</option>' in html
    assert 'href="/translations/"' in html  # the officers' page of translations and their review


def test_the_officer_sees_the_message_as_typed(client):
    sign_in_fully(client, gla_officer())
    enquiry = EnquiryFactory(language="ar", reply_language="ar", message="نريد المساعدة\nفي برنت")
    html = client.get(f"/enquiries/{enquiry.pk}/").content.decode()
    assert '<div class="govuk-inset-text lsmp-as-typed" dir="auto">نريد المساعدة<br>في برنت</div>' in html
    assert "Arabic" in html and 'lang="en-GB"' in html
