"""Forms of a monitoring return: the grantee's answers, case studies and evidence; the
coordinator's review; the officer's dates and ad hoc returns."""

from crispy_forms_gds.layout import Field, Fixed, Fluid, Size
from django import forms

from partnership.common.forms import Form, ModelForm, gds_helper

from ..models import CaseStudy, ReturnStatus
from .fields import MoneyField, count_field, date_field

NO_NAMES = ("Do not name learners, or anyone else, and leave out anything that would identify them: "
            "no ages, addresses, nationalities, photos or case numbers.")


class ReturnAnswersForm(Form):
    """Saved as a draft with anything answered; "Save and continue" needs every answer."""

    learners_enrolled = count_field("Learners enrolled in the period", help_text="New enrolments in this period")
    learners_completed = count_field("Learners who completed in the period")
    learners_progressed = count_field("Learners who progressed in the period",
                                      help_text="To a higher level, further learning, volunteering or work")
    learning_hours = count_field("Learning hours delivered in the period",
                                 help_text="Hours of teaching, added up over every class")
    spend = MoneyField(label="Grant spent in the period (£)", allow_zero=True,
                       help_text="In pounds and pence, for example 6250.00")
    progress = forms.CharField(label="Progress in the period", widget=forms.Textarea(attrs={"rows": 6}),
                               max_length=10_000, help_text=NO_NAMES,
                               error_messages={"required": "Describe the progress in the period",
                                               "max_length": "Progress must be 10,000 characters or fewer"})
    barriers = forms.CharField(label="Barriers met, and what you did about them (optional)", required=False,
                               widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000,
                               error_messages={"max_length": "Barriers must be 10,000 characters or fewer"})

    answer_fields = ("learners_enrolled", "learners_completed", "learners_progressed", "learning_hours", "spend",
                     "progress", "barriers")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saving_draft = self.is_bound and "save_draft" in self.data
        number = Fixed.FIVE
        self.helper = gds_helper(
            Field.text("learners_enrolled", field_width=number), Field.text("learners_completed", field_width=number),
            Field.text("learners_progressed", field_width=number), Field.text("learning_hours", field_width=number),
            Field.text("spend", field_width=Fixed.TEN), Field.textarea("progress", rows=6),
            Field.textarea("barriers", rows=4),
            submit="Save and continue", draft="Save as draft and finish later")

    def full_clean(self):
        if self.saving_draft:
            for field in self.fields.values():
                field.required = False
        super().full_clean()

    def answers(self) -> dict:
        values = {name: self.cleaned_data.get(name) for name in self.answer_fields}
        values["progress"] = values["progress"] or ""
        values["barriers"] = values["barriers"] or ""
        return values


class CaseStudyForm(ModelForm):
    class Meta:
        model = CaseStudy
        fields = ["title", "story"]
        labels = {"title": "Title", "story": "The story"}
        help_texts = {"title": "For example: From Entry 1 to a first job. No names.", "story": NO_NAMES}
        widgets = {"story": forms.Textarea(attrs={"rows": 8})}
        error_messages = {"title": {"required": "Enter a title for the case study",
                                    "max_length": "The title must be 200 characters or fewer"},
                          "story": {"required": "Tell the story"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("title", field_width=Fluid.FULL), Field.textarea("story", rows=8),
                                 submit="Save the case study")


class EvidenceForm(Form):
    title = forms.CharField(label="What the file shows", max_length=300, required=False,
                            help_text="For example: attendance summary, spring term. Optional: the file's name is "
                                      "used otherwise.")
    file = forms.FileField(label="File", error_messages={"required": "Choose a file to upload",
                                                         "empty": "The selected file is empty"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("title", field_width=Fluid.FULL), Field("file"),
                                 submit="Upload the file")


class ReviewForm(Form):
    decision = forms.ChoiceField(
        label="Your decision", widget=forms.RadioSelect,
        choices=[(ReturnStatus.ACCEPTED, "Accept the return"), (ReturnStatus.RETURNED, "Return it with comments")],
        error_messages={"required": "Choose whether to accept the return or return it",
                        "invalid_choice": "Choose one of the options"})
    comment = forms.CharField(label="Comments for the project", required=False,
                              widget=forms.Textarea(attrs={"rows": 5}), max_length=5000,
                              help_text="Needed when you return it: say what needs to change",
                              error_messages={"max_length": "Comments must be 5,000 characters or fewer"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.radios("decision", legend_size=Size.MEDIUM),
                                 Field.textarea("comment", rows=5), submit="Save your decision")

    def clean(self):
        data = super().clean()
        if data.get("decision") == ReturnStatus.RETURNED and not (data.get("comment") or "").strip():
            self.add_error("comment", "Say what needs to change")
        return data


class ReturnDatesForm(Form):
    period_start = date_field("Start of the period")
    period_end = date_field("End of the period")
    due_on = date_field("Due date")

    def __init__(self, *args, submit: str = "Save the dates", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(*[Field.text(name, field_width=Fixed.TEN) for name in self.fields], submit=submit)

    def clean(self):
        data = super().clean()
        start, end, due = data.get("period_start"), data.get("period_end"), data.get("due_on")
        if start and end and end < start:
            self.add_error("period_end", "The period cannot end before it starts")
        if start and due and due < start:
            self.add_error("due_on", "A return cannot be due before its period starts")
        return data
