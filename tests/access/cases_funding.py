"""Access rows for funding: the register and signed decisions are public; drafts, Part 2,
confidential appendices and every officer page are for GLA officers (and superusers) only.
Objects outside a role's scope answer 404; officer pages answer 403 to other signed-in roles."""

import datetime as dt

from funding.models import DecisionStatus, DocumentKind
from tests.access.matrix import GLA_ONLY, LOGIN, PUBLIC, Case, expect
from tests.factories.funding import (
    DecisionFactory,
    DecisionItemFactory,
    DocumentFactory,
    FundingStreamFactory,
    LineFactory,
    MilestoneFactory,
    RiskFactory,
    SignedDecisionFactory,
)

HIDDEN = expect(404, 200, 404, 404, 404, 200)  # drafts and confidential things: 404 outside the GLA
LOCKED = expect(LOGIN, 302, 403, 403, 403, 302)  # officer page of a fixed decision: sent back to it
NO_GET = expect(405, 405, 405, 405, 405, 405)
POSTED = expect(LOGIN, 302, 403, 403, 403, 302)


def _signed(world):
    return {"code": SignedDecisionFactory(reference_code="MD2628").reference_code}


def _draft(world):
    return {"code": DecisionFactory(reference_code="MD2800").reference_code}


def _ready_draft(world):
    decision = DecisionFactory(reference_code="MD2800")
    DecisionItemFactory(decision=decision)
    LineFactory(decision=decision)
    return {"code": decision.reference_code}


def _awaiting(world):
    decision = DecisionFactory(reference_code="MD2800", status=DecisionStatus.AWAITING_SIGNATURE)
    return {"code": decision.reference_code}


def _part(kind, factory):
    def kwargs(world):
        part = factory()
        decision = part.from_decision if kind == "relations" else part.decision
        return {"code": decision.reference_code, "kind": kind, "pk": part.pk}
    return kwargs


def _relation():
    from funding.models import DecisionRelation, RelationKind

    return DecisionRelation.objects.create(from_decision=DecisionFactory(), to_decision=SignedDecisionFactory(),
                                           kind=RelationKind.RELATED)


DRAFT_PARTS = {
    "lines": lambda: LineFactory(decision=DecisionFactory()),
    "risks": lambda: RiskFactory(decision=DecisionFactory()),
    "milestones": lambda: MilestoneFactory(decision=DecisionFactory(), due_on=dt.date(2030, 7, 1)),
    "items": lambda: DecisionItemFactory(decision=DecisionFactory()),
    "relations": _relation,
}


def _stream_of_signed_decision(world):
    stream = FundingStreamFactory(short_name="LSMP")
    SignedDecisionFactory(funding_stream=stream)
    return {"pk": stream.pk}


def _stream_data():
    return {"name": "Controlling Migration Fund", "short_name": "LSMP", "summary": "Funded by MHCLG.",
            "pays_for": "Two posts"}


def _document(*, signed: bool, confidential: bool = False, kind=DocumentKind.APPENDIX):
    def kwargs(world):
        decision = SignedDecisionFactory() if signed else DecisionFactory()
        return {"pk": DocumentFactory(decision=decision, is_confidential=confidential, kind=kind).pk}
    return kwargs


