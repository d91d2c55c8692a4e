"""Reads of organisations and people, for the GLA officers who manage them. Anyone else is given
nothing, so a look-up outside that scope is a 404 like any other (the views also check the
permission, and answer 403 for the page itself)."""

from django.db.models import Count, Prefetch, Q
from django.urls import reverse

from partnership.common.bounded import bounded
from partnership.models import Membership, Organisation, User
from partnership.roles import role_label


def _managers_only(user, queryset):
    return queryset if user.is_authenticated and user.is_gla_officer else queryset.none()


def organisations_visible_to(user):
    return _managers_only(user, Organisation.objects.all())


def organisations_for_listing(user):
    """Organisations by name, each with how many people belong to it and how many current
    memberships of bodies it holds."""
    return organisations_visible_to(user).annotate(
        people_count=Count("people", distinct=True),
        membership_count=Count("memberships", filter=Q(memberships__ended_on__isnull=True), distinct=True),
    ).order_by("name")


# The organisation page shows this many of its people, then links to the people list filtered to it.
ORGANISATION_PEOPLE_SHOWN = 20


def organisation_or_none(user, pk: int | None):
    """The organisation of that id this user may see, or None (no id, or none of that id)."""
    return organisations_visible_to(user).filter(pk=pk).first() if pk is not None else None


def organisation_people(organisation):
    """The organisation's people by name, bounded (the whole list is /people/?organisation=)."""
    return bounded(organisation.people.order_by("full_name", "email"), ORGANISATION_PEOPLE_SHOWN,
                   more_url=f"{reverse('partnership:person_list')}?organisation={organisation.pk}", cap=None)


def organisation_memberships(organisation):
    """Memberships of bodies held for the organisation, past and current, by body then person."""
    return (Membership.objects.filter(organisation=organisation)
            .select_related("user", "body").order_by("body__name", "user__full_name"))


def people_visible_to(user):
    return _managers_only(user, User.objects.all())


def people_for_listing(user, *, organisation_id: int | None = None):
    """Everyone (or the people of one organisation) by name, each with their organisation, their
    groups and how many bodies they belong to now: to be paged."""
    people = people_visible_to(user)
    if organisation_id is not None:
        people = people.filter(organisation_id=organisation_id)
    return people.select_related("organisation").prefetch_related("groups").annotate(
        body_count=Count("memberships", filter=Q(memberships__ended_on__isnull=True))).order_by("full_name", "email")


def with_role_labels(people) -> list[tuple[User, list[str]]]:
    """(person, [role labels]) for a page of people_for_listing()."""
    return [(person, [role_label(group.name) for group in person.groups.all()]) for person in people]


def people_for_page(user):
    """People with their organisation and every membership they hold or held, newest first."""
    return people_visible_to(user).select_related("organisation").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("body", "organisation")
                 .order_by("-started_on")))


def people_editable_by(user):
    """Superusers are repaired in Django's admin only: only another superuser finds them here."""
    people = people_visible_to(user)
    return people if user.is_superuser else people.exclude(is_superuser=True)
