from .protocols import Protocol
from .sites import (
    UNRESOLVED_STATUSES,
    CapacityBand,
    IssueCategory,
    IssueSeverity,
    IssueStatus,
    Site,
    SiteIssue,
    SiteIssueUpdate,
    SiteKind,
)
from .task_groups import FocusArea, TaskGroup
from .workplan_imports import WorkplanImport
from .workplans import Priority, Theme, Workplan, WorkplanAction, WorkplanStatus

__all__ = [
    "UNRESOLVED_STATUSES", "CapacityBand", "FocusArea", "IssueCategory", "IssueSeverity", "IssueStatus",
    "Priority", "Protocol", "Site", "SiteIssue", "SiteIssueUpdate", "SiteKind", "TaskGroup", "Theme",
    "Workplan", "WorkplanAction", "WorkplanImport", "WorkplanStatus",
]
