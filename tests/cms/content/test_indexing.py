"""deferred_indexing(): inside it, saves do not touch Wagtail's reference and search indexes;
at its end each changed object is indexed once, rolled-back rows are skipped, and one
pages_changed signal names the pages (the archive index follows it)."""

import pytest
from django.db import transaction
from modelsearch.backends import get_search_backend
from wagtail.models import ReferenceIndex

from cms.content.indexing import deferred_indexing, pages_changed
from cms.directives.models import OfficialDocumentPage
from home.models import SectionPage

pytestmark = pytest.mark.django_db


def new_page(section, number, title):
    page = OfficialDocumentPage(title=title, number=number, live=False)
    section.add_child(instance=page)
    page.save_revision()
    return page


def found(title):
    return [p.pk for p in get_search_backend().search(title, OfficialDocumentPage)]


def test_index_work_waits_for_the_end_and_is_done_once():
    section = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    sent = []
    pages_changed.connect(lambda sender, page_ids, **kw: sent.append(page_ids), weak=False, dispatch_uid="t1")
    try:
        with deferred_indexing():
            kept = new_page(section, "901-CV/TU", "Công văn thử nghiệm hoãn chỉ mục kiwi")
            try:
                with transaction.atomic():
                    gone = new_page(section, "902-CV/TU", "Công văn thử nghiệm bị huỷ kiwi")
                    gone_pk = gone.pk
                    raise RuntimeError
            except RuntimeError:
                pass
            # nothing indexed yet
            assert not ReferenceIndex.objects.filter(object_id=str(kept.pk)).exists()
            assert kept.pk not in found("hoãn chỉ mục kiwi")
        assert sent == [[kept.pk]]  # one signal, the page that stayed
        assert kept.pk in found("hoãn chỉ mục kiwi")
        assert gone_pk not in found("bị huỷ kiwi")
    finally:
        pages_changed.disconnect(dispatch_uid="t1")


def test_outside_a_batch_saves_are_indexed_at_once():
    section = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    page = new_page(section, "903-CV/TU", "Công văn thử nghiệm ngay lập tức xoài")
    assert page.pk in found("ngay lập tức xoài")


def test_the_archive_index_listens():
    keys = [key for key, *_ in pages_changed.receivers]
    assert any("archive_search_batch" in str(key) for key in keys)


def test_wagtails_own_search_keeps_vietnamese_syllables_as_they_are():
    """On PostgreSQL the default (English) text configuration dropped "an", "do", "to" as stop
    words and stemmed "ngày" to "ngài"; the "simple" one keeps every syllable (SQLite: FTS5)."""
    section = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    page = new_page(section, "903-CV/TU", "Bảo đảm an ninh ngày hội hàng Việt do tỉnh tổ chức")
    assert page.pk in found("an ninh") and page.pk in found("ngày hội") and page.pk in found("do tỉnh")
    assert page.pk not in found("ngài")
