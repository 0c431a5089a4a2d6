"""One batch of import_all: pages placed from the parent read once, inline rows inserted
together, waiting citations resolved at the batch's end, and a rolled-back document in the
middle leaving the tree, slugs and citations as one-by-one saves would."""

import hashlib
import json

import pytest
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from cms.directives.models import OfficialDocumentPage
from cms.importer.service import CREATED, FAILED, Source, import_all

from .test_service import NEW_LETTER

pytestmark = pytest.mark.django_db


def letter(number, cites=""):
    text = NEW_LETTER.replace("Số 99-CV/TU", f"Số {number}")
    if cites:
        text = text.replace("Thực hiện Chỉ thị", f"Thực hiện Công văn số {cites} ngày 02/12/2024 của Tỉnh ủy Hà Tĩnh và Chỉ thị")
    return text.replace("phiên chợ hàng Việt", f"phiên chợ hàng Việt ({number})")


def sources(*texts):
    return [Source(f"{index}.txt", text.encode("utf-8")) for index, text in enumerate(texts)]


def test_citations_inside_one_batch_resolve_both_ways_and_are_indexed():
    # 81 cites 82, which comes later in the same batch; 82 cites 81, which is already saved.
    outcomes = import_all(sources(letter("81-CV/TU", cites="82-CV/TU"), letter("82-CV/TU", cites="81-CV/TU")))
    assert [o.status for o in outcomes] == [CREATED, CREATED]
    first, second = (OfficialDocumentPage.objects.get(pk=o.page_id) for o in outcomes)
    assert first.citations.get(cited_number="82-CV/TU").target_id == second.pk
    assert second.citations.get(cited_number="81-CV/TU").target_id == first.pk
    referenced = set(ReferenceIndex.get_references_for_object(first).values_list("to_object_id", flat=True))
    assert str(second.pk) in referenced


def test_same_titles_get_their_own_slugs_and_the_tree_stays_sound():
    [earlier] = import_all(sources(letter("83-CV/TU")))
    # Renumbered by an editor: the same text again is a new document, with the same title.
    OfficialDocumentPage.objects.filter(pk=earlier.page_id).update(number_key="", import_hash="")
    again = letter("83-CV/TU").replace("Tăng cường", "Đẩy mạnh")
    outcomes = import_all(sources(letter("84-CV/TU"), again, letter("85-CV/TU")))
    assert [o.status for o in outcomes] == [CREATED] * 3
    pages = [OfficialDocumentPage.objects.get(pk=o.page_id) for o in outcomes]
    assert pages[1].slug == OfficialDocumentPage.objects.get(pk=earlier.page_id).slug + "-2"
    parent = pages[0].get_parent()
    assert all(page.get_parent() == parent for page in pages)
    assert len({page.slug for page in pages}) == 3 and len({page.path for page in pages}) == 3
    assert all(page.url_path == parent.url_path + page.slug + "/" for page in pages)
    assert parent.numchild == parent.get_children().count()
    assert all(not problems for problems in Page.find_problems())


def test_a_document_rolled_back_mid_batch_leaves_no_trace_in_tree_slugs_or_citations(monkeypatch):
    serializable_data = OfficialDocumentPage.serializable_data

    def fail_for_87(page, *args, **kwargs):  # the revision of 87 fails, after its page is placed
        if page.number == "87-CV/TU":
            raise RuntimeError("ổ đĩa đầy")
        return serializable_data(page, *args, **kwargs)

    monkeypatch.setattr(OfficialDocumentPage, "serializable_data", fail_for_87)
    # 86 waits for 87, which fails; 88 has the same title pattern and must get the next free slug.
    texts = (letter("86-CV/TU", cites="87-CV/TU"), letter("87-CV/TU"), letter("88-CV/TU"))
    outcomes = import_all(sources(*texts))
    assert [o.status for o in outcomes] == [CREATED, FAILED, CREATED]
    assert not OfficialDocumentPage.objects.filter(number="87-CV/TU").exists()
    waiting = OfficialDocumentPage.objects.get(pk=outcomes[0].page_id).citations.get(cited_number="87-CV/TU")
    assert waiting.target is None
    assert all(not problems for problems in Page.find_problems())
    third = OfficialDocumentPage.objects.get(pk=outcomes[2].page_id)
    assert third.get_parent().numchild == third.get_parent().get_children().count()


