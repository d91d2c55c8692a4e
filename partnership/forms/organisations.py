from django import forms

from partnership.common.forms import ModelForm, fields_of, gds_helper
from partnership.models import Organisation, OrganisationKind, User


class OrganisationForm(ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "gss_code", "website", "notes"]
        help_texts = {"gss_code": "London boroughs only: E09000001 to E09000033"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"].max_length = 5000
        self.fields["notes"].validators.append(forms.fields.validators.MaxLengthValidator(5000))
        self.helper = gds_helper(*fields_of(self), submit="Save organisation")

    def clean_gss_code(self):
        return (self.cleaned_data.get("gss_code") or "").strip().upper() or None

    def clean(self):
        cleaned = super().clean()
        kind, code = cleaned.get("kind"), cleaned.get("gss_code")
        if kind == OrganisationKind.BOROUGH and not (code and code.startswith("E09")):
            self.add_error("gss_code", "Enter the borough's GSS code, for example E09000007.")
        if kind and kind != OrganisationKind.BOROUGH and code:
            self.add_error("gss_code", "Only London boroughs have a GSS code: leave it blank.")
        return cleaned


class PersonForm(ModelForm):
    """A person's details. Roles and access come from invitations and memberships, not here."""

    class Meta:
        model = User
        fields = ["full_name", "job_title", "organisation", "is_active"]
        labels = {"is_active": "May sign in (untick when someone leaves)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.helper = gds_helper(*fields_of(self), submit="Save person")

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        if self.instance.is_borough_officer and not (organisation and organisation.is_borough):
            self.add_error("organisation", "A borough officer must belong to a London borough.")
        return cleaned
