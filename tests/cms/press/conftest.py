"""Fixtures for the press channels: images with credits, hidden pages, keys.

Every page fixture builds on the demo (loaded once per session) inside the
test's transaction, so nothing leaks from one test to the next.
"""

import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import PageViewRestriction

from cms.cases.models import CasePhoto, ExemplaryCasePage
from cms.content.models import CampaignImage
from cms.materials.models import MaterialImage, PropagandaMaterialPage
from cms.press.tokens import create_api_token
from cms.taxonomy.models import Region, Theme
from home.models import SectionPage

HANOI_CASE = "Hà Nội: hơn 10 năm"
DUC_THO_MATERIAL = "Đức Thọ: ưu tiên hàng Việt"


def jpeg_bytes(width=2400, height=1600, colour=(179, 18, 27)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def no_cached_renditions():
    """Wagtail caches renditions by image id; a test's images and files are
    rolled back and replaced, so no cached rendition may outlive its test."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def make_image():
    def _make(title, credit="Báo Hà Tĩnh", usage_rights="tu_do", width=2400, height=1600):
        image = CampaignImage(title=title, credit=credit, usage_rights=usage_rights)
        image.file = ImageFile(io.BytesIO(jpeg_bytes(width, height)), name=f"{title[:20]}.jpg")
        image.save()
        return image

    return _make


@pytest.fixture
def material(make_image):
    """The Đức Thọ material, published with two gallery images."""
    page = PropagandaMaterialPage.objects.get(title__startswith=DUC_THO_MATERIAL)
    first = make_image("Phiên chợ hàng Việt Đức Thọ", credit="Trần Văn Nam / Báo Hà Tĩnh", usage_rights="tu_do")
    second = make_image("Gian hàng OCOP", credit="Ban Tuyên giáo Huyện ủy", usage_rights="xin_phep", width=900, height=600)
    page.images = [
        MaterialImage(image=first, caption="Người dân chọn mua nông sản OCOP", sort_order=0),
        MaterialImage(image=second, caption="Gian hàng sản phẩm OCOP của huyện", sort_order=1),
    ]
    page.save_revision().publish()
    return PropagandaMaterialPage.objects.get(pk=page.pk)


@pytest.fixture
def case(make_image):
    page = ExemplaryCasePage.objects.get(title__startswith=HANOI_CASE)
    photo = make_image("Hội chợ hàng Việt Thủ đô", credit="Báo Hànộimới", usage_rights="noi_bo")
    page.photos = [CasePhoto(image=photo, caption="Khai mạc hội chợ", sort_order=0)]
    page.save_revision().publish()
    return ExemplaryCasePage.objects.get(pk=page.pk)


def _new_material(title, **fields):
    section = SectionPage.objects.get(slug="tai-lieu-tuyen-truyen", depth=3)
    page = PropagandaMaterialPage(
        title=title,
        slug=fields.pop("slug"),
        form="bai_viet",
        summary=f"Tóm tắt của {title}",
        body=[("paragraph", f"<p>Nội dung riêng của {title}.</p>")],
        **fields,
    )
    # Tagged and placed like the visible Đức Thọ material, so every theme and region feed would show it.
    page.themes.add(Theme.objects.get(slug="tet"))
    page.regions.set([Region.objects.get(slug="ha-tinh-duc-tho")])
    section.add_child(instance=page)
    return page


@pytest.fixture
def hidden_pages(make_image, django_capture_on_commit_callbacks):
    """A draft, an embargoed, a live-but-future-dated and a restricted material,
    each with a unique marker, and the word "xmark" that a text search finds."""
    # The search index follows publishing on commit, as on the site: run that upkeep.
    with django_capture_on_commit_callbacks(execute=True):
        pages = _hidden_pages(make_image)
    return {name: PropagandaMaterialPage.objects.get(pk=page.pk) for name, page in pages.items()}


def _hidden_pages(make_image):
    pages = {}

    draft = _new_material("Bản nháp xmark XMARKDRAFT", slug="ban-nhap-xmarkdraft", live=False)
    draft.save_revision()
    pages["draft"] = draft

    embargoed = _new_material("Tài liệu cấm đăng xmark XMARKEMBARGO", slug="cam-dang-xmarkembargo", live=False)
    embargoed.go_live_at = timezone.now() + timedelta(days=3)
    embargoed.save_revision().publish()
    embargoed.refresh_from_db()
    assert not embargoed.live  # Wagtail keeps a scheduled page off the site until the date
    pages["embargoed"] = embargoed

    # Live while its go-live date is ahead (set by hand or an import): still embargoed for the press.
    future = _new_material("Tài liệu hẹn giờ xmark XMARKFUTURE", slug="hen-gio-xmarkfuture")
    future.save_revision().publish()
    PropagandaMaterialPage.objects.filter(pk=future.pk).update(go_live_at=timezone.now() + timedelta(days=1))
    pages["future"] = future

    restricted = _new_material("Tài liệu mật xmark XMARKRESTRICTED", slug="tai-lieu-mat-xmarkrestricted")
    photo = make_image("Ảnh mật XMARKRESTRICTED")
    restricted.images = [MaterialImage(image=photo, caption="Ảnh mật", sort_order=0)]
    restricted.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Duyệt")])
    pages["restricted"] = restricted

    return pages


@pytest.fixture
def api_token():
    """(user, plaintext key) of the press demo user."""
    user = get_user_model().objects.get(username="baochi")
    _token, plaintext = create_api_token(user, "Toà soạn")
    return user, plaintext


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
