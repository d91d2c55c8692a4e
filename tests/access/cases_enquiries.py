"""Access rows for the public contact form and the enquiry queue."""

from tests.access.matrix import GLA_ONLY, LOGIN, PUBLIC, Case, expect
from tests.factories.enquiries import EnquiryFactory


def _enquiry(world):
    return {"pk": EnquiryFactory().pk}


GLA_ACTION_GET = expect(LOGIN, 405, 403, 403, 403, 405)
# A successful action sends the officer back to the enquiry (302); others are refused.
GLA_ACTION_POST = expect(LOGIN, 302, 403, 403, 403, 302)
# An invalid action form is shown again with its errors.
GLA_ACTION_INVALID = expect(LOGIN, 400, 403, 403, 403, 400)

ALL_302 = expect(302, 302, 302, 302, 302, 302)
# The ten community languages of the public form (settings.LANGUAGES without English).
LANGUAGES = ("ar", "bn", "zh-hans", "el", "gu", "hi", "pa", "tr", "ur", "vi")

CASES = [
    Case("contact", PUBLIC),
    Case("contact", expect(200, 200, 200, 200, 200, 200), method="post", label="with errors"),
    # A valid form goes on to the check-your-answers page; nothing is sent yet.
    Case("contact", ALL_302, method="post", label="to check",
         data=lambda w: {"kind": "question", "name": "A Person", "email": "a@example.com",
                         "message": "Hello", "consent": "on"}),
    # Without answers waiting, the check page and its "Send" go back to the form.
    Case("contact_check", ALL_302),
    Case("contact_check", ALL_302, method="post", label="nothing to send"),
    # Without a message just sent, the confirmation page sends everyone to the form.
    Case("contact_sent", ALL_302),
    # The same pages under each language's prefix (/ar/contact/ ...): Case.extra["language"].
    *[Case("contact", PUBLIC, label=code, extra={"language": code}) for code in LANGUAGES],
    Case("contact", expect(200, 200, 200, 200, 200, 200), method="post", label="ar with errors",
         extra={"language": "ar"}),
    Case("contact", ALL_302, method="post", label="bn to check", extra={"language": "bn"},
         data=lambda w: {"kind": "offer", "offer_types": ["other"], "offer_other": "একটি ঘর",
                         "offer_where": "Tower Hamlets", "name": "রুমানা", "email": "r@example.com",
                         "message": "আমরা সাহায্য করতে চাই", "consent": "on"}),
    Case("contact_check", ALL_302, label="ar", extra={"language": "ar"}),
    Case("contact_sent", ALL_302, label="ur", extra={"language": "ur"}),
    Case("partnership:enquiry_list", GLA_ONLY),
    Case("partnership:enquiry_subject_access", GLA_ONLY),
    Case("partnership:enquiry_detail", GLA_ONLY, kwargs=_enquiry),
    Case("partnership:enquiry_detail", expect(LOGIN, 404, 403, 403, 403, 404), label="no such enquiry",
         kwargs=lambda w: {"pk": 999999}),
    Case("partnership:enquiry_assign", GLA_ACTION_GET, kwargs=_enquiry),
    Case("partnership:enquiry_assign", GLA_ACTION_POST, kwargs=_enquiry, method="post",
         data=lambda w: {"assignee": w.users["gla_officer"].pk}),
    Case("partnership:enquiry_assign", GLA_ACTION_INVALID, kwargs=_enquiry, method="post",
         label="not an officer", data=lambda w: {"assignee": w.users["borough_a"].pk}),
    Case("partnership:enquiry_respond", GLA_ACTION_GET, kwargs=_enquiry),
    Case("partnership:enquiry_respond", GLA_ACTION_POST, kwargs=_enquiry, method="post",
         data=lambda w: {"note": "Replied by email"}),
    Case("partnership:enquiry_respond", GLA_ACTION_INVALID, kwargs=_enquiry, method="post", label="no note"),
    Case("partnership:enquiry_close", GLA_ACTION_GET, kwargs=_enquiry),
    # Closing a new enquiry is refused by the service: the officer is sent back with a message.
    Case("partnership:enquiry_close", GLA_ACTION_POST, kwargs=_enquiry, method="post"),
    Case("partnership:enquiry_spam", GLA_ACTION_GET, kwargs=_enquiry),
    Case("partnership:enquiry_spam", GLA_ACTION_POST, kwargs=_enquiry, method="post"),
    Case("partnership:enquiry_spam", expect(LOGIN, 404, 403, 403, 403, 404), method="post",
         label="no such enquiry", kwargs=lambda w: {"pk": 999999}),
]