CASES = [
    Case("funding:register", PUBLIC),
    Case("funding:register_export", PUBLIC),
    Case("funding:decision_list", GLA_ONLY),
    Case("funding:decision_create", GLA_ONLY),
    Case("funding:decision_detail", PUBLIC, kwargs=_signed, label="signed"),
    Case("funding:decision_detail", HIDDEN, kwargs=_draft, label="draft"),
    Case("funding:decision_pdf", PUBLIC, kwargs=_signed, label="signed"),
    Case("funding:decision_pdf", HIDDEN, kwargs=_draft, label="draft"),
    Case("funding:decision_edit", GLA_ONLY, kwargs=_draft, label="draft"),
    Case("funding:decision_edit", LOCKED, kwargs=_signed, label="signed"),
    Case("funding:decision_submit", NO_GET, kwargs=_ready_draft, label="GET is refused"),
    Case("funding:decision_submit", POSTED, kwargs=_ready_draft, method="post", label="submit"),
    Case("funding:decision_edit", LOCKED, kwargs=_awaiting, label="awaiting signature"),
    Case("funding:decision_return", GLA_ONLY, kwargs=_awaiting, label="awaiting signature"),
    Case("funding:decision_return", LOCKED, kwargs=_draft, label="a draft already"),
    Case("funding:decision_return", LOCKED, kwargs=_signed, label="signed"),
    Case("funding:decision_return", POSTED, kwargs=_awaiting, method="post", label="return",
         data=lambda w: {"reason": "The grant amount changed"}),
    Case("funding:decision_return", GLA_ONLY, kwargs=_awaiting, method="post", label="no reason"),
    Case("funding:decision_sign", GLA_ONLY, kwargs=_awaiting, label="awaiting signature"),
    Case("funding:decision_sign", LOCKED, kwargs=_signed, label="signed"),
    Case("funding:decision_withdraw", GLA_ONLY, kwargs=_draft, label="draft"),
    Case("funding:decision_withdraw", GLA_ONLY, kwargs=_awaiting, label="awaiting signature"),
    Case("funding:decision_withdraw", LOCKED, kwargs=_signed, label="signed"),
    *[Case("funding:part_add", GLA_ONLY, kwargs=lambda w, kind=kind: {**_draft(w), "kind": kind}, label=kind)
      for kind in [*DRAFT_PARTS, "documents"]],
    Case("funding:part_add", LOCKED, kwargs=lambda w: {**_signed(w), "kind": "lines"}, label="signed"),
    *[Case("funding:part_add", LOCKED, kwargs=lambda w, kind=kind: {**_awaiting(w), "kind": kind},
           label=f"{kind} awaiting signature") for kind in [*DRAFT_PARTS, "documents"]],
    Case("funding:part_add", expect(LOGIN, 404, 403, 403, 403, 404),
         kwargs=lambda w: {**_draft(w), "kind": "no-such-part"}, label="unknown part"),
    *[Case("funding:part_edit", GLA_ONLY, kwargs=_part(kind, factory), label=kind)
      for kind, factory in DRAFT_PARTS.items()],
    *[Case("funding:part_delete", GLA_ONLY, kwargs=_part(kind, factory), label=kind)
      for kind, factory in DRAFT_PARTS.items()],
    Case("funding:part_delete", GLA_ONLY, label="documents", kwargs=lambda w: (
        lambda d: {"code": d.decision.reference_code, "kind": "documents", "pk": d.pk})(
        DocumentFactory(decision=DecisionFactory()))),
    Case("funding:document_download", PUBLIC, kwargs=_document(signed=True), label="public appendix"),
    Case("funding:document_download", PUBLIC, kwargs=_document(signed=True, kind=DocumentKind.SIGNED),
         label="signed PDF"),
    Case("funding:document_download", HIDDEN, kwargs=_document(signed=True, confidential=True),
         label="confidential appendix"),
    Case("funding:document_download", HIDDEN, kwargs=_document(signed=False), label="draft's appendix"),
    Case("funding:risk_register", GLA_ONLY),
    Case("funding:stream_list", PUBLIC),
    Case("funding:stream_detail", PUBLIC, kwargs=lambda w: {"pk": FundingStreamFactory().pk}),
    Case("funding:stream_allocation_add", GLA_ONLY, kwargs=lambda w: {"pk": FundingStreamFactory().pk}),
    Case("funding:stream_manage", GLA_ONLY),
    Case("funding:stream_create", GLA_ONLY),
    Case("funding:stream_create", GLA_ONLY, method="post", label="nothing typed"),
    Case("funding:stream_create", POSTED, method="post", label="save", data=lambda w: _stream_data()),
    Case("funding:stream_edit", GLA_ONLY, kwargs=lambda w: {"pk": FundingStreamFactory().pk}),
    Case("funding:stream_edit", GLA_ONLY, kwargs=_stream_of_signed_decision, label="code fixed by a signed decision"),
    Case("funding:stream_edit", POSTED, method="post", label="save",
         kwargs=lambda w: {"pk": FundingStreamFactory(short_name="LSMP").pk}, data=lambda w: _stream_data()),
]
