"""The filters of the offer list and the figures: an explicit list of allowed fields. The
queryset handed in is already scoped to the user, so a filter can only narrow it."""

import django_filters
from django.utils import timezone

from partnership.common import financial_years
from partnership.models import Organisation

from .models import OfferStatus, ResettlementOffer, Scheme


def year_choices():
    current = financial_years.year_of(timezone.localdate())
    return financial_years.choices(range(current + 2, current - 6, -1))


class OfferFilter(django_filters.FilterSet):
    borough = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.boroughs(), empty_label="All boroughs", label="Borough")
    scheme = django_filters.ChoiceFilter(choices=Scheme.choices, empty_label="All schemes", label="Scheme")
    status = django_filters.ChoiceFilter(choices=OfferStatus.choices, empty_label="Any status", label="Status")
    financial_year = django_filters.ChoiceFilter(choices=year_choices, empty_label="All years",
                                                 label="Financial year")

    class Meta:
        model = ResettlementOffer
        fields = ["borough", "scheme", "status", "financial_year"]

    def __init__(self, data=None, *args, user=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "govuk-select"
            field.error_messages["invalid_choice"] = "Choose one of the options in the list"
        if user is not None and not user.is_gla_officer:
            # A borough officer's scope is one borough: choosing another would only empty the list.
            del self.form.fields["borough"]

    @property
    def status_chosen(self) -> bool:
        return self.is_bound and self.form.is_valid() and bool(self.form.cleaned_data.get("status"))


def filter_form_errors(filterset) -> list[tuple[str, str]]:
    """(field id, message) pairs for the error summary, when a filter value is not on the list."""
    if not filterset.is_bound or filterset.form.is_valid():
        return []
    return [(f"id_{name}", str(errors[0])) for name, errors in filterset.form.errors.items()]

