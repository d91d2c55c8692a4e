"""What funding makes searchable (partnership's site search, registered in FundingConfig.ready()):

- a decision by its code, title, summary, Part 1 and decision items: everyone once it is signed,
  GLA officers at every stage (Decision.visible_to);
- its confidential Part 2: GLA officers only, an entry of its own marked part2;
- its income and expenditure lines and its risks: GLA officers only."""

from django.urls import reverse
from django.utils import timezone

from partnership.rules import is_gla_officer
from partnership.search.registry import Document, SearchKind, register

from .models import Decision, DecisionStatus

GROUP = "Funding decisions"


def _url(decision: Decision) -> str:
    return reverse("funding:decision_detail", args=[decision.reference_code])


def _date(decision: Decision):
    return decision.date_signed or (timezone.localdate(decision.created_at) if decision.created_at else None)


def decision_document(decision: Decision) -> Document:
    items = " ".join(f"{item.number} {item.text}" for item in decision.items.all())
    text = " ".join(filter(None, [
        decision.executive_summary, items, decision.part1_facts, decision.decision_by_name,
        decision.equality_comments, decision.strategy_links, decision.impact_assessments,
        decision.financial_comments, decision.legal_comments]))
    return Document(title=f"{decision.reference_code} {decision.title}", reference=decision.reference_code,
                    text=text, url=_url(decision), occurred_on=_date(decision),
                    is_public=decision.status == DecisionStatus.SIGNED)


def decision_part2_document(decision: Decision) -> Document | None:
    if not decision.part2_confidential.strip():
        return None
    return Document(title=f"{decision.reference_code} {decision.title}: Part 2 (confidential)",
                    reference=decision.reference_code, text=decision.part2_confidential,
                    url=_url(decision) + "#part-2", occurred_on=_date(decision), officer_only=True, part2=True)


def decision_money_document(decision: Decision) -> Document | None:
    lines = [" ".join(filter(None, [line.purpose, line.description, line.source_budget]))
             for line in decision.lines.all()]
    risks = [f"{risk.description} {risk.mitigations}" for risk in decision.risks.all()]
    if not lines and not risks:
        return None
    return Document(title=f"{decision.reference_code} {decision.title}: lines and risks",
                    reference=decision.reference_code, text=" ".join(lines + risks),
                    url=_url(decision), occurred_on=_date(decision), officer_only=True)


def _officers_only(user):
    return Decision.objects.visible_to(user) if is_gla_officer(user) else Decision.objects.none()


def register_funding_kinds() -> None:
    register(SearchKind("decision", GROUP, Decision, decision_document,
                        lambda user: Decision.objects.visible_to(user), order=50, prefetch_related=("items",)))
    register(SearchKind("decision_part2", GROUP, Decision, decision_part2_document, _officers_only, order=51))
    register(SearchKind("decision_money", GROUP, Decision, decision_money_document, _officers_only, order=52,
                        prefetch_related=("lines", "risks")))
