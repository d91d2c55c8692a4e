"""The one pattern for status machines (offers, enquiries, meetings, decisions, returns...).

A machine is a table of the transitions that exist; any pair not in the table does not exist.
Each transition says who may make it (a side such as "owner" or "reviewer", which the app's
rules map to people), the verb shown on the button, and whether a note is required. Services ask
the machine before they write; views and templates ask it what to offer."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    side: str = "any"
    verb: str = ""
    note_required: bool = False


class StatusMachine:
    def __init__(self, transitions: Iterable[Transition]):
        self._table = {(t.source, t.target): t for t in transitions}

    def __contains__(self, pair: tuple[str, str]) -> bool:
        return pair in self._table

    def __iter__(self):
        return iter(self._table.values())

    def get(self, source: str, target: str) -> Transition | None:
        return self._table.get((source, target))

    def from_status(self, source: str, *, side: str | None = None) -> list[Transition]:
        """The transitions out of a status, in table order; only those of one side if given."""
        return [t for t in self._table.values() if t.source == source and (side is None or t.side == side)]

    def sources(self, target: str) -> tuple[str, ...]:
        """The statuses a record can reach `target` from, in table order."""
        return tuple(dict.fromkeys(t.source for t in self._table.values() if t.target == target))

    def targets(self, source: str) -> set[str]:
        return {t.target for t in self.from_status(source)}

    def check(self, source: str, target: str, *, message: str = "") -> Transition:
        """The transition, or a ValidationError whose message a form can show beside the field."""
        transition = self.get(source, target)
        if transition is None:
            raise ValidationError(message or f"A record that is {source} cannot become {target}.")
        return transition
