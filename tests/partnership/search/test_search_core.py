"""The search core on whichever database the run uses (SQLite by default; the Postgres leg
runs the same tests): indexing from the services, matching, ranking, extracts, the registry."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnership.common.sample_documents import minimal_pdf
from partnership.enquiries.services import enquiries_anonymise_expired
from partnership.models import EnquiryStatus, PaperVisibility, SearchEntry
from partnership.search import registry
from partnership.search.engines import SqliteEngine, engine, extract_html
from partnership.search.selectors import entries_visible_to, search
from partnership.search.services import search_index, search_reindex, search_remove
from partnership.services.actions import action_add_update, action_create
from partnership.services.agenda import agenda_item_add, agenda_item_remove
from partnership.services.meetings import meeting_reschedule, meeting_schedule
from partnership.services.minutes import minutes_approve, minutes_save
from partnership.services.papers import paper_edit, paper_upload
from tests.factories.enquiries import EnquiryFactory
from tests.factories.papers_actions import PaperFactory
from tests.factories.partnership import ActionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _found(user, query, **filters):
    return [(entry.kind, entry.title) for entry in search(user, query, **filters).entries]


def _upload(title, by, body, visibility=PaperVisibility.PUBLIC, publish=True):
    return paper_upload(title=title, by=by, body=body, visibility=visibility, publish=publish,
                        uploaded_file=SimpleUploadedFile("paper.pdf", minimal_pdf(title), "application/pdf"))


def test_a_paper_is_found_by_its_title_once_uploaded_through_the_service(world):
    officer = world.users["gla_officer"]
    paper = _upload("Home Office accommodation briefing", officer, world.mrap)
    assert _found(AnonymousUser(), "accommodation briefing") == [("paper", "Home Office accommodation briefing")]
    # English stemming: "briefings" finds "briefing".
    assert SearchEntry.objects.filter(kind="paper", object_id=paper.pk).exists()
    assert _found(officer, "briefings")


def test_an_edit_changes_the_entry_in_the_same_transaction(world):
    officer = world.users["gla_officer"]
    paper = _upload("Winter shelter plan", officer, world.mrap)
    paper_edit(paper=paper, title="Cold weather provision", visibility=PaperVisibility.PUBLIC, by=officer)
    assert not _found(officer, "shelter")
    assert _found(officer, "provision") == [("paper", "Cold weather provision")]


def test_meetings_agenda_items_minutes_and_actions_are_indexed_by_their_services(world):
    officer = world.users["gla_officer"]
    start = timezone.now() + dt.timedelta(days=3)
    meeting = meeting_schedule(body=world.mrap, starts_at=start, ends_at=start + dt.timedelta(hours=2),
                               location="Committee Room 4, City Hall")
    item = agenda_item_add(meeting=meeting, title="Asylum dispersal update", presenter="Zora Quinn")
    minutes = minutes_save(meeting=meeting, text="The panel discussed the Bibby Stockholm barge.")
    action = action_create(description="Write to the Home Office about hotel closures", due_on=start.date(),
                           by=officer, body=world.mrap, owner_user=officer)
    action_add_update(action=action, by=officer, note="Letter drafted with the borough network")
    assert [kind for kind, _ in _found(officer, "Committee Room")] == ["meeting", "agenda_item"]
    assert [kind for kind, _ in _found(officer, "Zora Quinn")] == ["agenda_item"]
    assert [kind for kind, _ in _found(officer, "barge")] == ["minutes"]
    assert [kind for kind, _ in _found(officer, "hotel closures")] == ["action", "action_update"]
    assert [kind for kind, _ in _found(officer, "borough network drafted")] == ["action_update"]
    agenda_item_remove(item=item, by=officer)
    assert not _found(officer, "Zora Quinn")
    assert "(draft)" in SearchEntry.objects.get(kind="minutes").title
    minutes_approve(minutes=minutes, by=officer)
    assert "(draft)" not in SearchEntry.objects.get(kind="minutes").title


def test_an_exact_reference_code_ranks_first(world):
    officer = world.users["gla_officer"]
    wanted = EnquiryFactory(message="Housing question")
    for _ in range(3):
        search_index(EnquiryFactory(message=f"About {wanted.reference} and housing, housing, housing"))
    search_index(wanted)
    found = list(search(officer, wanted.reference.lower()).entries)
    assert found[0].object_id == wanted.pk
    assert len(found) == 4


def test_words_in_other_scripts_are_found_as_typed(world):
    officer = world.users["gla_officer"]
    _upload("লন্ডনে আশ্রয়প্রার্থীদের জন্য তথ্য", officer, world.mrap)
    _upload("معلومات لطالبي اللجوء", officer, world.mrap)
    assert _found(officer, "আশ্রয়প্রার্থীদের") == [("paper", "লন্ডনে আশ্রয়প্রার্থীদের জন্য তথ্য")]
    assert _found(officer, "اللجوء") == [("paper", "معلومات لطالبي اللجوء")]


def test_the_extract_marks_the_words_and_escapes_the_rest(world):
    officer = world.users["gla_officer"]
    minutes = minutes_save(meeting=MeetingFactory(body=world.mrap),
                           text="<script>alert(1)</script> The panel agreed the resettlement pledge for 2026.")
    results = search(officer, "resettlement pledge")
    extracts = engine().extracts([entry.pk for entry in results.entries], results.query)
    html = extracts[SearchEntry.objects.get(kind="minutes", object_id=minutes.pk).pk]
    assert "<mark>resettlement</mark>" in html and "<script>" not in html
    assert str(extract_html("a \u27e6b\u27e7 <c>")) == "a <mark>b</mark> &lt;c&gt;"


@pytest.mark.parametrize("typed", ['"', "(", "NEAR(", "a OR", "*", "-", "AND AND", "\\", "'; DROP TABLE x; --",
                                   "a" * 500, "\x00"])
def test_anything_typed_is_searched_for_and_never_an_error(world, typed):
    ActionFactory(description="Circulate the note")
    search_reindex(["action"])
    list(search(world.users["gla_officer"], typed).entries)


def test_the_sqlite_query_quotes_every_word():
    assert SqliteEngine.fts_query('RO-00022 "hotel" NEAR(') == '"RO-00022" """hotel""" "NEAR("'
    assert SqliteEngine.fts_query("- * ()") == ""


def test_filters_by_kind_body_and_date(world):
    officer = world.users["gla_officer"]
    old = PaperFactory(body=world.mrap, title="Hotel report 2024", visibility=PaperVisibility.PUBLIC,
                       published_at=timezone.now() - dt.timedelta(days=400))
    new = PaperFactory(body=world.hmap, title="Hotel report 2026", visibility=PaperVisibility.PUBLIC)
    ActionFactory(description="Chase the hotel report", body=world.mrap)
    search_reindex()
    assert len(_found(officer, "hotel")) == 3
    assert _found(officer, "hotel", kinds=["paper"], body_id=world.hmap.pk) == [("paper", new.title)]
    since = timezone.localdate() - dt.timedelta(days=30)
    assert ("paper", old.title) not in _found(officer, "hotel", date_from=since)
    results = search(officer, "hotel", kinds=["action"])
    assert results.counts == {"paper": 2, "action": 1}  # counts before the kind filter
    assert [entry.kind for entry in results.entries] == ["action"]


def test_reindex_removes_entries_of_deleted_objects_and_search_remove_removes_one(world):
    paper = PaperFactory(title="Gone soon")
    kept = PaperFactory(title="Gone never")
    search_reindex(["paper"])
    search_remove(kept)
    assert not SearchEntry.objects.filter(object_id=kept.pk, kind="paper").exists()
    paper.delete()
    search_reindex(["paper"])
    assert not SearchEntry.objects.filter(kind="paper").exclude(object_id=kept.pk).exists()


def test_a_kind_registered_by_another_app_is_searched_within_its_own_scope(world):
    """The registry is how taskgroups, resettlement, esol and funding plug in: partnership
    imports none of them. Every kind of theirs is registered by the time Django is ready."""
    names = {kind.kind for kind in registry.kinds()}
    assert {"meeting", "paper", "action", "enquiry"} <= names
    assert all(callable(kind.visible) and callable(kind.document) for kind in registry.kinds())


def test_officer_only_and_part2_entries_are_a_database_rule(world):
    from django.db import IntegrityError, transaction

    with transaction.atomic(), pytest.raises(IntegrityError):
        SearchEntry.objects.create(kind="x", object_id=1, title="t", url="/", is_public=True, officer_only=True)
    with transaction.atomic(), pytest.raises(IntegrityError):
        SearchEntry.objects.create(kind="x", object_id=2, title="t", url="/", part2=True)


def test_entries_of_unknown_kinds_are_never_found(world):
    SearchEntry.objects.create(kind="retired_kind", object_id=1, title="Orphan words", url="/", is_public=True)
    assert not entries_visible_to(world.users["gla_officer"]).filter(kind="retired_kind").exists()


def test_renaming_a_body_rewrites_its_meetings_entries_and_minutes_follow_its_publication(world, client_for):
    from django.urls import reverse

    officer = world.users["gla_officer"]
    start = timezone.now() - dt.timedelta(days=3)
    meeting = meeting_schedule(body=world.mrap, starts_at=start, ends_at=start + dt.timedelta(hours=2),
                               location="City Hall")
    minutes_approve(minutes=minutes_save(meeting=meeting, text="The panel agreed the winter plan."), by=officer)
    other = MeetingFactory(body=world.hmap)
    search_index(other)
    assert _found(officer, "Advisory Panel Migrant")
    response = client_for(officer).post(
        reverse("partnership:body_edit", args=[world.mrap.pk]),
        {"name": "Refugee Welcome Forum", "short_name": "RWF", "kind": "panel", "purpose": "Advises.",
         "cadence": "quarterly", "minutes_are_public": ""})
    assert response.status_code == 302
    assert [kind for kind, _ in _found(officer, "Refugee Welcome Forum")] == ["meeting", "minutes"]
    assert [kind for kind, _ in _found(officer, "RWF")] == ["meeting"]
    assert not _found(officer, "Migrant and Refugee Advisory Panel")  # HMAP's meeting holds "Homeless ..."
    assert not SearchEntry.objects.get(kind="minutes").is_public  # its minutes are no longer public
    assert SearchEntry.objects.get(kind="meeting", object_id=other.pk).text.startswith("Homeless")


def test_renaming_a_body_rewrites_the_entries_of_its_meetings_agenda_items(world, client_for):
    from django.urls import reverse

    officer = world.users["gla_officer"]
    start = timezone.now() + dt.timedelta(days=3)
    meeting = meeting_schedule(body=world.mrap, starts_at=start, ends_at=start + dt.timedelta(hours=2),
                               location="City Hall")
    agenda_item_add(meeting=meeting, title="Winter shelters", presenter="Chair")
    client_for(officer).post(
        reverse("partnership:body_edit", args=[world.mrap.pk]),
        {"name": "Refugee Welcome Forum", "short_name": "RWF", "kind": "panel", "purpose": "Advises.",
         "cadence": "quarterly", "minutes_are_public": ""})
    assert ("agenda_item", "Winter shelters") in _found(officer, "Winter Refugee Welcome Forum")
    assert not _found(officer, "Winter Advisory Panel")


def test_reindex_writes_what_the_services_write(world):
    """The batched rebuild (seed_scale's too) writes each entry as search_index does."""
    officer = world.users["gla_officer"]
    paper = _upload("Dispersal accommodation review", officer, world.mrap)
    action = action_create(description="Chase the hotel exit figures", due_on=timezone.localdate(),
                           by=officer, body=world.mrap, owner_user=officer)
    fields = ["kind", "object_id", "reference", "title", "text", "url", "occurred_on", "body_id", "borough_id",
              "is_public", "officer_only", "part2"]
    by_services = sorted(SearchEntry.objects.values_list(*fields))
    SearchEntry.objects.all().delete()
    written = search_reindex()
    assert written["paper"] == 1 and written["action"] == 1
    assert sorted(SearchEntry.objects.values_list(*fields)) == by_services
    assert _found(officer, "hotel exit") == [("action", action.description)]
    assert _found(AnonymousUser(), "dispersal review") == [("paper", paper.title)]


def test_past_the_match_cap_the_page_says_only_the_first_are_put_in_order(world, client_for, monkeypatch):
    from django.urls import reverse

    from partnership.search import selectors as search_selectors

    monkeypatch.setattr(search_selectors, "MATCH_CAP", 2)
    officer = world.users["gla_officer"]
    for n in range(4):
        _upload(f"Housing report {n}", officer, world.mrap)
    html = client_for(officer).get(reverse("partnership:search"), {"q": "housing"}).text
    assert "only the first" in html and "are put in order" in html
    html = client_for(officer).get(reverse("partnership:search"), {"q": "housing report 3"}).text
    assert "are put in order" not in html


def test_a_moved_meeting_moves_its_agenda_items_entries_too(world):
    """An agenda item's entry carries its meeting's place: meeting_reschedule rewrites them."""
    officer = world.users["gla_officer"]
    start = timezone.now() + dt.timedelta(days=3)
    meeting = meeting_schedule(body=world.mrap, starts_at=start, ends_at=start + dt.timedelta(hours=2),
                               location="Committee Room 4, City Hall")
    agenda_item_add(meeting=meeting, title="Asylum dispersal update", presenter="Zora Quinn")
    later = start + dt.timedelta(days=7)
    meeting_reschedule(meeting=meeting, starts_at=later, ends_at=later + dt.timedelta(hours=2),
                       location="Union Street, Southwark", online_link="")
    assert [kind for kind, _ in _found(officer, "Union Street")] == ["meeting", "agenda_item"]
    assert not _found(officer, "Committee Room")
    assert SearchEntry.objects.get(kind="agenda_item").occurred_on == timezone.localtime(later).date()


def test_anonymised_enquiries_leave_the_search_with_their_words(world):
    officer = world.users["gla_officer"]
    closed_long_ago = timezone.now() - dt.timedelta(days=500)
    expired = [EnquiryFactory(name=f"Olusegun Adebayo {n}", message="Sofa bed for a family in Barking",
                              status=EnquiryStatus.SPAM, closed_at=closed_long_ago) for n in range(3)]
    kept = EnquiryFactory(name="Marta Kowalska", message="Sofa bed offer")
    for enquiry in [*expired, kept]:
        search_index(enquiry)
    assert len(_found(officer, "sofa bed")) == 4
    assert enquiries_anonymise_expired() == 3
    assert not _found(officer, "Adebayo") and not _found(officer, "Barking")
    assert _found(officer, "sofa bed") == [("enquiry", SearchEntry.objects.get(object_id=kept.pk).title)]
