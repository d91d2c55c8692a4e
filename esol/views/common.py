"""What every esol view module shares: object rules that answer 404, and service refusals shown
on the form beside the field they concern."""

import rules
from django.core.exceptions import ValidationError
from django.http import Http404

from partnership.common.pagination import paginate

PAGE_SIZE = 25


def object_rule_or_404(user, perm: str, obj) -> None:
    # rules.has_perm asks the rule itself: Django's has_perm would wave a superuser through to
    # steps the workflow gives only to a project's reporting contacts.
    if not rules.has_perm(perm, user, obj):
        raise Http404


def add_service_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def apply(form, action):
    """Runs a service; what it refuses becomes an error on the form. Returns None when refused."""
    try:
        return action()
    except ValidationError as error:
        add_service_error(form, error)
    return None


def page_of(request, queryset, noun: tuple[str, str], per_page: int = PAGE_SIZE):
    return paginate(request.GET, queryset, noun=noun, per_page=per_page)


def return_answer_rows(monitoring_return) -> list[tuple[str, str]]:
    """The return's answers as (label, shown value) pairs for a summary list."""
    def count(value):
        return "" if value is None else f"{value:,}"

    spend = "" if monitoring_return.spend is None else f"£{monitoring_return.spend:,.2f}"
    return [("Learners enrolled in the period", count(monitoring_return.learners_enrolled)),
            ("Learners who completed in the period", count(monitoring_return.learners_completed)),
            ("Learners who progressed in the period", count(monitoring_return.learners_progressed)),
            ("Learning hours delivered in the period", count(monitoring_return.learning_hours)),
            ("Grant spent in the period", spend),
            ("Progress in the period", monitoring_return.progress),
            ("Barriers met, and what was done about them", monitoring_return.barriers)]
