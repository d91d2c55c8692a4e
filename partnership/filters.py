"""django-filter sets for the partnership's lists. Each names its fields explicitly; the
querysets they filter are already scoped to the user, and their choices come from that scope."""

import django_filters
from crispy_forms_gds.layout import Field, Size
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone

from partnership.common.forms import FILTER_BUTTON, LongSelect, gds_helper
from partnership.common.rendered_forms import filter_form_html
from partnership.models import ActionStatus, Body, Organisation, PaperVisibility, User
from partnership.models.actions import OPEN_RANK, owned_by_q

YES_NO = [("yes", "Yes"), ("no", "No")]


# Choices too many or too changeable to write in the class (bodies, owners) are read as plain
# values when a filter set is made and given to its form's field: not models, not a queryset
# that each copy of the filters and of the form's fields copies again, and not a server-side
# cursor per render (issue 12).
BODY_CHOICE_MESSAGES = {"invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]}


def _body_choices() -> list[tuple[int, str]]:
    return list(Body.objects.order_by("name").values_list("pk", "name"))  # as Body.__str__ names them


def _body_filter():
    # A body chosen by id (body=5 filters body_id), with the message a ModelChoiceField gives.
    return django_filters.ChoiceFilter(field_name="body", empty_label="All bodies", label="Body", widget=LongSelect,
                                       error_messages=BODY_CHOICE_MESSAGES)


class FilterSet(django_filters.FilterSet):
    """A filter set whose form the page writes with `{{ filter.form_html }}`: crispy's HTML,
    rendered once for each set of choices and values (partnership/common/rendered_forms.py).
    Its form's layout must follow from the class and the fields it keeps."""

    def form_html(self):
        return filter_form_html(self.form, shape=type(self))


class PaperFilter(FilterSet):
    body = _body_filter()
    visibility = django_filters.ChoiceFilter(choices=PaperVisibility.choices, empty_label="Any visibility",
                                             label="Who may see it", widget=LongSelect)

    class Meta:
        model = None  # explicit filters only
        fields = []

    def __init__(self, *args, show_visibility=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["body"].choices = _body_choices()
        if not show_visibility:
            del self.filters["visibility"]
            self.form.fields.pop("visibility", None)
        self.form.helper = gds_helper(*[Field.select(name) for name in self.form.fields], **FILTER_BUTTON)


class ActionFilter(FilterSet):
    body = _body_filter()
    owner = django_filters.ChoiceFilter(method="filter_owner", empty_label="Anyone", label="Owner",
                                        widget=LongSelect)
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, empty_label="Any status", label="Status",
                                         widget=LongSelect)
    overdue = django_filters.ChoiceFilter(choices=YES_NO, method="filter_overdue", empty_label="Either",
                                          label="Overdue", widget=forms.RadioSelect)
    # Open or in progress: the "see all" link of matters arising (a meeting's page, a body's page).
    still_open = django_filters.ChoiceFilter(choices=YES_NO, method="filter_still_open", empty_label="Either",
                                             label="Still open", widget=forms.RadioSelect)
    # The "see all" link of the actions recorded at a meeting; not on the form (a meeting is
    # chosen from its page, not from a list of every meeting).
    meeting = django_filters.NumberFilter(field_name="meeting_id", widget=forms.HiddenInput)
    due_from = django_filters.DateFilter(field_name="due_on", lookup_expr="gte", label="Due on or after",
                                         widget=forms.DateInput(attrs={"type": "date"}))
    due_to = django_filters.DateFilter(field_name="due_on", lookup_expr="lte", label="Due on or before",
                                       widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = None  # explicit filters only
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Owners to choose from: the people and organisations owning actions the user may see. A
        # person owns an action directly or as its organisation's contact user while they still
        # work there (owned_by_q): the list offers exactly the people a filter finds actions for.
        # Asked from the people and organisations tables, each probing the actions by its owner
        # index (EXISTS), never as a semi-join over every action (issue 12).
        visible = self.queryset.order_by()
        owns = Exists(visible.filter(owner_user=OuterRef("pk")))
        is_contact = Exists(visible.filter(owner_contact_user=OuterRef("pk"),
                                           owner_organisation_id=OuterRef("organisation_id")))
        # A UNION, not EXISTS … OR EXISTS: each half is a nested-loop probe of one owner index,
        # where an OR of two EXISTS makes Postgres hash every action first.
        person = ("pk", "full_name", "email", "organisation_id")
        people = (User.objects.filter(owns).order_by().values_list(*person)
                  .union(User.objects.filter(is_contact).order_by().values_list(*person))
                  .order_by("full_name", "email"))
        # Each person's organisation, kept so filter_owner applies owned_by_q to the chosen person
        # without loading them again.
        self._people = {}
        choices = []
        for pk, full_name, email, organisation_id in people:
            self._people[pk] = organisation_id
            choices.append((f"u{pk}", full_name or email))  # as User.__str__ names them
        organisations = Organisation.objects.filter(Exists(visible.filter(owner_organisation=OuterRef("pk"))))
        choices += [(f"o{pk}", name) for pk, name in organisations.order_by("name").values_list("pk", "name")]
        self.form.fields["owner"].choices = choices
        self.form.fields["body"].choices = _body_choices()
        self.form.helper = gds_helper(
            Field.select("body"), Field.select("owner"), Field.select("status"),
            Field.radios("overdue", inline=True, small=True, legend_size=Size.SMALL),
            Field.radios("still_open", inline=True, small=True, legend_size=Size.SMALL),
            Field("meeting"),
            Field.text("due_from"), Field.text("due_to"), **FILTER_BUTTON)

    def filter_owner(self, queryset, name, value):
        kind, pk = value[:1], value[1:]
        if not pk.isdigit():
            return queryset
        if kind == "u":
            if int(pk) not in self._people:  # never: the choice was validated
                return queryset.none()
            person = User(pk=int(pk), organisation_id=self._people[int(pk)])  # all owned_by_q reads
            return queryset.filter(owned_by_q(person))
        return queryset.filter(owner_organisation_id=int(pk))

    def filter_still_open(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(open_rank=OPEN_RANK)
        if value == "no":
            return queryset.exclude(open_rank=OPEN_RANK)
        return queryset

    def filter_overdue(self, queryset, name, value):
        today = timezone.localdate()
        overdue = {"open_rank": OPEN_RANK, "due_on__lt": today}
        if value == "yes":
            return queryset.filter(**overdue)
        if value == "no":
            return queryset.exclude(**overdue)
        return queryset