def test_a_new_pages_revision_holds_its_inline_rows():
    [outcome] = import_all(sources(letter("89-CV/TU")))
    page = OfficialDocumentPage.objects.get(pk=outcome.page_id)
    draft = page.get_latest_revision_as_object()
    assert page.citations.count() > 0
    assert [c.cited_number for c in draft.citations.all()] == [c.cited_number for c in page.citations.all()]
    assert [c.target_id for c in draft.citations.all()] == [c.target_id for c in page.citations.all()]
    assert sorted(t.slug for t in draft.themes.all()) == sorted(t.slug for t in page.themes.all())
    assert [r.pk for r in draft.regions.all()] == [r.pk for r in page.regions.all()]
    assert [a.document_id for a in draft.attachments.all()] == [a.document_id for a in page.attachments.all()]


def test_a_new_pages_history_is_what_wagtail_writes():
    from wagtail.models import PageLogEntry

    def history(page):
        entries = PageLogEntry.objects.filter(page=page).order_by("pk")
        return [(e.action, e.content_changed, e.revision_id == page.latest_revision_id if e.revision_id else None,
                 e.label, e.content_type_id) for e in entries]

    [outcome] = import_all(sources(letter("90-CV/TU")))
    page = OfficialDocumentPage.objects.get(pk=outcome.page_id)
    # The same page made Wagtail's way, beside it.
    twin = OfficialDocumentPage(title=page.title, live=False)
    page.get_parent().add_child(instance=twin)
    twin.save_revision(log_action=True)
    assert history(page) == history(twin) == [
        ("wagtail.create", True, None, page.title, page.content_type_id),
        ("wagtail.edit", True, True, page.title, page.content_type_id),
    ]


def test_the_batch_reference_index_is_what_wagtail_records_object_by_object():
    from django.db import transaction

    outcomes = import_all(sources(letter("91-CV/TU", cites="06/CV-BCĐ"), letter("92-CV/TU", cites="91-CV/TU")))
    pages = [OfficialDocumentPage.objects.get(pk=o.page_id) for o in outcomes]
    documents = [a.document for page in pages for a in page.attachments.all()]

    def recorded(obj):
        return set(ReferenceIndex.get_references_for_object(obj).values_list(
            "content_type_id", "to_content_type_id", "to_object_id", "model_path", "content_path"))

    batch = [recorded(obj) for obj in pages + documents]
    assert any(batch)
    for obj in pages + documents:
        ReferenceIndex.remove_for_object(obj)
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(obj)
    assert [recorded(obj) for obj in pages + documents] == batch


