"""The search page (/tim-kiem/) and its autocomplete, over the demo content:
what a cadre sees, what every link does, and every kind of bad input."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from cms.cases.models import ExemplaryCasePage
from cms.content.filters import FILTER_LABELS
from cms.content.models import ContentPage
from cms.directives.models import OfficialDocumentPage, PlanPage
from cms.materials.models import PropagandaMaterialPage
from home.models import HomePage, SectionPage
from search.models import SearchEntry
from vietnamese.text import fold

pytestmark = pytest.mark.django_db

SEARCH = "/tim-kiem/"
SUGGEST = "/tim-kiem/goi-y/"
ENGINE_ERRORS = ("Tạm thời không tìm được", "fts5", "OperationalError", "syntax error", "Traceback", "tsquery")


@pytest.fixture
def reader(login):
    return login("canbo")


def search(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    for error in ENGINE_ERRORS:
        assert error not in response.text, error
    return response


def follow(client, href):
    """Follow a link of the search page (they are all "?..." relative)."""
    assert href.startswith("?"), href
    response = client.get(reverse("search") + href)
    assert response.status_code == 200
    return response


def query_of(href):
    return {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}


def html(response):
    return BeautifulSoup(response.text, "html.parser")


def hits(response):
    return response.context["results"].hits


def total(response):
    return response.context["results"].total


def messages(response):
    return [li.get_text() for li in html(response).select("ul.notices li")]


def entry(hit):
    return SearchEntry.objects.get(page_id=hit.page_id)


def live_content_count():
    return ContentPage.objects.live().count()


def facet_html(response):
    """Facet heading -> [(label, count, href)], as rendered (shown and "more")."""
    groups = {}
    for section in html(response).select("aside.facets section.facet"):
        items = []
        for a in section.select("li > a"):
            count = a.find_next_sibling("span", class_="count")
            items.append((a.get_text(strip=True), int(count.get_text()), a["href"]))
        groups[section.h3.get_text(strip=True)] = items
    return groups


def newest_order():
    """Page ids of every indexed page, newest first (undated last, then by id)."""
    rows = SearchEntry.objects.values_list("page_id", "date")
    return [pid for pid, day in sorted(rows, key=lambda r: (r[1] or dt.date.min, r[0]), reverse=True)]


# -- login and the search box -------------------------------------------------


def test_reverse_names_are_the_public_urls():
    assert reverse("search") == SEARCH
    assert reverse("search_suggest") == SUGGEST


@pytest.mark.parametrize("url", [SEARCH, SEARCH + "?q=h%C3%A0ng+vi%E1%BB%87t", SUGGEST + "?q=ke+hoach"])
def test_anonymous_users_are_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/dang-nhap/?next=")
    assert "tim-kiem" in response.url


def test_search_box_with_autocomplete_on_every_page_type(client, reader):
    pages = [p.specific for p in Page.objects.live().filter(depth__gt=1)]
    types = {type(p) for p in pages}
    assert {HomePage, SectionPage, OfficialDocumentPage, PlanPage, ExemplaryCasePage, PropagandaMaterialPage} <= types
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        forms = html(response).select(f'form[role="search"][action="{SEARCH}"]')
        assert forms, page.url
        box = forms[0].select_one('input[name="q"]')
        assert box is not None and box["data-suggest"] == SUGGEST, page.url
        assert forms[0].get("method", "get").lower() == "get"
    # The script that turns data-suggest boxes into an autocomplete is loaded.
    assert "js/search-suggest.js" in response.text


def test_search_page_has_the_big_box_keeping_the_query(client, reader):
    page = html(search(client, q="hàng việt", kind="cong_van"))
    box = page.select_one("#q-main")
    assert box["value"] == "hàng việt" and box["data-suggest"] == SUGGEST
    # Filters ride along when the reader changes the query; the page does not.
    form = box.find_parent("form")
    hidden = {i["name"]: i["value"] for i in form.select('input[type="hidden"]')}
    assert hidden == {"kind": "cong_van"}


# -- results ----------------------------------------------------------------------


def test_unaccented_query_marks_the_original_spelling(client, reader):
    response = search(client, q="hang viet")
    assert total(response) == live_content_count()
    snippets = html(response).select("li.hit p.snippet")
    assert len(snippets) == len(hits(response))
    marked = [m.get_text() for s in snippets for m in s.select("mark")]
    assert "hàng Việt" in marked
    # Only the query's words are marked, each in its printed spelling.
    for text in marked:
        assert set(fold(text).split()) <= {"hang", "viet"}, text
    assert any(text != fold(text) for text in marked)


def test_accented_query_is_marked_too_and_hits_link_to_their_pages(client, reader):
    response = search(client, q="Đức Thọ")
    assert total(response) >= 2
    page = html(response)
    assert any("Đức Thọ" in m.get_text() for m in page.select("li.hit mark"))
    urls = {a["href"] for a in page.select("li.hit h2 a")}
    assert OfficialDocumentPage.objects.get(number="06/CV-BCĐ").url in urls


def test_hit_shows_number_kind_issuer_and_date(client, reader):
    response = search(client, q="1557/UBND-KTN")
    first = html(response).select_one("li.hit")
    meta = first.select_one("p.meta").get_text(" ", strip=True)
    for part in ("1557/UBND-KTN", "Văn bản chỉ đạo", "Công văn", "Ủy ban nhân dân thành phố Hà Nội", "24/05/2022"):
        assert part in meta


def test_facets_show_counts_for_every_facet(client, reader):
    response = search(client, q="hang viet")
    groups = facet_html(response)
    for name in ("content", "kind", "theme", "region", "issuer", "level", "year", "validity"):
        assert FILTER_LABELS[name] in groups, name
    assert ("Công văn", 4, "?q=hang+viet&kind=cong_van") in groups["Loại văn bản"]
    assert ("Thông tri", 1, "?q=hang+viet&kind=thong_tri") in groups["Loại văn bản"]
    assert ("Văn bản chỉ đạo", 5, "?q=hang+viet&content=van_ban") in groups["Loại nội dung"]
    assert ("Gương điển hình", 2, "?q=hang+viet&content=guong") in groups["Loại nội dung"]
    assert ("Hà Nội", 3, "?q=hang+viet&region=ha-noi") in groups["Địa bàn"]
    assert ("Tuyên truyền", 11, "?q=hang+viet&theme=tuyen-truyen") in groups["Chủ đề"]
    assert ("Cấp tỉnh", 4, "?q=hang+viet&level=tinh") in groups["Cấp ban hành"]
    # Years newest first.
    assert [(label, n) for label, n, _ in groups["Năm"]] == [("2024", 1), ("2022", 3), ("2021", 2)]
    # Regions start at the provinces: the old province and districts sit beneath them.
    region_labels = {label for label, _, _ in groups["Địa bàn"]}
    assert {"Hà Nội", "Hà Tĩnh", "Hồ Chí Minh", "Bắc Ninh", "Lạng Sơn"} == region_labels


def _hit_has(hit, name, value):
    e = entry(hit)
    if name == "year":
        return e.date is not None and str(e.date.year) == value
    if name in ("theme", "region"):
        return value in getattr(e, name + "s").split()
    return getattr(e, name) == value


def test_following_any_facet_link_filters_to_its_count(client, reader, settings):
    settings.SEARCH_PAGE_SIZE = 50
    response = search(client, q="hang viet")
    followed = 0
    for facet in response.context["facets"]:
        for item in facet["items"] + facet["more"]:
            filtered = follow(client, item["url"])
            name = facet["name"]
            value = query_of(item["url"])[name]
            assert total(filtered) == item["count"], (name, value)
            assert len(hits(filtered)) == item["count"]
            assert all(_hit_has(hit, name, value) for hit in hits(filtered)), (name, value)
            assert filtered.context["query"].filters == {name: value}
            followed += 1
    assert followed > 30


def test_region_filter_includes_the_units_beneath_it(client, reader):
    # Today's Hồ Chí Minh City includes the old Bình Thạnh district.
    response = search(client, q="", region="ho-chi-minh")
    numbers = {h.number for h in hits(response)}
    assert "14-TT/QU" in numbers and total(response) == 2
    # Once a province is chosen, its facet offers the units one level down.
    region = next(f for f in response.context["facets"] if f["name"] == "region")
    assert any(item["selected"] and item["label"] == "Hồ Chí Minh" for item in region["items"])


def test_active_filters_are_chips_removing_just_their_filter(client, reader):
    params = {"q": "hang viet", "year": "2022", "region": "ha-noi", "kind": "cong_van", "from": "01/01/2022"}
    response = search(client, **params)
    assert {h.number for h in hits(response)} == {"1557/UBND-KTN", "351-CV/TU"}
    chips = html(response).select("p.active-filters a.chip.removable")
    labels = {chip.get_text(" ", strip=True).rstrip("× ").strip(): chip["href"] for chip in chips}
    assert set(labels) == {"Năm: 2022", "Địa bàn: Hà Nội", "Loại văn bản: Công văn", "Từ ngày 01/01/2022"}
    removed = {"Năm: 2022": "year", "Địa bàn: Hà Nội": "region", "Loại văn bản: Công văn": "kind", "Từ ngày 01/01/2022": "from"}
    for label, href in labels.items():
        expected = {k: v for k, v in params.items() if k != removed[label]}
        assert query_of(href) == expected, label
        after = follow(client, href)
        query = after.context["query"]
        if removed[label] == "from":
            assert query.date_from is None and len(query.filters) == 3
        else:
            assert removed[label] not in query.filters and len(query.filters) == 2 and query.date_from
        assert len(after.context["chips"]) == 3
        assert total(after) >= total(response)
    # Removing the year widens the results to Hà Nội's other years (the 2022 case too).
    wider = follow(client, labels["Năm: 2022"])
    assert {h.number for h in hits(wider)} == {"1557/UBND-KTN", "351-CV/TU"}
    # "Bỏ tất cả" keeps only the query.
    clear_all = html(response).select_one("p.active-filters a:not(.chip)")
    assert clear_all.get_text(strip=True) == "Bỏ tất cả" and query_of(clear_all["href"]) == {"q": "hang viet"}


def test_selected_facet_value_links_back_to_unfiltered(client, reader):
    response = search(client, q="hang viet", kind="thong_tri")
    kind = next(f for f in response.context["facets"] if f["name"] == "kind")
    selected = [item for item in kind["items"] if item["selected"]]
    assert len(selected) == 1 and selected[0]["label"] == "Thông tri"
    assert query_of(selected[0]["url"]) == {"q": "hang viet"}
    assert html(response).select_one('aside.facets a.selected[aria-current="true"]').get_text() == "Thông tri"


# -- sort -----------------------------------------------------------------------------


def test_sort_links_and_newest_orders_by_date(client, reader, settings):
    settings.SEARCH_PAGE_SIZE = 50
    response = search(client, q="hang viet", region="viet-nam")
    sort = html(response).select_one("p.sort")
    assert sort.select_one('strong[aria-current="true"]').get_text() == "Liên quan nhất"
    newest_link = sort.select_one("a")
    assert newest_link.get_text() == "Mới nhất"
    assert query_of(newest_link["href"]) == {"q": "hang viet", "region": "viet-nam", "sort": "newest"}
    # Relevance: by score.
    scores = [h.score for h in hits(response)]
    assert scores == sorted(scores, reverse=True)

    newest = follow(client, newest_link["href"])
    assert html(newest).select_one("p.sort strong").get_text() == "Mới nhất"
    assert query_of(html(newest).select_one("p.sort a")["href"])["sort"] == "relevance"
    dates = [h.date for h in hits(newest)]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and len(dated) >= 5
    # Undated pages come after every dated one.
    assert dates == dated + [None] * (len(dates) - len(dated))
    assert {h.page_id for h in hits(newest)} == {h.page_id for h in hits(response)}
    assert hits(newest)[0].number == "06/CV-BCĐ"  # 15/01/2024, the newest


def test_sort_change_goes_back_to_page_one(client, reader, settings):
    settings.SEARCH_PAGE_SIZE = 2
    response = search(client, q="hang viet", page="3")
    for sort in response.context["sorts"]:
        assert "page" not in query_of(sort["url"])


# -- pagination ---------------------------------------------------------------------------


def test_pagination_walks_every_result_once(client, reader, settings):
    settings.SEARCH_PAGE_SIZE = 2
    response = search(client)
    count = live_content_count()
    pages = -(-count // 2)
    assert response.context["results"].pages == pages
    seen = []
    for number in range(1, pages + 1):
        nav = html(response).select_one("nav.pagination")
        assert f"Trang {number} / {pages}" in nav.get_text()
        prev, nxt = nav.select_one('a[rel="prev"]'), nav.select_one('a[rel="next"]')
        assert (prev is None) == (number == 1)
        assert (nxt is None) == (number == pages)
        if prev is not None:
            assert query_of(prev["href"]).get("page") == str(number - 1)
        seen += [h.page_id for h in hits(response)]
        assert len(hits(response)) == (2 if number < pages else count - 2 * (pages - 1))
        if nxt is not None:
            assert query_of(nxt["href"]) == {"page": str(number + 1)}
            response = follow(client, nxt["href"])
    assert seen == newest_order()


def test_page_links_keep_query_and_filters(client, reader, settings):
    settings.SEARCH_PAGE_SIZE = 2
    response = search(client, q="hang viet", content="van_ban", sort="newest", page="2")
    nav = html(response).select_one("nav.pagination")
    expected = {"q": "hang viet", "content": "van_ban", "sort": "newest"}
    assert query_of(nav.select_one('a[rel="prev"]')["href"]) == {**expected, "page": "1"}
    assert query_of(nav.select_one('a[rel="next"]')["href"]) == {**expected, "page": "3"}
    assert [h.number for h in hits(response)] == ["351-CV/TU", "610-CV/TU"]


@pytest.mark.parametrize("page", ["7", "999999"])
def test_page_past_the_end_shows_the_last_page_with_a_message(client, reader, settings, page):
    settings.SEARCH_PAGE_SIZE = 2
    response = search(client, page=page)
    assert f"Không có trang {page}; đang hiển thị trang cuối (6)." in messages(response)
    assert response.context["query"].page == 6
    assert [h.page_id for h in hits(response)] == newest_order()[10:]
    nav = html(response).select_one("nav.pagination")
    assert "Trang 6 / 6" in nav.get_text() and nav.select_one('a[rel="next"]') is None


# -- document numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["610-CV/TU", "610/CV-TU", "cong van 610", "công văn số 610", "610 cv tu", "CV 610", "610-cv-tu"],
)
def test_number_in_any_spelling_links_straight_to_the_document(client, reader, query):
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    response = search(client, q=query)
    box = html(response).select_one("section.number-hit")
    assert box is not None, query
    assert "Văn bản số 610-CV/TU:" in box.get_text()
    assert [a["href"] for a in box.select("a")] == [page.url]
    first = hits(response)[0]
    assert first.page_id == page.pk and first.number_match
    assert html(response).select_one("li.hit h2 a")["href"] == page.url
    assert html(response).select_one("li.hit .chip.strong").get_text() == "610-CV/TU"


def test_number_puts_the_document_above_pages_that_quote_it(client, reader, django_capture_on_commit_callbacks):
    section = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    with django_capture_on_commit_callbacks(execute=True):
        report = OfficialDocumentPage(
            title="Báo cáo kết quả thực hiện Công văn 610-CV/TU, 610-CV/TU và 610-CV/TU",
            slug="bao-cao-610",
            number="12-BC/TU",
            kind="bao_cao",
            subject="Kết quả thực hiện Công văn số 610-CV/TU của Tỉnh ủy",
            summary="Báo cáo về Công văn 610-CV/TU.",
            issued_date=dt.date(2025, 1, 2),
        )
        section.add_child(instance=report)
        report.save_revision().publish()
    response = search(client, q="610-CV/TU")
    found = [h.number for h in hits(response)]
    assert found[:2] == ["610-CV/TU", "12-BC/TU"]
    assert [h.number for h in response.context["results"].number_hits] == ["610-CV/TU"]
    assert hits(response)[0].number_match and not hits(response)[1].number_match
    # Sorted by date the report (newer) comes first, but the number box stays.
    newest = search(client, q="610-CV/TU", sort="newest")
    assert [h.number for h in hits(newest)][:2] == ["12-BC/TU", "610-CV/TU"]
    assert "Văn bản số 610-CV/TU" in newest.text


def test_ordinary_query_has_no_number_box(client, reader):
    response = search(client, q="hàng việt")
    assert html(response).select_one("section.number-hit") is None
    assert response.context["results"].number_hits == []
    assert not any(h.number_match for h in hits(response))


# -- empty results -----------------------------------------------------------------------


def test_unknown_word_suggests_the_query_without_it(client, reader):
    response = search(client, q="xyzqwv hàng việt")
    assert total(response) == 0
    assert "Không văn bản nào có từ “xyzqwv”." in messages(response)
    empty = html(response).select_one("div.empty")
    assert "Không tìm thấy kết quả cho “xyzqwv hàng việt”." in empty.get_text()
    links = empty.select("a")
    assert [a.get_text() for a in links] == ["hàng việt"]
    assert query_of(links[0]["href"]) == {"q": "hàng việt"}
    assert total(follow(client, links[0]["href"])) == live_content_count()


def test_typo_found_nowhere_shows_the_corrected_results_once(client, reader):
    response = search(client, q="hàng vịet")
    assert total(response) > 0
    assert any("Dưới đây là kết quả cho “hàng việt”" in m for m in messages(response))
    # The notice already names the correction: no "Có phải bạn muốn tìm" link beside it.
    assert html(response).select_one("p.did-you-mean") is None


def test_filters_that_leave_nothing_offer_to_drop_them(client, reader):
    response = search(client, q="ke hoach", kind="thong_tri")
    assert total(response) == 0
    empty = html(response).select_one("div.empty")
    clear = [a for a in empty.select("a") if a.get_text() == "Bỏ mọi bộ lọc và tìm lại"]
    assert len(clear) == 1 and query_of(clear[0]["href"]) == {"q": "ke hoach"}
    assert total(follow(client, clear[0]["href"])) > 0


def test_empty_result_without_filters_has_no_clear_link(client, reader):
    response = search(client, q="xyzqwv")
    assert total(response) == 0
    assert "Bỏ mọi bộ lọc" not in response.text
    assert "Mẹo:" in html(response).select_one("div.empty").get_text()


def test_abbreviation_is_searched_expanded_too(client, reader):
    response = search(client, q="MTTQ")
    assert "mặt trận tổ quốc" in response.context["results"].alternatives
    assert "Tìm cả: “mặt trận tổ quốc”" in response.text
    assert total(response) > 0


# -- autocomplete ------------------------------------------------------------------------


def suggest(client, q):
    response = client.get(reverse("search_suggest"), {"q": q})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    items = response.json()["suggestions"]
    for item in items:
        assert set(item) == {"title", "url", "number"}
    return items


def test_autocomplete_completes_a_title_typed_without_diacritics(client, reader):
    plan = PlanPage.objects.get()
    items = suggest(client, "ke hoach th")
    assert items and items[0]["title"] == plan.title and items[0]["url"] == plan.url
    assert all(fold(i["title"]).startswith("ke hoach th") or "ke hoach th" in fold(i["title"]) for i in items)


@pytest.mark.parametrize("prefix, number", [("610-CV", "610-CV/TU"), ("610", "610-CV/TU"), ("1557", "1557/UBND-KTN"), ("1557/UB", "1557/UBND-KTN"), ("14-TT", "14-TT/QU")])
def test_autocomplete_completes_a_document_number(client, reader, prefix, number):
    page = OfficialDocumentPage.objects.get(number=number)
    items = suggest(client, prefix)
    assert items[0] == {"title": page.title, "url": page.url, "number": number}


@pytest.mark.parametrize("prefix", ["", "k", " k ", "  ", "-", "*"])
def test_autocomplete_waits_for_two_characters(client, reader, prefix):
    assert suggest(client, prefix) == []


def test_autocomplete_is_limited(client, reader):
    items = suggest(client, "ha")
    assert 0 < len(items) <= 8
    assert len({i["url"] for i in items}) == len(items)


@pytest.mark.parametrize(
    "prefix",
    ['"', '"hàng', "hàng \"", "NEAR(", "NEAR(a b)", "a*", "hàng*", "(", ")", "AND OR NOT", "^", ":", "{}", "x" * 10_000,
     "'; DROP TABLE archive_search_searchentry; --", "1 OR 1=1", "h\"à", "-hàng"],
)
def test_autocomplete_bad_input_is_harmless(client, reader, prefix):
    items = suggest(client, prefix)
    assert isinstance(items, list)
    assert SearchEntry.objects.count() == live_content_count()


# -- bad input: a clear message or results, never a 500 nor an engine error ------------------


def test_no_query_shows_the_newest_documents(client, reader):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = search(client, **params)
        assert total(response) == live_content_count()
        assert [h.page_id for h in hits(response)] == newest_order()[:10]
        assert response.context["query"].sort == "newest"
        assert html(response).select_one("p.sort strong").get_text() == "Mới nhất"
        assert messages(response) == []
        assert "Không tìm thấy" not in response.text


def test_ten_thousand_characters_of_one_word_are_cut_with_a_message(client, reader):
    response = search(client, q="a" * 10_000)
    assert "Câu tìm kiếm quá dài: chỉ dùng 1000 ký tự đầu tiên." in messages(response)
    assert len(response.context["query"].text) == 1000


def test_ten_thousand_characters_of_words_are_cut_with_a_message(client, reader):
    response = search(client, q=("hàng việt " * 1000)[:10_000])
    assert "Câu tìm kiếm quá dài: chỉ dùng 32 từ đầu tiên." in messages(response)
    assert total(response) == live_content_count()


@pytest.mark.parametrize("q", ['"', "*", "-", "^", ":", "{}", "()", '""', "(", ")", "* - ^ : {} ()"])
def test_syntax_characters_alone_are_an_empty_query(client, reader, q):
    response = search(client, q=q)
    assert total(response) == live_content_count()
    assert messages(response) == []


@pytest.mark.parametrize(
    "q",
    ['"hàng việt"', '"hàng việt', 'hàng việt"', "(hàng việt)", "hàng* việt*", "-hàng -việt", "hàng^ ^việt",
     "{hàng} {việt}", "hàng:việt", "hàng - việt", "(hàng AND việt", "hàng) (việt"],
)
def test_syntax_characters_around_words_are_just_punctuation(client, reader, q):
    plain = search(client, q="hàng việt")
    response = search(client, q=q)
    # "-" is no negation, "*" no wildcard, quotes no error when unbalanced.
    if "AND" in q:
        assert total(response) == 0 and "Không văn bản nào có từ “and”." in messages(response)
    else:
        assert total(response) == total(plain) == live_content_count()
        assert {h.page_id for h in hits(response)} == {h.page_id for h in hits(plain)}
        assert messages(response) == []


def test_a_caret_number_is_a_word_not_a_boost(client, reader):
    # "hàng^2" is "hàng 2": the 2 must be found too, so fewer pages match.
    response = search(client, q="hàng^2 việt")
    assert 0 < total(response) < live_content_count()


def test_a_quoted_phrase_must_appear_as_a_phrase(client, reader):
    loose = search(client, q="Việt Đức")
    phrase = search(client, q='"Việt Đức"')
    assert total(phrase) < total(loose)


@pytest.mark.parametrize(
    "q, unknown",
    [
        ("NEAR", "“near”"),
        ("NEAR(a b)", "“near”, “a”, “b”"),
        ("AND OR NOT", "“and”, “or”, “not”"),
        ("title:hàng", "“title”"),
        ("NEAR(hàng việt)", "“near”"),
    ],
)
def test_full_text_operators_are_plain_words(client, reader, q, unknown):
    response = search(client, q=q)
    assert total(response) == 0
    assert f"Không văn bản nào có từ {unknown}." in messages(response)


def test_near_with_known_words_suggests_them(client, reader):
    response = search(client, q="NEAR(hàng việt)")
    assert response.context["results"].suggestions == ["hàng việt"]


def test_sql_fragments_are_searched_as_words_and_harm_nothing(client, reader):
    before = SearchEntry.objects.count()
    response = search(client, q="'; DROP TABLE archive_search_searchentry; --")
    assert total(response) == 0
    assert any(m.startswith("Không văn bản nào có từ") for m in messages(response))
    response = search(client, q="1 OR 1=1")
    assert total(response) == 0  # not "everything"
    assert "Không văn bản nào có từ “or”." in messages(response)
    response = search(client, q="hàng' OR '1'='1")
    assert total(response) == 0
    # The index is intact and still answers.
    assert SearchEntry.objects.count() == before == live_content_count()
    after = search(client, q="hàng việt")
    assert total(after) == live_content_count()
    assert search(client, q="610-CV/TU").context["results"].number_hits


def test_markup_in_the_query_is_escaped(client, reader):
    response = search(client, q="<script>alert(1)</script> hàng", kind="<b>x</b>")
    assert "<script>alert(1)</script>" not in response.text
    assert "<b>x</b>" not in response.text
    assert "&lt;script&gt;" in response.text
    assert "Không có loại văn bản “&lt;b&gt;x&lt;/b&gt;”; đã bỏ qua bộ lọc này." in response.text


@pytest.mark.parametrize(
    "params, message",
    [
        ({"kind": "xyz"}, "Không có loại văn bản “xyz”; đã bỏ qua bộ lọc này."),
        # every filter's problems: tests/cms/content/test_filters.py (one parser for every channel)
        ({"to": "hôm qua"}, "Đến ngày “hôm qua” không đúng dạng ngày/tháng/năm (ví dụ 05/09/2024); đã bỏ qua."),
        ({"page": "abc"}, "Trang “abc” không hợp lệ; đang hiển thị trang 1."),
        ({"page": "0"}, "Trang “0” không hợp lệ; đang hiển thị trang 1."),
        ({"page": "-1"}, "Trang “-1” không hợp lệ; đang hiển thị trang 1."),
        ({"page": "1.5"}, "Trang “1.5” không hợp lệ; đang hiển thị trang 1."),
        ({"page": "999999"}, "Không có trang 999999; đang hiển thị trang cuối (2)."),
        ({"sort": "xyz"}, "Không có cách sắp xếp “xyz”; đang xếp theo mức độ liên quan."),
    ],
)
def test_bad_parameter_gives_results_and_a_vietnamese_message(client, reader, params, message):
    response = search(client, q="hàng việt", **params)
    assert message in messages(response)
    # The bad value is ignored: the search still answers, unfiltered.
    assert total(response) == live_content_count()
    assert hits(response)
    assert response.context["query"].filters == {}
    assert response.context["chips"] == []


def test_dates_the_wrong_way_round_are_swapped(client, reader):
    response = search(client, q="", **{"from": "31/12/2022", "to": "01/01/2021"})
    assert "Ngày bắt đầu sau ngày kết thúc; đã đổi chỗ hai ngày." in messages(response)
    query = response.context["query"]
    assert (query.date_from, query.date_to) == (dt.date(2021, 1, 1), dt.date(2022, 12, 31))
    assert {h.number or h.title[:8] for h in hits(response)} == {
        "610-CV/TU", "1557/UBND-KTN", "351-CV/TU", "Kế hoạch", "Hà Nội: "
    }
    chips = [c["label"] for c in response.context["chips"]]
    assert chips == ["Từ ngày 01/01/2021", "Đến ngày 31/12/2022"]


def test_iso_dates_are_accepted(client, reader):
    response = search(client, q="", **{"from": "2024-01-01"})
    assert messages(response) == []
    assert [h.number for h in hits(response)] == ["06/CV-BCĐ"]


def test_many_bad_parameters_at_once(client, reader):
    response = search(
        client, q='NEAR("hàng', kind="xyz", theme="khong-co", year="abc", page="abc", sort="xyz", **{"from": "32/13/2020"}
    )
    shown = messages(response)
    assert len(shown) >= 6
    assert all(isinstance(m, str) and m for m in shown)


def test_result_meta_names_a_plan_once(client, reader):
    # A plan's content kind and document kind are both "Kế hoạch": said once.
    response = search(client, q="kế hoạch", content="ke_hoach")
    metas = [p.get_text(" ", strip=True) for p in BeautifulSoup(response.text, "html.parser").select(".results .meta, .meta")]
    assert metas and all("Kế hoạch · Kế hoạch" not in meta for meta in metas)
    assert any(meta.startswith(("Kế hoạch", "KH")) or "Kế hoạch" in meta for meta in metas)
