"""Documents the partnership makes: the public's PDF of approved minutes, rendered from an HTML
template by partnership.common.pdf.render_pdf (tagged, with its language and title)."""

from partnership.common.pdf import render_pdf
from partnership.selectors.minutes import MinutesRecord


def minutes_pdf(*, minutes, paragraphs: list[str], record: MinutesRecord, title: str) -> bytes:
    return render_pdf("partnership/minutes/minutes_pdf.html",
                      {"minutes": minutes, "meeting": minutes.meeting, "paragraphs": paragraphs, "record": record,
                       "in_pdf": True},
                      language="en-GB", title=title)
