"""The public contact form: what it asks, what it refuses, what it saves and sends."""

import logging
import re

import pytest
from django.urls import reverse

from partnership.enquiries import rate_limit
from partnership.enquiries.services import ACKNOWLEDGEMENT
from partnership.models import Enquiry, EnquiryKind, EnquiryStatus, Notification
from tests.factories.partnership import BoroughFactory
from tests.support.form_values import form_values

pytestmark = pytest.mark.django_db
URL = "/contact/"
CHECK = "/contact/check/"


def question(**overrides):
    data = {"kind": "question", "name": "Amira Haddad", "email": "amira@example.com",
            "message": "How can our mosque help families arriving in Brent?", "consent": "on"}
    return {**data, **overrides}


def send(client, data, **extra):
    """The whole journey: the form, then "Send message" on the check-your-answers page. Returns
    the form's answer when it does not go on to the check page, else the check page's."""
    response = client.post(URL, data, **extra)
    if response.status_code != 302 or response["Location"] != CHECK:
        return response
    return client.post(CHECK, **extra)


def test_the_form_is_public_and_asks_no_immigration_case_question(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for kind in EnquiryKind:
        assert f'value="{kind.value}"' in html
    # The seed's notice is shown before the message box.
    notice = html.index("does not have powers to grant leave to enter or remain")
    assert notice < html.index('name="message"')
    assert "UK Visas and Immigration" in html
    # The consent statement links to the privacy notice.
    assert 'href="/privacy/"' in html
    # No field asks about anyone's immigration status or case.
    field_names = set(re.findall(r'name="([a-z_]+)"', html)) - {"csrfmiddlewaretoken"}
    assert not {name for name in field_names if re.search(r"immigra|visa|asylum|case|status|nationality", name)}
    # Every conditional question is on the page, so the form works without JavaScript.
    for name in ["offer_types", "offer_where", "document_requested", "accessible_format", "assistive_technology"]:
        assert f'name="{name}"' in html


def test_sending_a_question_saves_it_and_queues_the_acknowledgement(client):
    response = client.post(URL, question())
    assert response.status_code == 302 and response["Location"] == reverse("contact_check")
    assert not Enquiry.objects.exists()  # nothing is sent before the answers are checked
    response = client.post(CHECK)
    assert response.status_code == 302 and response["Location"] == reverse("contact_sent")
    enquiry = Enquiry.objects.get()
    assert enquiry.status == EnquiryStatus.NEW and enquiry.kind == EnquiryKind.QUESTION
    assert re.fullmatch(r"ENQ-\d{4}-\d{5}", enquiry.reference)
    notice = Notification.objects.get(kind=ACKNOWLEDGEMENT)
    assert notice.recipient_email == "amira@example.com"
    assert enquiry.reference in notice.subject and enquiry.reference in notice.body_text
    assert f"{enquiry.response_due.day} {enquiry.response_due:%B %Y}" in notice.body_text

    page = client.get(response["Location"])
    text = page.content.decode()
    assert "govuk-panel--confirmation" in text and enquiry.reference in text
    assert f"{enquiry.response_due:%A} {enquiry.response_due.day} {enquiry.response_due:%B %Y}" in text


def test_the_confirmation_page_without_a_message_sends_you_to_the_form(client):
    assert client.get("/contact/sent/")["Location"] == URL


def test_references_count_up_within_the_year(client):
    for _ in range(3):
        send(client, question())
    numbers = sorted(Enquiry.objects.values_list("number", flat=True))
    assert numbers == [1, 2, 3]
    assert len(set(Enquiry.objects.values_list("reference", flat=True))) == 3


def test_an_offer_of_support_needs_what_and_where_only_when_chosen(client):
    response = client.post(URL, question(kind="offer"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"offer_types", "offer_where"}
    assert response.context["form"].errors["offer_types"] == ["Select what you can offer"]

    response = client.post(URL, question(kind="offer", offer_types=["accommodation", "other"], offer_where="Brent"))
    assert set(response.context["form"].errors) == {"offer_other"}

    response = send(client, question(kind="offer", offer_types=["accommodation", "english"],
                                     offer_where="Anywhere in north London",
                                     document_requested="left over from another choice"))
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.offer_types == ["accommodation", "english"]
    assert enquiry.offer_where == "Anywhere in north London"
    # What was typed under a kind that was not chosen is not kept.
    assert enquiry.document_requested == ""


def test_an_accessible_format_request(client):
    response = client.post(URL, question(kind="accessible"))
    assert set(response.context["form"].errors) == {"document_requested", "accessible_format"}
    response = client.post(URL, question(kind="accessible", document_requested="LSMP annual report",
                                         accessible_format="other"))
    assert set(response.context["form"].errors) == {"accessible_format_other"}
    response = send(client, question(kind="accessible", document_requested="LSMP annual report",
                                     accessible_format="braille", assistive_technology="JAWS",
                                     offer_types=["donations"], offer_where="x" * 500))
    assert response.status_code == 302, response.context["form"].errors
    enquiry = Enquiry.objects.get()
    assert (enquiry.accessible_format, enquiry.assistive_technology) == ("braille", "JAWS")
    assert enquiry.offer_types == [] and enquiry.offer_where == ""


def test_other_kinds_ignore_the_conditional_questions(client):
    response = client.post(URL, question(kind="involved", offer_types=["nonsense"], accessible_format="nope"))
    assert response.status_code == 302


def test_errors_keep_everything_typed_and_show_html_escaped(client):
    borough = BoroughFactory(name="Camden", gss_code="E09000007")
    typed = question(name="<script>alert(1)</script>", email="not-an-email", phone="020 7983 4000",
                     organisation_name="Refugee Welcome <b>Camden</b>", borough=str(borough.pk),
                     message="We have <em>three</em> rooms & a garden", consent="")
    response = client.post(URL, typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["form"].errors.keys() == {"email", "consent"}
    assert html.count("<script>alert(1)</script>") == 0
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert 'value="not-an-email"' in html and 'value="020 7983 4000"' in html
    assert "Refugee Welcome &lt;b&gt;Camden&lt;/b&gt;" in html
    assert "We have &lt;em&gt;three&lt;/em&gt; rooms &amp; a garden</textarea>" in html
    assert f'value="{borough.pk}" selected' in html
    assert 'value="question"\n    checked' in html or 'value="question" checked' in html
    # The error summary comes first and links to each field; the title says Error.
    assert "<title>Error: " in html
    main = html[html.index("<main"):]  # the header has its own (search) form
    assert main.index("govuk-error-summary") < main.index("<form")
    assert 'href="#id_email"' in html and 'href="#id_consent"' in html
    assert not Enquiry.objects.exists()


def test_a_missing_kind_links_the_summary_to_the_first_radio(client):
    response = client.post(URL, question(kind=""))
    html = response.content.decode()
    assert 'href="#id_kind"' in html and 'id="id_kind"' in html


@pytest.mark.parametrize("nasty", [
    {"kind": "hacking"},
    {"borough": "999999"},
    {"borough": "Camden'; DROP TABLE"},
    {"name": "x" * 201},
    {"message": "y" * 5001},
    {"email": "a@" + "b" * 300 + ".com"},
    {"phone": "call me maybe"},
    {"name": "Null\x00byte"},
    {"offer_types": ["accommodation"], "kind": "offer", "offer_where": "z" * 201},
    {"accessible_format": "morse", "kind": "accessible", "document_requested": "Report"},
])
def test_bad_input_is_refused_with_a_message_never_a_500(client, nasty):
    response = client.post(URL, question(**nasty))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Enquiry.objects.exists()


def test_unicode_and_long_but_valid_messages_are_kept(client):
    message = "مرحبا — we can host a family 🏠\n" + "a" * 4900
    response = send(client, question(name="Zoë Ó Súilleabháin", message=message))
    assert response.status_code == 302
    assert Enquiry.objects.get().message == message


def test_the_honeypot_saves_nothing_but_looks_like_success(client):
    response = client.post(URL, question(website="http://spam.example"))
    assert response.status_code == 200
    assert "Message sent" in response.content.decode()
    assert not Enquiry.objects.exists() and not Notification.objects.exists()


def test_the_honeypot_is_hidden_from_people(client):
    html = client.get(URL).content.decode()
    honeypot = html[html.index('name="website"') - 300: html.index('name="website"') + 100]
    assert 'class="govuk-!-display-none" aria-hidden="true"' in honeypot and 'tabindex="-1"' in honeypot


def test_past_the_rate_limit_the_form_answers_429_with_a_page(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 3
    for _ in range(3):
        assert send(client, question()).status_code == 302
    response = client.post(URL, question())
    assert response.status_code == 429
    assert "You have sent too many messages" in response.content.decode()
    assert 'class="govuk-heading-l"' in response.content.decode()  # the portal's own styled page
    assert Enquiry.objects.count() == 3
    assert Notification.objects.filter(kind=ACKNOWLEDGEMENT).count() == 3
    # Another address is not affected.
    assert send(client, question(email="another@example.com"), REMOTE_ADDR="192.0.2.77").status_code == 302


def _past_the_limit(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    assert send(client, question()).status_code == 302
    Enquiry.objects.all().delete()
    Notification.objects.all().delete()


A_LONG_MESSAGE = "We run a food bank & a homework club <for> \"new arrivals\".\n\n" + "Second paragraph. " * 200

OFFER = {"kind": "offer", "offer_types": ["volunteering", "other"], "offer_other": "Minibus driving",
         "offer_where": "Brent and Harrow", "accessible_format": "", "document_requested": ""}
ACCESSIBLE = {"kind": "accessible", "document_requested": "The partnership's annual report 2025",
              "accessible_format": "other", "accessible_format_other": "Large print, 24 point",
              "assistive_technology": "ZoomText magnifier"}


@pytest.mark.parametrize("kind_answers", [OFFER, ACCESSIBLE], ids=["offer", "accessible"])
def test_past_the_limit_the_form_comes_back_with_everything_typed_and_nothing_saved(
        client, settings, kind_answers):
    _past_the_limit(client, settings)
    borough = BoroughFactory(name="Brent", gss_code="E09000005")
    sent = question(**kind_answers, name="Amira O'Neil-Haddad", email="amira.haddad@example.com",
                    phone="020 7983 4000", organisation_name="Brent Mosque & Community Centre",
                    borough=str(borough.pk), message=A_LONG_MESSAGE)
    response = client.post(URL, sent)

    assert response.status_code == 429
    assert not Enquiry.objects.exists() and not Notification.objects.exists()
    # The page would send again exactly what was sent: every field, the chosen kind's
    # questions, the ticked options, the borough and the long message, word for word.
    shown = form_values(response.content.decode())
    for name, value in sent.items():
        assert shown.get(name, [""]) == (value if isinstance(value, list) else [value]), name
    assert shown["message"] == [A_LONG_MESSAGE]


def test_the_rate_limit_summary_says_how_long_to_wait_and_links_to_the_message(client, settings, monkeypatch):
    settings.ENQUIRY_RATE_LIMIT_WINDOW_SECONDS = 3600
    # 25 minutes into the hour's window: 35 minutes are left.
    monkeypatch.setattr(rate_limit.time, "time", lambda: 3600 * 480_000 + 25 * 60)
    _past_the_limit(client, settings)
    response = client.post(URL, question())
    assert response.status_code == 429
    assert response["Retry-After"] == str(35 * 60)
    html = response.content.decode()
    start = html.index('class="govuk-error-summary"')
    summary = html[start:html.index("</ul>", start)]
    link = re.search(r'<li><a href="#([a-z_]+)">([^<]+)</a></li>', summary)
    assert link.group(2) == ("You have sent too many messages. Wait 35 minutes, then send this one again. "
                             "Copy your message and keep it somewhere safe in case you close this page")
    assert re.search(rf'<textarea[^>]*id="{link.group(1)}"', html)  # the link lands on the message box
    assert "Your earlier messages have reached us" in summary
    assert re.search(r"<title>Error: Contact the Migration Team", html)
    assert not Enquiry.objects.exists()


def test_past_the_limit_an_invalid_post_is_refused_with_its_errors_too(client, settings):
    _past_the_limit(client, settings)
    response = client.post(URL, question(email="wrong", message="Still kept"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "You have sent too many messages" in html
    assert 'href="#id_email">Enter an email address in the correct format' in html
    assert ">\nStill kept</textarea>" in html and 'value="wrong"' in html
    assert not Enquiry.objects.exists()


def test_the_refusal_logs_nothing_about_the_sender(client, settings, caplog):
    _past_the_limit(client, settings)
    with caplog.at_level(logging.DEBUG):
        assert client.post(URL, question()).status_code == 429
    assert "a message past the rate limit was refused" in caplog.text
    for personal in ("Amira", "Haddad", "amira@example.com", "mosque", "127.0.0.1"):
        assert personal.lower() not in caplog.text.lower()


@pytest.mark.parametrize(("seconds", "words"), [
    (1, "1 minute"), (60, "1 minute"), (61, "2 minutes"), (35 * 60, "35 minutes"), (3600, "1 hour"),
    (3601, "1 hour and 1 minute"), (2 * 3600 + 5 * 60, "2 hours and 5 minutes")])
def test_the_wait_in_plain_words(seconds, words):
    assert rate_limit.wait_in_words(seconds) == words


def test_the_wait_is_what_is_left_of_the_fixed_window(settings, monkeypatch):
    settings.ENQUIRY_RATE_LIMIT_WINDOW_SECONDS = 600
    monkeypatch.setattr(rate_limit.time, "time", lambda: 600 * 7 + 599.5)
    assert rate_limit.seconds_until_reset() == 1
    monkeypatch.setattr(rate_limit.time, "time", lambda: 600 * 7)
    assert rate_limit.seconds_until_reset() == 600


def test_invalid_posts_do_not_use_up_the_limit(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    for _ in range(4):
        assert client.post(URL, question(email="wrong")).status_code == 200
    assert send(client, question()).status_code == 302


def test_behind_a_proxy_the_forwarded_address_is_limited(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    settings.ENQUIRY_TRUSTED_PROXY_COUNT = 1
    assert send(client, question(), HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert client.post(URL, question(), HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    # A client cannot escape by adding its own entries on the left.
    assert client.post(URL, question(), HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1").status_code == 429
    assert send(client, question(email="b@example.com"), HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302


def test_an_unreachable_cache_does_not_stop_a_message(client, settings):
    # Redis down (a closed port): the limit fails open and the enquiry is still saved.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:9/0",
                                   "OPTIONS": {"socket_connect_timeout": 0.2}}}
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    response = send(client, question())
    assert response.status_code == 302
    assert Enquiry.objects.count() == 1


def test_a_repeated_field_takes_one_value_not_a_500(client):
    response = send(client, question(kind=["hacking", "concern"]))
    assert response.status_code == 302
    assert Enquiry.objects.get().kind == "concern"


def test_get_and_post_only(client):
    assert client.put(URL).status_code == 405
