"""The partnership's nouns, one module per concern; every other app builds on these."""

from .actions import Action, ActionStatus, ActionUpdate
from .attendance import Attendance, AttendanceReply, AttendanceReplyChoice, AttendanceStatus
from .bodies import Body, BodyKind, Membership, MembershipRole
from .calendar_feeds import CalendarFeedToken
from .declarations import Declaration
from .enquiries import (
    AccessibleFormat,
    Enquiry,
    EnquiryCounter,
    EnquiryKind,
    EnquiryStatus,
    OfferType,
)
from .interests import Interest, InterestKind
from .meeting_decisions import MeetingDecision
from .meetings import AgendaItem, Meeting, MeetingStatus
from .minutes import Minutes, MinutesStatus
from .notification_preferences import Delivery, NotificationPreference
from .notifications import Notification, NotificationStatus
from .organisations import Organisation, OrganisationKind
from .papers import Paper, PaperTextStatus, PaperVisibility
from .search import SearchEntry
from .subscriptions import Subscription
from .two_factor import RecoveryCode, RecoveryCodeDevice, TwoFactorReset
from .users import Role, User

__all__ = [
    "AccessibleFormat", "Action", "ActionStatus", "ActionUpdate", "AgendaItem", "Attendance", "AttendanceReply",
    "AttendanceReplyChoice", "AttendanceStatus", "Interest", "InterestKind",
    "Body", "BodyKind", "CalendarFeedToken", "Declaration", "Delivery", "Enquiry", "EnquiryCounter", "EnquiryKind",
    "EnquiryStatus", "Meeting", "MeetingDecision", "MeetingStatus", "Membership", "MembershipRole", "Minutes",
    "MinutesStatus", "Notification", "NotificationPreference", "NotificationStatus", "OfferType", "Organisation",
    "OrganisationKind", "Paper", "PaperTextStatus", "PaperVisibility", "RecoveryCode", "RecoveryCodeDevice", "Role",
    "SearchEntry", "Subscription", "TwoFactorReset",
    "User",
]
