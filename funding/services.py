"""Every write to a decision goes through here: drafting, lines, risks, milestones, documents,
relations, and the lifecycle draft -> awaiting signature -> signed (or withdrawn).

Three rules need more than one row, so they are checked here on every write, inside a
transaction that holds the decision's row lock (select_for_update on Postgres; SQLite takes a
write lock at the start of the transaction), so two officers cannot each add a line that is
fine alone and wrong together:
1. only a draft may change (DecisionLocked): awaiting signature it is fixed until an officer
   returns it to draft, with a reason; signed or withdrawn it is fixed for good;
2. expenditure from a funder in a financial year never exceeds the income from that funder in
   that year (GLA budget expenditure is the GLA's own money: it has no income line);
3. a decision that spends third-party income is signed only when that income is confirmed in
   writing (seed 002: "no reliance is placed upon third party funding before a legally binding
   commitment is secured").
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnership.common import financial_years
from partnership.search.services import search_index
from partnership.services.paper_files import (
    ACCEPTED_DESCRIPTION,
    FORMATS,
    PDF_ONLY,
    safe_original_filename,
    uploaded_file_check,
)

from .models import (
    Decision,
    DecisionDocument,
    DecisionRelation,
    DecisionStatus,
    DocumentKind,
    FundingStream,
    Line,
    LineDirection,
    RelationKind,
    StreamAllocation,
)
from .rules import DECISION_MACHINE


class DecisionLocked(ValidationError):
    """Raised for any change to a decision that is not a draft."""


def _locked(decision: Decision) -> Decision:
    """Re-reads the decision with a row lock held to the end of the transaction."""
    return Decision.objects.select_for_update().get(pk=decision.pk)


def locked_message(decision: Decision) -> str:
    """Why a decision cannot be changed, and what to do instead (pages show the same words)."""
    if decision.status == DecisionStatus.AWAITING_SIGNATURE:
        return (f"{decision.reference_code} is awaiting signature and cannot be changed. To change it, "
                "return it to draft, then submit it for signature again.")
    return (f"{decision.reference_code} is {decision.get_status_display().lower()} and can no longer be changed. "
            "To change it, draft a new decision that supersedes it.")


def _ensure_editable(decision: Decision) -> None:
    if not decision.is_editable:
        raise DecisionLocked(locked_message(decision))


# Decisions ---------------------------------------------------------------------------------

def decision_create(*, by, supersedes: Decision | None = None, **fields) -> Decision:
    with transaction.atomic():
        decision = Decision(status=DecisionStatus.DRAFT, responsible_officer=fields.pop("responsible_officer", by),
                            **fields)
        decision.full_clean()
        decision.save()
        if supersedes is not None:
            DecisionRelation.objects.create(from_decision=decision, to_decision=supersedes,
                                            kind=RelationKind.SUPERSEDES)
        search_index(decision)
    return decision


# Fields an edit may change; status, dates and the signed PDF change only through the lifecycle.
EDITABLE_FIELDS = (
    "reference_code", "title", "decision_type", "decision_by_name", "decision_by_title",
    "executive_summary", "part1_facts", "part2_confidential", "equality_comments", "strategy_links",
    "impact_assessments", "financial_comments", "legal_comments", "funding_stream", "responsible_officer",
)


def decision_update(*, decision: Decision, **fields) -> Decision:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    with transaction.atomic():
        current = _locked(decision)
        _ensure_editable(current)
        for name, value in fields.items():
            setattr(current, name, value)
        current.full_clean()
        current.save()
        search_index(current)
    return current


def decision_submit(*, decision: Decision) -> Decision:
    """Draft -> awaiting signature, once it has decision items and its money balances."""
    with transaction.atomic():
        current = _locked(decision)
        DECISION_MACHINE.check(current.status, DecisionStatus.AWAITING_SIGNATURE,
                               message="Only a draft can be submitted for signature.")
        if not current.items.exists():
            raise ValidationError("Add at least one decision item before submitting for signature.")
        check_balance(current)
        current.status = DecisionStatus.AWAITING_SIGNATURE
        current.save(update_fields=["status", "updated_at"])
        search_index(current)
    return current


def decision_return_to_draft(*, decision: Decision, reason: str, by) -> Decision:
    """Awaiting signature -> draft, the one way to change a decision sent for signature. The
    reason is kept on the decision (like a withdrawal's) and each return in its history."""
    reason = (reason or "").strip()
    with transaction.atomic():
        current = _locked(decision)
        DECISION_MACHINE.check(current.status, DecisionStatus.DRAFT,
                               message="Only a decision awaiting signature can go back to draft.")
        if not reason:
            raise ValidationError({"reason": "Say why the decision goes back to draft."})
        current.status = DecisionStatus.DRAFT
        current.returned_to_draft_reason = reason
        current._history_user = by  # simple-history records who returned it, in a page or not
        current.save(update_fields=["status", "returned_to_draft_reason", "updated_at"])
        search_index(current)
    return current


def _lock_stream_of(decision: Decision) -> None:
    """Locks the stream a decision is recorded against, the one row stream_save's code rule reads
    (stream.decisions.signed(): the decision's own funding_stream, not its lines' funders), so a
    code change either commits before the signing or waits and sees the signed decision. Always
    taken after the decision's lock; stream_save never waits on a decision's lock, so the order
    cannot deadlock. Returning a decision to draft or withdrawing it needs no such lock: the rule
    only ever looks for signed decisions, and those two steps make none."""
    if decision.funding_stream_id is not None:
        FundingStream.objects.select_for_update().get(pk=decision.funding_stream_id)


def decision_sign(*, decision: Decision, date_signed: dt.date, signed_pdf, by) -> Decision:
    """Awaiting signature -> signed, with the date signed and the signed PDF attached."""
    with transaction.atomic():
        current = _locked(decision)
        _lock_stream_of(current)
        DECISION_MACHINE.check(current.status, DecisionStatus.SIGNED,
                               message="Only a decision awaiting signature can be signed.")
        if date_signed is None:
            raise ValidationError({"date_signed": "Enter the date the decision was signed."})
        if date_signed > timezone.localdate():
            raise ValidationError({"date_signed": "The date signed cannot be in the future."})
        check_balance(current)
        check_third_party_income_confirmed(current)
        _document_create(decision=current, kind=DocumentKind.SIGNED, uploaded_file=signed_pdf, by=by,
                         title=f"{current.reference_code} {current.title} - SIGNED", field="signed_pdf")
        current.status = DecisionStatus.SIGNED
        current.date_signed = date_signed
        current.full_clean()
        current.save(update_fields=["status", "date_signed", "updated_at"])
        search_index(current)
    return current


def decision_withdraw(*, decision: Decision, reason: str) -> Decision:
    with transaction.atomic():
        current = _locked(decision)
        DECISION_MACHINE.check(current.status, DecisionStatus.WITHDRAWN, message=(
            "A signed decision cannot be withdrawn: draft a new decision that supersedes it."
            if current.status == DecisionStatus.SIGNED else "This decision is withdrawn already."))
        current.status = DecisionStatus.WITHDRAWN
        current.withdrawn_reason = reason
        current.save(update_fields=["status", "withdrawn_reason", "updated_at"])
        search_index(current)
    return current


# Money -------------------------------------------------------------------------------------

def _totals_by_source_and_year(lines) -> dict:
    totals = defaultdict(lambda: {LineDirection.INCOME: Decimal("0.00"), LineDirection.EXPENDITURE: Decimal("0.00"),
                                  "confirmed": Decimal("0.00"), "label": ""})
    for line in lines:
        row = totals[(line.source_key, line.financial_year)]
        row[line.direction] += line.amount
        row["label"] = line.source_label
        if line.direction == LineDirection.INCOME and line.confirmed_in_writing:
            row["confirmed"] += line.amount
    return totals


def check_balance(decision: Decision) -> None:
    """Expenditure from each funder in each year is covered by the income from it that year."""
    lines = Line.objects.filter(decision=decision).select_related("source_organisation")
    for ((kind, _source), year), row in sorted(_totals_by_source_and_year(lines).items(), key=str):
        if kind != "org":
            continue  # a GLA budget is the GLA's own money: no income line to cover
        spent, received = row[LineDirection.EXPENDITURE], row[LineDirection.INCOME]
        if spent > received:
            raise ValidationError({"amount": (
                f"Expenditure from {row['label']} in {financial_years.label(year)} would be £{spent:,.2f}, "
                f"more than the income from it that year (£{received:,.2f}). "
                "Record the income first, or lower the expenditure.")})


def check_third_party_income_confirmed(decision: Decision) -> None:
    lines = Line.objects.filter(decision=decision).select_related("source_organisation")
    for ((kind, _source), year), row in sorted(_totals_by_source_and_year(lines).items(), key=str):
        if kind == "org" and row[LineDirection.EXPENDITURE] > row["confirmed"]:
            raise ValidationError(
                f"The income from {row['label']} for {financial_years.label(year)} is not confirmed in writing "
                f"(£{row['confirmed']:,.2f} confirmed, £{row[LineDirection.EXPENDITURE]:,.2f} to spend). "
                "No reliance is placed on third-party funding before a legally binding commitment is secured: "
                "record the funder's written confirmation on the income line first.")


def line_save(*, line: Line) -> Line:
    """Adds or changes a line; the whole change is undone if the money no longer balances."""
    with transaction.atomic():
        decision = _locked(line.decision)
        _ensure_editable(decision)
        if line.direction == LineDirection.INCOME:
            line.source_budget = ""  # income is third-party money (see Line)
        if not line.confirmed_in_writing:
            line.confirmed_on = None
        line.full_clean()
        line.save()
        check_balance(decision)
        search_index(decision)
    return line


def line_delete(*, line: Line) -> None:
    with transaction.atomic():
        decision = _locked(line.decision)
        _ensure_editable(decision)
        # Delete by key, so the caller's object is intact if the check undoes the delete.
        Line.objects.filter(pk=line.pk).delete()
        check_balance(decision)
        search_index(decision)


# Risks, milestones, items, relations: plain parts of an editable decision -----------------

def part_save(*, part, decision: Decision):
    """Saves a risk, milestone, decision item or relation of a decision that is still editable."""
    with transaction.atomic():
        current = _locked(decision)
        _ensure_editable(current)
        part.full_clean()
        part.save()
        search_index(current)
    return part


def part_delete(*, part, decision: Decision) -> None:
    with transaction.atomic():
        current = _locked(decision)
        _ensure_editable(current)
        type(part).objects.filter(pk=part.pk).delete()
        search_index(current)


# Documents ---------------------------------------------------------------------------------

def _document_create(*, decision, kind, uploaded_file, by, title, is_confidential=False, field="file"):
    """Stores an upload under the paper upload's rules (partnership.services.paper_files): an
    allow-list of formats, the content checked against the extension, a generated stored name
    and the content type of the checked format, never the one the browser claimed."""
    if uploaded_file is None:
        raise ValidationError({field: "Choose a file to upload."})
    formats, accepted = ((PDF_ONLY, "PDF file (.pdf)") if kind == DocumentKind.SIGNED
                         else (FORMATS, ACCEPTED_DESCRIPTION))
    try:
        checked = uploaded_file_check(uploaded_file, formats=formats, accepted=accepted)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    document = DecisionDocument(
        decision=decision, kind=kind, title=title[:300], original_filename=safe_original_filename(uploaded_file.name),
        content_type=checked.content_type, size_bytes=uploaded_file.size, is_confidential=is_confidential,
        uploaded_by=by,
    )
    document.file.save(f"upload.{checked.extension}", uploaded_file, save=False)
    document.save()
    return document


def document_add(*, decision: Decision, title: str, uploaded_file, is_confidential: bool, by) -> DecisionDocument:
    """Adds a supporting document (an appendix); the signed PDF comes only with signing."""
    with transaction.atomic():
        current = _locked(decision)
        _ensure_editable(current)
        return _document_create(decision=current, kind=DocumentKind.APPENDIX, uploaded_file=uploaded_file,
                                by=by, title=title, is_confidential=is_confidential)


def document_delete(*, document: DecisionDocument) -> None:
    with transaction.atomic():
        _ensure_editable(_locked(document.decision))
        storage, name = document.file.storage, document.file.name
        document.delete()
        # The file goes only once the row is gone for good.
        transaction.on_commit(lambda: storage.delete(name))


# Funding streams ------------------------------------------------------------------------------

def allocation_save(*, allocation: StreamAllocation) -> StreamAllocation:
    """Records what a funder gives a stream in a year; the funder joins the stream's funders."""
    with transaction.atomic():
        allocation.full_clean()
        allocation.save()
        allocation.stream.funders.add(allocation.funder)
    return allocation


def signed_decisions_naming(stream: FundingStream) -> list[str]:
    """The reference codes of the signed decisions recorded against a stream."""
    return list(stream.decisions.signed().order_by("reference_code").values_list("reference_code", flat=True))


def stream_save(*, stream: FundingStream, funders) -> FundingStream:
    """Creates or changes a funding stream, with its funders.

    Two rules: once a signed decision is recorded against a stream, the stream's code stays as
    it is, because the signed decision is a fixed record and lists and reports name its stream
    by that code (its name and description may still be corrected); and a funder with amounts
    recorded for the stream stays one of its funders (allocation_save adds it)."""
    funders = list(funders)
    with transaction.atomic():
        if stream.pk:
            # The stream's lock is the one decision_sign takes too: a signing in progress finishes
            # first, and the check below then sees its decision signed.
            current = FundingStream.objects.select_for_update().get(pk=stream.pk)
            if stream.short_name != current.short_name and (signed := signed_decisions_naming(current)):
                raise ValidationError({"short_name": (
                    f"The code must stay {current.short_name}: signed decision{'s' if len(signed) > 1 else ''} "
                    f"{', '.join(signed)} {'are' if len(signed) > 1 else 'is'} recorded against this stream.")})
            chosen = {funder.pk for funder in funders}
            kept = sorted({a.funder.name for a in current.allocations.select_related("funder")
                           if a.funder_id not in chosen})
            if kept:
                raise ValidationError({"funders": (
                    f"{', '.join(kept)} {'have' if len(kept) > 1 else 'has'} amounts recorded for this stream, "
                    "so must stay among its funders.")})
        stream.full_clean()
        stream.save()
        stream.funders.set(funders)
    return stream
