"""New pages get ASCII web addresses; pages made with accented ones are fixed by a migration."""

import importlib
import re

import pytest
from django.apps import apps
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

from cms.content.slugs import slug_formatters
from cms.directives.models import OfficialDocumentPage
from home.models import SectionPage
from vietnamese.text import slugify

pytestmark = pytest.mark.django_db

TITLE = "Công văn 99-CV/TU về đẩy mạnh Cuộc vận động"


def wagtail_clean(value, formatters):
    """What the admin's slug box does with the formatters, then its ASCII clean-up."""
    for pattern, replacement in formatters:
        value = re.sub(pattern, replacement, value)
    value = re.sub(r"\s+", "-", value.strip())
    return re.sub(r"-{2,}", "-", re.sub(r"[^A-Za-z0-9\-_]", "", value)).lower()


def test_the_slug_box_formatters_give_what_slugify_gives():
    assert wagtail_clean(TITLE, slug_formatters()) == slugify(TITLE) == "cong-van-99-cv-tu-ve-day-manh-cuoc-van-dong"
    assert wagtail_clean("ĐẨY MẠNH Ứng dụng", slug_formatters()) == "day-manh-ung-dung"


def test_the_page_editor_slug_box_carries_the_formatters(client, login):
    login("bientap")
    section = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    text = client.get(f"/admin/pages/add/directives/officialdocumentpage/{section.pk}/").content.decode()
    assert "data-w-slug-formatters-value" in text and 'data-w-slug-allow-unicode-value="True"' not in text


def test_the_migration_gives_accented_pages_ascii_slugs_and_redirects_the_old_address():
    section = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    page = section.add_child(instance=OfficialDocumentPage(title=TITLE, slug="công-văn-99-cv-tu-về-đẩy-mạnh"))
    old_url = page.url
    migration = importlib.import_module("home.migrations.0002_ascii_slugs")
    migration.ascii_slugs(apps, None)
    page.refresh_from_db()
    assert page.slug == "cong-van-99-cv-tu-ve-day-manh"
    assert page.url_path.endswith("/ha-noi/cong-van-99-cv-tu-ve-day-manh/") and page.url_path.isascii()
    assert Redirect.objects.filter(redirect_page=page).exists()
    assert old_url != page.url
