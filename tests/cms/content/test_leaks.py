"""Nothing leaks: every page state × every channel × every kind of user.

Each test builds one hidden page (in one of seven states) and one visible
control page, both propaganda materials in the same section, with the same
theme and region, each with an attached document and a gallery image whose
file names and titles carry the page's marker. Then, for each user, the
channel must show the control page (the positive control: the channel works
and would show such a page) and must show the hidden page exactly when the
rule says this user may see it.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from cms.content.models import ContentPageAttachment
from cms.materials.models import MaterialImage, PropagandaMaterialPage
from cms.taxonomy.models import Region, Theme
from home.models import SectionPage
from tests.cms.press.conftest import make_image, no_cached_renditions  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

USERS = ["anonymous", "canbo", "baochi", "bientap", "duyet", "quantri"]
STATES = ["draft", "restricted", "password", "future", "scheduled", "expired", "past_expiry"]
PASSWORD = "mat-khau-rieng"
# Whom the rule lets see a page in each state (beyond the password's holders).
SEES = {"restricted": {"duyet", "quantri"}}  # the Duyệt group, and the superuser
# Who may edit pages of this section, and so get a hidden page's files to preview it.
# (Duyệt reviews and publishes everywhere; the Hà Nội editor edits Hà Nội's sections only.)
EDITORS = {"duyet", "quantri"}
# A word both pages hold: a query of it, not of a marker, since the search page repeats its query.
PROBE_WORD = "xdoleak"
FILE_CHANNELS = {"documents", "media_document", "media_image", "rendition"}


def _material(marker, make_image, issued):
    section = SectionPage.objects.get(slug="tai-lieu-tuyen-truyen", depth=3)
    page = PropagandaMaterialPage(
        title=f"Tài liệu {PROBE_WORD} {marker}",
        slug=marker.lower(),
        form="bai_viet",
        summary=f"Tóm tắt {marker}",
        issued_date=issued,
        live=False,
        body=[("paragraph", f"<p>Nội dung {marker}, từ dò {PROBE_WORD}.</p>")],
    )
    document = Document(title=f"Tệp {marker}")
    document.file.save(f"{marker.lower()}.pdf", ContentFile(f"%PDF-1.4 {marker}".encode()), save=False)
    document.save()
    image = make_image(f"Ảnh {marker}")
    # Children set before the page is first saved, so a draft's page row holds them too.
    page.attachments = [ContentPageAttachment(document=document, caption=f"Tệp {marker}", sort_order=0)]
    page.images = [MaterialImage(image=image, caption=f"Ảnh {marker}", sort_order=0)]
    page.themes.add(Theme.objects.get(slug="tet"))
    page.regions.set([Region.objects.get(slug="ha-tinh-duc-tho")])
    section.add_child(instance=page)
    return page


def _hide(page, state):
    """Put a page (built as a draft) into ``state``."""
    now = timezone.now()
    model = PropagandaMaterialPage.objects.filter(pk=page.pk)
    if state == "draft":
        page.save_revision()
    elif state == "scheduled":
        page.go_live_at = now + timedelta(days=3)
        page.save_revision().publish()
    else:
        page.save_revision().publish()
    if state == "restricted":
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([Group.objects.get(name="Duyệt")])
    elif state == "password":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)
    elif state == "future":  # live, its go-live date set ahead by hand or by an import
        model.update(go_live_at=now + timedelta(days=1))
    elif state == "expired":  # what the scheduler leaves once the expiry has passed
        model.update(expire_at=now - timedelta(hours=1), live=False, expired=True)
    elif state == "past_expiry":  # live, its expiry passed before the scheduler ran
        model.update(expire_at=now - timedelta(minutes=5))


@pytest.fixture
def pages(make_image, django_capture_on_commit_callbacks):  # noqa: F811
    def build(state):
        today = timezone.localdate()
        # The search index follows publishing on commit, as on the site.
        with django_capture_on_commit_callbacks(execute=True):
            control = _material("XCTRLVISIBLE", make_image, today)
            control.save_revision().publish()
            hidden = _material(f"XHID{state.upper().replace('_', '')}", make_image, today)
            _hide(hidden, state)
        return {"control": _assets(control), "hidden": _assets(hidden)}

    return build


def _assets(page):
    page = PropagandaMaterialPage.objects.get(pk=page.pk)
    attachment = page.attachments.first()
    image = page.images.first().image
    return {
        "page": page,
        "marker": page.title.split()[-1],
        "url": page.get_url() or page.url_path,
        "attachment": attachment,
        "document": attachment.document,
        "image": image,
        "rendition": image.get_rendition("fill-480x320"),
    }


def _section_url():
    return SectionPage.objects.get(slug="tai-lieu-tuyen-truyen", depth=3).url


def _text_shows(url, follow=False):
    def probe(client, item):
        response = client.get(url(item) if callable(url) else url, follow=follow)
        return response.status_code == 200 and item["marker"] in response.content.decode("utf-8")

    return probe


def _status_ok(url):
    def probe(client, item):
        response = client.get(url(item))
        if response.status_code != 200:
            return False
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return len(body) > 0

    return probe


def _page_url(item):
    # A hidden page's URL is its path under the site root (get_url() is None for it).
    return "/" + "/".join(item["page"].url_path.strip("/").split("/")[1:]) + "/"


CHANNELS = {
    "page": _text_shows(_page_url),
    "section": _text_shows(lambda item: _section_url()),
    "home": _text_shows("/"),
    "search": _text_shows(lambda item: f"/tim-kiem/?q={PROBE_WORD}"),
    "autocomplete": _text_shows(lambda item: f"/tim-kiem/goi-y/?q={PROBE_WORD}"),
    "api_list": _text_shows(lambda item: f"/api/v2/pages/?limit=50&q={PROBE_WORD}"),
    "api_detail": _text_shows(lambda item: f"/api/v2/pages/{item['page'].pk}/"),
    "api_find": _text_shows(lambda item: f"/api/v2/pages/find/?id={item['page'].pk}", follow=True),
    "feed_search": _text_shows(lambda item: f"/tin/tim-kiem/rss.xml?q={PROBE_WORD}"),
    "feed_theme": _text_shows("/tin/dia-ban/ha-tinh/atom.xml"),
    "feed_section": _text_shows(
        lambda item: f"/tin/chuyen-muc/{SectionPage.objects.get(slug='tai-lieu-tuyen-truyen', depth=3).pk}/rss.xml"
    ),
    "download_docx": _status_ok(lambda item: f"/tai-ve/{item['page'].pk}/van-ban.docx"),
    "download_txt": _text_shows(lambda item: f"/tai-ve/{item['page'].pk}/van-ban.txt"),
    "download_attachment": _status_ok(lambda item: f"/tai-ve/{item['page'].pk}/tep/{item['attachment'].pk}/"),
    "press_pack": _status_ok(lambda item: f"/tai-ve/{item['page'].pk}/bo-tai-lieu-bao-chi.zip"),
    "press_image": _status_ok(lambda item: f"/tai-ve/{item['page'].pk}/anh/{item['image'].pk}/web/"),
    "documents": _status_ok(lambda item: item["document"].url),
    "media_document": _status_ok(lambda item: f"/media/{item['document'].file.name}"),
    "media_image": _status_ok(lambda item: f"/media/{item['image'].file.name}"),
    "rendition": _status_ok(lambda item: item["rendition"].url),
}


def _client(username):
    client = Client()
    if username != "anonymous":
        client.force_login(get_user_model().objects.get(username=username))
    return client


def _expected(state, channel, username):
    if username == "anonymous":
        return False
    if username in SEES.get(state, ()):
        return True
    return channel in FILE_CHANNELS and username in EDITORS


def _unlock(client, page):
    restriction = PageViewRestriction.objects.get(page=page)
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": PASSWORD, "return_url": "/"},
    )
    assert response.status_code == 302, response.content[:300]


def test_the_rendition_url_is_a_media_url(pages):
    # The rendition channel probes /media/: the path the page templates print.
    built = pages("draft")
    assert built["control"]["rendition"].url.startswith("/media/images/")


@pytest.mark.parametrize("channel", list(CHANNELS))
@pytest.mark.parametrize("state", STATES)
def test_nothing_leaks(pages, state, channel):
    built = pages(state)
    probe = CHANNELS[channel]
    wrong = []
    for username in USERS:
        client = _client(username)
        control = probe(client, built["control"])
        if control != (username != "anonymous"):
            wrong.append((username, "control", control))
        shown = probe(client, built["hidden"])
        if shown != _expected(state, channel, username):
            wrong.append((username, "hidden", shown))
    if state == "password":  # who holds the password sees the page, in the same session
        client = _client("canbo")
        _unlock(client, built["hidden"]["page"])
        if not probe(client, built["hidden"]):
            wrong.append(("canbo with the password", "hidden", False))
    assert wrong == [], wrong