def test_a_new_page_its_revision_and_search_entry_are_what_wagtail_writes():
    """The batch writes a new page's first revision itself and reads its body once for the search
    index: the page row, the revision and the search entry are those of Wagtail's add_child and
    save_revision, beside it, with the same content."""
    from django.forms.models import model_to_dict
    from wagtail.models import Revision
    from wagtail.search.models import IndexEntry

    [outcome] = import_all(sources(letter("93-CV/TU")))
    page = OfficialDocumentPage.objects.get(pk=outcome.page_id)
    own = [f.name for f in OfficialDocumentPage._meta.get_fields() if f.concrete and not f.auto_created
           and f.model is not Page and not f.is_relation] + ["title", "draft_title", "live", "has_unpublished_changes",
                                                             "locale", "owner", "content_type", "depth"]
    twin = OfficialDocumentPage(**{name: getattr(page, name) for name in own if name not in ("draft_title", "has_unpublished_changes", "depth")})
    twin.issuer = page.issuer
    page.get_parent().add_child(instance=twin)
    twin.save_revision()
    twin.refresh_from_db()

    assert model_to_dict(page, fields=own + ["issuer"]) == model_to_dict(twin, fields=own + ["issuer"])
    assert page.url_path == page.get_parent().url_path + page.slug + "/"
    assert (page.latest_revision_created_at, page.latest_revision.object_str) == (
        page.latest_revision.created_at, page.title)
    ours, theirs = (Revision.objects.get(pk=p.latest_revision_id) for p in (page, twin))
    assert (ours.content_type_id, ours.base_content_type_id, ours.object_str, ours.user_id, ours.approved_go_live_at) == (
        theirs.content_type_id, theirs.base_content_type_id, theirs.object_str, theirs.user_id, theirs.approved_go_live_at)
    identity = {"pk", "path", "slug", "url_path", "translation_key", "latest_revision", "latest_revision_created_at",
                "citations", "attachments", "themes", "theme_items", "regions", "content_type"}  # inline rows: above
    assert ours.content.keys() == theirs.content.keys()

    def content(revision):  # the body's blocks without their ids (the twin's are new ones)
        data = {k: v for k, v in revision.content.items() if k not in identity}
        data["body"] = [{k: v for k, v in block.items() if k != "id"} for block in json.loads(data["body"])]
        return data

    assert content(ours) == content(theirs)

    def entry(obj):  # every column (PostgreSQL's plain-text ones too) but the ids and the title norm (the table's average)
        row = IndexEntry.objects.filter(object_id=str(obj.pk)).values().get()
        return {k: v for k, v in row.items() if k not in ("id", "object_id", "title_norm")}

    assert entry(page) == entry(twin) and entry(page)["body"]
    from wagtail.fields import StreamField
    assert not hasattr(StreamField.get_searchable_content, "__wrapped__")  # the pass's memo is gone with it


def test_the_same_file_twice_in_one_batch_is_skipped_unless_its_first_copy_rolled_back(monkeypatch):
    """The imported-file check is read once per batch: what the batch itself imports counts, and
    a copy rolled back does not."""
    text = letter("94-CV/TU")
    outcomes = import_all([Source("a.txt", text.encode()), Source("b/a.txt", text.encode())])
    assert [o.status for o in outcomes] == [CREATED, "skipped"] and outcomes[1].page_id == outcomes[0].page_id

    serializable_data, calls = OfficialDocumentPage.serializable_data, []

    def fail_first(page, *args, **kwargs):
        calls.append(page.number)
        if len(calls) == 1:
            raise RuntimeError("ổ đĩa đầy")
        return serializable_data(page, *args, **kwargs)

    monkeypatch.setattr(OfficialDocumentPage, "serializable_data", fail_first)
    text = letter("95-CV/TU")
    outcomes = import_all([Source("c.txt", text.encode()), Source("d/c.txt", text.encode())])
    assert [o.status for o in outcomes] == [FAILED, CREATED]
    assert OfficialDocumentPage.objects.filter(number="95-CV/TU").count() == 1


def test_a_document_repeating_a_page_of_its_own_batch_updates_it_once_its_rows_are_written():
    """A batch writes its new pages' rows at its end; a later document with the same number (a
    corrected copy) reads the first page as stored: its attachment, its revision."""
    first = letter("96-CV/TU")
    corrected = first.replace("Tăng cường", "Đẩy mạnh")
    outcomes = import_all(sources(first, corrected))
    assert [o.status for o in outcomes] == [CREATED, "updated"] and outcomes[1].page_id == outcomes[0].page_id
    page = OfficialDocumentPage.objects.get(pk=outcomes[0].page_id)
    assert page.revisions.count() == 2 and page.attachments.count() == 1
    assert "Đẩy mạnh" in str(page.get_latest_revision_as_object().body)


