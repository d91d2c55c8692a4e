from crispy_forms_gds.layout import Field, Size
from django import forms

from partnership.common.forms import Form, gds_helper
from partnership.models import Delivery
from partnership.notifications.registry import optional_kinds


class NotificationPreferenceForm(Form):
    """Digest or single emails, and which optional notices to get. Mandatory kinds are not
    offered, so they cannot be switched off whatever is posted."""

    delivery = forms.ChoiceField(
        label="How do you want the notices you can choose?", choices=Delivery.choices,
        widget=forms.RadioSelect,
        help_text="Meeting reminders, changes and cancellations always come on their own, at once.")
    wanted_kinds = forms.MultipleChoiceField(
        label="Which of these notices do you want?", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Untick a notice to stop getting it.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wanted_kinds"].choices = [(k.kind, k.label) for k in optional_kinds()]
        self.helper = gds_helper(Field.radios("delivery", legend_size=Size.MEDIUM),
                                 Field.checkboxes("wanted_kinds", legend_size=Size.MEDIUM),
                                 submit="Save email settings")

    def switched_off_kinds(self) -> list[str]:
        wanted = set(self.cleaned_data["wanted_kinds"])
        return [kind for kind, _ in self.fields["wanted_kinds"].choices if kind not in wanted]
