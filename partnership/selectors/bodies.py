"""Reads about bodies: who sees a body's members' side, the listing, members, terms of reference.
Bodies are public (the list and each body's page); memberships are changed by GLA officers."""

from django.db.models import Q

from partnership.models import (
    Body,
    Membership,
    Paper,
)


def sees_members_side(user, body) -> bool:
    """GLA officers, and current members of this body."""
    if not user.is_authenticated:
        return False
    return user.is_gla_officer or body.pk in user.current_body_ids


def body_ids_seen_in_full(user):
    """None means all bodies (GLA officers); otherwise the set of body ids."""
    if not user.is_authenticated:
        return frozenset()
    if user.is_gla_officer:
        return None
    return user.current_body_ids


def bodies_for_listing():
    """Every body (bodies are public), with what its page and the list show."""
    return Body.objects.select_related("secretariat", "parent").order_by("name")


def body_members(body):
    return (Membership.objects.current().filter(body=body)
            .select_related("user", "organisation").order_by("role", "user__full_name"))


# The body form offers its newest papers as terms of reference, and the one chosen now: a busy
# body files thousands of papers over the years, which the form offered whole.
TERMS_OF_REFERENCE_CHOICES_SHOWN = 100


def terms_of_reference_choices(body):
    """The body's newest papers, and its current terms of reference, by title."""
    newest = Paper.objects.filter(body=body).order_by("-pk").values("pk")[:TERMS_OF_REFERENCE_CHOICES_SHOWN]
    current = [body.terms_of_reference_id] if body.terms_of_reference_id else []
    return Paper.objects.filter(Q(pk__in=newest) | Q(pk__in=current), body=body).order_by("title", "pk")


def terms_of_reference(body, user):
    """The paper chosen as the body's terms of reference, or None when none is chosen or this
    user may not see it (a members-only or draft paper stays hidden, as on the papers list)."""
    if body.terms_of_reference_id is None:
        return None
    return Paper.objects.visible_to(user).filter(pk=body.terms_of_reference_id, body=body).first()


def memberships_managed_by(user):
    """Memberships a user may end: every one for GLA officers, none for anyone else."""
    if not (user.is_authenticated and user.is_gla_officer):
        return Membership.objects.none()
    return Membership.objects.select_related("body", "user")
