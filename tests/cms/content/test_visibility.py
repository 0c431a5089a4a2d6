"""The one visibility rule: a page live with its go-live date ahead, or past its
expiry before the scheduler ran, is listed, found and served nowhere; a plain
published page everywhere (the positive control)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.content.visibility import is_published, visible_pages
from cms.content.models import ContentPage
from cms.materials.models import PropagandaMaterialPage
from home.models import HomePage, SectionPage
from search.indexing import document_for_page

pytestmark = pytest.mark.django_db


def _material(title, slug):
    section = SectionPage.objects.get(slug="tai-lieu-tuyen-truyen", depth=3)
    page = PropagandaMaterialPage(title=title, slug=slug, form="bai_viet", summary=title)
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def pages():
    now = timezone.now()
    shown = _material("Tài liệu đang đăng VISIBLEMARK", "dang-dang-visiblemark")
    future = _material("Tài liệu hẹn giờ FUTUREMARK", "hen-gio-futuremark")
    expired = _material("Tài liệu hết hạn EXPIREDMARK", "het-han-expiredmark")
    # Live pages whose dates say otherwise: set by hand, or the scheduler has not run yet.
    PropagandaMaterialPage.objects.filter(pk=future.pk).update(go_live_at=now + timedelta(days=1))
    PropagandaMaterialPage.objects.filter(pk=expired.pk).update(expire_at=now - timedelta(minutes=1))
    return {name: PropagandaMaterialPage.objects.get(pk=p.pk) for name, p in (("shown", shown), ("future", future), ("expired", expired))}


def test_the_rule(pages, rf):
    assert is_published(pages["shown"])
    assert not is_published(pages["future"]) and not is_published(pages["expired"])
    ids = set(visible_pages(ContentPage.objects.all(), rf.get("/")).values_list("pk", flat=True))
    assert pages["shown"].pk in ids
    assert pages["future"].pk not in ids and pages["expired"].pk not in ids


def test_listings_index_and_page_urls_follow_it(pages, client, login):
    login("canbo")
    section = SectionPage.objects.get(slug="tai-lieu-tuyen-truyen", depth=3)
    listing = client.get(section.url).content.decode()
    home = client.get(HomePage.objects.first().url).content.decode()
    assert "VISIBLEMARK" in listing and "VISIBLEMARK" in home
    for name in ("future", "expired"):
        marker = pages[name].title.split()[-1]
        assert marker not in listing and marker not in home
        assert document_for_page(pages[name]) is None
        assert client.get(pages[name].url).status_code == 404
    assert document_for_page(pages["shown"]) is not None
    assert client.get(pages["shown"].url).status_code == 200
