"""Filters of the esol lists: an explicit list of allowed fields, each served by the indexes the
models declare. The querysets handed in are already scoped to the user, so a filter can only
narrow them. Values stay in the address (GET), so a filtered page can be bookmarked and paged."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone

from partnership.models import Organisation

from .models import ProvisionCost, ProvisionMode, ReturnStatus, Round
from .models.provision import CHECK_EVERY, LEVELS, TIMES

LEVEL_BY_VALUE = {value: name for name, _label, value in LEVELS}
TIME_BY_VALUE = {value: name for name, _label, value in TIMES}


def borough_choices():
    return list(Organisation.objects.boroughs().values_list("gss_code", "name"))


def _selects(filterset):
    for field in filterset.form.fields.values():
        if isinstance(field.widget, forms.Select) and not isinstance(field.widget, forms.CheckboxSelectMultiple):
            field.widget.attrs["class"] = "govuk-select"
        field.error_messages["invalid_choice"] = "Choose one of the options in the list"


class ProvisionFilter(django_filters.FilterSet):
    borough = django_filters.ChoiceFilter(choices=borough_choices, empty_label="All boroughs", label="Borough",
                                          field_name="borough__gss_code")
    level = django_filters.ChoiceFilter(choices=[(value, label) for _name, label, value in LEVELS],
                                        empty_label="Any level", label="Level", method="filter_level")
    times = django_filters.MultipleChoiceFilter(choices=[(value, label) for _name, label, value in TIMES],
                                                widget=forms.CheckboxSelectMultiple, label="When",
                                                method="filter_times")
    mode = django_filters.ChoiceFilter(choices=ProvisionMode.choices, empty_label="In person or online",
                                       label="How it is taught")
    cost = django_filters.ChoiceFilter(choices=ProvisionCost.choices, empty_label="Any cost", label="Cost")
    childcare = django_filters.BooleanFilter(widget=forms.CheckboxInput, label="Childcare on site",
                                             method="filter_if_ticked", field_name="childcare_on_site")
    women_only = django_filters.BooleanFilter(widget=forms.CheckboxInput, label="Women-only classes",
                                              method="filter_if_ticked", field_name="women_only")

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        _selects(self)

    def filter_level(self, queryset, name, value):
        field = LEVEL_BY_VALUE.get(value)
        return queryset.filter(**{field: True}) if field else queryset

    def filter_times(self, queryset, name, values):
        # Any of the chosen times: "evening or weekend" is what a learner with a day job asks.
        condition = Q()
        for value in values:
            condition |= Q(**{TIME_BY_VALUE[value]: True})
        return queryset.filter(condition) if values else queryset

    def filter_if_ticked(self, queryset, name, value):
        return queryset.filter(**{name: True}) if value else queryset


class ManagedProvisionFilter(ProvisionFilter):
    """The officer's and provider's list of entries, with the ones to check first."""

    needs_checking = django_filters.BooleanFilter(widget=forms.CheckboxInput,
                                                  label="Not checked for 12 months", method="filter_needs_checking")

    def filter_needs_checking(self, queryset, name, value):
        return queryset.not_checked_since(timezone.localdate() - CHECK_EVERY) if value else queryset


class ReturnFilter(django_filters.FilterSet):
    SHOW_CHOICES = [("missing", "Missing: due and not submitted"), ("late", "Submitted late, awaiting review"),
                    ("to_review", "Awaiting review")]

    status = django_filters.ChoiceFilter(choices=ReturnStatus.choices, empty_label="Any status", label="Status")
    show = django_filters.ChoiceFilter(choices=SHOW_CHOICES, empty_label="All returns", label="Show",
                                       method="filter_show")
    round = django_filters.ModelChoiceFilter(queryset=Round.objects.order_by("name"), empty_label="All rounds",
                                             label="Round", field_name="project__round")

    def __init__(self, data=None, *args, user=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        if user is None or not user.is_gla_officer:
            del self.form.fields["round"]  # a grantee's projects are all they see; rounds are the GLA's
        _selects(self)

    def filter_show(self, queryset, name, value):
        if value == "missing":
            return queryset.missing(timezone.localdate())
        if value == "late":
            return queryset.submitted_late()
        if value == "to_review":
            return queryset.filter(status=ReturnStatus.SUBMITTED)
        return queryset


def filter_form_errors(filterset) -> list[tuple[str, str]]:
    """(field id, message) pairs for the error summary, when a filter value is not on the list."""
    if not filterset.is_bound or filterset.form.is_valid():
        return []
    return [(f"id_{name}", str(errors[0])) for name, errors in filterset.form.errors.items()]
