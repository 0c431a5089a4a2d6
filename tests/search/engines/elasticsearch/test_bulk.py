"""Bulk writes against a node that refuses them for a moment (429).

The node answers 429 to every write into an index blocked read-only for
disk space (``index.blocks.read_only_allow_delete``, what a node sets at its
flood-stage watermark): put on one index here, so the shared test node's
other indexes never notice. A rebuild and a page save then wait the block
out; without retries the same rebuild fails, so the block does refuse.
"""

import os
import threading
import uuid

import pytest
from elasticsearch import Elasticsearch

from bench.corpus import generate
from search.documents import SearchDocument
from search.engines.base import EngineUnavailable
from search.engines.elasticsearch import bulk

from .node import drop, engine_for

pytestmark = pytest.mark.django_db

DOCS = 1200  # three bulk chunks, too few for the analysis processes
BLOCK = "index.blocks.read_only_allow_delete"


@pytest.fixture
def engine(elasticsearch_url):
    engine = engine_for(elasticsearch_url, f"test{os.getpid()}-{uuid.uuid4().hex[:8]}")
    yield engine
    drop(engine)


def _set_block(engine, index: str, on: bool) -> None:
    engine.client.options(ignore_status=404).indices.put_settings(index=index, settings={BLOCK: True if on else None})


class Refusal:
    """The index being built blocked from its first document until the node
    has refused a bulk request, then lifted ``after`` seconds later. The
    bulk responses are watched on their way back (the node is real)."""

    def __init__(self, engine, monkeypatch, after: float = 0.5):
        self.engine, self.after, self.refused, self.index = engine, after, 0, None
        send = Elasticsearch.bulk

        def watched(client, *args, **kwargs):
            response = send(client, *args, **kwargs)
            rejected = sum(1 for item in response["items"] if next(iter(item.values()))["status"] == 429)
            if rejected and not self.refused:
                threading.Timer(self.after, _set_block, (self.engine, self.index, False)).start()
            self.refused += rejected
            return response

        monkeypatch.setattr(Elasticsearch, "bulk", watched)

    def docs(self, docs):
        for i, doc in enumerate(docs):
            if i == 0:
                self.index = ",".join(self.engine.client.indices.get_alias(name=self.engine.building))
                _set_block(self.engine, self.index, True)
            yield doc


def test_a_rebuild_waits_out_a_node_refusing_writes(engine, monkeypatch):
    refusal = Refusal(engine, monkeypatch)
    assert engine.rebuild(refusal.docs(generate(DOCS))) == DOCS
    assert refusal.refused > 0
    assert engine.client.count(index=engine.alias)["count"] == DOCS


def test_without_retries_the_same_rebuild_fails(engine, monkeypatch):
    monkeypatch.setattr(bulk, "RETRIES", 0)
    refusal = Refusal(engine, monkeypatch)
    with pytest.raises(EngineUnavailable, match="từ chối"):
        engine.rebuild(refusal.docs(generate(DOCS)))
    assert refusal.refused > 0
    assert not engine.client.indices.exists_alias(name=engine.alias)


def test_a_page_save_waits_out_a_short_refusal(engine):
    engine.rebuild(generate(3))
    (live,) = engine.client.indices.get_alias(name=engine.alias)
    _set_block(engine, live, True)
    threading.Timer(0.3, _set_block, (engine, live, False)).start()
    result = engine.index([SearchDocument(900001, "/luu-khi-ban/", "Trang lưu khi cụm bận", "tai_lieu")])
    assert (result.written, result.refused, result.unreachable) == (1, [], False)
    assert engine.client.get(index=engine.alias, id="900001")["found"]
