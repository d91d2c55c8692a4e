"""The partnership's nouns, one module per concern; every other app builds on these."""

from .actions import Action, ActionStatus, ActionUpdate
from .bodies import Body, BodyKind, Membership, MembershipRole
from .enquiries import (
    AccessibleFormat,
    Enquiry,
    EnquiryCounter,
    EnquiryKind,
    EnquiryStatus,
    OfferType,
)
from .meetings import AgendaItem, Meeting, MeetingStatus
from .notification_preferences import Delivery, NotificationPreference
from .notifications import Notification, NotificationStatus
from .organisations import Organisation, OrganisationKind
from .papers import Paper, PaperVisibility
from .users import Role, User

__all__ = [
    "Action", "ActionStatus", "ActionUpdate", "AgendaItem", "Body", "BodyKind", "Meeting",
    "MeetingStatus", "Membership", "MembershipRole", "Notification", "NotificationStatus",
    "Delivery", "NotificationPreference",
    "Organisation", "OrganisationKind", "Paper", "PaperVisibility", "Role", "User",
]

# Meetings records and calendar feeds (issue 3).
from .calendar_feeds import CalendarFeedToken  # noqa: E402
from .records import (  # noqa: E402
    Attendance,
    AttendanceStatus,
    Decision,
    Declaration,
    Minutes,
    MinutesStatus,
)

__all__ += ["Attendance", "AttendanceStatus", "CalendarFeedToken", "Declaration", "Decision", "Minutes",
            "MinutesStatus"]
__all__ += ["AccessibleFormat", "Enquiry", "EnquiryCounter", "EnquiryKind", "EnquiryStatus", "OfferType"]

# Two-factor authentication: recovery codes and resets (django-otp keeps the authenticator apps).
from .two_factor import RecoveryCode, RecoveryCodeDevice, TwoFactorReset  # noqa: E402

__all__ += ["RecoveryCode", "RecoveryCodeDevice", "TwoFactorReset"]
