"""Dashboard panels (see lsmp.dashboard): for GLA officers, the monitoring returns that are
missing or came in late and those awaiting review, and directory entries to check; for a
grantee contact, their returns to do; for a provider, their entries to check. Counts obey the
same scope as the lists they link to; each panel's counts are capped ("more than 99") and read
in one query (docs/decisions/0011)."""

from django.urls import reverse
from django.utils import timezone

from partnership.common.counts import capped_count, counted, panel_figures, todo

from .models import ReturnStatus
from .models.provision import CHECK_EVERY
from .selectors.provision import provision_for_manager
from .selectors.returns import returns_for_user


def _returns_panel(user, today):
    returns = returns_for_user(user)
    base = reverse("esol:return_list")
    if user.is_gla_officer:
        counts = panel_figures({"to_review": returns.filter(status=ReturnStatus.SUBMITTED),
                                "missing": returns.missing(today), "late": returns.submitted_late()})
        to_review = counts["to_review"]
        rows = [("Missing returns (due and not submitted)", counted(counts["missing"], "return"),
                 f"{base}?show=missing"),
                ("Submitted late, awaiting review", counted(counts["late"], "return"),
                 f"{base}?show=late"),
                ("Awaiting review", counted(to_review, "return"), f"{base}?show=to_review")]
        return {"title": "ESOL Plus monitoring returns", "rows": rows,
                "todo": [todo(to_review, "monitoring return to check", "monitoring returns to check",
                              f"{base}?show=to_review")]}
    counts = panel_figures({"outstanding": returns.outstanding(), "missing": returns.missing(today),
                            "returned": returns.filter(status=ReturnStatus.RETURNED)})
    outstanding, returned = counts["outstanding"], counts["returned"]
    rows = [("Returns to submit", counted(outstanding, "return"), f"{base}?status=draft"),
            ("Returned to you for changes", counted(returned, "return"), f"{base}?status=returned"),
            ("Overdue", counted(counts["missing"], "return"), f"{base}?show=missing")]
    return {"title": "Your monitoring returns", "rows": rows,
            "todo": [todo(returned, "monitoring return returned to you for changes",
                          "monitoring returns returned to you for changes", f"{base}?status=returned"),
                     todo(outstanding, "monitoring return to submit", "monitoring returns to submit",
                          f"{base}?status=draft")]}


def panels(user):
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    shown = []
    if user.has_perm("esol.view_projects"):
        shown.append(_returns_panel(user, today))
    if user.has_perm("esol.manage_provision"):
        stale = capped_count(provision_for_manager(user).not_checked_since(today - CHECK_EVERY))
        manage = reverse("esol:provision_manage")
        shown.append({"title": "ESOL provision directory" if user.is_gla_officer else "Your directory entries",
                      "rows": [("Not checked for 12 months", counted(stale, "entry", "entries"),
                                f"{manage}?needs_checking=on"),
                               ("All entries", "Keep the directory up to date", manage)]})
    return shown
