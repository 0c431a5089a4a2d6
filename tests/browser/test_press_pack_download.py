"""A press officer in a real Chromium: open a material, copy its text, download its press pack.

A live-server test is transactional: the database is flushed when it ends,
and the reader journey (test_reader_journey.py, run after this one) needs
the demo. So this module puts back what the session started with: the
migrations' data (Django's serialized copy of the fresh test database) and
the demo content.
"""

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.test_reader_journey import CHROMIUM, SCREENSHOTS

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# serialized_rollback makes pytest-django keep a copy of the freshly migrated database.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="module", autouse=True)
def restore_database_afterwards(django_db_setup, django_db_blocker):
    """Module-scoped, so it is torn down after the test's flush: rebuild the session's database."""
    from django.db import connection

    serialized = getattr(connection, "_test_serialized_contents", None)
    yield
    with django_db_blocker.unblock():
        if serialized is None:
            return
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(serialized)
        call_command("load_demo", stdout=open(os.devnull, "w"))


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing: scripts/chromium.sh installs it")
        pytest.skip(f"{CHROMIUM} is not installed (scripts/chromium.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def material_with_photo():
    from cms.content.models import CampaignImage
    from cms.materials.models import MaterialImage, PropagandaMaterialPage
    from django.core.files.images import ImageFile
    from tests.press.conftest import jpeg_bytes

    # Loaded by the session; loading again is idempotent and covers a database rebuilt from the serialized copy.
    call_command("load_demo", stdout=open(os.devnull, "w"))
    page = PropagandaMaterialPage.objects.get(title__startswith="Đức Thọ: ưu tiên hàng Việt")
    image = CampaignImage(title="Phiên chợ Tết", credit="Nguyễn Thu Hà / Báo Hà Tĩnh", usage_rights="tu_do")
    image.file = ImageFile(io.BytesIO(jpeg_bytes(1800, 1200)), name="phien-cho-tet.jpg")
    image.save()
    page.images = [MaterialImage(image=image, caption="Phiên chợ hàng Việt dịp Tết", sort_order=0)]
    page.save_revision().publish()
    return page


def test_press_officer_copies_the_text_and_downloads_the_press_pack(live_server, browser, material_with_photo):
    from cms.demo.loader import DEMO_PASSWORD

    page_obj = material_with_photo
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(live_server.url + page_obj.url)
    assert "/dang-nhap/" in page.url
    page.fill("#id_username", "baochi")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(re.escape(page_obj.url) + "$"))

    box = page.locator(".press-box")
    assert "Tải về và sử dụng" in box.inner_text()

    # "Sao chép nội dung" puts the clean text on the clipboard, offline.
    page.click("text=Sao chép nội dung")
    page.wait_for_selector("[data-copied=yes]")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(page_obj.title) and "Ảnh: Nguyễn Thu Hà / Báo Hà Tĩnh" in copied
    assert "Đã sao chép nội dung" in page.locator(".press-copy-status").inner_text()

    with page.expect_download() as info:
        page.click("a.press-pack")
    download = info.value
    assert download.suggested_filename.endswith("-bo-tai-lieu-bao-chi.zip")
    archive = zipfile.ZipFile(download.path())
    names = archive.namelist()
    assert "anh/ban-in/01-phien-cho-tet.jpg" in names and "anh/web/01-phien-cho-tet.jpg" in names
    credits = archive.read("nguon-anh.txt").decode("utf-8")
    assert "Nguồn ảnh / tác giả: Nguyễn Thu Hà / Báo Hà Tĩnh" in credits
    text_name = next(name for name in names if name.endswith(".txt") and name != "nguon-anh.txt")
    assert archive.read(text_name).decode("utf-8").startswith(page_obj.title)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "press-downloads.png"), full_page=True)
    context.close()
