import datetime as dt

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from partnership.models import (
    Action,
    Body,
    BodyKind,
    Meeting,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
)

PASSWORD = "correct-horse-battery-staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.CIVIL_SOCIETY


class BoroughFactory(OrganisationFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["gss_code"]

    kind = OrganisationKind.BOROUGH
    gss_code = factory.Sequence(lambda n: f"E09{(n % 999999) + 1:06d}")
    name = factory.Sequence(lambda n: f"Borough {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*[Group.objects.get_or_create(name=role)[0] for role in extracted])
        if create:
            self.save()


def gla_officer(**kwargs) -> User:
    gla = OrganisationFactory(name="Greater London Authority", kind=OrganisationKind.GLA)
    return UserFactory(organisation=gla, roles=[Role.GLA_OFFICER], **kwargs)


def borough_officer(borough: Organisation, **kwargs) -> User:
    return UserFactory(organisation=borough, roles=[Role.BOROUGH_OFFICER], **kwargs)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ["short_name"]

    name = factory.Sequence(lambda n: f"Body {n}")
    short_name = factory.Sequence(lambda n: f"B{n}")
    kind = BodyKind.PANEL
    purpose = "Advises the partnership."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    body = factory.SubFactory(BodyFactory)
    started_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + dt.timedelta(hours=2))
    location = "City Hall, Kamal Chunchie Way, London E16 1ZE"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    description = factory.Sequence(lambda n: f"Circulate the briefing note {n}")
    body = factory.SubFactory(BodyFactory)
    owner_user = factory.SubFactory(UserFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=10))
