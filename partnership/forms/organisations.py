from django import forms

from partnership.models import Organisation, OrganisationKind

from .common import auto_helper


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "gss_code", "website", "notes"]
        help_texts = {"gss_code": "London boroughs only: E09000001 to E09000033"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"].max_length = 5000
        self.fields["notes"].validators.append(forms.fields.validators.MaxLengthValidator(5000))
        self.helper = auto_helper(self, submit="Save organisation")

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
