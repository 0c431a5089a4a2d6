"""The Elasticsearch engine against a real node (scripts/elasticsearch.sh):
the index it defines, rebuilds behind an alias, upkeep as pages change,
reconcile, privacy, numbers and autocomplete, and every way the cluster can
fail (unreachable, silent, refusing, stopped) without a save failing or a
search coming back empty. No mocks: the relevance suite also runs on this
engine (``engine_name`` in conftest.py).

The test that stops the node is the last of this module and restarts it.
"""

import datetime as dt
import io
import json
import socket
import threading
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import PageViewRestriction

from cms.content.models import ContentPage
from cms.directives.models import OfficialDocumentPage
from home.models import SectionPage
from search import indexing, outbox, service
from search.documents import SearchDocument, fingerprint
from search.engines import registry
from search.engines.base import FACETS
from search.engines.elasticsearch.documents import source_of
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.models import PendingIndexUpdate
from search.query import NEWEST, SearchQuery
from search.service import FALLBACK_NOTICE
from tests.search.engines.elasticsearch.node import drop, node_script
from vietnamese.numbers import normalize_doc_number

pytestmark = pytest.mark.django_db

ES = "elasticsearch"


# -- helpers -------------------------------------------------------------------------


def es_search(text="", **kwargs):
    results = service.search(SearchQuery(text=text, per_page=50, **kwargs), ES)
    assert results.engine == ES, results.messages
    return results


def ids(results):
    return [h.page_id for h in results.hits]


def doc(number):
    return OfficialDocumentPage.objects.get(number=number)


def in_cluster(engine, page_id):
    return engine.client.exists(index=engine.alias, id=page_id).body


def pending_ids():
    return set(PendingIndexUpdate.objects.filter(engine=ES).values_list("page_id", flat=True))


def health(engine):
    """The engine's check with its outbox, as upkeep reports it."""
    return outbox.health(engine, indexing.current)


def concrete(engine):
    """The versioned index the alias points to."""
    (name,) = engine.client.indices.get_alias(name=engine.alias)
    return name


