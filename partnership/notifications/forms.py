from crispy_forms_gds.layout import Field, Size
from django import forms

from partnership.common.forms import Form, gds_helper
from partnership.models import Body, Delivery
from partnership.notifications.registry import follow_topic, follow_topics, optional_kinds


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


class FollowForm(Form):
    """The public's sign-up for email alerts: an address and what it follows, nothing else."""

    email = forms.EmailField(label="Email address", max_length=254,
                             error_messages={"required": "Enter your email address",
                                             "invalid": "Enter an email address in the correct format, "
                                                        "like name@example.com"},
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}))
    topic = forms.ChoiceField(label="What to follow", widget=forms.RadioSelect,
                              error_messages={"required": "Choose what to follow"})
    body = forms.ModelChoiceField(label="Which body (for papers and meetings)", required=False,
                                  queryset=Body.objects.order_by("name"), empty_label="Choose a body",
                                  error_messages={"invalid_choice": "Choose a body from the list"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [(topic.topic, topic.label) for topic in follow_topics()]
        self.helper = gds_helper("email", Field.radios("topic", legend_size="s"), "body", submit="Send me a link")

    def clean(self):
        cleaned = super().clean()
        topic = follow_topic(cleaned.get("topic") or "")
        if topic is not None and topic.per_body and not cleaned.get("body"):
            self.add_error("body", "Choose the body to follow")
        return cleaned
