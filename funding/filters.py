"""The register's filters: year, type, funder and a search by code or title (django-filter,
with an explicit list of fields). Part 2 is searched for GLA officers only."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from partnership.common import financial_years
from partnership.common.forms import LongSelect
from partnership.models import Organisation

from .models import Decision, DecisionStatus, DecisionType, FundingStream, Line


def _select():
    """A GOV.UK select written in Python (the templates render the fields one by one)."""
    return LongSelect(attrs={"class": "govuk-select"})


def _year_choices(lines):
    years = lines.order_by("-financial_year").values_list("financial_year", flat=True).distinct()
    return financial_years.choices(years)


class DecisionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search by code or title", method="search", max_length=200)
    year = django_filters.ChoiceFilter(label="Financial year", choices=[], method="in_year", empty_label="Any year",
                                       widget=_select())
    decision_type = django_filters.ChoiceFilter(label="Decision type", choices=DecisionType.choices,
                                                empty_label="Any type", widget=_select())
    # Choices of (id, name) read in one query: a model choice field counted the funders, then read
    # them through a server-side cursor (three round trips) every time the form was drawn.
    funder = django_filters.ChoiceFilter(label="Funder", method="from_funder", empty_label="Any funder", choices=[],
                                         widget=_select())
    # A funding stream's page links here for the whole list of its decisions.
    stream = django_filters.ChoiceFilter(label="Funding stream", field_name="funding_stream_id", choices=[],
                                         empty_label="Any stream", widget=_select())

    class Meta:
        model = Decision
        fields = ["q", "year", "decision_type", "funder", "stream"]

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        # The choices come from the decisions this user may see, so that a draft's years and
        # funders are not hinted at on the public register.
        listed = Decision.objects.filter(pk__in=self.queryset.order_by().values("pk"))
        lines = Line.objects.filter(decision__in=listed)
        self.filters["year"].extra["choices"] = _year_choices(lines)
        self.filters["funder"].extra["choices"] = list(
            Organisation.objects.filter(pk__in=lines.filter(source_organisation__isnull=False)
                                        .values("source_organisation")).order_by("name").values_list("pk", "name"))
        # Streams are few and public (their pages are), so every one is offered.
        self.filters["stream"].extra["choices"] = list(FundingStream.objects.order_by("name").values_list("pk", "name"))

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        matches = Q(reference_code__iexact=value) | Q(reference_code__icontains=value) | Q(title__icontains=value)
        if self.user is not None and self.user.is_authenticated and self.user.has_perm("funding.view_part2"):
            matches |= Q(part2_confidential__icontains=value)
        return queryset.filter(matches)

    def in_year(self, queryset, name, value):
        return queryset.filter(Exists(Line.objects.filter(decision=OuterRef("pk"), financial_year=int(value))))

    def from_funder(self, queryset, name, value):
        return queryset.filter(Exists(Line.objects.filter(decision=OuterRef("pk"), source_organisation_id=int(value))))


class OfficerDecisionFilter(DecisionFilter):
    status = django_filters.ChoiceFilter(choices=DecisionStatus.choices, empty_label="Any status", widget=_select())

    class Meta(DecisionFilter.Meta):
        fields = ["q", "status", "year", "decision_type", "funder", "stream"]
