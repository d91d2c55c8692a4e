"""Progress of a workplan and its RAG status: one rule, here.

Each workplan action is in exactly one bucket, from its portal action:
- done: status done;
- overdue: open or in progress, and its due date has passed (derived, never stored);
- in progress: in progress and not overdue;
- not started: open and not overdue;
- dropped: status dropped. Dropped actions are counted but left out of the rating.

The RAG rule, for a priority, a theme or the whole plan, over its actions that are not dropped:
- no such actions: not rated;
- Red: a third or more of them are overdue;
- Amber: at least one is overdue, but fewer than a third;
- Green: none is overdue.
So a plan is Green while everything due so far is done, however much is still to come, and
turns Amber at its first missed deadline. The rating is always shown as a word, never by
colour alone."""

from dataclasses import dataclass, field
from fractions import Fraction

RED_SHARE = Fraction(1, 3)
BUCKETS = ("done", "in_progress", "not_started", "overdue", "dropped")
BUCKET_LABELS = {"done": "Done", "in_progress": "In progress", "not_started": "Not started", "overdue": "Overdue",
                 "dropped": "Dropped"}


@dataclass(frozen=True)
class Rag:
    code: str  # "red", "amber", "green" or "" (not rated)
    label: str
    tag_class: str


RED = Rag("red", "Red", "govuk-tag--red")
AMBER = Rag("amber", "Amber", "govuk-tag--orange")
GREEN = Rag("green", "Green", "govuk-tag--green")
NOT_RATED = Rag("", "Not rated", "govuk-tag--grey")


def rag_for(*, overdue: int, live: int) -> Rag:
    if live == 0:
        return NOT_RATED
    if overdue == 0:
        return GREEN
    if Fraction(overdue, live) >= RED_SHARE:
        return RED
    return AMBER


@dataclass
class Progress:
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    overdue: int = 0
    dropped: int = 0

    def add(self, other: "Progress") -> None:
        for name in BUCKETS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def total(self) -> int:
        return sum(getattr(self, name) for name in BUCKETS)

    @property
    def live(self) -> int:
        return self.total - self.dropped

    @property
    def rag(self) -> Rag:
        return rag_for(overdue=self.overdue, live=self.live)

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.live) if self.live else 0

    def counts(self) -> list[tuple[str, str, int]]:
        return [(name, BUCKET_LABELS[name], getattr(self, name)) for name in BUCKETS]


@dataclass
class PriorityProgress:
    priority: object
    progress: Progress


@dataclass
class ThemeProgress:
    theme: object
    progress: Progress = field(default_factory=Progress)
    priorities: list[PriorityProgress] = field(default_factory=list)


@dataclass
class WorkplanProgress:
    themes: list[ThemeProgress]
    progress: Progress = field(default_factory=Progress)
