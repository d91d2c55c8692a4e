"""A year-scaled data set for measuring the portal at size (`manage.py seed_scale --rows N`).

Every row is INVENTED: names say "(invented)" and addresses are @example.org. For N rows the set
holds, as issue 12 measured: meetings 20% of N, agenda items 100%, papers 50%, actions 100%,
resettlement offers 100%, enquiries 100%, notifications 100% and funding decisions 5%, spread over
twelve bodies, the boroughs, a few hundred owners and five years (four back, one ahead). One body
("SCALE-01") carries the weight of a busy board: about 12% of the actions, most of them open, so
its meeting page shows whether matters arising stay bounded.

Rows go in with explicit ids: on Postgres through COPY (psycopg's copy protocol), elsewhere with
bulk_create in large batches; the sequences are moved past them afterwards and the tables
analysed, so query plans see the real sizes. The site search's entries of it all are written last
(`search_reindex`, in the same transaction), so the scale data is searchable. The people,
organisations and bodies are kept between runs (get or create); `replace_scale_rows()` deletes
only the bulk rows, with plain DELETEs (no per-row signals: history, cascades) in dependency
order. The data is marked so it can be found again: bodies SCALE-01..12, people
scale.*@example.org, notices with subject keys "scale.notice:…", enquiries from
scale.enquirer.*@example.org, decisions DD9xxxxx."""

import datetime as dt
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from funding.models import Decision, DecisionStatus, DecisionType
from partnership.common.bulk_copy import copy_rows
from partnership.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Body,
    Meeting,
    Membership,
    Notification,
    NotificationStatus,
    Organisation,
    OrganisationKind,
    Paper,
    PaperVisibility,
    SearchEntry,
    User,
)
from partnership.models.enquiries import Enquiry, EnquiryCounter, EnquiryKind, EnquiryStatus
from partnership.models.meetings import MeetingStatus
from partnership.models.users import Role
from partnership.search import registry as search_registry
from partnership.search.services import search_reindex
from resettlement.models import Access, OfferStatus, PropertySize, ResettlementOffer, Scheme

BODY_PREFIX = "SCALE-"
BODIES = 12
PEOPLE = 300
OFFICERS = 5
ORGANISATIONS = 40
HEAVY_BODY_MEMBERS = 150
PERSON_EMAIL = "scale.person.{:03d}@example.org"
OFFICER_EMAIL = "scale.officer.{}@example.org"
BOROUGH_OFFICER_EMAIL = "scale.borough.{:02d}@example.org"
ENQUIRER_PREFIX = "scale.enquirer."
NOTICE_PREFIX = "scale.notice:"
DECISION_PREFIX = "DD9"
BATCH = 5000

# Shares of N, from the issue.
SHARES = {"meetings": 0.20, "agenda items": 1.0, "papers": 0.50, "actions": 1.0, "offers": 1.0,
          "enquiries": 1.0, "notifications": 1.0, "decisions": 0.05}


class ScaleDataPresent(Exception):
    """The database holds scale data already: seed_scale refuses unless told to replace it."""


def scale_data_present() -> bool:
    return Meeting.objects.filter(body__short_name__startswith=BODY_PREFIX).exists()


def scale_officer() -> User | None:
    """The first invented GLA officer: the account the benchmarks sign in as."""
    return User.objects.filter(email=OFFICER_EMAIL.format(1)).first()


@dataclass
class Reference:
    """The kept part: people, organisations, boroughs and bodies the bulk rows point at."""
    boroughs: list[int]
    borough_officers: dict[int, int]
    organisations: list[int]
    people: list[int]
    officers: list[int]
    bodies: list[int]
    people_emails: dict[int, str] = field(default_factory=dict)


def counts_for(rows: int) -> dict[str, int]:
    return {name: max(1, int(rows * share)) for name, share in SHARES.items()}


