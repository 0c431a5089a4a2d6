"""Fixtures for the search tests: which engine answers."""

import pytest


@pytest.fixture(params=["embedded"])
def engine_name(request):
    """Every engine behind the service; the relevance suite runs on each."""
    return request.param
