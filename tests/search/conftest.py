"""Fixtures for the search tests: which engine answers."""

import pytest

from tests.search.elasticsearch_node import elasticsearch_url, es_archive, es_engine, es_fresh  # noqa: F401


@pytest.fixture(params=["embedded", "elasticsearch"])
def engine_name(request):
    """Every engine behind the service; the relevance suite runs on each
    (Elasticsearch on a real node, see ``elasticsearch_node``)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("es_engine")
    return request.param
