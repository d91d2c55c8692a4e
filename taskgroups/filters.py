"""Filters of a workplan's actions: an explicit list of allowed fields over a queryset that is
already the one workplan's (so a filter can only narrow it)."""

import django_filters
from django.utils import timezone

from partnership.models import Organisation

from .models import Theme, WorkplanAction
from .selectors.workplans import bucket_filters, workplan_partners

STATUS_CHOICES = [("not_started", "Not started"), ("in_progress", "In progress"), ("overdue", "Overdue"),
                  ("done", "Done"), ("dropped", "Dropped")]


class WorkplanActionFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(queryset=Theme.objects.none(), field_name="priority__theme",
                                             empty_label="All themes", label="Theme")
    partner = django_filters.ModelChoiceFilter(queryset=Organisation.objects.none(), field_name="partners",
                                               empty_label="Any partner", label="Partner")
    progress = django_filters.ChoiceFilter(choices=STATUS_CHOICES, empty_label="Any progress", label="Progress",
                                           method="filter_progress")

    class Meta:
        model = WorkplanAction
        fields = ["theme", "partner", "progress"]

    def __init__(self, data=None, *args, workplan=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["theme"].queryset = Theme.objects.filter(workplan=workplan).order_by("number")
        self.filters["partner"].queryset = workplan_partners(workplan)
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "govuk-select"
            field.error_messages["invalid_choice"] = "Choose one of the options in the list"

    def filter_progress(self, queryset, name, value):
        return queryset.filter(bucket_filters(timezone.localdate())[value])


def filter_form_errors(filterset) -> list[tuple[str, str]]:
    if not filterset.is_bound or filterset.form.is_valid():
        return []
    return [(f"id_{name}", str(errors[0])) for name, errors in filterset.form.errors.items()]
