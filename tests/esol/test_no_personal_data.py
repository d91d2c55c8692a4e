"""No learner is a person in the portal: monitoring returns hold counts, and case studies tell a
story without a name. This test fails the day someone adds a field for a learner's name, birth
date, contact details or any other personal detail to a return or what hangs on it, and checks
that the forms say so to whoever fills them in."""

import re

import pytest
from django.urls import reverse

from esol.forms.returns import CaseStudyForm, ReturnAnswersForm
from esol.models import CaseStudy, EvidenceFile, MonitoringReturn, ReturnTransition
from tests.factories.esol import ProjectFactory, ReturnFactory

# Words a field about a person would be named with.
PERSONAL = re.compile(
    r"(^|_)(name|names|first|surname|forename|initials|birth|dob|age|gender|sex|nationality|ethnicity|religion|"
    r"address|postcode|phone|mobile|email|passport|nino|national_insurance|home_office_ref|case_number|photo|"
    r"learner|learners_names|person|people)($|_)")
# Counts of learners are the point of a return: "learners_enrolled" is a number, not a person.
COUNTS = {"learners_enrolled", "learners_completed", "learners_progressed"}
LEARNER_MODELS = [MonitoringReturn, CaseStudy, EvidenceFile, ReturnTransition]


@pytest.mark.parametrize("model", LEARNER_MODELS, ids=lambda model: model.__name__)
def test_no_field_holds_personal_data(model):
    offending = [field.name for field in model._meta.get_fields()
                 if PERSONAL.search(field.name) and field.name not in COUNTS]
    assert not offending, f"{model.__name__} has fields for personal data: {offending}"


def test_the_pattern_catches_what_it_is_for():
    for name in ("learner_name", "first_name", "date_of_birth", "learner_email", "home_address", "age"):
        assert PERSONAL.search(name), name
    for name in ("learning_hours", "spend", "story", "progress", "title"):
        assert not PERSONAL.search(name), name


def test_the_forms_say_not_to_name_learners():
    assert "Do not name learners" in str(ReturnAnswersForm().fields["progress"].help_text)
    assert "Do not name learners" in str(CaseStudyForm().fields["story"].help_text)
    assert set(CaseStudyForm().fields) == {"title", "story"}


@pytest.mark.django_db
def test_the_case_study_page_warns_before_anything_is_typed(world, client_for):
    contact = world.users["grantee_a"]
    draft = ReturnFactory(project=ProjectFactory(lead_organisation=contact.organisation, contacts=[contact]))
    body = client_for(contact).get(reverse("esol:case_study_create", args=[draft.pk])).content.decode()
    assert "Do not name the learner" in body
