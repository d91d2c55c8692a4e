"""What can follow what for an enquiry. Who may triage enquiries (GLA officers) is the
`partnership.triage_enquiries` permission in partnership/rules.py."""

from partnership.common.status_machine import StatusMachine, Transition
from partnership.models import EnquiryStatus

E = EnquiryStatus
# The one transition table of an enquiry (GLA officers make them all); closed and spam are final.
# Assigned to assigned is a re-assignment to another officer.
ENQUIRY_MACHINE = StatusMachine([
    Transition(E.NEW, E.ASSIGNED, verb="Assign"),
    Transition(E.NEW, E.RESPONDED, verb="Record the response"),
    Transition(E.NEW, E.SPAM, verb="Mark as spam"),
    Transition(E.ASSIGNED, E.ASSIGNED, verb="Assign"),
    Transition(E.ASSIGNED, E.RESPONDED, verb="Record the response"),
    Transition(E.ASSIGNED, E.SPAM, verb="Mark as spam"),
    Transition(E.RESPONDED, E.CLOSED, verb="Close"),
])
