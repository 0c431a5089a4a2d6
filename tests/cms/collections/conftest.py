"""Fixtures for the collection tests: the engines behind the search service, and collections."""

import pytest

from home.models import HomePage
from tests.search.conftest import engine_name, indexed  # noqa: F401
from tests.search.engines.elasticsearch.node import elasticsearch_url, es_archive, es_engine, es_fresh  # noqa: F401


@pytest.fixture
def engine(engine_name, settings):
    """The engine the site's pages use (the collection page and /tim-kiem/ alike)."""
    settings.SEARCH_ENGINE = engine_name
    return engine_name


@pytest.fixture
def make_collection():
    """A published collection under the home page holding ``fields`` as its saved query."""
    from cms.collections.models import CollectionPage

    def make(slug="bo-suu-tap-thu", **fields):
        home = HomePage.objects.get()
        page = CollectionPage(title=fields.pop("title", "Bộ sưu tập thử"), slug=slug, **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make
