"""Shared caching (home/caching.py): a cached document page follows publishing, the clock
and privacy, an editor's preview never reaches a reader, and a warm page costs few queries."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.directives.models import DocumentCitation, OfficialDocumentPage
from home.models import SectionPage

pytestmark = pytest.mark.django_db

# What a warm document page may cost: session, user, Wagtail's privacy check (two), the
# reader's permissions, unread notifications and feed key (37 before caching, 17 with
# shared fragments, 7 with the whole page shared).
DOCUMENT_PAGE_MAX_QUERIES = 7


def _client(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _document(title, number, body="Nội dung gốc xcachebody.", **fields):
    section = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    page = OfficialDocumentPage(
        title=title, number=number, kind="cong_van", body=[("paragraph", f"<p>{body}</p>")], **fields
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return OfficialDocumentPage.objects.get(pk=page.pk)


def _cited_by(citing, cited):
    DocumentCitation.objects.create(page=citing, cited_number=cited.number, target=cited)


def test_a_cached_page_follows_publish_and_unpublish():
    page = _document("Công văn xcachepub", "901-CV/XC")
    reader = _client("canbo")
    assert "xcachebody" in reader.get(page.url).text
    assert "xcachebody" in reader.get(page.url).text  # now from the cache
    page.body = [("paragraph", "<p>Nội dung mới xcachenew.</p>")]
    page.save_revision().publish()
    shown = reader.get(page.url).text
    assert "xcachenew" in shown and "xcachebody" not in shown
    page.unpublish()
    assert reader.get(page.url).status_code == 404


def test_a_cited_by_list_follows_the_citing_pages_visibility_and_the_clock():
    cited = _document("Công văn xcachecited", "902-CV/XC")
    expiring = _document("Kế hoạch xcacheexpiring", "903-CV/XC", expire_at=timezone.now() + timedelta(hours=1))
    withdrawn = _document("Kế hoạch xcachewithdrawn", "907-CV/XC")
    _cited_by(expiring, cited)
    _cited_by(withdrawn, cited)
    reader = _client("canbo")
    shown = reader.get(cited.url).text
    assert "xcacheexpiring" in shown and "xcachewithdrawn" in shown
    withdrawn.unpublish()
    shown = reader.get(cited.url).text
    assert "xcacheexpiring" in shown and "xcachewithdrawn" not in shown
    real_now = timezone.now
    later = real_now() + timedelta(hours=2)
    try:
        timezone.now = lambda: later  # the expiry has passed and no signal was sent
        assert "xcacheexpiring" not in reader.get(cited.url).text
    finally:
        timezone.now = real_now


def test_an_editors_preview_never_reaches_a_reader():
    page = _document("Công văn xcacheprev", "904-CV/XC")
    editor = get_user_model().objects.get(username="duyet")
    draft = OfficialDocumentPage.objects.get(pk=page.pk)
    draft.body = [("paragraph", "<p>Bản nháp xcachedraft.</p>")]
    draft.save_revision()
    original = RequestFactory().get("/admin/")
    original.user = editor
    preview = draft.get_latest_revision_as_object().make_preview_request(original)
    assert "xcachedraft" in preview.content.decode()
    # The editor's own live view, then a reader's: both show the published text only.
    assert "xcachedraft" not in _client("duyet").get(page.url).text
    shown = _client("canbo").get(page.url).text
    assert "xcachebody" in shown and "xcachedraft" not in shown


def test_a_restricted_citing_page_is_shared_only_with_its_group():
    cited = _document("Công văn xcachegroup", "905-CV/XC")
    citing = _document("Công văn xcachesecret", "906-CV/XC")
    _cited_by(citing, cited)
    restriction = PageViewRestriction.objects.create(page=citing, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Duyệt")])
    # The group's member fills the cache first; the reader, refused that restriction, has a key of its own.
    assert _client("duyet").get(citing.url).status_code == 200
    member_view = _client("duyet").get(cited.url)
    assert member_view.status_code == 200 and "xcachesecret" in member_view.text
    assert _client("canbo").get(citing.url).status_code != 200
    # The cited document's "implemented by" list does not name the restricted page to an outsider.
    outsider_view = _client("canbo").get(cited.url)
    assert outsider_view.status_code == 200 and "xcachegroup" in outsider_view.text
    assert "xcachesecret" not in outsider_view.text


def test_a_warm_document_page_costs_few_queries():
    page = OfficialDocumentPage.objects.get(number="1557/UBND-KTN")
    reader = _client("canbo")
    assert reader.get(page.url).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert reader.get(page.url).status_code == 200
    assert len(warm.captured_queries) <= DOCUMENT_PAGE_MAX_QUERIES, [q["sql"][:120] for q in warm.captured_queries]


def _names_and_tokens(html):
    """The reader's own bits of a page: the name in the header, the CSRF field, the feed key."""
    import re

    return (
        re.search(r'<span class="user-name">([^<]*)</span>', html).group(1),
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
        set(re.findall(r"token=([\w-]+)", html)),
    )


def test_a_shared_page_keeps_every_readers_own_parts():
    page = _document("Công văn xcacheown", "908-CV/XC")
    from cms.press.tokens import feed_token_for
    from cms.subscriptions.models import Notification

    press, reader = get_user_model().objects.get(username="baochi"), get_user_model().objects.get(username="canbo")
    Notification.objects.create(user=reader, page=page)
    press_client, reader_client = _client("baochi"), _client("canbo")
    press_view = press_client.get(page.url).text  # fills the shared page
    reader_view = reader_client.get(page.url).text
    press_name, press_csrf, press_tokens = _names_and_tokens(press_view)
    reader_name, reader_csrf, reader_tokens = _names_and_tokens(reader_view)
    assert press_name != reader_name and press_csrf != reader_csrf
    assert feed_token_for(press) in press_tokens and feed_token_for(press) not in reader_tokens
    assert reader_tokens == ({feed_token_for(reader)} if feed_token_for(reader) else set())
    # The bell: the reader's unread notification, none for the press officer.
    assert "bell-count" in reader_view and "bell-count" not in press_view
    assert "xcachebody" in reader_view and "xcachebody" in press_view


def test_a_shared_page_shows_the_readers_messages_and_an_editor_their_user_bar():
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    page = _document("Công văn xcachemsg", "909-CV/XC")
    reader, editor = _client("canbo"), _client("duyet")
    assert "wagtail-userbar" in editor.get(page.url).text  # fills the shared page
    assert "wagtail-userbar" not in reader.get(page.url).text
    # A message waiting for the reader (cookie storage, as Django's fallback keeps it) is shown, once.
    storage = CookieStorage(RequestFactory().get("/"))
    reader.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Thông báo xcachemessage")])
    assert "xcachemessage" in reader.get(page.url).text
    assert "xcachemessage" not in reader.get(page.url).text
    assert "xcachemessage" not in editor.get(page.url).text


def test_kept_keeps_none_and_follows_the_content_version():
    from home.caching import invalidate, kept, version_key

    calls = []

    def nothing_there():
        calls.append(1)
        return None

    assert kept(version_key("probe", "x"), nothing_there) is None
    assert kept(version_key("probe", "x"), nothing_there) is None
    assert len(calls) == 1  # the None was kept, not asked again
    invalidate()
    assert kept(version_key("probe", "x"), nothing_there) is None
    assert len(calls) == 2  # a new content version, a new answer
