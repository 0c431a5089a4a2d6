"""The Elasticsearch engine: the archive search on a cluster, for archives
that outgrow one machine or provinces that share a cluster.

Same interface and same answers as the embedded engine: the documents are
analysed by ``.documents`` (our Python analysis, no cluster plugin), queried
by ``.queries`` (the embedded engine's plan, the shared weights).

Index lifecycle: the engine searches the alias ``<prefix>-archive``. A rebuild
bulk-loads a new ``<prefix>-archive-v<time>`` and moves the alias to it in one
atomic request, then drops the old index: search never sees an empty or half
built index. While it loads, the new index also carries the alias
``<prefix>-archive-building``, and page changes are written to both.

Failures: reads raise ``EngineUnavailable`` (the service then answers from the
embedded index, with a notice). Writes never raise: their ``WriteResult``
says which pages the cluster refused, or that it could not be reached, and
index upkeep keeps those for later (``search.outbox``). After a timeout the
cluster is left alone for ``retry_after`` seconds, so a slow cluster does not
add its timeout to every search and every save.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from elastic_transport import ConnectionTimeout, TransportError
from elasticsearch import ApiError
from elasticsearch.helpers import BulkIndexError
from elasticsearch_dsl import Q, Search

from vietnamese.highlight import highlight
from vietnamese.numbers import doc_number_matches, normalize_doc_number, number_keys
from vietnamese.text import fold, tokenize

from search.documents import SearchDocument
from search.engines.base import FACETS, EngineUnavailable, Progress, WriteResult, scoring_units
from search.engines.elasticsearch import bulk
from search.engines.elasticsearch.client import connect
from search.engines.elasticsearch.documents import LIVE_SETTINGS, analysed, archive_index, source_of
from search.engines.elasticsearch.frequencies import Frequencies
from search.engines.elasticsearch.queries import (
    counts_request,
    is_scored,
    number_query,
    number_request,
    page_request,
    recency,
)
from search.query import FacetValue, Hit, SearchQuery, SearchResults, Suggestion
from search.queryplan import QueryPlan, plan

logger = logging.getLogger(__name__)

FAILURES = (ApiError, TransportError, BulkIndexError)
SMALL_WRITE = 20  # up to this many pages (a page save) a write gets the short timeout
BULK_TIMEOUT = 120.0  # seconds, for rebuilds and large writes
BOUNDS_TTL = 60.0  # seconds the archive's oldest/newest dates are reused for recency
NUMBER_CANDIDATES = 2000
SUGGESTED = ["page_id", "url", "title", "number", "date", "restrictions"]


def _describe(exc: Exception, url: str, timeout: float) -> str:
    """What went wrong, in Vietnamese, for logs, health and command errors."""
    if isinstance(exc, ConnectionTimeout):
        return f"Elasticsearch tại {url} không trả lời trong {timeout:g} giây"
    if isinstance(exc, TransportError):
        return f"không kết nối được tới Elasticsearch tại {url} ({type(exc).__name__})"
    if isinstance(exc, BulkIndexError):
        return f"Elasticsearch từ chối {len(exc.errors)} tài liệu"
    if isinstance(exc, ApiError):
        return f"Elasticsearch từ chối yêu cầu ({exc.meta.status}: {exc.message})"
    return str(exc)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _allowed(source: dict, refused: frozenset[int]) -> bool:
    return not refused.intersection(source.get("restrictions") or ())


def _names(source: dict, key: str | None) -> bool:
    """Whether a hit is a document the number query names (hidden ones included)."""
    return bool(key) and key in number_keys(source.get("number_key") or "")


def _terms(agg: dict) -> dict:
    """A facet's terms aggregation, plain or under its filter (``counts_request``)."""
    return agg.get("v", agg)


def _facet_values(agg: dict, selected: str | None) -> list[FacetValue]:
    """A facet's buckets as the embedded engine lists them: by count, then value."""
    values = [FacetValue(str(b["key"]), b["doc_count"], selected=b["key"] == selected) for b in _terms(agg)["buckets"]]
    chosen = agg.get("chosen", {}).get("doc_count", 0)
    if selected and chosen and not any(v.selected for v in values):
        values.append(FacetValue(selected, chosen, selected=True))
    return sorted(values, key=lambda f: (-f.count, f.value))


