"""The agenda item form."""


from django import forms
from django.core.validators import MaxLengthValidator

from partnership.common.forms import ModelForm, fields_of, gds_helper
from partnership.models import AgendaItem


class AgendaItemForm(ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "presenter", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].validators.append(MaxLengthValidator(5000))
        self.helper = gds_helper(*fields_of(self), submit="Save agenda item")
