from django.urls import path

from .views import accounts, notifications
from .views import enquiries as enquiry_views

app_name = "partnership"

urlpatterns = [
    path("people/invite/", accounts.invite_user, name="invite"),
    path("account/email-settings/", notifications.notification_preferences, name="notification_preferences"),
    path("notifications/", notifications.notification_log, name="notification_log"),
    path("notifications/<int:pk>/retry/", notifications.notification_retry_view, name="notification_retry"),
    # The public contact form and the enquiry queue (issue 7).
    path("contact/", enquiry_views.contact, name="contact"),
    path("contact/sent/", enquiry_views.contact_sent, name="contact_sent"),
    path("enquiries/", enquiry_views.enquiry_list, name="enquiry_list"),
    path("enquiries/subject-access/", enquiry_views.enquiry_subject_access, name="enquiry_subject_access"),
    path("enquiries/<int:pk>/", enquiry_views.enquiry_detail, name="enquiry_detail"),
    path("enquiries/<int:pk>/assign/", enquiry_views.enquiry_assign_view, name="enquiry_assign"),
    path("enquiries/<int:pk>/respond/", enquiry_views.enquiry_respond_view, name="enquiry_respond"),
    path("enquiries/<int:pk>/close/", enquiry_views.enquiry_close_view, name="enquiry_close"),
    path("enquiries/<int:pk>/spam/", enquiry_views.enquiry_spam_view, name="enquiry_spam"),
]

# Organisations, people, bodies, meetings, minutes and calendars (issue 3).
from .views import bodies, calendar_feeds, meetings, organisations, records, two_factor  # noqa: E402

urlpatterns += [
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path("organisations/new/", organisations.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("people/", organisations.person_list, name="person_list"),
    path("people/<int:pk>/", organisations.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", organisations.person_edit, name="person_edit"),
    path("people/<int:pk>/two-factor/reset/", two_factor.reset, name="two_factor_reset"),
    path("bodies/", bodies.body_list, name="body_list"),
    path("bodies/new/", bodies.body_create, name="body_create"),
    path("bodies/<int:pk>/", bodies.body_detail, name="body_detail"),
    path("bodies/<int:pk>/edit/", bodies.body_edit, name="body_edit"),
    path("bodies/<int:pk>/members/add/", bodies.membership_create, name="membership_create"),
    path("bodies/<int:pk>/meetings.ics", bodies.body_calendar, name="body_calendar"),
    path("bodies/<int:pk>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("memberships/<int:pk>/end/", bodies.membership_finish, name="membership_end"),
    path("meetings/", meetings.meeting_calendar, name="meeting_calendar"),
    path("meetings/mine/", meetings.my_meetings, name="my_meetings"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/joining/", meetings.meeting_joining, name="meeting_joining"),
    path("meetings/<int:pk>/change/", meetings.meeting_reschedule, name="meeting_reschedule"),
    path("meetings/<int:pk>/cancel/", meetings.meeting_change_status, {"change": "cancel"}, name="meeting_cancel"),
    path("meetings/<int:pk>/postpone/", meetings.meeting_change_status, {"change": "postpone"},
         name="meeting_postpone"),
    path("meetings/<int:pk>/held/", meetings.meeting_change_status, {"change": "held"}, name="meeting_mark_held"),
    path("meetings/<int:pk>/next/", meetings.meeting_create_next, name="meeting_create_next"),
    path("meetings/<int:pk>/agenda/add/", records.agenda_item_create, name="agenda_item_create"),
    path("agenda-items/<int:pk>/edit/", records.agenda_item_edit, name="agenda_item_edit"),
    path("agenda-items/<int:pk>/remove/", records.agenda_item_remove, name="agenda_item_remove"),
    path("agenda-items/<int:pk>/move/<str:direction>/", records.agenda_item_move, name="agenda_item_move"),
    path("meetings/<int:pk>/attendance/", records.attendance_record, name="attendance_record"),
    path("meetings/<int:pk>/declarations/add/", records.declaration_create, name="declaration_create"),
    path("meetings/<int:pk>/decisions/add/", records.decision_create, name="decision_create"),
    path("meetings/<int:pk>/minutes/", records.minutes_detail, name="minutes_detail"),
    path("meetings/<int:pk>/minutes/edit/", records.minutes_edit, name="minutes_edit"),
    path("meetings/<int:pk>/minutes/approve/", records.minutes_approve, name="minutes_approve"),
    path("meetings/<int:pk>/history/", records.meeting_history, name="meeting_history"),
    path("calendar/", calendar_feeds.feed_settings, name="feed_settings"),
    path("calendar/<str:token>.ics", calendar_feeds.personal_feed, name="personal_feed"),
]
# Papers and actions keep their URL lists in their own modules (same namespace).
from . import urls_actions, urls_papers  # noqa: E402

urlpatterns += urls_papers.urlpatterns + urls_actions.urlpatterns
