"""One node of the three-node cluster stopped in the middle of searches and page updates.

Runs on the cluster only (ES_TEST_CLUSTER=1: ``scripts/test.sh --es-cluster``, a CI step).
Threads search through the real engine while pages are retitled through Wagtail (the
upkeep writes them to the engine), and the node holding the index's primary shard is
stopped meanwhile: the client sends what that node cannot answer to another one. No
search fails or comes back short, no update is missed (the outbox stays empty) or lost
(every page is found by its new title), the cluster is green again once the node is back,
and reconcile finds nothing to repair.
"""

import io
import itertools
import os
import threading
import time
import uuid

import pytest
from django.core.management import call_command

from cms.directives.models import OfficialDocumentPage
from search import indexing
from search.models import PendingIndexUpdate
from search.query import SearchQuery

from .node import CLUSTER, cluster_script, drop, engine_for, serving

pytestmark = [pytest.mark.django_db, pytest.mark.es_cluster]

QUERIES = ["hàng Việt", "hang gia", "03-CT/TW", "MTTQ", "Hà Nội", "chỉ thị", ""]
SEARCHERS = 2
BEFORE, AFTER = 4, 6  # page updates before the node is stopped, and once it is down


@pytest.fixture
def cluster_engine(request, settings):
    """An engine on the three nodes, with an index of its own, that the page signals write to."""
    assert CLUSTER, "runs on the three-node cluster only: scripts/test.sh --es-cluster (ES_TEST_CLUSTER=1)"
    url = request.getfixturevalue("elasticsearch_url")
    assert url.count(",") == 2, f"expected the three nodes' URLs, got {url}"
    engine = engine_for(url, f"cluster{os.getpid()}-{uuid.uuid4().hex[:8]}")
    indexing.rebuild(engine)
    health = engine.client.cluster.health(index=engine.alias, wait_for_status="green", timeout="60s")
    assert health["status"] == "green" and health["number_of_nodes"] == 3, health
    settings.SEARCH_ENGINE = "elasticsearch"
    with serving(engine):
        yield engine
    drop(engine)


def primary_node(engine) -> str:
    """Which node (1-3) holds the index's primary shard: the hardest one to lose."""
    (name,) = engine.client.indices.get_alias(name=engine.alias)
    (shard,) = [s for s in engine.client.cat.shards(index=name, format="json") if s["prirep"] == "p"]
    return shard["node"].rsplit("-", 1)[1]


class Searchers:
    """Threads searching through the engine until stopped, keeping every failure."""

    def __init__(self, engine, expected: dict[str, int]):
        self.engine, self.expected = engine, expected
        self.failures: list[str] = []
        self.done = 0
        self.lock = threading.Lock()
        self.halt = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(SEARCHERS)]

    def run(self, n):
        position = n
        while not self.halt.is_set():
            text = QUERIES[position % len(QUERIES)]
            position += 1
            try:
                total = self.engine.search(SearchQuery(text=text)).total
                problem = None if total == self.expected[text] else f"{text!r}: {total} hits, expected {self.expected[text]}"
            except Exception as exc:  # any failure at all is what the test looks for
                problem = f"{text!r}: {type(exc).__name__}: {exc}"
            with self.lock:
                self.done += 1
                if problem:
                    self.failures.append(problem)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.halt.set()
        for thread in self.threads:
            thread.join(60)


def test_a_node_stopped_under_load_loses_no_search_and_no_update(cluster_engine, indexed):
    engine = cluster_engine
    # Retitling adds a word: every query's match set, and so its total, stays the same.
    expected = {text: engine.search(SearchQuery(text=text)).total for text in QUERIES}
    assert expected["hàng Việt"] > 0 and expected[""] > 0
    pages = itertools.cycle(OfficialDocumentPage.objects.live().order_by("pk"))
    node = primary_node(engine)
    updated: dict[int, str] = {}  # page id -> the word its last title ends with
    words = itertools.count()

    def retitle(page, word):
        page.title = f"{page.title} {word}"
        page.save_revision().publish()

    def update():
        page, word = OfficialDocumentPage.objects.get(pk=next(pages).pk).specific, f"zebracum{next(words)}"
        indexed(retitle, page, word)
        updated[page.pk] = word

    stopping: list = []
    stopper = threading.Thread(target=lambda: stopping.append(cluster_script("stop", node)))
    try:
        with Searchers(engine, expected) as searchers:
            while searchers.done < 10:
                time.sleep(0.1)
            for _ in range(BEFORE):
                update()
            stopper.start()
            while stopper.is_alive():  # updates while the node shuts down
                update()
            assert stopping[0].returncode == 0, stopping[0].stderr
            searched_by_then = searchers.done
            assert engine.client.cluster.health()["number_of_nodes"] == 2
            for _ in range(AFTER):
                update()
            while searchers.done < searched_by_then + 10:
                time.sleep(0.1)
        assert searchers.failures == [], searchers.failures[:10]
        assert searchers.done > searched_by_then  # searches went on with the node down

        assert not PendingIndexUpdate.objects.filter(engine="elasticsearch").exists(), "an update missed the cluster"
        for page_id, word in updated.items():
            hits = engine.search(SearchQuery(text=word)).hits
            assert [(h.page_id, h.title.endswith(word)) for h in hits] == [(page_id, True)], word
    finally:
        if stopper.ident:
            stopper.join(120)
        started = cluster_script("start", node)  # waits for green with three nodes
    assert started.returncode == 0, started.stderr[-2000:]
    health = engine.client.cluster.health(index=engine.alias, wait_for_status="green", timeout="90s")
    assert health["status"] == "green" and health["number_of_nodes"] == 3, health

    out = io.StringIO()
    call_command("rebuild_search_index", "--reconcile", "--engine", "elasticsearch", stdout=out)
    assert "thêm 0 trang thiếu, cập nhật 0 trang cũ, xoá 0 mục thừa" in out.getvalue(), out.getvalue()
    assert "bị lỡ" not in out.getvalue(), out.getvalue()
    assert indexing.reconcile(engine) == {"missing": 0, "stale": 0, "orphaned": 0}