def test_rows_the_database_refuses_at_the_batchs_end_fail_only_their_document(monkeypatch, caplog):
    """Another import recorded the same file between this batch's read and its end: the batch's
    INSERT is refused, the batch is rolled back and done again page by page, and only that file
    fails; its stored file is gone, the others are created once."""
    from cms.importer import service
    from cms.importer.models import ImportedFile

    texts = (letter("97-CV/TU"), letter("98-CV/TU"), letter("99-CV/TU"))
    [other] = import_all(sources(letter("1-CV/TU")))
    digest = hashlib.sha256(texts[1].encode("utf-8")).hexdigest()
    ImportedFile.objects.create(digest=digest, part=0, page_id=other.page_id, name="khác.txt")
    def read_before_the_other_import(cache, sources):
        cache.imported_digests |= {hashlib.sha256(source.data).hexdigest() for source in sources}

    monkeypatch.setattr(service._BatchCache, "read_imported", read_before_the_other_import)
    written = []
    save = service._delete
    monkeypatch.setattr(service, "_delete", lambda files: (written.extend(f.name for f in files), save(files)))

    outcomes = import_all(sources(*texts))
    assert "again page by page" in caplog.text  # the batch's own INSERT was refused first
    assert [o.status for o in outcomes] == [CREATED, FAILED, CREATED]
    for number in ("97-CV/TU", "99-CV/TU"):
        assert OfficialDocumentPage.objects.filter(number=number).count() == 1
    assert not OfficialDocumentPage.objects.filter(number="98-CV/TU").exists()
    assert len(written) == 4  # the three of the batch rolled back, then the one that failed alone
    kept = {document.file.name for document in get_document_model().objects.all()}
    assert all(not default_storage.exists(name) for name in written if name not in kept)
    for outcome in (outcomes[0], outcomes[2]):
        page = OfficialDocumentPage.objects.get(pk=outcome.page_id)
        assert page.attachments.get().document.file.storage.exists(page.attachments.get().document.file.name)
        assert page.latest_revision is not None
    assert all(not problems for problems in Page.find_problems())


def test_a_large_import_read_by_another_process_gives_the_same_outcomes(monkeypatch):
    from cms.importer import service

    texts = [letter(f"{n}-CV/TU") for n in range(100, 106)] + ["quá ngắn"]
    expected = [(o.status, o.reason, o.title) for o in import_all(sources(*texts), dry_run=True)]
    monkeypatch.setattr(service, "PARALLEL_FROM", 3)
    monkeypatch.setattr(service, "EXTRACT_CHUNK", 2)
    outcomes = import_all(sources(*texts))
    assert [(o.status, o.title) for o in outcomes] == [(status, title) for status, _reason, title in expected]
    assert outcomes[-1].reason == expected[-1][1] and outcomes[-1].status == FAILED
    assert OfficialDocumentPage.objects.filter(number__in=[f"{n}-CV/TU" for n in range(100, 106)]).count() == 6


def test_an_editors_batch_is_submitted_to_review_on_its_stored_revisions():
    from django.contrib.auth import get_user_model
    from wagtail.models import TaskState

    editor = get_user_model().objects.get(username="bientap_hatinh")
    outcomes = import_all(sources(letter("106-CV/TU"), letter("107-CV/TU")), user=editor)
    assert all(o.status == CREATED and "gửi duyệt" in o.reason for o in outcomes)
    for outcome in outcomes:
        page = OfficialDocumentPage.objects.get(pk=outcome.page_id)
        state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
        assert state.revision_id == page.latest_revision_id and state.status == TaskState.STATUS_IN_PROGRESS


def test_a_batch_finds_the_documents_earlier_batches_archived_by_number_issuer_and_content():
    """The existing-document check reads, at a batch's start, the archived documents with its
    numbers or contents: the same content in another file is skipped, the same number and
    issuer with new content updates that page, the same number from another issuer with its
    own content is new."""
    [first] = import_all(sources(letter("108-CV/TU")))
    respaced = letter("108-CV/TU").replace("\n\n", "\n\n\n")
    corrected = letter("108-CV/TU").replace("Tăng cường", "Đẩy mạnh")
    other_issuer = (letter("108-CV/TU").replace("TỈNH ỦY HÀ TĨNH", "THÀNH ỦY HÀ NỘI")
                    .replace("Hà Tĩnh, ngày", "Hà Nội, ngày").replace("Tăng cường", "Phát động"))
    assert respaced.encode() != letter("108-CV/TU").encode()
    outcomes = import_all(sources(respaced, corrected, other_issuer))
    assert [o.status for o in outcomes] == ["skipped", "updated", CREATED]
    assert outcomes[0].page_id == outcomes[1].page_id == first.page_id != outcomes[2].page_id
    assert OfficialDocumentPage.objects.get(pk=outcomes[2].page_id).issuer.name != OfficialDocumentPage.objects.get(pk=first.page_id).issuer.name
