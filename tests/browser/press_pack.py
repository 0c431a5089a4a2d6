"""A press officer in a real Chromium: open a material, copy its text, download its press pack.

A step of the one browser journey (test_reader_journey.py): a live-server
test empties the database when it ends, so the steps share one test.
"""

import io
import re
import zipfile


def material_with_photo():
    from cms.content.models import CampaignImage
    from cms.materials.models import MaterialImage, PropagandaMaterialPage
    from django.core.files.images import ImageFile
    from tests.cms.press.conftest import jpeg_bytes

    page = PropagandaMaterialPage.objects.get(title__startswith="Đức Thọ: ưu tiên hàng Việt")
    image = CampaignImage(title="Phiên chợ Tết", credit="Nguyễn Thu Hà / Báo Hà Tĩnh", usage_rights="tu_do")
    image.file = ImageFile(io.BytesIO(jpeg_bytes(1800, 1200)), name="phien-cho-tet.jpg")
    image.save()
    page.images = [MaterialImage(image=image, caption="Phiên chợ hàng Việt dịp Tết", sort_order=0)]
    page.save_revision().publish()
    return page


def press_officer_copies_the_text_and_downloads_the_press_pack(browser, live_server, screenshots):
    from cms.demo.loader import DEMO_PASSWORD

    page_obj = material_with_photo()
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

    page.screenshot(path=str(screenshots / "press-downloads.png"), full_page=True)
    context.close()
