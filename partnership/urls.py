"""Partnership's URLs (namespace "partnership"): one pattern list per noun, joined at the end.
The sign-in and password pages are `account_patterns`, included by lsmp.urls under /accounts/
without a namespace, as django.contrib.auth's templates expect."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .enquiries import urls as enquiry_urls
from .notifications import urls as notification_urls
from .search import urls as search_urls
from .views import (
    accounts,
    actions,
    agenda,
    attendance,
    bodies,
    calendar_feeds,
    declarations,
    interests,
    meeting_decisions,
    meeting_history,
    meetings,
    minutes,
    organisations,
    papers,
    two_factor,
)

app_name = "partnership"

account_patterns = [
    path("login/", accounts.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", accounts.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("invitation/<str:token>/", accounts.accept_invitation, name="accept_invitation"),
    # Two-factor authentication of GLA officers and superusers.
    path("two-factor/", two_factor.verify, name="two_factor_verify"),
    path("two-factor/recovery-code/", two_factor.recovery, name="two_factor_recovery"),
    path("two-factor/set-up/", two_factor.setup, name="two_factor_setup"),
    path("two-factor/set-up/qr-code.svg", two_factor.qr_code, name="two_factor_qr_code"),
    path("security/", two_factor.manage, name="two_factor_manage"),
    path("security/recovery-codes/", two_factor.new_recovery_codes, name="two_factor_new_recovery_codes"),
]

people_patterns = [
    path("people/invite/", accounts.invite_user, name="invite"),
]

organisation_patterns = [
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path("organisations/new/", organisations.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("people/", organisations.person_list, name="person_list"),
    path("people/<int:pk>/", organisations.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", organisations.person_edit, name="person_edit"),
    path("people/<int:pk>/two-factor/reset/", two_factor.reset, name="two_factor_reset"),
]

body_patterns = [
    path("bodies/", bodies.body_list, name="body_list"),
    path("bodies/new/", bodies.body_create, name="body_create"),
    path("bodies/<int:pk>/", bodies.body_detail, name="body_detail"),
    path("bodies/<int:pk>/edit/", bodies.body_edit, name="body_edit"),
    path("bodies/<int:pk>/members/add/", bodies.membership_create, name="membership_create"),
    path("bodies/<int:pk>/meetings.ics", bodies.body_calendar, name="body_calendar"),
    path("bodies/<int:pk>/meetings/", bodies.body_meetings, name="body_meetings"),
    path("bodies/<int:pk>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("bodies/<int:pk>/attendance/", attendance.body_attendance, name="body_attendance"),
    path("memberships/<int:pk>/end/", bodies.membership_finish, name="membership_end"),
]

meeting_patterns = [
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
    path("meetings/<int:pk>/history/", meeting_history.meeting_history, name="meeting_history"),
]

agenda_patterns = [
    path("meetings/<int:pk>/agenda/add/", agenda.agenda_item_create, name="agenda_item_create"),
    path("agenda-items/<int:pk>/edit/", agenda.agenda_item_edit, name="agenda_item_edit"),
    path("agenda-items/<int:pk>/remove/", agenda.agenda_item_remove, name="agenda_item_remove"),
    path("agenda-items/<int:pk>/move/<str:direction>/", agenda.agenda_item_move, name="agenda_item_move"),
]

attendance_patterns = [
    path("meetings/<int:pk>/attendance/", attendance.attendance_record, name="attendance_record"),
    path("meetings/<int:pk>/reply/", attendance.attendance_reply, name="attendance_reply"),
    path("meetings/reply/<str:token>/", attendance.attendance_reply_link, name="attendance_reply_link"),
]

declaration_patterns = [
    path("meetings/<int:pk>/declarations/add/", declarations.declaration_create, name="declaration_create"),
]

meeting_decision_patterns = [
    path("meetings/<int:pk>/decisions/add/", meeting_decisions.meeting_decision_create, name="meeting_decision_create"),
]

minutes_patterns = [
    path("meetings/<int:pk>/minutes/", minutes.minutes_detail, name="minutes_detail"),
    path("meetings/<int:pk>/minutes/edit/", minutes.minutes_edit, name="minutes_edit"),
    path("meetings/<int:pk>/minutes/approve/", minutes.minutes_approve, name="minutes_approve"),
    path("meetings/<int:pk>/minutes.pdf", minutes.minutes_pdf, name="minutes_pdf"),
]

interest_patterns = [
    path("interests/", interests.interest_list, name="interest_list"),
    path("interests/new/", interests.interest_create, name="interest_create"),
    path("interests/<int:pk>/edit/", interests.interest_edit, name="interest_edit"),
    path("interests/<int:pk>/end/", interests.interest_end, name="interest_end"),
]

calendar_feed_patterns = [
    path("calendar/", calendar_feeds.feed_settings, name="feed_settings"),
    path("calendar/<str:token>.ics", calendar_feeds.personal_feed, name="personal_feed"),
]

paper_patterns = [
    path("papers/", papers.paper_list, name="paper_list"),
    path("papers/upload/", papers.paper_upload, name="paper_upload"),
    path("papers/body/<int:body_id>/", papers.paper_body_list, name="paper_body_list"),
    path("papers/meeting/<int:meeting_id>/", papers.paper_meeting_list, name="paper_meeting_list"),
    path("papers/<int:pk>/", papers.paper_detail, name="paper_detail"),
    path("papers/<int:pk>/download/", papers.paper_download, name="paper_download"),
    path("papers/<int:pk>/edit/", papers.paper_edit, name="paper_edit"),
    path("papers/<int:pk>/publish/", papers.paper_publish, name="paper_publish"),
    path("papers/<int:pk>/unpublish/", papers.paper_unpublish, name="paper_unpublish"),
]

action_patterns = [
    path("actions/", actions.action_list, name="action_list"),
    path("actions/export.csv", actions.action_export, name="action_export"),
    path("actions/new/", actions.action_new, name="action_create"),
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("actions/<int:pk>/edit/", actions.action_edit, name="action_edit"),
    path("actions/<int:pk>/updates/new/", actions.action_update_new, name="action_update_create"),
    path("actions/<int:pk>/done/", actions.action_done, name="action_mark_done"),
    path("actions/<int:pk>/history/", actions.action_history_view, name="action_history"),
    path("my-actions/", actions.action_mine, name="my_actions"),
]

urlpatterns = [
    *people_patterns, *organisation_patterns, *body_patterns, *meeting_patterns, *agenda_patterns,
    *attendance_patterns, *declaration_patterns, *meeting_decision_patterns, *minutes_patterns,
    *interest_patterns, *calendar_feed_patterns, *paper_patterns, *action_patterns,
    *notification_urls.urlpatterns, *enquiry_urls.urlpatterns, *search_urls.search_patterns,
]