def seed_scale(rows: int, *, replace: bool = False, progress: Callable[[str], None] = lambda line: None,
               seed: int = 12) -> dict[str, int]:
    """Writes the scale data set for `rows`; returns how many rows of each kind it wrote."""
    if scale_data_present():
        if not replace:
            raise ScaleDataPresent("This database holds scale data already (bodies SCALE-…).")
        progress("deleting the scale rows already there")
        replace_scale_rows()
    rng = random.Random(seed)
    counts = counts_for(rows)
    with transaction.atomic():
        ref = _reference_data()
        writer = _Writer(progress)
        today = timezone.localdate()
        meetings = _meetings(writer, rng, ref, counts["meetings"], today)
        _agenda_items(writer, meetings, counts["agenda items"])
        _papers(writer, rng, ref, meetings, counts["papers"], counts["agenda items"])
        _actions(writer, rng, ref, meetings, counts["actions"], today)
        _offers(writer, rng, ref, counts["offers"], today)
        _enquiries(writer, rng, ref, counts["enquiries"], today)
        _notifications(writer, rng, ref, counts["notifications"], today)
        _decisions(writer, rng, ref, counts["decisions"], today)
        writer.reset_sequences()
        _search_entries(writer)
    writer.analyse()
    return writer.written


def replace_scale_rows() -> None:
    """Deletes the bulk rows of a previous run (not the people, organisations or bodies), with
    plain DELETEs: a queryset's delete() would load every row to write history and cascades."""
    bodies = Body.objects.filter(short_name__startswith=BODY_PREFIX)
    meetings = Meeting.objects.filter(body__in=bodies)
    actions = Action.objects.filter(body__in=bodies)
    scale_people = User.objects.filter(email__startswith="scale.")
    offers = ResettlementOffer.objects.filter(created_by__in=scale_people)
    enquiries = Enquiry.objects.filter(email__startswith=ENQUIRER_PREFIX)
    decisions = Decision.objects.filter(reference_code__startswith=DECISION_PREFIX, title__startswith="Scale decision")
    searched = [meetings, AgendaItem.objects.filter(meeting__in=meetings), Paper.objects.filter(body__in=bodies),
                actions, ActionUpdate.objects.filter(action__in=actions), offers, enquiries, decisions]
    steps = [
        # Their search entries first, while the objects are there to name them: every kind the
        # model is searched under (a decision has three), as the search registry says.
        *(SearchEntry.objects.filter(kind__in=[kind.kind for kind in search_registry.kinds_for_model(objects.model)],
                                     object_id__in=objects.values("pk"))
          for objects in searched),
        ActionUpdate.objects.filter(action__in=actions),
        actions,
        Paper.objects.filter(body__in=bodies),
        AgendaItem.objects.filter(meeting__in=meetings),
        meetings,
        offers,
        enquiries,
        Notification.objects.filter(subject_key__startswith=NOTICE_PREFIX),
        decisions,
    ]
    with transaction.atomic():
        for queryset in steps:
            # _raw_delete: one DELETE … WHERE …, no signals and no cascade collection. The
            # scale rows have no children besides the ones deleted just before them.
            queryset._raw_delete(queryset.db)


def _reference_data() -> Reference:
    gla_group, _ = Group.objects.get_or_create(name=Role.GLA_OFFICER)
    borough_group, _ = Group.objects.get_or_create(name=Role.BOROUGH_OFFICER)
    boroughs = list(Organisation.objects.boroughs().values_list("pk", flat=True))
    if len(boroughs) < 2:
        for n in range(1, 34):
            Organisation.objects.get_or_create(
                name=f"Scale borough {n:02d} (invented)",
                defaults={"kind": OrganisationKind.BOROUGH, "gss_code": f"E0999{n:04d}"})
        boroughs = list(Organisation.objects.boroughs().values_list("pk", flat=True))
    organisations = []
    for n in range(1, ORGANISATIONS + 1):
        org, _ = Organisation.objects.get_or_create(name=f"Scale organisation {n:02d} (invented)",
                                                    defaults={"kind": OrganisationKind.CIVIL_SOCIETY})
        organisations.append(org.pk)
    people, emails = [], {}
    for n in range(1, PEOPLE + 1):
        user = _person(PERSON_EMAIL.format(n), f"Scale Person {n:03d} (invented)",
                       organisation_id=organisations[n % len(organisations)])
        people.append(user.pk)
        emails[user.pk] = user.email
    officers = []
    for n in range(1, OFFICERS + 1):
        user = _person(OFFICER_EMAIL.format(n), f"Scale Officer {n} (invented)")
        user.groups.add(gla_group)
        officers.append(user.pk)
    borough_officers = {}
    for n, borough in enumerate(boroughs, start=1):
        user = _person(BOROUGH_OFFICER_EMAIL.format(n), f"Scale Borough Officer {n:02d} (invented)",
                       organisation_id=borough)
        user.groups.add(borough_group)
        borough_officers[borough] = user.pk
    bodies = []
    for n in range(1, BODIES + 1):
        body, _ = Body.objects.get_or_create(
            short_name=f"{BODY_PREFIX}{n:02d}",
            defaults={"name": f"Scale body {n:02d} (invented)", "kind": "group",
                      "purpose": "An invented body for measuring the portal at scale.",
                      "membership_is_public": True, "reminder_days_before": ""})
        bodies.append(body.pk)
    if not Membership.objects.filter(body_id__in=bodies).exists():
        rng = random.Random(7)
        started = timezone.localdate() - dt.timedelta(days=5 * 365)
        rows = [Membership(user_id=pk, body_id=bodies[0], started_on=started, organisation_id=None)
                for pk in people[:HEAVY_BODY_MEMBERS]]
        for pk in people:
            for body in rng.sample(bodies[1:], 2):
                rows.append(Membership(user_id=pk, body_id=body, started_on=started))
        rows += [Membership(user_id=officers[0], body_id=body, started_on=started) for body in bodies]
        Membership.objects.bulk_create(rows, batch_size=BATCH)
    return Reference(boroughs, borough_officers, organisations, people, officers, bodies, emails)


