"""Sections other apps add to a decision's page, so that funding imports none of them: an app
registers a template and a function that gives its context (or None when it has nothing to say
about this decision) in its AppConfig.ready(). esol, for one, lists the rounds a decision's
expenditure lines fund."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DecisionPanel:
    template_name: str
    context: Callable  # (decision, user) -> dict | None


_panels: list[DecisionPanel] = []


def register_decision_panel(template_name: str, context: Callable) -> DecisionPanel:
    panel = DecisionPanel(template_name, context)
    if panel not in _panels:
        _panels.append(panel)
    return panel


def panels_for(decision, user) -> list[tuple[str, dict]]:
    """(template name, context) for each registered section with something to show."""
    shown = []
    for panel in _panels:
        context = panel.context(decision, user)
        if context is not None:
            shown.append((panel.template_name, context))
    return shown
