"""The register as CSV and a decision as a printable PDF. Part 2 is included only when the
caller says the reader may see it (a GLA officer): both views decide that with the same rule."""

from django.http import HttpResponse

from partnership.common.csv_export import csv_response

from .models import Decision
from .pdf import render_pdf
from .selectors import decision_totals, related_links

CSV_COLUMNS = ["Reference code", "Title", "Decision type", "Decision by", "Status", "Date signed",
               "Total income (GBP)", "Total expenditure (GBP)", "Executive summary"]


def register_csv(decisions, *, include_part2: bool) -> HttpResponse:
    """The register as a CSV download; csv_response neutralises cells a spreadsheet would run."""
    header = CSV_COLUMNS + (["Part 2 (confidential)"] if include_part2 else [])
    return csv_response("decisions-register.csv", header,
                        (_register_row(decision, include_part2=include_part2) for decision in decisions))


def _register_row(decision: Decision, *, include_part2: bool) -> list:
    row = [decision.reference_code, decision.title, decision.get_decision_type_display(),
           decision.decision_by, decision.get_status_display(),
           decision.date_signed.isoformat() if decision.date_signed else "",
           f"{decision.income_total:.2f}", f"{decision.expenditure_total:.2f}", decision.executive_summary]
    if include_part2:
        row.append(decision.part2_confidential)
    return row


def _paragraphs(text: str) -> list[tuple[str, bool]]:
    return [(paragraph, False) for paragraph in text.splitlines()] + [("", False)]


def decision_pdf(decision: Decision, *, include_part2: bool) -> bytes:
    """The decision laid out like the GLA's decision form, section by section."""
    lines: list[tuple[str, bool]] = [
        (f"{decision.reference_code} {decision.title}", True), ("", False),
        (f"Decision type: {decision.get_decision_type_display()}", False),
        (f"Reference code: {decision.reference_code}", False),
        (f"Date signed: {decision.date_signed:%d %B %Y}" if decision.date_signed else "Date signed:", False),
        (f"Decision by: {decision.decision_by}", False),
        (f"Status: {decision.get_status_display()}", False), ("", False),
        ("Executive summary", True), *_paragraphs(decision.executive_summary),
        ("Decision", True),
    ]
    lines += [(f"{item.number}. {item.text}", False) for item in decision.numbered_items] + [("", False)]
    lines += [("Part 1: Non-confidential facts and advice", True), *_paragraphs(decision.part1_facts)]
    lines += [("Financial lines", True)]
    for line in decision.lines.all():
        lines.append((f"{line.get_direction_display()}: GBP {line.amount:,.2f} {line.financial_year_display} "
                      f"{line.source_label} - {line.purpose}", False))
    totals = decision_totals(decision)
    lines += [(f"Total income GBP {totals.income:,.2f}; total expenditure GBP {totals.expenditure:,.2f}", False),
              ("", False)]
    lines += [("Equality comments", True), *_paragraphs(decision.equality_comments)]
    lines += [("Key risks and issues", True)]
    for risk in decision.risks.all():
        lines.append((f"{risk.description} (probability {risk.probability}, impact {risk.impact}, "
                      f"{risk.rag.label})", False))
        lines += [(f"  - {measure}", False) for measure in risk.mitigation_list]
    lines += [("", False), ("Links to Mayoral strategies and priorities", True), *_paragraphs(decision.strategy_links)]
    lines += [("Impact assessments and consultations", True), *_paragraphs(decision.impact_assessments)]
    lines += [("Financial comments", True), *_paragraphs(decision.financial_comments)]
    lines += [("Legal comments", True), *_paragraphs(decision.legal_comments)]
    lines += [("Timeline", True)]
    lines += [(f"{m.activity}: {m.timeline}", False) for m in decision.milestones.all()] + [("", False)]
    links = related_links(decision)
    if links:
        lines += [("Related decisions", True)]
        lines += [(f"{link.label}: {link.decision.reference_code} {link.decision.title}", False) for link in links]
    if include_part2:
        lines += [("", False), ("Part 2: Confidential facts and advice (GLA officers only)", True),
                  *_paragraphs(decision.part2_confidential)]
    return render_pdf(lines, title=f"{decision.reference_code} {decision.title}")