class ElasticsearchEngine:
    name = "elasticsearch"
    label = "Elasticsearch"
    retry_after = 30.0

    def __init__(
        self,
        url: str,
        *,
        index_prefix: str = "campaign",
        username: str = "",
        password: str = "",
        api_key: str = "",
        verify_certs: bool = True,
        ca_certs: str = "",
        timeout: float = 2.0,
    ):
        self.url = url
        self.alias = f"{index_prefix.lower()}-archive"
        self.building = f"{self.alias}-building"
        self.timeout = timeout
        # One node or a cluster's nodes (comma-separated), retried one after another.
        self.client = connect(
            url,
            username=username,
            password=password,
            api_key=api_key,
            verify_certs=verify_certs,
            ca_certs=ca_certs,
            timeout=timeout,
        )
        self._paused_until = 0.0
        self._bounds: tuple[float, tuple[dt.date, dt.date] | None] = (0.0, None)
        self._frequencies = Frequencies()

    @classmethod
    def from_settings(cls) -> ElasticsearchEngine:
        return cls(
            settings.ELASTICSEARCH_URL,
            index_prefix=settings.ELASTICSEARCH_INDEX_PREFIX,
            username=settings.ELASTICSEARCH_USERNAME,
            password=settings.ELASTICSEARCH_PASSWORD,
            api_key=settings.ELASTICSEARCH_API_KEY,
            verify_certs=settings.ELASTICSEARCH_VERIFY_CERTS,
            ca_certs=settings.ELASTICSEARCH_CA_CERTS,
            timeout=settings.ELASTICSEARCH_TIMEOUT,
        )

    # -- failures -------------------------------------------------------------

    def _ready(self) -> None:
        if self.client is None:
            raise EngineUnavailable("ELASTICSEARCH_URL chưa được đặt")
        if time.monotonic() < self._paused_until:
            raise EngineUnavailable(f"Elasticsearch tại {self.url} vừa quá chậm; tạm dùng chỉ mục tích hợp")

    def _unavailable(self, exc: Exception) -> EngineUnavailable:
        if isinstance(exc, ConnectionTimeout):
            self._paused_until = time.monotonic() + self.retry_after
        return EngineUnavailable(_describe(exc, self.url, self.timeout))

    @contextmanager
    def _asking(self) -> Iterator[None]:
        self._ready()
        try:
            yield
        except FAILURES as exc:
            raise self._unavailable(exc) from exc

    # -- writing --------------------------------------------------------------

    def _targets(self, client) -> list[str]:
        """The live index and, during a rebuild, the one being built."""
        found = client.indices.get_alias(index=f"{self.alias}-v*")
        targets = [name for name, info in found.items() if {self.alias, self.building} & set(info["aliases"])]
        if not targets:
            raise EngineUnavailable(f"chưa có chỉ mục “{self.alias}”: chạy rebuild_search_index")
        return targets

    def _bulk(self, docs: list[SearchDocument], gone: list[int], progress: Progress | None) -> tuple[int, list[int]]:
        """Index ``docs`` and drop ``gone``; returns (pages written, page ids
        refused). Raises when the cluster cannot be reached."""
        client = self.client if len(docs) + len(gone) <= SMALL_WRITE else self.client.options(request_timeout=BULK_TIMEOUT)
        targets = self._targets(client)

        def actions():
            for doc in docs:
                source = source_of(doc)
                for target in targets:
                    yield {"_op_type": "index", "_index": target, "_id": doc.page_id, "_source": source}
            for page_id in gone:
                for target in targets:
                    yield {"_op_type": "delete", "_index": target, "_id": page_id}

        written, refused = set(), set()
        # A page save waits out a busy moment briefly (0.2 + 0.4 + 0.8 s);
        # what is still refused then is kept for upkeep (``search.outbox``).
        small = len(docs) + len(gone) <= SMALL_WRITE
        retries, backoff = (3, 0.2) if small else (None, None)
        for ok, item in bulk.retrying(client, actions(), retries=retries, backoff=backoff, refresh=True):
            ((op, result),) = item.items()
            page_id = int(result["_id"])
            if ok:
                written.add(page_id)
            elif not (op == "delete" and result.get("status") == 404):  # already gone: fine
                refused.add(page_id)
        self._forget()
        done = len(written - refused)
        if progress and done:
            progress(done)
        return done, sorted(refused)

    def _write(self, docs: list[SearchDocument], gone: list[int], progress: Progress | None = None) -> WriteResult:
        """A write that never raises for the cluster: a page save goes on
        whatever the cluster does, and the result says what it missed."""
        if not docs and not gone:
            return WriteResult()
        try:
            with self._asking():
                done, refused = self._bulk(docs, gone, progress)
        except EngineUnavailable as exc:
            return WriteResult(unreachable=True, reason=str(exc))
        return WriteResult(done, refused, reason=f"Elasticsearch từ chối {len(refused)} trang" if refused else "")

    def index(self, docs: Iterable[SearchDocument], progress: Progress | None = None) -> WriteResult:
        """Add or replace documents. Never raises for the cluster."""
        return self._write(list(docs), [], progress)

    def delete(self, page_ids: Iterable[int]) -> WriteResult:
        return self._write([], list(page_ids))

    def rebuild(self, docs: Iterable[SearchDocument], progress: Progress | None = None) -> int:
        """A fresh versioned index, bulk-loaded, then the alias swapped to it
        atomically and the old index dropped. Raises ``EngineUnavailable``."""
        self._ready()
        client = self.client.options(request_timeout=BULK_TIMEOUT)
        name = f"{self.alias}-v{time.strftime('%Y%m%d%H%M%S', time.gmtime())}{time.time_ns() // 1_000_000 % 1000:03d}"
        try:
            index = archive_index(name, building=True)
            index.aliases(**{self.building: {}})
            index.create(using=client)
            count = self._load(client, name, docs, progress)
            client.indices.put_settings(index=name, settings={"index": LIVE_SETTINGS})
            client.indices.refresh(index=name)
            # Its replicas, copied from the merged segment, before readers come.
            client.options(ignore_status=408).cluster.health(index=name, wait_for_status="green", timeout="60s")
            old = [i for i, info in client.indices.get_alias(index=f"{self.alias}-v*").items() if self.alias in info["aliases"]]
            swap = [{"remove": {"index": i, "alias": self.alias}} for i in old]
            swap += [{"add": {"index": name, "alias": self.alias}}, {"remove": {"index": name, "alias": self.building}}]
            client.indices.update_aliases(actions=swap)
        except BaseException as exc:
            self._drop(client, [name])
            if isinstance(exc, FAILURES):
                raise self._unavailable(exc) from exc
            raise
        self._drop(client, old)
        self._forget()
        return count

    def _load(self, client, name: str, docs: Iterable[SearchDocument], progress) -> int:
        """Bulk-load a new index: the documents analysed in worker processes
        (``analysed``) while bulk requests are sent from threads (``bulk.load``,
        which sends again what a busy cluster rejects), so Python and the
        cluster work at the same time."""
        count = 0
        with analysed(docs) as sources:
            # Each source arrives as JSON, sent as it is.
            actions = ({"_index": name, "_id": page_id, "_source": source} for page_id, source in sources)
            for ok, item in bulk.load(client, actions):
                count += 1
                if progress and count % bulk.CHUNK == 0:
                    progress(bulk.CHUNK)
        if progress and count % bulk.CHUNK:
            progress(count % bulk.CHUNK)
        # One segment: searched faster, and a third smaller than the bulk load leaves it.
        client.indices.forcemerge(index=name, max_num_segments=1)
        return count

    def _drop(self, client, names: list[str]) -> None:
        if not names:
            return
        try:
            client.options(ignore_status=404).indices.delete(index=",".join(names))
        except FAILURES as exc:
            logger.warning("could not delete Elasticsearch index %s: %s", names, exc)

    def indexed(self) -> dict[int, str]:
        """page id -> fingerprint of what is indexed, for reconciling with the pages."""
        with self._asking():
            s = Search(using=self.client.options(request_timeout=BULK_TIMEOUT), index=self.alias)
            s = s.source(["fingerprint"]).params(size=5000)
            return {int(h.meta.id): getattr(h, "fingerprint", "") for h in s.scan()}

    def health(self) -> tuple[bool, str]:
        """Whether the cluster answers and holds the index (what it missed
        meanwhile is upkeep's: ``search.outbox.health``)."""
        self._paused_until = 0.0  # an explicit check always asks
        try:
            with self._asking():
                status = self.client.cluster.health()["status"]
                found = self.client.indices.get_alias(index=f"{self.alias}-v*")
                names = [name for name, info in found.items() if self.alias in info["aliases"]]
                if not names:
                    return False, f"Elasticsearch ({status}) chưa có chỉ mục “{self.alias}”: chạy rebuild_search_index"
                count = self.client.count(index=self.alias)["count"]
        except EngineUnavailable as exc:
            return False, str(exc)
        return status in ("green", "yellow"), f"Elasticsearch ({status}): {count} trang trong chỉ mục {names[0]}"

    # -- searching --------------------------------------------------------------

    def _forget(self) -> None:
        """After a write: the archive's dates and term counts are asked again."""
        self._bounds = (0.0, None)
        self._frequencies.forget()

    def _date_bounds(self) -> tuple[dt.date, dt.date] | None:
        """Oldest and newest dates in the archive, for recency (cached briefly:
        recency only breaks ties, a minute's staleness cannot matter)."""
        fetched, bounds = self._bounds
        if time.monotonic() - fetched < BOUNDS_TTL:
            return bounds
        s = Search(using=self.client, index=self.alias).extra(size=0)
        s.aggs.metric("low", "min", field="date", format="strict_date")
        s.aggs.metric("high", "max", field="date", format="strict_date")
        aggs = s.execute().aggregations
        low, high = getattr(aggs.low, "value_as_string", None), getattr(aggs.high, "value_as_string", None)
        bounds = (_date(low), _date(high)) if low and high else None
        self._bounds = (time.monotonic(), bounds)
        return bounds

    def _number_fallback(self, key: str | None) -> list[int]:
        """For a full key no page prints as such ("3-tw" for "3-ct-tw"), the
        pages with its serial whose number it names (``EmbeddedEngine._number_ids``).
        A second round trip, only when the first found no page printing the key."""
        if not key or ":" in key:
            return []
        body = {
            "query": {"term": {"number_keys": ":" + key.split("-")[0]}},
            "sort": [{"page_id": "asc"}],
            "size": NUMBER_CANDIDATES,
            "_source": ["page_id", "number_key"],
        }
        rows = [h["_source"] for h in self.client.search(index=self.alias, **body)["hits"]["hits"]]
        return [int(r["page_id"]) for r in rows if doc_number_matches(key, r.get("number_key", ""))]

    def _hit(self, source: dict, qplan: QueryPlan, score: float, number_match: bool) -> Hit:
        original = source.get("original") or {}
        text = "\n".join(filter(None, (original.get("summary"), original.get("body")))) or original.get("subject", "")
        return Hit(
            page_id=int(source["page_id"]),
            url=source.get("url", ""),
            title=source.get("title", ""),
            content=source.get("content", ""),
            kind=source.get("kind") or "",
            number=source.get("number") or "",
            issuer=source.get("issuer") or "",
            date=_date(source.get("date")),
            # Our own highlighter over the text as written: diacritics and all.
            snippet=highlight(text, qplan.highlight, number_key=qplan.number_key, max_chars=240) if text else "",
            score=score,
            number_match=number_match,
        )

    def _ask(self, query: SearchQuery, qplan: QueryPlan, number_ids: list[int]) -> list[dict]:
        """One ``_msearch``: the page, the counts, and the named documents."""
        named = number_query(qplan.number_key, number_ids)
        bounds, common = None, frozenset()
        if is_scored(query, qplan):
            bounds = self._date_bounds()
            common = self._frequencies.common(self.client, self.alias, [unit for unit, _, _ in scoring_units(qplan)])
        header = {"index": self.alias}
        page = page_request(query, qplan, named, bounds, common)
        present = self._frequencies.present([token for _, token in qplan.required])
        searches = [header, page, header, counts_request(query, qplan, named, present)]
        if named is not None:
            searches += [header, number_request(query, named)]
        responses = self.client.msearch(searches=searches)["responses"]
        for r in responses:
            if "error" in r:
                reason = (r["error"].get("reason") if isinstance(r["error"], dict) else r["error"]) or ""
                raise EngineUnavailable(f"Elasticsearch từ chối yêu cầu ({r.get('status', '')}: {reason})")
        return responses, bounds

    def search(self, query: SearchQuery) -> SearchResults:
        started = time.perf_counter()
        qplan = plan(query.text)
        results = SearchResults(query=query, engine=self.name, alternatives=qplan.alternatives)
        with self._asking():
            fallback: list[int] = []
            responses, bounds = self._ask(query, qplan, fallback)
            if qplan.number_key and not responses[2]["hits"]["hits"]:
                fallback = self._number_fallback(qplan.number_key)
                if fallback:
                    responses, bounds = self._ask(query, qplan, fallback)
        page, counts = responses[0], responses[1]
        named = responses[2]["hits"]["hits"] if len(responses) > 2 else []
        numbered = set(fallback) | {int(h["_id"]) for h in named}
        scored = is_scored(query, qplan)
        found = page["hits"]["hits"]
        if scored:
            # Ties by page id, newest first, as the sort does without a rescore.
            found = sorted(found, key=lambda h: (-h["_score"], -int(h["_id"])))
        for h in found:
            source = h["_source"]
            score = 0.0
            if scored:
                # What the embedded engine reports: the match, without the date's tie-break.
                score = h["_score"] - recency(_date(source.get("date")), bounds)
            page_id = int(source["page_id"])
            results.hits.append(self._hit(source, qplan, score, page_id in numbered or _names(source, qplan.number_key)))
        results.number_hits = [self._hit(h["_source"], qplan, 0.0, True) for h in named]
        aggs = counts.get("aggregations", {})
        results.total = aggs["_total"]["doc_count"] if "_total" in aggs else counts["hits"]["total"]["value"]
        if query.with_facets:
            for name in FACETS:
                results.facets[name] = _facet_values(aggs[name], query.filters.get(name))
                if _terms(aggs[name]).get("sum_other_doc_count"):
                    results.cut_facets.append(name)
        words = aggs.get("_everywhere", {}).get("words", {}).get("buckets", {})
        if words:
            # Words not in the request were known to be present (``Frequencies.present``).
            results.unknown_terms = [w for w, t in qplan.required if t in words and not words[t]["doc_count"]]
        results.took_ms = (time.perf_counter() - started) * 1000
        return results

    def suggest(self, prefix: str, refused_restrictions=frozenset(), limit: int = 8) -> list[Suggestion]:
        """Titles and numbers starting with what the reader is typing: the
        embedded engine's rule (every finished syllable in the head, the last
        one as a prefix), numbers first, each group newest first."""
        tokens = [fold(t) for t in tokenize(prefix)]
        if not tokens or len(prefix.strip()) < 2:
            return []
        number_key = normalize_doc_number(prefix)
        complete, last = (tokens, None) if prefix[-1].isspace() else (tokens[:-1], tokens[-1])
        heads = [Q("term", head_folded=t) for t in complete]
        if last is not None:
            heads.append(Q("prefix", head_folded=last))
        visible = ~Q("terms", restrictions=sorted(refused_restrictions)) if refused_restrictions else Q("match_all")
        titles = self._suggest_search().filter(Q("bool", filter=heads) & visible)[:limit]
        with self._asking():
            numbered = self._numbers_suggested(number_key, refused_restrictions, limit) if number_key else []
            titled = [h["_source"] for h in titles.execute().to_dict()["hits"]["hits"]]
        # A number typed is a document asked for: its matches come before titles.
        chosen: dict[int, dict] = {}
        for src in numbered + titled:
            chosen.setdefault(int(src["page_id"]), src)
        return [Suggestion(src.get("url", ""), src.get("title", ""), src.get("number") or "") for src in list(chosen.values())[:limit]]

    def _suggest_search(self) -> Search:
        newest = [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": "desc"}]
        return Search(using=self.client, index=self.alias).source(SUGGESTED).sort(*newest)

    def _numbers_suggested(self, number_key: str, refused: frozenset[int], limit: int) -> list[dict]:
        """The documents whose number starts with ``number_key``, newest first
        (the completion field weighs them by date), minus those the reader may
        not see: asked for generously, since those are dropped afterwards."""
        s = Search(using=self.client, index=self.alias).source(SUGGESTED)
        s = s.suggest("number", number_key, completion={"field": "suggest", "size": limit * 4})
        found = s.extra(size=0).execute().to_dict().get("suggest", {}).get("number", [])
        sources = [o["_source"] for entry in found for o in entry["options"] if _allowed(o["_source"], refused)]
        return sorted(sources, key=lambda src: (src.get("date") or "", int(src["page_id"])), reverse=True)[:limit]