def _person(email: str, name: str, organisation_id: int | None = None) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, full_name=name, organisation_id=organisation_id)
    return user


class _Writer:
    """Writes tuples of column values with explicit ids: COPY on Postgres, bulk_create elsewhere."""

    def __init__(self, progress):
        self.progress = progress
        self.written: dict[str, int] = {}
        self.models = []

    def next_id(self, model) -> int:
        return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

    def write(self, label: str, model, attnames: list[str], rows: Iterable[tuple], total: int) -> None:
        started = time.monotonic()
        self.models.append(model)
        def report(done: int) -> None:
            self.progress(f"{label}: {done:,}/{total:,}")

        if connection.vendor == "postgresql":
            done = copy_rows(model, attnames, rows, progress=report, every=BATCH)
        else:
            done = self._bulk_create(model, attnames, rows, report)
        self.written[label] = done
        self.progress(f"{label}: {done:,} written in {time.monotonic() - started:.1f} s\n")

    @staticmethod
    def _bulk_create(model, attnames, rows, report: Callable[[int], None]) -> int:
        done, batch = 0, []
        for row in rows:
            batch.append(model(**dict(zip(attnames, row, strict=True))))
            if len(batch) == BATCH:
                model.objects.bulk_create(batch)
                done += len(batch)
                batch = []
                report(done)
        if batch:
            model.objects.bulk_create(batch)
            done += len(batch)
        return done

    def reset_sequences(self) -> None:
        statements = connection.ops.sequence_reset_sql(no_style(), self.models)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

    def analyse(self) -> None:
        if connection.vendor == "postgresql":
            # VACUUM too when we may (not inside a transaction): it sets the visibility map, without
            # which the planner prices every index-only scan as if it read the table.
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            with connection.cursor() as cursor:
                for model in self.models:
                    cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")
        else:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")


@dataclass
class _Meetings:
    first_id: int
    count: int
    body_of: list[int]
    starts: list[dt.datetime]
    first_agenda_id: int = 0
    by_body: dict[int, list[int]] = field(default_factory=dict)

    AGENDA_PER_MEETING = 5


