"""A reader in a real Chromium: log in, open a section, filter by theme, open
a document, search; then a press officer downloads a press pack."""

import os
import re
from pathlib import Path

import pytest

from tests.browser.main_pages import audit_every_main_page
from tests.browser.press_pack import press_officer_copies_the_text_and_downloads_the_press_pack

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM is only
# used by the live server's thread, so Django's async guard can stand down.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# A live server needs committed data: the demo loaded once per session is
# committed, and the database is flushed after a transactional test. So the
# browser journey is one test, run last (see conftest.py).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
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


def test_reader_logs_in_filters_by_theme_and_opens_a_document_on_desktop_and_phone(live_server, browser, tmp_path):
    from cms.demo.loader import DEMO_PASSWORD

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    assert "/dang-nhap/" in page.url
    page.fill("#id_username", "canbo")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("h1").first.inner_text().startswith("Cổng thông tin")

    page.click("nav.main-nav >> text=Văn bản chỉ đạo")
    page.wait_for_url(re.compile(r"/van-ban-chi-dao/$"))
    assert page.locator(".card").count() == 5

    page.select_option("#f-theme", "tet")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"theme=tet"))
    chips = page.locator(".active-filters .chip")
    assert chips.count() == 1 and "Tết" in chips.first.inner_text()
    filtered = page.locator(".card")
    assert 0 < filtered.count() < 5

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "section-filtered.png"), full_page=True)

    page.locator(".card h3 a").first.click()
    page.wait_for_selector(".doc-meta")
    meta = page.locator(".doc-meta").inner_text()
    for label in ("Số hiệu", "Cơ quan ban hành", "Ngày ban hành", "Trích yếu", "Tình trạng"):
        assert label in meta
    assert page.locator(".taxonomy >> text=Tết").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "document.png"), full_page=True)

    # The same session on a phone: bad input gets a message, the filter form fits.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/van-ban-chi-dao/?year=abc")
    assert "Năm “abc” không hợp lệ" in page.locator(".notices").inner_text()
    box = page.locator("form.filters").bounding_box()
    assert box is not None and box["width"] <= 390
    page.screenshot(path=str(SCREENSHOTS / "mobile.png"), full_page=True)
    page.close()

    search_with_autocomplete_facets_and_chips(browser, live_server)
    press_officer_copies_the_text_and_downloads_the_press_pack(browser, live_server, SCREENSHOTS)
    failures = audit_every_main_page(browser, live_server.url, SCREENSHOTS, tmp_path)
    assert failures == {}, f"axe-core: serious or critical violations (see {SCREENSHOTS / 'axe-report.json'})"


def search_with_autocomplete_facets_and_chips(browser, live_server):
    """The header's search box suggests as the reader types; the results page
    narrows by a facet and widens again by removing its chip."""
    from cms.demo.loader import DEMO_PASSWORD

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/dang-nhap/")
    page.fill("#id_username", "canbo")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))

    # Autocomplete: a number typed loosely, without diacritics, then Enter on the suggestion.
    page.locator("#q-top").press_sequentially("1557/ubnd", delay=30)
    option = page.locator("#q-top-goi-y [role=option]").first
    option.wait_for()
    assert "1557/UBND-KTN" in option.inner_text()
    page.locator("#q-top").press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    page.locator("#q-top").press("Enter")
    page.wait_for_url(re.compile(r"/1557-ubnd-ktn/$"))

    # Full search without diacritics: highlighted snippets in the original spelling.
    page.fill("#q-top", "uu tien dung hang viet")
    page.locator("#q-top").press("Enter")  # no suggestion chosen: the form is sent
    page.wait_for_url(re.compile(r"/tim-kiem/\?q="))
    total = int(page.locator(".results-bar .muted").inner_text().split()[0])
    assert total >= 6
    marks = [m.lower() for m in page.locator(".hit .snippet mark").all_inner_texts()]
    assert any(m.startswith("ưu tiên dùng hàng việt") for m in marks), marks

    # A facet narrows, its chip widens again.
    page.locator(".facet a", has_text="Hà Nội").first.click()
    page.wait_for_url(re.compile(r"region=ha-noi"))
    narrowed = int(page.locator(".results-bar .muted").inner_text().split()[0])
    assert 0 < narrowed < total
    chip = page.locator(".active-filters .chip")
    assert chip.count() == 1 and "Hà Nội" in chip.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "search.png"), full_page=True)
    chip.click()
    page.wait_for_url(lambda url: "region=" not in url)
    assert int(page.locator(".results-bar .muted").inner_text().split()[0]) == total
    page.close()

