"""Writes about people: roles and invitations."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from partnership.models import Organisation, Role, User
from partnership.notifications.services.notice_links import portal_link
from partnership.notifications.services.outbox import notification_enqueue
from partnership.roles import account_role

INVITATION_SALT = "partnership.invitation"


def user_grant_role(*, user: User, role: str) -> None:
    """Adds a role (partnership.roles). A borough officer must belong to a borough, and a role
    registered as needing an organisation (an ESOL provider's) must have one: the organisation
    is what scopes their data."""
    registered = account_role(role)
    if registered is None:
        raise ValueError(f"not a registered role: {role!r}")
    if registered.needs_organisation and user.organisation_id is None:
        raise ValidationError({"organisation": registered.needs_organisation})
    if role == Role.BOROUGH_OFFICER and not user.organisation.is_borough:
        raise ValidationError({"organisation": "A borough officer must belong to a London borough."})
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    user.__dict__.pop("role_names", None)


def invitation_token(user: User) -> str:
    # The password hash is part of the signed value, so the link stops working once used.
    return signing.dumps({"user": user.pk, "pw": user.password[-12:]}, salt=INVITATION_SALT)


def invitation_user(token: str) -> User | None:
    """The invited user for a valid, unexpired, unused token; None otherwise."""
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=settings.INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=payload.get("user"), is_active=True).first()
    if user is None or user.password[-12:] != payload.get("pw"):
        return None
    return user


@transaction.atomic
def user_invite(*, email: str, full_name: str, job_title: str = "",
                organisation: Organisation | None, roles: list[str], invited_by: User) -> User:
    """Creates the account with no usable password and queues the invitation email."""
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "Someone with this email address already has an account."})
    user = User.objects.create_user(email=email, full_name=full_name, job_title=job_title,
                                    organisation=organisation, invited_by=invited_by)
    for role in roles:
        user_grant_role(user=user, role=role)
    link = portal_link(reverse("accept_invitation", args=[invitation_token(user)]))
    context = {"user": user, "link": link, "invited_by": invited_by,
               "days": settings.INVITATION_MAX_AGE // 86400}
    notification_enqueue(
        kind="user.invitation", subject_key=f"partnership.user:{user.pk}", recipient=user,
        slot="invite", subject="You have been invited to the LSMP portal",
        body_text=render_to_string("partnership/accounts/email/invitation.txt", context),
    )
    return user


def user_accept_invitation(*, user: User, password: str) -> None:
    user.set_password(password)
    user.save(update_fields=["password"])
