"""An editor's admin is Vietnamese: the strings Wagtail leaves in English are
translated by the project's own catalogue (cms/locale/vi, compiled by
scripts/run.sh and scripts/test.sh), and dates read dd/mm/yyyy."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from cms.directives.models import OfficialDocumentPage
from home.models import SectionPage

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "cms" / "locale" / "vi" / "LC_MESSAGES" / "django.mo"

# What an editor met in English (case-insensitive: Wagtail upper-cases statuses in CSS).
ENGLISH = [
    "Site summary",
    "Search all pages",
    "Page title",
    "Save draft",
    "In moderation",
    "Live + draft",
    "Updated",
    "Page 1 of 1",
    "Your pages and snippets in a workflow",
    "Multi-word tags",
    "Schedule to publish",
    "Privacy",
    "Pages",
    "Documents",
    "Images",
    "created in",
]


class _Text(HTMLParser):
    """Text nodes and the attributes people read (labels, placeholders, titles); no scripts."""

    READ = {"placeholder", "title", "aria-label", "alt", "value"}

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.skip += 1
        if tag == "input" and dict(attrs).get("type") == "hidden":
            return
        self.parts += [value for name, value in attrs if name in self.READ and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(response):
    parser = _Text()
    parser.feed(response.content.decode())
    return " ".join(parser.parts)


def english_in(text):
    """Each English string found, with the words around it (to find its msgid)."""
    found = []
    for english in ENGLISH:
        match = re.search(r"(?<![A-Za-z])" + re.escape(english) + r"(?![A-Za-z])", text, re.I)
        if match:
            found.append(" ".join(text[max(0, match.start() - 60) : match.end() + 60].split()))
    return found


@pytest.fixture
def editor_with_work(client, login):
    """bientap with a page awaiting review and a live page with a newer draft."""
    assert CATALOGUE.exists(), f"{CATALOGUE} is missing: run `manage.py compilemessages` (scripts/test.sh does)"
    user = login("bientap")
    section = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    submitted = section.add_child(
        instance=OfficialDocumentPage(title="Công văn 97-CV/TU về tuyên truyền", slug="cong-van-97-cv-tu", live=False, owner=user)
    )
    revision = submitted.save_revision(user=user)
    submitted.get_workflow().start(submitted, user)
    live = OfficialDocumentPage.objects.live().descendant_of(section).exclude(pk=submitted.pk).first()
    live.summary = (live.summary or "") + " (đang sửa)"
    live.save_revision(user=user)
    assert revision and live.has_unpublished_changes
    return section, submitted, live


def test_editor_dashboard_listing_and_editor_have_no_english(client, editor_with_work):
    section, submitted, live = editor_with_work
    pages = {
        "dashboard": client.get("/admin/"),
        "listing": client.get(f"/admin/pages/{section.pk}/"),
        "editor": client.get(f"/admin/pages/{live.pk}/edit/"),
        "new page": client.get(f"/admin/pages/add/directives/officialdocumentpage/{section.pk}/"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        text = visible_text(response)
        assert english_in(text) == [], name
    # The Vietnamese is really there (not merely the English missing).
    dashboard = visible_text(pages["dashboard"])
    assert "Tổng quan trang web" in dashboard and "đang trong quy trình duyệt" in dashboard
    listing = visible_text(pages["listing"]).lower()
    assert "đang chờ duyệt" in listing and "đang đăng + bản nháp" in listing and "cập nhật" in listing
    editor = visible_text(pages["editor"])
    assert "Lưu bản nháp" in editor and "Tiêu đề trang" in editor


def test_the_created_and_submitted_message_is_vietnamese():
    with translation.override("vi"):
        message = translation.gettext("Page '%(page_title)s' created and submitted for moderation.") % {"page_title": "X"}
    assert message == "Đã tạo trang “X” và gửi duyệt."


def test_admin_dates_read_day_month_year(client, login):
    login("bientap")
    page = OfficialDocumentPage.objects.filter(issued_date__isnull=False).first()
    text = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f'value="{page.issued_date:%d/%m/%Y}"' in text

