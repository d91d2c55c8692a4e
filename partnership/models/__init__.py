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
from .notifications import Notification, NotificationStatus
from .organisations import Organisation, OrganisationKind
from .papers import Paper, PaperVisibility
from .users import Role, User

__all__ = [
    "Action", "ActionStatus", "ActionUpdate", "AgendaItem", "Body", "BodyKind", "Meeting",
    "MeetingStatus", "Membership", "MembershipRole", "Notification", "NotificationStatus",
    "Organisation", "OrganisationKind", "Paper", "PaperVisibility", "Role", "User",
]
__all__ += ["AccessibleFormat", "Enquiry", "EnquiryCounter", "EnquiryKind", "EnquiryStatus", "OfferType"]