def _moment(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


def _meetings(writer, rng, ref, count, today) -> _Meetings:
    first = writer.next_id(Meeting)
    start_day = today - dt.timedelta(days=4 * 365)
    span = 5 * 365
    body_of, starts = [], []
    by_body: dict[int, list[int]] = {}
    for n in range(count):
        body = ref.bodies[0] if rng.random() < 0.10 else rng.choice(ref.bodies[1:])
        day = start_day + dt.timedelta(days=rng.randrange(span))
        body_of.append(body)
        starts.append(_moment(day, rng.choice((9, 10, 13, 14))))
        by_body.setdefault(body, []).append(first + n)
    meetings = _Meetings(first, count, body_of, starts, by_body=by_body)
    now = timezone.now()

    def rows():
        for n in range(count):
            starts_at = starts[n]
            if starts_at > now:
                status = MeetingStatus.SCHEDULED
            else:
                status = MeetingStatus.CANCELLED if n % 10 == 0 else MeetingStatus.HELD
            yield (first + n, body_of[n], "", starts_at, starts_at + dt.timedelta(hours=2),
                   "City Hall, Kamal Chunchie Way (invented)", "", status, 0, starts_at - dt.timedelta(days=30))

    writer.write("meetings", Meeting, ["id", "body_id", "title", "starts_at", "ends_at", "location",
                                       "online_link", "status", "sequence", "created_at"], rows(), count)
    return meetings


AGENDA_TITLES = ["Welcome and apologies", "Minutes and matters arising", "Resettlement update",
                 "Asylum accommodation", "Any other business"]


def _agenda_items(writer, meetings: _Meetings, count) -> None:
    first = writer.next_id(AgendaItem)
    meetings.first_agenda_id = first
    per = meetings.AGENDA_PER_MEETING

    def rows():
        for n in range(count):
            meeting, position = divmod(n, per)
            if meeting >= meetings.count:  # more items than five a meeting: wrap round
                meeting %= meetings.count
                position += per * (n // (per * meetings.count))
            yield (first + n, meetings.first_id + meeting, position + 1, AGENDA_TITLES[position % per], "", "")

    writer.write("agenda items", AgendaItem, ["id", "meeting_id", "position", "title", "presenter",
                                              "description"], rows(), count)


def _papers(writer, rng, ref, meetings: _Meetings, count, agenda_count) -> None:
    first = writer.next_id(Paper)
    per = meetings.AGENDA_PER_MEETING

    def rows():
        for n in range(count):
            meeting = rng.randrange(meetings.count)
            agenda = None
            if rng.random() < 0.6 and meeting * per < agenda_count:
                agenda = meetings.first_agenda_id + meeting * per + rng.randrange(per)
            roll = rng.random()
            visibility = (PaperVisibility.PUBLIC if roll < 0.4 else PaperVisibility.MEMBERS if roll < 0.9
                          else PaperVisibility.RESTRICTED)
            uploaded = meetings.starts[meeting] - dt.timedelta(days=rng.randrange(3, 15))
            published = None if rng.random() < 0.05 else uploaded + dt.timedelta(hours=2)
            yield (first + n, meetings.body_of[meeting], meetings.first_id + meeting, agenda,
                   f"Paper {n + 1}: update to the partnership (invented)", "papers/scale-invented.pdf",
                   "scale-invented.pdf", "application/pdf", 120_000, visibility, published, None, uploaded)

    writer.write("papers", Paper, ["id", "body_id", "meeting_id", "agenda_item_id", "title", "file",
                                   "original_filename", "content_type", "size_bytes", "visibility",
                                   "published_at", "uploaded_by_id", "uploaded_at"], rows(), count)


ACTION_TEXTS = ["Circulate the updated briefing to members", "Share borough figures with the GLA",
                "Write to the Home Office about dispersal", "Draft the protocol for the next meeting",
                "Report back on ESOL waiting lists", "Follow up on hotel exits with the boroughs"]


def _actions(writer, rng, ref, meetings: _Meetings, count, today) -> None:
    first = writer.next_id(Action)
    start = today - dt.timedelta(days=3 * 365)
    span = 3 * 365 + 180
    updates = []

    def rows():
        for n in range(count):
            heavy = rng.random() < 0.12
            body = ref.bodies[0] if heavy else rng.choice(ref.bodies[1:])
            meeting = rng.choice(meetings.by_body[body]) if body in meetings.by_body and rng.random() < 0.6 else None
            roll = rng.random()
            if heavy:
                status = ActionStatus.OPEN if roll < 0.8 else ActionStatus.DONE
            else:
                status = (ActionStatus.OPEN if roll < 0.35 else ActionStatus.IN_PROGRESS if roll < 0.5
                          else ActionStatus.DONE if roll < 0.9 else ActionStatus.DROPPED)
            due = start + dt.timedelta(days=rng.randrange(span))
            completed = min(due, today) if status == ActionStatus.DONE else None
            if rng.random() < 0.7:
                owner_user, owner_org, contact = rng.choice(ref.people), None, ""
            else:
                owner_user, owner_org, contact = None, rng.choice(ref.organisations), "Named contact (invented)"
            if n % 50 == 0:
                updates.append(first + n)
            yield (first + n, f"{ACTION_TEXTS[n % len(ACTION_TEXTS)]} ({n + 1}, invented)", body, meeting, None,
                   owner_user, owner_org, contact, None, due, status, completed,
                   _moment(due - dt.timedelta(days=60), 12))

    writer.write("actions", Action, ["id", "description", "body_id", "meeting_id", "agenda_item_id",
                                     "owner_user_id", "owner_organisation_id", "owner_contact",
                                     "owner_contact_user_id", "due_on", "status", "completed_on", "created_at"],
                 rows(), count)
    first_update = writer.next_id(ActionUpdate)
    # One update for every fiftieth action, and forty on the first: enough to show a bound.
    targets = updates + [first] * 40

    def update_rows():
        for n, action in enumerate(targets):
            yield (first_update + n, action, ref.officers[0], timezone.now() - dt.timedelta(days=n),
                   f"Progress noted ({n + 1}, invented).")

    writer.write("action updates", ActionUpdate, ["id", "action_id", "written_by_id", "written_at", "note"],
                 update_rows(), len(targets))


OFFER_STATUSES = [(OfferStatus.DRAFT, 0.05), (OfferStatus.SUBMITTED, 0.15), (OfferStatus.UNDER_REVIEW, 0.25),
                  (OfferStatus.ACCEPTED, 0.40), (OfferStatus.MATCHED, 0.55), (OfferStatus.ARRIVED, 0.80),
                  (OfferStatus.CLOSED, 0.90), (OfferStatus.WITHDRAWN, 0.95), (OfferStatus.DECLINED, 1.01)]


def _pick(rng, table):
    roll = rng.random()
    return next(value for value, upto in table if roll < upto)


def _offers(writer, rng, ref, count, today) -> None:
    first = writer.next_id(ResettlementOffer)
    schemes = [Scheme.UK_RESETTLEMENT, Scheme.AFGHAN, Scheme.OTHER]
    sizes = [PropertySize.ONE_BED, PropertySize.TWO_BED, PropertySize.THREE_BED, PropertySize.FOUR_BED]

    def rows():
        for n in range(count):
            borough = rng.choice(ref.boroughs)
            households = rng.randint(1, 4)
            created = _moment(today - dt.timedelta(days=rng.randrange(4 * 365)), 11)
            year = created.year if created.month >= 4 else created.year - 1
            yield (first + n, borough, None, None, rng.choice(schemes), year, households,
                   households + rng.randint(0, 6), rng.randint(1, households), rng.choice(sizes), Access.NONE,
                   created.date() + dt.timedelta(days=rng.randrange(30, 200)), False, 0, 0, False, "", "",
                   _pick(rng, OFFER_STATUSES), ref.borough_officers[borough], created, created)

    writer.write("offers", ResettlementOffer, [
        "id", "borough_id", "sponsorship_group_id", "borough_consent_on", "scheme", "financial_year",
        "households_offered", "people_offered", "properties_offered", "property_size", "access", "available_from",
        "support_caseworker", "support_esol_places", "support_school_places", "support_health_registration",
        "support_other", "notes", "status", "created_by_id", "created_at", "status_changed_at"], rows(), count)


ENQUIRY_STATUSES = [(EnquiryStatus.NEW, 0.10), (EnquiryStatus.ASSIGNED, 0.20), (EnquiryStatus.RESPONDED, 0.30),
                    (EnquiryStatus.CLOSED, 0.90), (EnquiryStatus.SPAM, 1.01)]


def _enquiries(writer, rng, ref, count, today) -> None:
    first = writer.next_id(Enquiry)
    received = sorted(_moment(today - dt.timedelta(days=rng.randrange(4 * 365)), rng.randrange(8, 18))
                      for _ in range(count))
    numbers: dict[int, int] = dict(EnquiryCounter.objects.values_list("year", "last_number"))
    kinds = list(EnquiryKind.values)

    def rows():
        for n, at in enumerate(received):
            year = at.year
            numbers[year] = numbers.get(year, 0) + 1
            status = _pick(rng, ENQUIRY_STATUSES)
            assignee = rng.choice(ref.officers) if status != EnquiryStatus.NEW else None
            responded = at + dt.timedelta(days=2) if status in (EnquiryStatus.RESPONDED, EnquiryStatus.CLOSED) else None
            closed = at + dt.timedelta(days=3) if status in (EnquiryStatus.CLOSED, EnquiryStatus.SPAM) else None
            yield (first + n, f"ENQ-{year}-{numbers[year]:05d}", year, numbers[year], kinds[n % len(kinds)],
                   "Scale enquirer (invented)", f"{ENQUIRER_PREFIX}{n}@example.org", "", "", None,
                   "An invented enquiry about volunteering.", at, "[]", "", "", "", "", "", "", at,
                   at.date() + dt.timedelta(days=7), status, assignee, at if assignee else None,
                   "Replied (invented)." if responded else "", responded, assignee if responded else None,
                   closed, ref.officers[0] if closed else None, None)

    writer.write("enquiries", Enquiry, [
        "id", "reference", "year", "number", "kind", "name", "email", "phone", "organisation_name", "borough_id",
        "message", "consent_given_at", "offer_types", "offer_other", "offer_where", "document_requested",
        "accessible_format", "accessible_format_other", "assistive_technology", "received_at", "response_due",
        "status", "assignee_id", "assigned_at", "response_note", "responded_at", "responded_by_id", "closed_at",
        "closed_by_id", "anonymised_at"], rows(), count)
    for year, last in numbers.items():
        EnquiryCounter.objects.update_or_create(year=year, defaults={"last_number": last})


NOTICE_KINDS = ["meeting.reminder", "action.due", "paper.published", "action.overdue"]


def _notifications(writer, rng, ref, count, today) -> None:
    """Sent, failed or cancelled notices only: nothing here is due, so no dispatcher sends them."""
    first = writer.next_id(Notification)
    table = [(NotificationStatus.SENT, 0.90), (NotificationStatus.FAILED, 0.95), (NotificationStatus.CANCELLED, 1.01)]

    def rows():
        for n in range(count):
            person = rng.choice(ref.people)
            at = _moment(today - dt.timedelta(days=rng.randrange(2 * 365)), rng.randrange(6, 20))
            status = _pick(rng, table)
            yield (first + n, NOTICE_KINDS[n % len(NOTICE_KINDS)], f"{NOTICE_PREFIX}{n}", person,
                   ref.people_emails[person], "scale", at, f"Reminder {n + 1} (invented)",
                   "An invented reminder.\n", "", "", "", "", status, 1,
                   "550 mailbox unavailable (invented)" if status == NotificationStatus.FAILED else "", at,
                   at + dt.timedelta(minutes=1) if status == NotificationStatus.SENT else None, False, None, "", None)

    writer.write("notifications", Notification, [
        "id", "kind", "subject_key", "recipient_id", "recipient_email", "slot", "send_after", "subject", "body_text",
        "body_html", "attachment_name", "attachment_content", "attachment_mimetype", "status", "attempts",
        "last_error", "created_at", "sent_at", "held_for_digest", "bundled_into_id", "claim_token",
        "claimed_until"], rows(), count)


DECISION_STATUSES = [(DecisionStatus.DRAFT, 0.10), (DecisionStatus.AWAITING_SIGNATURE, 0.20),
                     (DecisionStatus.SIGNED, 0.95), (DecisionStatus.WITHDRAWN, 1.01)]


def _decisions(writer, rng, ref, count, today) -> None:
    first = writer.next_id(Decision)
    now = timezone.now()

    def rows():
        for n in range(count):
            status = _pick(rng, DECISION_STATUSES)
            signed = today - dt.timedelta(days=rng.randrange(4 * 365)) if status == DecisionStatus.SIGNED else None
            yield (first + n, f"{DECISION_PREFIX}{n:05d}", f"Scale decision {n + 1} (invented)", DecisionType.DIRECTOR,
                   "Invented Name", "Executive Director (invented)", status, signed, "An invented decision.",
                   "", "", "", "", "", "", "", None, ref.officers[n % len(ref.officers)],
                   "Withdrawn (invented)." if status == DecisionStatus.WITHDRAWN else "", "", now, now)

    writer.write("decisions", Decision, [
        "id", "reference_code", "title", "decision_type", "decision_by_name", "decision_by_title", "status",
        "date_signed", "executive_summary", "part1_facts", "part2_confidential", "equality_comments",
        "strategy_links", "impact_assessments", "financial_comments", "legal_comments", "funding_stream_id",
        "responsible_officer_id", "withdrawn_reason", "returned_to_draft_reason", "created_at", "updated_at"],
        rows(), count)


def _search_entries(writer) -> None:
    """The site search's entries of everything written, by `search_reindex` (batched: one DELETE
    and one COPY a batch), so each entry is what the kinds' own `document` makes of its object,
    exactly as the services would have written it; no second copy of those rules in SQL."""
    started = time.monotonic()
    writer.progress("search entries: building")
    written = search_reindex()
    writer.models.append(SearchEntry)
    writer.written["search entries"] = total = sum(written.values())
    writer.progress(f"search entries: {total:,} written in {time.monotonic() - started:.1f} s\n")
