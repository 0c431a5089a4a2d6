"""Draft, embargoed and restricted content is absent from every press channel.

Each hidden page carries a marker in its title ("XMARK...") and the Tết
theme and Đức Thọ region, so it would show in the theme, region, section and
search feeds, the API listing and text search, if anything leaked.
"""

import pytest
from django.contrib.auth import get_user_model

from cms.press.tokens import create_api_token, feed_token_for
from home.models import SectionPage

from .conftest import bearer

pytestmark = pytest.mark.django_db

HIDDEN_FROM_EVERYONE = ["draft", "embargoed", "future"]


def channel_texts(client, **auth):
    """Every listing channel's full response text."""
    section = SectionPage.objects.get(slug="tai-lieu-tuyen-truyen", depth=3)
    urls = [
        "/api/v2/pages/?limit=50",
        "/api/v2/pages/?limit=50&q=XMARK",
        "/api/v2/pages/?limit=50&theme=tet&fields=body_text,images",
        "/api/v2/pages/?limit=50&region=ha-tinh&kind=tai_lieu",
    ]
    for base in ("/tin/tim-kiem/", "/tin/chu-de/tet/", "/tin/dia-ban/ha-tinh/", f"/tin/chuyen-muc/{section.pk}/"):
        urls += [base + "rss.xml", base + "atom.xml", base + "rss.xml?q=XMARK"]
    texts = {}
    for url in urls:
        response = client.get(url, **auth)
        assert response.status_code == 200, (url, response.content[:300])
        texts[url] = response.content.decode("utf-8")
    return texts


def single_item_statuses(client, page, image=None, **auth):
    urls = [
        f"/api/v2/pages/{page.pk}/",
        f"/api/v2/pages/find/?id={page.pk}",
        f"/tai-ve/{page.pk}/van-ban.docx",
        f"/tai-ve/{page.pk}/van-ban.txt",
        f"/tai-ve/{page.pk}/bo-tai-lieu-bao-chi.zip",
    ]
    if image is not None:
        urls += [f"/tai-ve/{page.pk}/anh/{image.pk}/{size}/" for size in ("print", "web")]
    return {url: client.get(url, **auth).status_code for url in urls}


@pytest.mark.parametrize("username", ["baochi", "canbo", "quantri", "duyet"])
def test_drafts_and_embargoed_pages_leak_nowhere_even_to_editors(client, login, hidden_pages, username):
    login(username)
    texts = channel_texts(client)
    for name in HIDDEN_FROM_EVERYONE:
        marker = hidden_pages[name].title.split()[-1]
        leaks = [url for url, text in texts.items() if marker in text]
        assert not leaks, (name, leaks)
        statuses = single_item_statuses(client, hidden_pages[name])
        assert set(statuses.values()) == {404}, (name, statuses)


def test_restricted_page_leaks_nowhere_to_readers_outside_the_group(client, login, hidden_pages):
    restricted = hidden_pages["restricted"]
    image = restricted.images.first().image
    login("baochi")
    texts = channel_texts(client)
    assert not [url for url, text in texts.items() if "XMARKRESTRICTED" in text]
    assert set(single_item_statuses(client, restricted, image).values()) == {404}
    # The same holds for the reader's key and feed key, with no session at all.
    user = get_user_model().objects.get(username="baochi")
    _record, token = create_api_token(user, "kiểm tra")
    client.logout()
    for auth in (bearer(token), bearer(feed_token_for(user))):
        texts = channel_texts(client, **auth)
        assert not [url for url, text in texts.items() if "XMARKRESTRICTED" in text]
        assert set(single_item_statuses(client, restricted, image, **auth).values()) == {404}


def test_restricted_page_reaches_the_group_it_is_restricted_to(client, login, hidden_pages):
    restricted = hidden_pages["restricted"]
    login("duyet")  # in the Duyệt group the page is restricted to
    texts = channel_texts(client)
    assert "XMARKRESTRICTED" in texts["/api/v2/pages/?limit=50&q=XMARK"]
    assert "XMARKRESTRICTED" in texts["/tin/chu-de/tet/rss.xml"]
    statuses = single_item_statuses(client, restricted, restricted.images.first().image)
    assert set(statuses.values()) <= {200, 302}


def test_embargo_lifts_when_the_page_goes_live(client, login, hidden_pages):
    from cms.materials.models import PropagandaMaterialPage

    future = hidden_pages["future"]
    login("baochi")
    assert client.get(f"/api/v2/pages/{future.pk}/").status_code == 404
    PropagandaMaterialPage.objects.filter(pk=future.pk).update(go_live_at=None)
    assert client.get(f"/api/v2/pages/{future.pk}/").status_code == 200
    assert "XMARKFUTURE" in client.get("/tin/chu-de/tet/rss.xml").content.decode()


def test_downloads_box_is_absent_from_an_editors_draft_preview(client, login, hidden_pages):
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username="quantri")
    rendered = Template("{% load press_tags %}{% press_downloads page %}").render(
        Context({"request": request, "page": hidden_pages["embargoed"]})
    )
    assert "tai-ve" not in rendered and rendered.strip() == ""


def test_restricted_section_feed_is_refused(client, login):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    section = SectionPage.objects.get(slug="guong-dien-hinh", depth=3)
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Duyệt")])
    login("canbo")
    assert client.get(f"/tin/chuyen-muc/{section.pk}/rss.xml").status_code == 404
    kinds = {item["kind"] for item in client.get("/api/v2/pages/?limit=50").json()["items"]}
    assert "guong" not in kinds
