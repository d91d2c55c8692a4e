"""The draft minutes form."""


from django import forms

from partnership.common.forms import Form, fields_of, gds_helper


class MinutesForm(Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 16}), max_length=100_000, label="Minutes",
                           help_text="Plain text; blank lines separate paragraphs")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(*fields_of(self), submit="Save draft minutes")
