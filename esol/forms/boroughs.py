"""The officer's form for a borough's ESOL single point of contact and ESOL network."""

from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms

from partnership.common.forms import Form, gds_helper


class BoroughContactsForm(Form):
    spoc_name = forms.CharField(label="ESOL single point of contact", max_length=200, required=False,
                                help_text="A team or role, for example: Adult Learning ESOL advice team")
    spoc_email = forms.EmailField(label="Contact's email", required=False,
                                  error_messages={"invalid": "Enter an email address like name@example.org"})
    spoc_phone = forms.CharField(label="Contact's phone", max_length=40, required=False)
    network_name = forms.CharField(label="ESOL network", max_length=200, required=False)
    network_about = forms.CharField(label="About the network", required=False,
                                    widget=forms.Textarea(attrs={"rows": 4}))
    network_website = forms.URLField(label="Network's website", required=False,
                                     error_messages={"invalid": "Enter a web address starting https://"})
    network_email = forms.EmailField(label="Network's email", required=False,
                                     error_messages={"invalid": "Enter an email address like name@example.org"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Fieldset(Field.text("spoc_name", field_width=Fluid.FULL), Field.text("spoc_email", field_width=Fluid.FULL),
                     Field.text("spoc_phone", field_width=Fluid.ONE_HALF), legend="Single point of contact",
                     legend_size=Size.SMALL),
            Fieldset(Field.text("network_name", field_width=Fluid.FULL), Field.textarea("network_about", rows=4),
                     Field.text("network_website", field_width=Fluid.FULL),
                     Field.text("network_email", field_width=Fluid.FULL), legend="ESOL network",
                     legend_size=Size.SMALL),
            submit="Save the contacts")

    def clean(self):
        data = super().clean()
        if not (data.get("spoc_name") or "").strip() and not (data.get("network_name") or "").strip():
            self.add_error("spoc_name", "Name the single point of contact or the network")
        return data
