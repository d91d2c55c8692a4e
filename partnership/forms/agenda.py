"""The agenda item form."""


from django import forms
from django.core.validators import MaxLengthValidator

from partnership.common.forms import ModelForm, fields_of, gds_helper
from partnership.models import AgendaItem, Organisation


class AgendaItemForm(ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "presenter", "description", "organisation"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].validators.append(MaxLengthValidator(5000))
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = "None"
        self.helper = gds_helper(*fields_of(self), submit="Save agenda item")
