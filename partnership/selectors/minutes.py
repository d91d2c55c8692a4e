"""Reads of minutes, always scoped by who is asking."""

from django.db.models import Q

from partnership.models import Minutes, MinutesStatus


def minutes_visible_to(user):
    """Approved minutes of bodies whose minutes are public, for everyone; a body's minutes in
    any state for its members; all minutes for GLA officers."""
    public = Q(status=MinutesStatus.APPROVED, meeting__body__minutes_are_public=True)
    queryset = Minutes.objects.select_related("meeting__body", "approved_by")
    if not user.is_authenticated:
        return queryset.filter(public)
    if user.is_gla_officer:
        return queryset
    return queryset.filter(public | Q(meeting__body_id__in=user.current_body_ids))


def minutes_readable_by(user, minutes) -> bool:
    return minutes is not None and minutes_visible_to(user).filter(pk=minutes.pk).exists()


def minutes_of(meeting, user):
    """The meeting's minutes as far as this user may see them, or None when none are written."""
    return minutes_visible_to(user).filter(meeting=meeting).first()
