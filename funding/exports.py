"""The register as CSV and a decision as a printable PDF. Part 2 is included only when the
caller says the reader may see it (a GLA officer): both views decide that with the same rule."""

from django.http import StreamingHttpResponse

from partnership.common.csv_export import EXPORT_CHUNK, csv_response
from partnership.common.pdf import render_pdf

from .models import Decision
from .selectors import decision_totals, related_links

CSV_COLUMNS = ["Reference code", "Title", "Decision type", "Decision by", "Status", "Date signed",
               "Total income (GBP)", "Total expenditure (GBP)", "Executive summary"]


def register_csv(decisions, *, include_part2: bool) -> StreamingHttpResponse:
    """The register as a CSV download; csv_response neutralises cells a spreadsheet would run."""
    header = CSV_COLUMNS + (["Part 2 (confidential)"] if include_part2 else [])
    return csv_response("decisions-register.csv", header,
                        (_register_row(decision, include_part2=include_part2)
                         for decision in decisions.iterator(chunk_size=EXPORT_CHUNK)))


def _register_row(decision: Decision, *, include_part2: bool) -> list:
    row = [decision.reference_code, decision.title, decision.get_decision_type_display(),
           decision.decision_by, decision.get_status_display(),
           decision.date_signed.isoformat() if decision.date_signed else "",
           f"{decision.income_total:.2f}", f"{decision.expenditure_total:.2f}", decision.executive_summary]
    if include_part2:
        row.append(decision.part2_confidential)
    return row


def decision_pdf(decision: Decision, *, include_part2: bool) -> bytes:
    """The decision laid out like the GLA's decision form, section by section, as a tagged PDF
    rendered from templates/funding/decisions/decision_pdf.html."""
    context = {"decision": decision, "include_part2": include_part2, "lines": list(decision.lines.all()),
               "totals": decision_totals(decision), "risks": list(decision.risks.all()),
               "milestones": list(decision.milestones.all()), "links": related_links(decision)}
    return render_pdf("funding/decisions/decision_pdf.html", context, language="en-GB",
                      title=f"{decision.reference_code} {decision.title}")


def document_pdf(*, title: str, text: str) -> bytes:
    """A short document (a heading and paragraphs) as a tagged PDF: the demo's signed copies."""
    return render_pdf("funding/decisions/document_pdf.html", {"heading": title, "text": text},
                      language="en-GB", title=title)
