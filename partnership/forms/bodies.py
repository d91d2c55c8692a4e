from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone

from partnership.common.forms import DateInput, Form, ModelForm, fields_of, gds_helper
from partnership.models import Body, Membership, MembershipRole, Organisation, User
from partnership.models.bodies import TERMS_OF_REFERENCE_OF_ANOTHER_BODY
from partnership.selectors.bodies import TERMS_OF_REFERENCE_CHOICES_SHOWN, terms_of_reference_choices


class BodyForm(ModelForm):
    class Meta:
        model = Body
        fields = ["name", "short_name", "kind", "parent", "purpose", "chair_name", "secretariat", "cadence",
                  "membership_is_public", "minutes_are_public", "terms_of_reference"]
        labels = {"chair_name": "Chair", "parent": "Part of (for sub-groups)",
                  "membership_is_public": "Show the list of members to the public",
                  "minutes_are_public": "Publish approved minutes to the public"}
        widgets = {"purpose": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].validators.append(MaxLengthValidator(5000))
        self.fields["secretariat"].queryset = Organisation.objects.order_by("name")
        if self.instance.pk:
            self.fields["parent"].queryset = Body.objects.exclude(pk=self.instance.pk)
            terms = self.fields["terms_of_reference"]
            terms.queryset = terms_of_reference_choices(self.instance)
            terms.help_text = f"One of the body's {TERMS_OF_REFERENCE_CHOICES_SHOWN} newest papers"
            terms.error_messages["invalid_choice"] = TERMS_OF_REFERENCE_OF_ANOTHER_BODY
            terms.empty_label = "Not set"
        else:  # a new body has no papers yet: its terms of reference are chosen once they are uploaded
            del self.fields["terms_of_reference"]
        self.helper = gds_helper(*fields_of(self), submit="Save body")

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        ancestor, seen = parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.instance.pk and ancestor.pk == self.instance.pk:
                raise forms.ValidationError("A body cannot be part of itself or of one of its own sub-groups.")
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        return parent


class MembershipForm(Form):
    user = forms.ModelChoiceField(queryset=User.objects.filter(is_active=True).order_by("full_name", "email"),
                                  label="Person", help_text="Invite someone first if they have no account")
    role = forms.ChoiceField(choices=MembershipRole.choices, initial=MembershipRole.MEMBER)
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"), required=False,
                                          label="Organisation represented")
    started_on = forms.DateField(label="Member from", widget=DateInput, initial=timezone.localdate)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(*fields_of(self), submit="Add member")

    def clean_started_on(self):
        return _sensible_date(self.cleaned_data["started_on"])


class MembershipEndForm(Form):
    ended_on = forms.DateField(label="Last day of membership", widget=DateInput, initial=timezone.localdate)

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.helper = gds_helper(*fields_of(self), submit="End membership")

    def clean_ended_on(self):
        ended_on = _sensible_date(self.cleaned_data["ended_on"])
        if ended_on < self.membership.started_on:
            raise forms.ValidationError(
                f"The end date must be on or after the start date ({self.membership.started_on:%d %B %Y}).")
        return ended_on


def _sensible_date(value):
    latest = timezone.localdate().year + 5
    if not 2000 <= value.year <= latest:
        raise forms.ValidationError(f"Enter a date between 2000 and {latest}.")
    return value
