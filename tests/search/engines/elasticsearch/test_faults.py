"""The Elasticsearch node killed (SIGKILL) in the middle of a rebuild: nothing lost.

A node of its own (scripts/elasticsearch.sh with ES_PORT/ES_TRANSPORT_PORT/ES_HOME_DIR,
never the shared test node, which other tests use at the same time): the rebuild
fails with EngineUnavailable, the alias still names the old, complete index; when
the node is back, search answers from it and the next rebuild swaps in a new one.
"""

import os
import signal
import time
import uuid
from pathlib import Path

import pytest

from search import indexing
from search.engines.base import EngineUnavailable

from .node import drop, engine_for, node_script, serving, url_or_skip

pytestmark = pytest.mark.django_db

FAULT_NODE = {
    "ES_PORT": os.environ.get("ES_FAULT_PORT", "29280"),
    "ES_TRANSPORT_PORT": os.environ.get("ES_FAULT_TRANSPORT_PORT", "29380"),
    "ES_HOME_DIR": os.environ.get("ES_FAULT_HOME_DIR", "/var/tmp/campaign-intranet-es-faults"),
    "ES_HEAP": os.environ.get("ES_FAULT_HEAP", "384m"),
}


def _env():
    return {**os.environ, **FAULT_NODE}


@pytest.fixture(scope="module")
def fault_node():
    url = url_or_skip(node_script("start", env=_env()), os.environ.get("REQUIRE_ELASTICSEARCH") == "1")
    yield url
    node_script("stop", env=_env())


def kill_node():
    """SIGKILL, as a crash or the OOM killer would: no clean shutdown."""
    pid = int((Path(FAULT_NODE["ES_HOME_DIR"]) / "run" / "elasticsearch.pid").read_text().strip())
    os.kill(pid, signal.SIGKILL)
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)


def restart_node(engine):
    started = node_script("start", env=_env())
    assert started.returncode == 0, started.stderr[-2000:]
    engine.client.options(request_timeout=90).cluster.health(index=engine.alias, wait_for_status="yellow", timeout="60s")
    engine._paused_until = 0.0


def aliased(engine):
    return sorted(i for i, info in engine.client.indices.get_alias(index=f"{engine.alias}-v*").items() if engine.alias in info["aliases"])


def test_node_killed_during_a_rebuild_keeps_the_old_index_whole(fault_node):
    engine = engine_for(fault_node, f"fault{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        count = indexing.rebuild(engine)
        assert count > 5
        before = aliased(engine)
        assert len(before) == 1

        def documents_then_kill():
            for position, document in enumerate(indexing.documents(indexing.content_pages())):
                if position == 3:
                    kill_node()
                yield document

        with pytest.raises(EngineUnavailable):
            engine.rebuild(documents_then_kill())

        restart_node(engine)
        assert aliased(engine) == before, "the alias must still name the complete old index"
        assert engine.client.count(index=engine.alias)["count"] == count
        assert engine.indexed().keys() == {d.page_id for d in indexing.documents(indexing.content_pages())}

        # Back in service: the next rebuild swaps in a new index, whole.
        assert indexing.rebuild(engine) == count
        after = aliased(engine)
        assert len(after) == 1 and after != before
        assert engine.client.count(index=engine.alias)["count"] == count
    finally:
        drop(engine)


def test_node_killed_during_an_import_loses_nothing_and_replays_on_return(fault_node, settings, django_capture_on_commit_callbacks):
    """An import saves drafts for review (never indexed); the node dies between its files, the
    import goes on; the pages published while it is down wait in the outbox and reach the
    index when it returns, under the same alias."""
    from django.core.management import call_command

    from cms.importer.service import CREATED, Source, import_all
    from search.models import PendingIndexUpdate
    from search.service import search
    from search.query import SearchQuery
    from tests.cms.importer.test_service import NEW_LETTER

    engine = engine_for(fault_node, f"fault{os.getpid()}-{uuid.uuid4().hex[:8]}")
    settings.SEARCH_ENGINE = "elasticsearch"
    try:
        indexing.rebuild(engine)
        before = aliased(engine)
        sources = [
            Source(f"cong-van-mat-dien-{n}.txt", NEW_LETTER.replace("99-CV/TU", f"9{n}-CV/TU").replace("Tết Nguyên đán.", f"Tết Nguyên đán, đợt {n}.").encode())
            for n in range(3)
        ]
        with serving(engine), django_capture_on_commit_callbacks(execute=True):
            outcomes = import_all(sources, progress=lambda done, total: done == 1 and kill_node())
        assert [o.status for o in outcomes] == [CREATED] * 3, [o.reason for o in outcomes]

        from cms.directives.models import OfficialDocumentPage

        pages = list(OfficialDocumentPage.objects.filter(title__contains="-CV/TU").filter(number__in=[f"9{n}-CV/TU" for n in range(3)]))
        assert len(pages) == 3
        with serving(engine), django_capture_on_commit_callbacks(execute=True):
            for page in pages:
                page.get_latest_revision().publish()
        assert set(PendingIndexUpdate.objects.filter(engine="elasticsearch").values_list("page_id", flat=True)) >= {p.pk for p in pages}

        restart_node(engine)
        assert aliased(engine) == before
        with serving(engine):
            call_command("rebuild_search_index", "--reconcile", "--engine", "elasticsearch", stdout=open(os.devnull, "w"))
            assert not PendingIndexUpdate.objects.filter(engine="elasticsearch").exists()
            assert {p.pk for p in pages} <= set(engine.indexed())
            results = search(SearchQuery(text="9" + "1-CV/TU"), "elasticsearch")
            assert results.engine == "elasticsearch" and pages[1].pk in [h.page_id for h in results.hits]
    finally:
        drop(engine)
