import pytest
from django.core.exceptions import ValidationError

from partnership.common.status_machine import StatusMachine, Transition

MACHINE = StatusMachine([
    Transition("draft", "submitted", "owner", "Submit"),
    Transition("submitted", "accepted", "reviewer", "Accept"),
    Transition("submitted", "returned", "reviewer", "Return", note_required=True),
])


def test_only_listed_transitions_exist():
    assert ("draft", "submitted") in MACHINE
    assert ("draft", "accepted") not in MACHINE
    assert MACHINE.targets("submitted") == {"accepted", "returned"}
    assert [t.verb for t in MACHINE.from_status("submitted", side="reviewer")] == ["Accept", "Return"]
    assert MACHINE.from_status("submitted", side="owner") == []


def test_check_refuses_a_missing_transition_with_a_message():
    assert MACHINE.check("submitted", "returned").note_required
    with pytest.raises(ValidationError, match="cannot become accepted"):
        MACHINE.check("draft", "accepted")
