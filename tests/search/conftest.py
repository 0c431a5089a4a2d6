"""Fixtures for the search tests: which engine answers, and changes indexed as on the site."""

import pytest

from tests.search.engines.elasticsearch.node import elasticsearch_url, es_archive, es_engine, es_fresh  # noqa: F401


@pytest.fixture(params=["embedded", "elasticsearch"])
def engine_name(request):
    """Every engine behind the service; the relevance suite runs on each
    (Elasticsearch on a real node, see ``engines/elasticsearch/node.py``)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("es_engine")
    return request.param


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Run a change and the index upkeep it schedules on commit."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run