def new_document(title, number, word):
    section = SectionPage.objects.get(slug="van-ban-chi-dao", depth=3)
    page = OfficialDocumentPage(
        title=title, slug=number.lower().replace("/", "-"), number=number, kind="chi_thi", live=False,
        summary=f"{title}: nội dung tóm tắt {word}.", issued_date=dt.date(2024, 5, 2),
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def retitle(page, title):
    page.title = title
    page.save_revision().publish()


def unused_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def engine_at(settings):
    """The service's Elasticsearch engine replaced by one at another URL."""

    def use(url, timeout=2.0):
        engine = ElasticsearchEngine(url, index_prefix="unreachable", timeout=timeout)
        registry._instances[ES] = engine
        settings.SEARCH_ENGINE = ES
        return engine

    previous = registry._instances.get(ES)
    yield use
    registry._instances.pop(ES, None)
    if previous is not None:
        registry._instances[ES] = previous


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        yield f"http://127.0.0.1:{s.getsockname()[1]}"


# -- the index ---------------------------------------------------------------------------


def test_index_holds_every_live_page_behind_a_versioned_alias(es_engine):
    live = ContentPage.objects.live().count()
    assert live > 0
    assert es_engine.client.count(index=es_engine.alias)["count"] == live
    assert set(es_engine.indexed()) == set(ContentPage.objects.live().values_list("pk", flat=True))
    assert concrete(es_engine).startswith(f"{es_engine.alias}-v")
    ok, message = health(es_engine)
    assert ok and f"{live} trang" in message


def test_mapping_has_exact_folded_phrase_number_facet_and_completion_fields(es_engine):
    mapping = es_engine.client.indices.get_mapping(index=es_engine.alias)
    fields = mapping[concrete(es_engine)]["mappings"]["properties"]
    for name in ("head_exact", "head_folded", "text_exact", "text_folded"):
        # Pairs are phrase queries on positions (no ``index_phrases``: it halves bulk loads).
        assert fields[name]["type"] == "text" and "index_phrases" not in fields[name], name
        assert fields[name]["analyzer"] == "whitespace", name
    assert fields["number_key"]["type"] == fields["number_keys"]["type"] == "keyword"
    for name in FACETS:
        assert fields[name]["type"] == "keyword", name
    assert fields["suggest"]["type"] == "completion"
    assert fields["head_folded"]["index_prefixes"]  # autocomplete's last syllable
    assert fields["date"]["type"] == "date"
    assert fields["original"]["enabled"] is False
    settings = es_engine.client.indices.get_settings(index=es_engine.alias)[concrete(es_engine)]["settings"]["index"]
    assert settings["similarity"]["default"] == {"type": "BM25", "k1": "0", "b": "0"}


def test_exact_and_folded_forms_are_indexed(es_engine):
    client, alias = es_engine.client, es_engine.alias
    page = doc("06/CV-BCĐ")
    for field, value in [("head_exact", "đức"), ("head_folded", "duc"), ("text_exact", "hàng"), ("text_folded", "hang")]:
        found = client.search(index=alias, query={"bool": {"filter": [{"term": {field: value}}, {"ids": {"values": [page.pk]}}]}})
        assert found["hits"]["total"]["value"] == 1, (field, value)
    phrase = client.search(index=alias, query={"match_phrase": {"text_folded": "hang viet"}}, size=50)
    assert page.pk in {int(h["_id"]) for h in phrase["hits"]["hits"]}


def test_unaccented_query_highlights_the_original_spelling(es_engine):
    results = es_search("hang gia")
    assert results.hits
    assert "<mark>hàng giả</mark>" in results.hits[0].snippet
    assert "hang gia" not in results.hits[0].snippet


@pytest.mark.parametrize("text", ["hàng giả", "hang viet", "MTTQ", "Hà Nội", "03-CT/TW", ""])
def test_same_matches_and_facet_counts_as_the_embedded_engine(es_engine, text):
    query = SearchQuery(text=text, per_page=50)
    es, embedded = service.search(query, ES), service.search(query, "embedded")
    assert es.engine == ES
    assert es.total == embedded.total and set(ids(es)) == set(ids(embedded))
    assert es.unknown_terms == embedded.unknown_terms
    for name in FACETS:
        assert [(v.value, v.count) for v in es.facets[name]] == [(v.value, v.count) for v in embedded.facets[name]], name


def test_facets_come_as_their_top_values_and_whole_on_request(es_engine, monkeypatch):
    from search.engines.elasticsearch import queries

    whole = service.search(SearchQuery(per_page=50), "embedded").facets["issuer"]
    assert len(whole) > 2
    monkeypatch.setattr(queries, "FACET_SIZE", 2)
    top = es_search()
    assert "issuer" in top.cut_facets
    assert [(v.value, v.count) for v in top.facets["issuer"]] == [(v.value, v.count) for v in whole[:2]]
    asked = es_search(full_facet="issuer")
    assert "issuer" not in asked.cut_facets
    assert [(v.value, v.count) for v in asked.facets["issuer"]] == [(v.value, v.count) for v in whole]


def test_filters_dates_and_newest_first(es_engine):
    everything = es_search("")
    assert everything.total == ContentPage.objects.live().count()
    dates = [h.date for h in es_search("", sort=NEWEST).hits if h.date]
    assert dates == sorted(dates, reverse=True)
    ha_noi = es_search("", filters={"region": "ha-noi"})
    assert ha_noi.total == 3 and ha_noi.facets["region"]
    assert es_search("", filters={"kind": "cong_van"}).total == 4
    recent = es_search("", date_from=dt.date(2023, 1, 1))
    assert all(h.date and h.date >= dt.date(2023, 1, 1) for h in recent.hits)
    assert recent.total < everything.total


def test_unknown_words_are_reported(es_engine):
    results = service.search(SearchQuery(text="hàng zzqxw"), ES)
    assert results.engine == ES and results.total == 0
    assert results.unknown_terms == ["zzqxw"]
    assert any("zzqxw" in m for m in results.messages)


def test_words_known_to_be_present_are_not_counted_again_missing_ones_are(es_engine, monkeypatch):
    from search.engines.elasticsearch import engine as es_module

    asked = []
    counts_request = es_module.counts_request

    def recorded(*args, **kwargs):
        body = counts_request(*args, **kwargs)
        asked.append(set(body["aggs"].get("_everywhere", {}).get("aggs", {}).get("words", {}).get("filters", {}).get("filters", {})))
        return body

    monkeypatch.setattr(es_module, "counts_request", recorded)
    for _ in range(2):
        assert service.search(SearchQuery(text="hàng zzqxw"), ES).unknown_terms == ["zzqxw"]
    # "hàng" was counted with the scoring units (``Frequencies``); "zzqxw", in no page, every time.
    assert asked == [{"zzqxw"}, {"zzqxw"}]


# -- rebuild -----------------------------------------------------------------------------


def test_rebuild_swaps_the_alias_atomically_and_drops_the_old_index(es_fresh):
    engine = es_fresh
    old = concrete(engine)
    searched, failures, stop = [], [], threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                searched.append(engine.search(SearchQuery(text="hàng Việt", per_page=5)).total)
            except Exception as exc:  # noqa: BLE001 - any failure is what the test reports
                failures.append(repr(exc))

    during = {}

    def slow(docs):
        for i, d in enumerate(docs):
            if i == 3:
                # Half built: the new index exists, the alias still serves the old one,
                # and a page saved now reaches both.
                during["building"] = engine.client.indices.get_alias(name=engine.building)
                during["live"] = concrete(engine)
                during["written"] = engine.index([SearchDocument(900123, "/giua-chung/", "Trang lưu giữa chừng zebragiua", "tai_lieu")]).written
            time.sleep(0.15)
            yield d

    reader = threading.Thread(target=keep_searching)
    reader.start()
    try:
        count = engine.rebuild(slow(indexing.documents(indexing.content_pages())))
    finally:
        stop.set()
        reader.join()

    assert not failures, failures[:3]
    assert len(searched) > 10 and min(searched) > 0, searched
    new = concrete(engine)
    assert new != old and during["live"] == old and set(during["building"]) == {new}
    assert during["written"] == 1
    assert count == ContentPage.objects.live().count()
    assert not engine.client.indices.exists(index=old)
    assert not engine.client.indices.exists_alias(name=engine.building)
    assert engine.client.count(index=engine.alias)["count"] == count + 1  # the page saved mid-build
    assert ids(es_search("zebragiua")) == [900123]
    assert engine.client.indices.get_settings(index=new)[new]["settings"]["index"]["refresh_interval"] == "1s"


def test_rebuild_command_builds_the_configured_engine(es_fresh):
    old = concrete(es_fresh)
    out = io.StringIO()
    call_command("rebuild_search_index", "--engine", ES, "--no-progress", stdout=out, stderr=io.StringIO())
    assert f"elasticsearch: đã lập chỉ mục {ContentPage.objects.live().count()} trang." in out.getvalue()
    assert concrete(es_fresh) != old and not es_fresh.client.indices.exists(index=old)


def test_rebuild_forgets_the_updates_missed_before_it_started(es_fresh, monkeypatch):
    before, during = doc("351-CV/TU").pk, doc("610-CV/TU").pk
    outbox.record(ES, PendingIndexUpdate.INDEX, [before])
    pages = indexing.content_pages

    def content_pages():
        for i, page in enumerate(pages()):
            if i == 1:  # a save the cluster missed while the new index loads: still to replay
                outbox.record(ES, PendingIndexUpdate.INDEX, [during])
            yield page

    monkeypatch.setattr(indexing, "content_pages", content_pages)
    indexing.rebuild(es_fresh)
    assert pending_ids() == {during}


# -- upkeep as pages change --------------------------------------------------------------


NUMBER_SPELLINGS = ["03-CT/TW", "03/CT-TW", "3-CT/TW", "03 ct tw", "chỉ thị 03", "chi thi so 03", "chỉ thị số 3"]


def test_publishing_editing_unpublishing_and_deleting_reach_elasticsearch(es_fresh, indexed):
    page = indexed(new_document, "Chỉ thị 03-CT/TW về hàng Việt", "03-CT/TW", "zebraso")
    assert in_cluster(es_fresh, page.pk)
    assert ids(es_search("zebraso")) == [page.pk]
    # The number in any spelling puts the document first, and in the number box.
    for spelling in NUMBER_SPELLINGS:
        results = es_search(spelling)
        assert ids(results)[0] == page.pk, spelling
        assert [h.page_id for h in results.number_hits] == [page.pk], spelling
        assert results.hits[0].number_match

    indexed(retitle, page, "Chỉ thị 03-CT/TW về hàng Việt bản sửa zebrasua")
    assert ids(es_search("zebrasua")) == [page.pk]

    page.refresh_from_db()  # publishing saved a copy made from the revision
    indexed(page.unpublish)
    assert not in_cluster(es_fresh, page.pk)
    assert es_search("zebraso").total == 0 and es_search("03-CT/TW").number_hits == []

    indexed(page.get_latest_revision().publish)
    assert ids(es_search("zebraso")) == [page.pk]
    indexed(page.delete)
    assert not in_cluster(es_fresh, page.pk)
    assert es_search("zebraso").total == 0
    assert pending_ids() == set()


def test_privacy_and_moves_reach_elasticsearch(es_fresh, indexed):
    page = doc("14-TT/QU")
    section = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    restriction = indexed(PageViewRestriction.objects.create, page=section, restriction_type=PageViewRestriction.LOGIN)
    indexed(page.move, section, pos="last-child")
    source = es_fresh.client.get(index=es_fresh.alias, id=page.pk)["_source"]
    assert source["restrictions"] == [restriction.pk]
    assert page.pk not in ids(es_search("14-TT/QU", refused_restrictions=frozenset({restriction.pk})))
    assert page.pk in ids(es_search("14-TT/QU"))


# -- reconcile ---------------------------------------------------------------------------


def test_reconcile_reports_and_repairs_missing_stale_and_orphaned_entries(es_fresh):
    client, alias = es_fresh.client, es_fresh.alias
    docs = {d.page_id: d for d in indexing.documents(indexing.content_pages())}
    missing, stale = doc("351-CV/TU").pk, doc("610-CV/TU").pk
    client.delete(index=alias, id=missing, refresh=True)
    altered = SearchDocument(**{**vars(docs[stale]), "title": "Tiêu đề cũ zebracu"})
    client.index(index=alias, id=stale, document=source_of(altered), refresh=True)
    orphan = SearchDocument(987654, "/trang-da-xoa/", "Trang đã xoá zebramoc", "tai_lieu")
    client.index(index=alias, id=orphan.page_id, document=source_of(orphan), refresh=True)
    assert ids(es_search("zebracu")) == [stale] and ids(es_search("zebramoc")) == [orphan.page_id]

    out = io.StringIO()
    call_command("rebuild_search_index", "--reconcile", "--engine", ES, stdout=out)
    assert "elasticsearch: thêm 1 trang thiếu, cập nhật 1 trang cũ, xoá 1 mục thừa." in out.getvalue()

    assert es_fresh.indexed() == {pid: fingerprint(d) for pid, d in docs.items()}
    assert es_search("zebracu").total == 0 and es_search("zebramoc").total == 0
    assert missing in ids(es_search("351-CV/TU"))
    assert indexing.reconcile(es_fresh) == {"missing": 0, "stale": 0, "orphaned": 0}


def test_reconcile_that_the_cluster_refuses_is_not_reported_as_done(es_fresh):
    client, name = es_fresh.client, concrete(es_fresh)
    missing = doc("351-CV/TU").pk
    client.delete(index=name, id=missing, refresh=True)
    client.indices.put_settings(index=name, settings={"index.blocks.write": True})
    try:
        with pytest.raises(CommandError, match="máy chủ chưa nhận 1 cập nhật"):
            call_command("rebuild_search_index", "--reconcile", "--engine", ES, stdout=io.StringIO())
        assert pending_ids() == {missing}
    finally:
        client.indices.put_settings(index=name, settings={"index.blocks.write": None})
    out = io.StringIO()
    call_command("rebuild_search_index", "--reconcile", "--engine", ES, stdout=out)
    assert "cập nhật lại 1 trang bị lỡ" in out.getvalue() and "thêm 0 trang thiếu" in out.getvalue()
    assert in_cluster(es_fresh, missing) and pending_ids() == set()


# -- privacy -----------------------------------------------------------------------------


def page_results(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    results = response.context["results"]
    assert results.engine == ES, results.messages
    return results


def suggested_urls(client, q):
    return {s["url"] for s in client.get(reverse("search_suggest"), {"q": q}).json()["suggestions"]}


def test_group_restricted_document_is_found_only_by_the_group(es_fresh, client, login, indexed, settings):
    settings.SEARCH_PAGE_SIZE = 50
    page = doc("14-TT/QU")
    restriction = PageViewRestriction(page=page, restriction_type=PageViewRestriction.GROUPS)
    indexed(restriction.save)
    indexed(restriction.groups.set, [Group.objects.get(name="Duyệt")])
    indexed(restriction.save)  # the groups are set after the first save: index once they are

    def seen(username):
        login(username)
        return {
            "results": page.pk in ids(page_results(client, q="thông tri tăng cường")),
            "all": page.pk in ids(page_results(client)),
            "number box": page.pk in {h.page_id for h in page_results(client, q="thong tri so 14").number_hits},
            "autocomplete": page.url in suggested_urls(client, "14-TT"),
            "facet": {v.value: v.count for v in page_results(client).facets["kind"]}.get("thong_tri", 0),
        }

    for username in ("canbo", "bientap", "baochi"):
        assert seen(username) == {"results": False, "all": False, "number box": False, "autocomplete": False, "facet": 0}, username
        assert page_results(client, kind="thong_tri").total == 0
    for username in ("duyet", "quantri"):
        assert seen(username) == {"results": True, "all": True, "number box": True, "autocomplete": True, "facet": 1}, username


def _request(user):
    request = RequestFactory().get("/tim-kiem/")
    request.user = user
    request.session = SessionStore()
    return request


def test_login_restricted_document_is_hidden_from_anonymous_readers(es_fresh, indexed):
    page = doc("06/CV-BCĐ")
    indexed(PageViewRestriction.objects.create, page=page, restriction_type=PageViewRestriction.LOGIN)
    anonymous = _request(AnonymousUser())
    found = es_search("06/CV-BCĐ", refused_restrictions=service.refused_restrictions(anonymous))
    assert page.pk not in ids(found) and found.number_hits == []
    assert page.url not in {s.url for s in service.suggest("06/CV", anonymous, engine=ES)}
    assert page.url not in {s.url for s in service.suggest("06/CV", None, engine=ES)}
    levels = es_search(refused_restrictions=service.refused_restrictions(anonymous)).facets["level"]
    assert {v.value: v.count for v in levels} == {"tinh": 4, "huyen": 1}

    signed_in = _request(get_user_model().objects.get(username="canbo"))
    found = es_search("06/CV-BCĐ", refused_restrictions=service.refused_restrictions(signed_in))
    assert ids(found)[0] == page.pk and [h.page_id for h in found.number_hits] == [page.pk]
    assert page.url in {s.url for s in service.suggest("06/CV", signed_in, engine=ES)}


# -- autocomplete ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix", ["03", "610", "06/CV", "351-CV", "14-TT", "1557", "chi thi", "chỉ thị", "hang viet", "Hà Nội", "khau hieu ", "cong van 6", "ho"]
)
def test_suggestions_are_the_embedded_engines_in_the_same_order(es_engine, prefix):
    embedded = [s.url for s in registry.get_engine("embedded").suggest(prefix)]
    assert [s.url for s in es_engine.suggest(prefix)] == embedded


def test_number_suggestions_come_before_newer_titles(es_fresh):
    numbered = SearchDocument(
        page_id=900001, url="/a/", title="Kế hoạch tuyên truyền năm 2020", content="ke_hoach",
        number="77/KH-UBND", number_key=normalize_doc_number("77/KH-UBND"), date=dt.date(2020, 3, 1),
    )
    titled = SearchDocument(page_id=900002, url="/b/", title="77 khẩu hiệu tuyên truyền", content="tai_lieu", date=dt.date(2026, 3, 1))
    assert es_fresh.index([numbered, titled]).written == 2
    assert [s.url for s in es_fresh.suggest("77/KH")][:2] == ["/a/", "/b/"]
    assert [s.url for s in es_fresh.suggest("77 kh")][0] == "/b/"
    assert [s.number for s in es_fresh.suggest("77-kh-u")] == ["77/KH-UBND"]


# -- the command line --------------------------------------------------------------------


def test_search_archive_command_prints_elasticsearch_hits_as_json(es_engine):
    out, err = io.StringIO(), io.StringIO()
    call_command("search_archive", "hàng giả", "--engine", ES, "--json", "--limit", "5", stdout=out, stderr=err)
    items = json.loads(out.getvalue())
    assert items and len(items) <= 5
    assert [i["title"] for i in items] == [h.title for h in es_search("hàng giả", ).hits[:5]]
    assert items[0]["score"] > 0
    assert FALLBACK_NOTICE not in err.getvalue()

    out = io.StringIO()
    call_command("search_archive", "610/CV-TU", "--engine", ES, "--json", stdout=out, stderr=io.StringIO())
    first = json.loads(out.getvalue())[0]
    assert first["number"] == "610-CV/TU" and first["number_match"] is True


# -- failures ----------------------------------------------------------------------------


def test_unreachable_cluster_falls_back_to_the_embedded_index_with_a_notice(engine_at):
    engine = engine_at(f"http://127.0.0.1:{unused_port()}")
    results = service.search(SearchQuery(text="hàng giả"))
    assert results.engine == "embedded" and results.hits
    assert results.messages[0] == FALLBACK_NOTICE
    assert service.suggest("610-CV") and service.suggest("610-CV")[0].number == "610-CV/TU"
    ok, message = health(engine)
    assert not ok and "không kết nối được tới Elasticsearch" in message


def test_commands_say_in_vietnamese_when_the_cluster_is_unreachable(engine_at):
    engine_at(f"http://127.0.0.1:{unused_port()}")
    for args in (["--no-progress"], ["--reconcile"]):
        with pytest.raises(CommandError, match="elasticsearch: không dựng được chỉ mục: không kết nối được tới Elasticsearch"):
            call_command("rebuild_search_index", "--engine", ES, *args, stdout=io.StringIO(), stderr=io.StringIO())
    err = io.StringIO()
    call_command("search_archive", "hàng giả", "--engine", ES, "--json", stdout=io.StringIO(), stderr=err)
    assert FALLBACK_NOTICE in err.getvalue()


def test_silent_cluster_times_out_falls_back_and_is_left_alone_for_a_while(engine_at, silent_server):
    engine = engine_at(silent_server, timeout=0.5)
    started = time.monotonic()
    results = service.search(SearchQuery(text="hàng giả"))
    assert results.engine == "embedded" and results.hits and results.messages[0] == FALLBACK_NOTICE
    assert time.monotonic() - started < 5
    # The next searches do not wait for the timeout again.
    started = time.monotonic()
    assert service.search(SearchQuery(text="hang viet")).engine == "embedded"
    assert time.monotonic() - started < 0.4
    ok, message = health(engine)  # an explicit check asks anyway, and says why it failed
    assert not ok and "không trả lời trong 0.5 giây" in message


def test_saving_while_the_cluster_is_silent_costs_one_timeout_at_most(engine_at, silent_server, indexed):
    engine_at(silent_server, timeout=0.5)
    first, second = doc("351-CV/TU"), doc("610-CV/TU")
    started = time.monotonic()
    indexed(retitle, first, "Công văn 351-CV/TU zebracham")
    indexed(retitle, second, "Công văn 610-CV/TU zebracham")
    assert time.monotonic() - started < 5
    assert pending_ids() == {first.pk, second.pk}
    assert set(ids(service.search(SearchQuery(text="zebracham")))) == {first.pk, second.pk}


def test_saving_never_fails_when_the_cluster_is_unreachable(engine_at, indexed):
    engine_at(f"http://127.0.0.1:{unused_port()}")
    page = doc("351-CV/TU")
    indexed(retitle, page, "Công văn 351-CV/TU zebramat")
    assert pending_ids() == {page.pk}
    # The embedded index, always written, has it.
    assert ids(service.search(SearchQuery(text="zebramat"))) == [page.pk]


def test_writing_to_the_engine_itself_records_nothing(engine_at):
    """What benchmarks do with synthetic documents that are no pages: the
    result says what was missed, and keeping it is the caller's choice."""
    engine = engine_at(f"http://127.0.0.1:{unused_port()}")
    result = engine.index([SearchDocument(900201, "/tong-hop/", "Tài liệu tổng hợp", "tai_lieu")])
    assert result.unreachable and result.written == 0 and "không kết nối được" in result.reason
    assert engine.delete([900201]).missed([900201]) == [900201]
    assert pending_ids() == set()


def test_closed_index_refuses_writes_they_are_recorded_and_replayed(es_fresh, indexed):
    page = doc("351-CV/TU")
    name = concrete(es_fresh)
    es_fresh.client.indices.close(index=name)
    try:
        indexed(retitle, page, "Công văn 351-CV/TU zebradong")
        assert pending_ids() == {page.pk}
        results = service.search(SearchQuery(text="zebradong"))
        assert results.engine == "embedded" and results.messages[0] == FALLBACK_NOTICE
        assert ids(results) == [page.pk]
        assert not health(es_fresh)[0]
    finally:
        es_fresh.client.indices.open(index=name, wait_for_active_shards="1")
    ok, message = health(es_fresh)  # answering again: the check catches up
    assert ok and "đã cập nhật lại 1 trang bị lỡ" in message
    assert pending_ids() == set()
    assert ids(es_search("zebradong")) == [page.pk]


def test_write_block_refuses_writes_and_the_next_write_catches_up(es_fresh, indexed):
    blocked, other = doc("610-CV/TU"), doc("14-TT/QU")
    name = concrete(es_fresh)
    es_fresh.client.indices.put_settings(index=name, settings={"index.blocks.write": True})
    try:
        indexed(blocked.unpublish)
        assert pending_ids() == {blocked.pk}
        assert blocked.pk in ids(es_search("610-CV/TU"))  # still readable, not yet updated
    finally:
        es_fresh.client.indices.put_settings(index=name, settings={"index.blocks.write": None})
    # The next page saved goes through, and brings the missed update with it.
    indexed(retitle, other, "Thông tri 14-TT/QU zebrasau")
    assert pending_ids() == set()
    assert blocked.pk not in ids(es_search("610-CV/TU")) and not in_cluster(es_fresh, blocked.pk)
    assert ids(es_search("zebrasau")) == [other.pk]


def test_search_page_shows_the_fallback_notice_in_vietnamese(client, login, settings):
    settings.SEARCH_ENGINE = ES
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{unused_port()}"
    registry.reset()
    try:
        login("canbo")
        response = client.get(reverse("search"), {"q": "hàng giả"})
        assert response.status_code == 200
        assert response.context["results"].engine == "embedded" and response.context["results"].hits
        assert FALLBACK_NOTICE in response.content.decode()
        assert "Máy chủ tìm kiếm Elasticsearch tạm thời không trả lời" in response.content.decode()
    finally:
        registry.reset()


@pytest.fixture
def configured(elasticsearch_url, settings):
    """Elasticsearch as an installation configures it: settings only."""
    settings.SEARCH_ENGINE = ES
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"Settings-{uuid.uuid4().hex[:8]}"
    registry.reset()
    yield
    engine = registry.get_engine(ES)
    registry.reset()
    drop(engine)


def test_configured_from_settings_rebuild_search_and_upkeep(configured, client, login, indexed):
    out = io.StringIO()
    call_command("rebuild_search_index", "--no-progress", stdout=out, stderr=io.StringIO())
    live = ContentPage.objects.live().count()
    assert f"embedded: đã lập chỉ mục {live} trang." in out.getvalue()
    assert f"elasticsearch: đã lập chỉ mục {live} trang." in out.getvalue()
    engine = registry.get_engine(ES)
    assert engine.alias == engine.alias.lower() and engine.client.count(index=engine.alias)["count"] == live

    login("canbo")
    response = client.get(reverse("search"), {"q": "hang gia"})
    assert response.context["results"].engine == ES and response.context["results"].hits
    assert FALLBACK_NOTICE not in response.content.decode()
    assert "<mark>hàng giả</mark>" in response.content.decode()

    page = doc("351-CV/TU")
    indexed(retitle, page, "Công văn 351-CV/TU zebracauhinh")
    assert ids(es_search("zebracauhinh")) == [page.pk]


# -- the node stops (last: it restarts the shared node) ------------------------------------


def wait_until_serving(engine):
    engine.client.options(request_timeout=90).cluster.health(index=engine.alias, wait_for_status="yellow", timeout="60s")
    engine._paused_until = 0.0


def test_stopped_node_saves_go_on_search_falls_back_and_replay_catches_up(es_fresh, indexed):
    edited, dropped = doc("1557/UBND-KTN"), doc("06/CV-BCĐ")
    stopped = node_script("stop")
    assert stopped.returncode == 0, stopped.stderr
    if node_script("status").returncode == 0:
        pytest.skip("the node was not started by scripts/elasticsearch.sh: it is left running")
    try:
        indexed(retitle, edited, "Công văn 1557/UBND-KTN zebradung")
        indexed(dropped.unpublish)
        assert pending_ids() == {edited.pk, dropped.pk}
        results = service.search(SearchQuery(text="zebradung"))
        assert results.engine == "embedded" and results.messages[0] == FALLBACK_NOTICE
        assert ids(results) == [edited.pk]
        ok, message = health(es_fresh)
        assert not ok and "2 cập nhật đang chờ" in message
    finally:
        started = node_script("start")
    assert started.returncode == 0, started.stderr
    wait_until_serving(es_fresh)

    out = io.StringIO()
    call_command("rebuild_search_index", "--reconcile", "--engine", ES, stdout=out)
    assert "elasticsearch: cập nhật lại 2 trang bị lỡ" in out.getvalue()
    assert "thêm 0 trang thiếu, cập nhật 0 trang cũ, xoá 0 mục thừa" in out.getvalue()
    assert pending_ids() == set()
    assert ids(es_search("zebradung")) == [edited.pk]
    assert not in_cluster(es_fresh, dropped.pk)
