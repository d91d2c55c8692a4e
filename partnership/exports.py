"""Documents the partnership makes: the public's PDF of approved minutes, rendered from an HTML
template by partnership.common.pdf.render_pdf (tagged, with its language and title), and the
action list as CSV (streamed from the database a chunk at a time: a year's 100,000 actions)."""

from django.utils import timezone

from partnership.common.csv_export import EXPORT_CHUNK, csv_response
from partnership.common.pdf import render_pdf
from partnership.selectors.minutes import MinutesRecord


def minutes_pdf(*, minutes, paragraphs: list[str], record: MinutesRecord, title: str) -> bytes:
    return render_pdf("partnership/minutes/minutes_pdf.html",
                      {"minutes": minutes, "meeting": minutes.meeting, "paragraphs": paragraphs, "record": record,
                       "in_pdf": True},
                      language="en-GB", title=title)


ACTIONS_CSV_HEADER = ["Reference", "Description", "Body", "Meeting", "Owner", "Due", "Status", "Overdue",
                      "Completed on"]


def actions_csv(actions):
    """The (scoped, filtered) actions as a CSV download."""
    rows = ([a.pk, a.description, a.body.short_name if a.body else "",
             f"{a.meeting.starts_at:%Y-%m-%d}" if a.meeting else "", a.owner_display, a.due_on.isoformat(),
             a.get_status_display(), "yes" if a.is_overdue else "no",
             a.completed_on.isoformat() if a.completed_on else ""]
            for a in actions.iterator(chunk_size=EXPORT_CHUNK))
    return csv_response(f"actions-{timezone.localdate():%Y-%m-%d}.csv", ACTIONS_CSV_HEADER, rows)
