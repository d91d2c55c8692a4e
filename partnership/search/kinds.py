"""What partnership itself makes searchable: meetings, agenda items, minutes, papers (by title
and by the words inside), actions and their updates, and enquiries (GLA officers only). Each
kind's `visible` is the queryset its own pages list from; registered in PartnershipConfig.ready()."""

from django.utils import timezone

from partnership.common.pk_urls import pk_url
from partnership.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Enquiry,
    Meeting,
    Minutes,
    MinutesStatus,
    Paper,
    PaperVisibility,
)
from partnership.selectors.minutes import minutes_visible_to

from .registry import Document, SearchKind, register


def _day(moment):
    return timezone.localdate(moment) if moment else None


def meeting_document(meeting: Meeting) -> Document:
    body = meeting.body
    return Document(
        title=f"{meeting.display_title}, {timezone.localtime(meeting.starts_at):%-d %B %Y}",
        text=" ".join(filter(None, [body.name, body.short_name, meeting.location, meeting.get_status_display()])),
        url=pk_url("partnership:meeting_detail", meeting.pk),
        occurred_on=_day(meeting.starts_at), body_id=meeting.body_id, is_public=True)


def agenda_item_document(item: AgendaItem) -> Document:
    meeting = item.meeting
    return Document(
        title=item.title,
        text=" ".join(filter(None, [item.presenter, item.description, meeting.display_title, meeting.location])),
        url=pk_url("partnership:meeting_detail", meeting.pk) + f"#agenda-item-{item.pk}",
        occurred_on=_day(meeting.starts_at), body_id=meeting.body_id, is_public=True)


def minutes_document(minutes: Minutes) -> Document:
    meeting = minutes.meeting
    approved = minutes.status == MinutesStatus.APPROVED
    return Document(
        title=f"Minutes of {meeting.display_title}, {timezone.localtime(meeting.starts_at):%-d %B %Y}"
              + ("" if approved else " (draft)"),
        text=minutes.text,
        url=pk_url("partnership:minutes_detail", meeting.pk),
        occurred_on=_day(meeting.starts_at), body_id=meeting.body_id,
        is_public=approved and meeting.body.minutes_are_public)


def paper_document(paper: Paper) -> Document:
    return Document(
        title=paper.title,
        text=" ".join(filter(None, [paper.original_filename, getattr(paper, "text", "")])),
        url=pk_url("partnership:paper_detail", paper.pk),
        occurred_on=_day(paper.published_at or paper.uploaded_at), body_id=paper.body_id,
        is_public=paper.visibility == PaperVisibility.PUBLIC and paper.published_at is not None,
        officer_only=paper.visibility == PaperVisibility.RESTRICTED)


def action_document(action: Action) -> Document:
    return Document(
        title=action.description[:200],
        text=" ".join(filter(None, [action.description, action.owner_contact])),
        url=pk_url("partnership:action_detail", action.pk),
        occurred_on=action.due_on, body_id=action.body_id)


def action_update_document(update: ActionUpdate) -> Document:
    action = update.action
    return Document(
        title=f"Update on: {action.description[:150]}",
        text=update.note,
        url=pk_url("partnership:action_detail", action.pk),
        occurred_on=_day(update.written_at), body_id=action.body_id)


def enquiry_document(enquiry: Enquiry) -> Document:
    return Document(
        title=f"{enquiry.reference}: {enquiry.name or 'Anonymised enquiry'}",
        reference=enquiry.reference,
        text=" ".join(filter(None, [enquiry.name, enquiry.email, enquiry.organisation_name, enquiry.message])),
        url=pk_url("partnership:enquiry_detail", enquiry.pk),
        occurred_on=_day(enquiry.received_at), borough_id=enquiry.borough_id, officer_only=True)


def register_partnership_kinds() -> None:
    register(SearchKind("meeting", "Meetings", Meeting, meeting_document, lambda user: Meeting.objects.all(),
                        order=10, select_related=("body",)))
    register(SearchKind("agenda_item", "Agenda items", AgendaItem, agenda_item_document,
                        lambda user: AgendaItem.objects.all(), order=11, select_related=("meeting__body",)))
    register(SearchKind("minutes", "Minutes", Minutes, minutes_document, minutes_visible_to, order=12,
                        select_related=("meeting__body",)))
    register(SearchKind("paper", "Papers", Paper, paper_document, lambda user: Paper.objects.visible_to(user),
                        order=20))
    register(SearchKind("action", "Actions", Action, action_document, lambda user: Action.objects.visible_to(user),
                        order=30))
    register(SearchKind("action_update", "Actions", ActionUpdate, action_update_document,
                        lambda user: ActionUpdate.objects.filter(action__in=Action.objects.visible_to(user)),
                        order=31, select_related=("action",)))
    register(SearchKind("enquiry", "Enquiries", Enquiry, enquiry_document,
                        lambda user: Enquiry.objects.visible_to(user), order=80))
