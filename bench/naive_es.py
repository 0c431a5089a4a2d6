"""The naive Elasticsearch reference for ``bench.search_speed``.

What a team would write in an afternoon, and the speed our engine is held to
(issue 15): the same corpus in an index of its own with the ``standard``
analyzer (no Vietnamese analysis, no diacritic folding), searched with a
``multi_match`` on title and body, the eight facets as terms aggregations of
size 10 with the query's filters, and Elasticsearch's own highlighter. Its
answers are worse (nothing folded, no numbers, no phrases); only its time is
the yardstick.
"""

from __future__ import annotations

import time

from elasticsearch.helpers import streaming_bulk

from search.engines.base import FACETS
from search.engines.elasticsearch.documents import facet_values

KEYWORDS = ("content", "kind", "issuer", "level", "validity", "year", "theme", "region")
MAPPING = {
    "dynamic": "strict",
    "properties": {
        "title": {"type": "text", "analyzer": "standard"},
        "body": {"type": "text", "analyzer": "standard"},
        "date": {"type": "date", "format": "strict_date"},
        **{name: {"type": "keyword"} for name in KEYWORDS},
    },
}


def naive_source(doc) -> dict:
    return {
        "title": doc.title,
        "body": "\n".join(filter(None, (doc.subject, doc.summary, doc.body))),
        "date": doc.date.isoformat() if doc.date else None,
        **facet_values(doc),  # the engine's own facet values
    }


def index_count(client, index: str) -> int | None:
    """Documents in ``index`` (an index or an alias), None when there is none."""
    return client.options(ignore_status=404).count(index=index).get("count")


class NaiveRunner:
    """Builds and queries the naive index on the engine's own cluster."""

    name = "naive"

    def __init__(self, client, index: str):
        self.client = client.options(request_timeout=120)
        self.index = index

    def build(self, n: int) -> float:
        from bench.corpus import generate

        self.client.options(ignore_status=404).indices.delete(index=self.index)
        started = time.perf_counter()
        settings = {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "-1"}
        self.client.indices.create(index=self.index, settings=settings, mappings=MAPPING)
        actions = ({"_index": self.index, "_id": d.page_id, "_source": naive_source(d)} for d in generate(n))
        for _ in streaming_bulk(self.client, actions, chunk_size=500):
            pass
        self.client.indices.put_settings(index=self.index, settings={"refresh_interval": "1s"})
        self.client.indices.refresh(index=self.index)
        # One segment, as the engine's rebuild leaves its index: both rates
        # count the same steps (create, load, refresh, force-merge).
        self.client.indices.forcemerge(index=self.index, max_num_segments=1)
        return n / (time.perf_counter() - started)

    def body(self, q: dict) -> dict:
        filters = [{"term": {k: str(v)}} for k, v in q.items() if k != "text" and v]
        must = [{"multi_match": {"query": q["text"], "fields": ["title", "body"]}}] if q["text"] else []
        body = {
            "query": {"bool": {"must": must, "filter": filters}},
            "size": 10,
            "_source": ["title", "date", "content", "kind", "issuer"],
            "aggs": {name: {"terms": {"field": name, "size": 10}} for name in FACETS},
        }
        if q["text"]:
            body["highlight"] = {"fields": {"body": {}}}
        return body

    def run(self, q: dict) -> float:
        started = time.perf_counter()
        self.client.search(index=self.index, **self.body(q))
        return time.perf_counter() - started

    def count(self) -> int | None:
        """Documents in the naive index, None when there is none."""
        return index_count(self.client, self.index)

    def drop(self) -> None:
        self.client.options(ignore_status=404).indices.delete(index=self.index)
