"""Dashboard panels (see lsmp.dashboard): for GLA officers, the monitoring returns that are
missing or came in late and those awaiting review, and directory entries to check; for a
grantee contact, their returns to do; for a provider, their entries to check. Counts obey the
same scope as the lists they link to."""

from django.urls import reverse
from django.utils import timezone

from .models import ReturnStatus
from .models.provision import CHECK_EVERY
from .selectors.provision import provision_for_manager
from .selectors.returns import returns_for_user


def _returns_panel(user, today):
    returns = returns_for_user(user)
    base = reverse("esol:return_list")
    if user.is_gla_officer:
        rows = [("Missing returns (due and not submitted)", returns.missing(today).count(),
                 f"{base}?show=missing"),
                ("Submitted late, awaiting review", returns.submitted_late().count(), f"{base}?show=late"),
                ("Awaiting review", returns.filter(status=ReturnStatus.SUBMITTED).count(), f"{base}?show=to_review")]
        return {"title": "ESOL Plus monitoring returns", "rows": rows}
    rows = [("Returns to submit", returns.outstanding().count(), f"{base}?status=draft"),
            ("Returned to you for changes", returns.filter(status=ReturnStatus.RETURNED).count(),
             f"{base}?status=returned"),
            ("Overdue", returns.missing(today).count(), f"{base}?show=missing")]
    return {"title": "Your monitoring returns", "rows": rows}


def panels(user):
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    shown = []
    if user.has_perm("esol.view_projects"):
        shown.append(_returns_panel(user, today))
    if user.has_perm("esol.manage_provision"):
        stale = provision_for_manager(user).not_checked_since(today - CHECK_EVERY).count()
        manage = reverse("esol:provision_manage")
        shown.append({"title": "ESOL provision directory" if user.is_gla_officer else "Your directory entries",
                      "rows": [("Not checked for 12 months", stale, f"{manage}?needs_checking=on"),
                               ("All entries", "Keep the directory up to date", manage)]})
    return shown
