"""The demo's pictures: drawn at load time, with credits and usage rights, in the
pages, the press packs and the feeds' enclosures."""

import io
import zipfile

import pytest
from PIL import Image

from cms.cases.models import ExemplaryCasePage
from cms.materials.models import PropagandaMaterialPage
from home.models import SectionPage

pytestmark = pytest.mark.django_db


def test_every_case_and_material_has_credited_pictures():
    pages = list(ExemplaryCasePage.objects.all()) + list(PropagandaMaterialPage.objects.all())
    assert pages
    for page in pages:
        items = list(page.photos.all() if isinstance(page, ExemplaryCasePage) else page.images.all())
        assert len(items) >= 2, page
        for item in items:
            image = item.image
            assert image.credit and image.usage_rights in {"tu_do", "noi_bo", "xin_phep"} and item.caption
            with image.file.open("rb") as handle:
                picture = Image.open(handle)
                assert picture.format == "JPEG" and picture.width >= 1200
                # a real picture, not a flat colour: many distinct colours
                assert len(picture.convert("RGB").resize((64, 64)).getcolors(4096) or []) > 20


def test_a_materials_press_pack_holds_its_image_folders_and_credits(client, login):
    login("baochi")
    page = PropagandaMaterialPage.objects.live().first()
    response = client.get(f"/tai-ve/{page.pk}/bo-tai-lieu-bao-chi.zip")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    archive = zipfile.ZipFile(io.BytesIO(body))
    names = archive.namelist()
    assert len([n for n in names if n.startswith("anh/ban-in/")]) == 2
    assert len([n for n in names if n.startswith("anh/web/")]) == 2
    credits = archive.read("nguon-anh.txt").decode("utf-8")
    for item in page.images.all():
        assert item.image.title in credits and item.image.credit in credits
    assert "Được sử dụng tự do, ghi nguồn" in credits and "Phải xin phép tác giả" in credits
    web = Image.open(io.BytesIO(archive.read(next(n for n in names if n.startswith("anh/web/")))))
    assert web.width == 1200


def test_the_materials_feed_encloses_the_pictures(client, login):
    login("baochi")
    section = SectionPage.objects.get(slug="tai-lieu-tuyen-truyen", depth=3)
    rss = client.get(f"/tin/chuyen-muc/{section.pk}/rss.xml").content.decode()
    assert rss.count("<enclosure ") >= PropagandaMaterialPage.objects.live().count()
    assert 'type="image/jpeg"' in rss
