"""Who finds what: pages behind a view restriction are found only by readers
who pass it, drafts and pages scheduled for later by nobody. Checked
everywhere a page could leak: results, facet counts, the number box and
autocomplete."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.directives.models import OfficialDocumentPage
from home.models import SectionPage
from search import service
from search.models import SearchEntry
from search.params import parse_search

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_page_of_everything(settings):
    settings.SEARCH_PAGE_SIZE = 50


# -- helpers ------------------------------------------------------------------------


def results(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response.context["results"]


def found_ids(client, **params):
    return {h.page_id for h in results(client, **params).hits}


def number_box_ids(client, q):
    return {h.page_id for h in results(client, q=q).number_hits}


def suggested_urls(client, q):
    response = client.get(reverse("search_suggest"), {"q": q})
    assert response.status_code == 200
    return {s["url"] for s in response.json()["suggestions"]}


def facet_counts(client, name, **params):
    facets = results(client, **params).facets
    return {v.value: v.count for v in facets.get(name, [])}


def restrict(page, kind, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password=password)
    if groups:
        restriction.groups.set([Group.objects.get(name=name) for name in groups])
    return restriction


def doc(number):
    return OfficialDocumentPage.objects.get(number=number)


def visibility(client, login, username, page, *, query, number_query, prefix, facet, facet_value):
    """Everything ``username`` can learn about ``page`` from the search."""
    login(username)
    everything = results(client)
    return {
        "results": page.pk in found_ids(client, q=query),
        "all": page.pk in {h.page_id for h in everything.hits},
        "number box": page.pk in number_box_ids(client, number_query),
        "autocomplete": page.url in suggested_urls(client, prefix),
        "facet": facet_counts(client, facet).get(facet_value, 0),
        "total": everything.total,
    }


# -- group restrictions ----------------------------------------------------------------


def test_group_restricted_document_is_found_only_by_the_group(client, login, indexed):
    page = doc("14-TT/QU")
    restriction = indexed(restrict, page, PageViewRestriction.GROUPS, ["Duyệt"])
    assert SearchEntry.objects.get(page_id=page.pk).restrictions == str(restriction.pk)
    check = dict(query="thông tri tăng cường", number_query="thong tri so 14", prefix="14-TT", facet="kind", facet_value="thong_tri")

    for username in ("canbo", "bientap", "baochi"):
        seen = visibility(client, login, username, page, **check)
        assert seen == {"results": False, "all": False, "number box": False, "autocomplete": False, "facet": 0, "total": 10}, username
        # Not even by asking for its kind, its title, or its number in full.
        assert results(client, kind="thong_tri").total == 0
        assert page.pk not in found_ids(client, q=page.title)
        assert page.url not in client.get(reverse("search"), {"q": "14-TT/QU"}).text
        # The pages beside it are still found.
        assert doc("351-CV/TU").pk in found_ids(client, q="tăng cường")

    for username in ("duyet", "quantri"):  # the group, and an administrator
        seen = visibility(client, login, username, page, **check)
        assert seen == {"results": True, "all": True, "number box": True, "autocomplete": True, "facet": 1, "total": 11}, username
        assert results(client, kind="thong_tri").total == 1


def test_group_restriction_on_a_section_hides_everything_beneath_it(client, login, indexed):
    section = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    restriction = indexed(restrict, section, PageViewRestriction.GROUPS, ["Biên tập – Hà Nội"])
    hidden = {doc("1557/UBND-KTN").pk, doc("351-CV/TU").pk}
    restricted = set(SearchEntry.objects.filter(restrictions=str(restriction.pk)).values_list("page_id", flat=True))
    assert restricted == hidden

    login("canbo")
    assert not hidden & found_ids(client, q="Hà Nội")
    assert not hidden & found_ids(client, q="tăng cường lãnh đạo")
    assert number_box_ids(client, "1557/UBND-KTN") == set()
    assert number_box_ids(client, "351-CV/TU") == set()
    assert suggested_urls(client, "1557") == set() and suggested_urls(client, "351-CV") == set()
    # Facets count only what the reader may open: Hà Nội keeps its exemplary case.
    assert facet_counts(client, "region")["ha-noi"] == 1
    assert facet_counts(client, "content")["van_ban"] == 3
    assert facet_counts(client, "issuer").get("Thành ủy Hà Nội") is None
    assert facet_counts(client, "year")["2022"] == 1
    assert results(client, region="ha-noi").total == 1

    login("bientap")  # Hà Nội's editor is in the group
    assert hidden <= found_ids(client, q="tăng cường lãnh đạo")
    assert number_box_ids(client, "1557/UBND-KTN") == {doc("1557/UBND-KTN").pk}
    assert doc("351-CV/TU").url in suggested_urls(client, "351-CV")
    assert facet_counts(client, "region")["ha-noi"] == 3
    assert facet_counts(client, "issuer")["Thành ủy Hà Nội"] == 1


def test_a_restriction_above_the_sections_covers_the_whole_kind(client, login, indexed):
    section = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    indexed(restrict, section, PageViewRestriction.GROUPS, ["Duyệt"])
    login("canbo")
    assert facet_counts(client, "content").get("van_ban") is None
    assert results(client).total == 6
    found = results(client, q="công văn")
    assert found.hits and all(h.content != "van_ban" for h in found.hits)
    assert results(client, q="610-CV/TU").number_hits == []
    login("duyet")
    assert facet_counts(client, "content")["van_ban"] == 5


# -- password and login restrictions -----------------------------------------------------


def test_password_restricted_page_is_found_after_the_password(client, login, indexed):
    page = doc("610-CV/TU")
    restriction = indexed(restrict, page, PageViewRestriction.PASSWORD, password="matkhau-610")
    check = dict(query="Bắc Giang", number_query="610/CV-TU", prefix="610-CV", facet="region", facet_value="bac-ninh")
    seen = visibility(client, login, "canbo", page, **check)
    assert seen == {"results": False, "all": False, "number box": False, "autocomplete": False, "facet": 0, "total": 10}

    # A wrong password changes nothing; the right one opens it for this session.
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    client.post(url, {"password": "sai", "return_url": page.url})
    assert page.pk not in found_ids(client, q="Bắc Giang")
    response = client.post(url, {"password": "matkhau-610", "return_url": page.url})
    assert response.status_code == 302
    assert client.get(page.url).status_code == 200
    assert page.pk in found_ids(client, q="Bắc Giang")
    assert number_box_ids(client, "610/CV-TU") == {page.pk}
    assert page.url in suggested_urls(client, "610-CV")
    assert facet_counts(client, "region")["bac-ninh"] == 1

    # Another reader (and an administrator) still has to give the password.
    for username in ("baochi", "quantri"):
        seen = visibility(client, login, username, page, **check)
        assert not seen["results"] and not seen["number box"] and not seen["autocomplete"], username


def _request(user):
    request = RequestFactory().get("/tim-kiem/")
    request.user = user
    request.session = SessionStore()
    return request


def test_login_restriction_is_passed_by_every_signed_in_reader_only(client, login, indexed):
    page = doc("06/CV-BCĐ")
    indexed(restrict, page, PageViewRestriction.LOGIN)
    login("canbo")
    assert page.pk in found_ids(client, q="Đức Thọ")
    assert number_box_ids(client, "06/CV-BCĐ") == {page.pk}
    assert page.url in suggested_urls(client, "06/CV")

    # Anyone not signed in (a feed, an API call) fails it, through the same service.
    anonymous = _request(AnonymousUser())
    query, _ = parse_search({"q": "06/CV-BCĐ"}, service.refused_restrictions(anonymous))
    found = service.search(query)
    assert page.pk not in {h.page_id for h in found.hits} and found.number_hits == []
    assert page.url not in {s.url for s in service.suggest("06/CV", anonymous)}
    assert page.url not in {s.url for s in service.suggest("06/CV", None)}
    query, _ = parse_search({"q": ""}, service.refused_restrictions(anonymous))
    levels = {v.value: v.count for v in service.search(query).facets["level"]}
    assert levels == {"tinh": 4, "huyen": 1}  # 06/CV-BCĐ (huyện) left out

    signed_in = _request(get_user_model().objects.get(username="canbo"))
    assert page.url in {s.url for s in service.suggest("06/CV", signed_in)}
    query, _ = parse_search({"q": ""}, service.refused_restrictions(signed_in))
    assert {v.value: v.count for v in service.search(query).facets["level"]} == {"tinh": 4, "huyen": 2}


def test_lifting_a_restriction_makes_the_page_findable_again(client, login, indexed):
    page = doc("14-TT/QU")
    restriction = indexed(restrict, page, PageViewRestriction.GROUPS, ["Duyệt"])
    login("canbo")
    assert page.pk not in found_ids(client, q="14-TT/QU")
    indexed(restriction.delete)
    assert SearchEntry.objects.get(page_id=page.pk).restrictions == ""
    assert number_box_ids(client, "14-TT/QU") == {page.pk}
    assert page.url in suggested_urls(client, "14-TT")


def test_moving_a_page_under_a_restricted_section_restricts_it(client, login, indexed):
    section = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    indexed(restrict, section, PageViewRestriction.GROUPS, ["Biên tập – Hà Nội"])
    page = doc("14-TT/QU")
    login("canbo")
    assert number_box_ids(client, "14-TT/QU") == {page.pk}
    indexed(page.move, section, pos="last-child")
    assert number_box_ids(client, "14-TT/QU") == set()
    assert page.pk not in found_ids(client, q="thông tri")
    login("bientap")
    assert number_box_ids(client, "14-TT/QU") == {page.pk}


# -- drafts and scheduled pages ----------------------------------------------------------


def _new_document(title, number, **fields):
    section = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    page = OfficialDocumentPage(
        title=title, slug=number.lower().replace("/", "-"), number=number, kind="chi_thi", live=False,
        summary=f"{title}: nội dung tóm tắt zebrakhoa.", **fields,
    )
    section.add_child(instance=page)
    return page


def _nowhere(client, page, number):
    return (
        page.pk not in found_ids(client, q="zebrakhoa")
        and page.pk not in found_ids(client, q=page.title)
        and number_box_ids(client, number) == set()
        and page.url not in suggested_urls(client, number[:5])
        and page.pk not in {h.page_id for h in results(client).hits}
        and "chi_thi" not in facet_counts(client, "kind")
        and not SearchEntry.objects.filter(page_id=page.pk).exists()
    )


def _rebuild():
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())


def test_draft_is_found_by_nobody(client, login, indexed):
    def create():
        page = _new_document("Chỉ thị bản nháp về hàng Việt", "77-CT/TU")
        page.save_revision(user=get_user_model().objects.get(username="bientap"))
        return page

    page = indexed(create)
    assert not page.live
    for username in ("canbo", "quantri"):
        login(username)
        assert _nowhere(client, page, "77-CT/TU"), username
    # A full rebuild indexes live pages only.
    _rebuild()
    assert _nowhere(client, page, "77-CT/TU")


def test_draft_changes_to_a_live_page_stay_unfound_until_published(client, login, indexed):
    page = doc("351-CV/TU")
    old_title = page.title

    def edit():
        page.title = "Công văn 351-CV/TU bản sửa zebranhap"
        page.save_revision()

    indexed(edit)
    login("canbo")
    assert found_ids(client, q="zebranhap") == set()
    assert page.pk in found_ids(client, q=old_title)
    indexed(page.get_latest_revision().publish)
    assert found_ids(client, q="zebranhap") == {page.pk}


def test_page_scheduled_for_later_is_found_by_nobody_until_it_goes_live(client, login, indexed):
    def schedule():
        page = _new_document("Chỉ thị hẹn giờ về hàng Việt", "78-CT/TU")
        page.go_live_at = timezone.now() + dt.timedelta(days=7)
        revision = page.save_revision()
        revision.publish()
        return page

    page = indexed(schedule)
    page.refresh_from_db()
    assert not page.live and page.get_latest_revision().approved_go_live_at is not None
    for username in ("canbo", "duyet", "quantri"):
        login(username)
        assert _nowhere(client, page, "78-CT/TU"), username
    _rebuild()
    assert _nowhere(client, page, "78-CT/TU")

    # The hour comes: Wagtail's scheduler publishes it and the index follows.
    # (The revision holds the go-live date twice: approved, and in its content.)
    revision = page.get_latest_revision()
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    indexed(call_command, "publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live
    login("canbo")
    assert page.pk in found_ids(client, q="zebrakhoa")
    assert number_box_ids(client, "78-CT/TU") == {page.pk}


def test_scheduled_changes_to_a_live_page_stay_unfound(client, login, indexed):
    page = doc("1557/UBND-KTN")
    old_title = page.title

    def schedule():
        page.title = "Công văn 1557/UBND-KTN bản hẹn giờ zebrahen"
        page.go_live_at = timezone.now() + dt.timedelta(days=3)
        page.save_revision().publish()

    indexed(schedule)
    page.refresh_from_db()
    assert page.live and page.title == old_title
    login("canbo")
    assert found_ids(client, q="zebrahen") == set()
    assert page.pk in found_ids(client, q=old_title)
    assert SearchEntry.objects.get(page_id=page.pk).title == old_title
