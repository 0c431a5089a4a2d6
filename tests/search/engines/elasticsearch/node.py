"""A real Elasticsearch node for the tests, started by scripts/elasticsearch.sh.

Without java or mvn the script exits 3 and the Elasticsearch tests skip with
the script's reason, unless REQUIRE_ELASTICSEARCH=1 (CI), where that fails.
Each test run uses its own index prefix, so runs sharing the node don't meet;
tests that change pages get a throwaway index of their own.

With ES_TEST_CLUSTER=1 (``scripts/test.sh --es-cluster``) the same tests run on
the three-node cluster (``elasticsearch.sh cluster``): the engine gets the
three nodes' URLs, and stopping or starting "the node" stops or starts the
cluster. The tests marked ``es_cluster`` run only then.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from search import indexing
from search.engines import registry
from search.engines.elasticsearch.engine import ElasticsearchEngine

SCRIPT = Path(__file__).resolve().parents[4] / "scripts" / "elasticsearch.sh"
MISSING = 3  # the script's exit code for a missing prerequisite
TIMEOUT = 15.0  # seconds: generous, the test machines are busy; the timeout test sets its own


CLUSTER = os.environ.get("ES_TEST_CLUSTER") == "1"


def node_script(command: str, env: dict | None = None, timeout: float = 900) -> subprocess.CompletedProcess:
    """``elasticsearch.sh <command>`` for the tests' node (the cluster, with
    ES_TEST_CLUSTER=1), or for the node of ``env`` (its own ports and home)."""
    if CLUSTER and env is None:
        return cluster_script(command, timeout=timeout)
    return _run([command], env, timeout)


def cluster_script(*args: str, env: dict | None = None, timeout: float = 900) -> subprocess.CompletedProcess:
    """``elasticsearch.sh cluster <args>``, e.g. ("stop", "2") for one node."""
    return _run(["cluster", *args], env, timeout)


def _run(args: list[str], env: dict | None, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=timeout, env=env)


def url_or_skip(done: subprocess.CompletedProcess, required: bool) -> str:
    """The node's URL from ``elasticsearch.sh start``, or a skip (prerequisite
    missing) or a failure (anything else, or anything at all when required)."""
    detail = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
    if done.returncode == MISSING:
        reason = f"Elasticsearch tests need java and mvn to run a real node: {detail}"
        if required:
            pytest.fail(f"{reason} (REQUIRE_ELASTICSEARCH=1)")
        pytest.skip(reason)
    if done.returncode != 0:
        pytest.fail(f"scripts/elasticsearch.sh start failed (exit {done.returncode}): {done.stderr[-2000:]}")
    return done.stdout.strip().splitlines()[-1]


def engine_for(url: str, prefix: str) -> ElasticsearchEngine:
    return ElasticsearchEngine(url, index_prefix=prefix, timeout=TIMEOUT)


def drop(engine: ElasticsearchEngine) -> None:
    """Delete the engine's indices (by name: Elasticsearch refuses wildcard deletes)."""
    names = list(engine.client.indices.get_alias(index=f"{engine.alias}-v*"))
    if names:
        engine.client.options(ignore_status=404).indices.delete(index=",".join(names))


@pytest.fixture(scope="session")
def elasticsearch_url():
    required = os.environ.get("REQUIRE_ELASTICSEARCH") == "1"
    return url_or_skip(node_script("start"), required)


@pytest.fixture(scope="session")
def es_archive(elasticsearch_url, django_db_setup, django_db_blocker):
    """An engine over the demo content, shared by the tests that only read."""
    engine = engine_for(elasticsearch_url, f"test{os.getpid()}")
    with django_db_blocker.unblock():
        # The demo pages (loaded by django_db_setup): an empty index would pass too much.
        assert indexing.rebuild(engine) > 0, "the demo content was not indexed"
    yield engine
    drop(engine)


@contextmanager
def serving(engine: ElasticsearchEngine) -> Iterator[ElasticsearchEngine]:
    """``engine`` answers for "elasticsearch" in the service, then the one before it again."""
    previous = registry._instances.get("elasticsearch")
    registry._instances["elasticsearch"] = engine
    try:
        yield engine
    finally:
        registry._instances.pop("elasticsearch", None)
        if previous is not None:
            registry._instances["elasticsearch"] = previous


@pytest.fixture
def es_engine(es_archive):
    """The shared engine, answering for "elasticsearch" in the service."""
    with serving(es_archive):
        yield es_archive


@pytest.fixture
def es_fresh(elasticsearch_url, db, settings):
    """An engine with an index of its own, built from the demo content, that
    the service searches and the page signals write to."""
    engine = engine_for(elasticsearch_url, f"test{os.getpid()}-{uuid.uuid4().hex[:8]}")
    indexing.rebuild(engine)
    settings.SEARCH_ENGINE = "elasticsearch"
    with serving(engine):
        yield engine
    drop(engine)
