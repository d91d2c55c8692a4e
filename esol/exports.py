"""The esol app's files: CSV of a round's and a project's figures and of the filtered directory,
and the progress paper's PDF (rendered from templates/esol/progress_papers/paper.html)."""

from django.urls import reverse
from django.utils import timezone

from partnership.common.csv_export import EXPORT_CHUNK, csv_response
from partnership.common.pdf import render_pdf
from partnership.notifications.services.notice_links import portal_link

from .selectors.figures import project_figures, round_figures
from .selectors.projects import returns_of_project
from .selectors.returns import latest_accepted_returns
from .selectors.rounds import round_funding

FIGURES_HEADER = ["Grouped by", "Group", "Grant (£)", "Spent (£)", "Accepted returns",
                  "Learners enrolled: target", "Learners enrolled: achieved",
                  "Learners completing: target", "Learners completing: achieved",
                  "Learners progressing: target", "Learners progressing: achieved",
                  "Learning hours: target", "Learning hours: achieved"]


def _figure_row(grouped_by: str, row) -> list:
    cells = [grouped_by, row.label, f"{row.grant:.2f}", f"{row.spend:.2f}", row.accepted_returns]
    for measure in row.measures:
        cells += ["" if measure.target is None else measure.target, measure.achieved]
    return cells


def round_figures_csv(round_):
    figures = round_figures(round_)
    rows = ([_figure_row("Project", row) for row in figures.by_project]
            + [_figure_row("Borough", row) for row in figures.by_borough]
            + [_figure_row("Round", figures.total)])
    return csv_response(f"esol-round-{round_.pk}-figures-{timezone.localdate():%Y-%m-%d}.csv", FIGURES_HEADER, rows)


PROJECT_HEADER = ["Row", "Period", "Due", "Status", "Learners enrolled", "Learners completed",
                  "Learners progressed", "Learning hours", "Spent (£)"]


def project_figures_csv(project):
    figures = project_figures(project)
    rows = [["Return", r.period_label, r.due_on.isoformat(), r.get_status_display(), r.learners_enrolled,
             r.learners_completed, r.learners_progressed, r.learning_hours,
             "" if r.spend is None else f"{r.spend:.2f}"] for r in returns_of_project(project)]
    rows.append(["Achieved (accepted returns)", "", "", "", *[m.achieved for m in figures.measures],
                 f"{figures.spend:.2f}"])
    rows.append(["Target and grant", "", "", "", *["" if m.target is None else m.target for m in figures.measures],
                 f"{figures.grant:.2f}"])
    return csv_response(f"esol-project-{project.pk}-figures-{timezone.localdate():%Y-%m-%d}.csv",
                        PROJECT_HEADER, rows)


DIRECTORY_HEADER = ["Course", "Provider", "Borough", "Levels", "How it is taught", "When", "Childcare on site",
                    "Women only", "Cost", "Eligibility", "Venue", "Address", "Postcode", "Phone", "Email", "Website",
                    "How to join", "Last checked", "Demo entry"]


def _directory_row(entry) -> list:
    return [entry.course_title, entry.provider.name, entry.borough.name, "; ".join(entry.levels),
            entry.get_mode_display(), "; ".join(entry.times), "Yes" if entry.childcare_on_site else "No",
            "Yes" if entry.women_only else "No", entry.get_cost_display(), entry.eligibility, entry.venue_name,
            entry.venue_address, entry.venue_postcode, entry.contact_phone, entry.contact_email, entry.website,
            entry.how_to_join, entry.last_checked_on.isoformat(), "Yes" if entry.is_demo else "No"]


def directory_csv(entries):
    return csv_response(f"esol-provision-{timezone.localdate():%Y-%m-%d}.csv", DIRECTORY_HEADER,
                        (_directory_row(entry) for entry in entries.iterator(chunk_size=EXPORT_CHUNK)))


def progress_paper_context(round_) -> dict:
    funding = round_funding(round_)
    decisions = {f.line.decision.reference_code: f.line.decision for f in funding}
    return {
        "round": round_, "figures": round_figures(round_), "funding": funding,
        "latest_returns": latest_accepted_returns(round_), "as_at": timezone.localdate(),
        "round_link": portal_link(reverse("esol:round_detail", args=[round_.pk])),
        "decision_links": [(decision, portal_link(reverse("funding:decision_detail", kwargs={"code": code})))
                           for code, decision in sorted(decisions.items())],
    }


def progress_paper_pdf(round_) -> bytes:
    """The round's progress report as a tagged PDF, with links back to the round and its decisions."""
    return render_pdf("esol/progress_papers/paper.html", progress_paper_context(round_),
                      title=f"{round_.name}: progress report")
