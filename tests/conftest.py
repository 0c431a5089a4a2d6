"""Shared fixtures: the demo content is loaded once per test session.

Tests run in transactions rolled back after each test, so they all see the
same demo. Browser tests need a live server (a transactional database that
is flushed afterwards), so they are moved to the end of the run.
"""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Uploaded files outlive rolled-back tests: each session has a folder of its own, removed at the end.
    session_dir = os.environ["TEST_SESSION_DIR"]
    shutil.rmtree(session_dir, ignore_errors=True)
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open("/dev/null", "w"))
    yield
    shutil.rmtree(session_dir, ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rolled-back rows must not live on in the cache (home/caching.py): ids repeat between tests.
    from django.core.cache import cache

    cache.clear()


def pytest_collection_modifyitems(config, items):
    # The three-node tests run in their own CI step on the cluster (scripts/test.sh --es-cluster):
    # elsewhere they are deselected, not skipped.
    if os.environ.get("ES_TEST_CLUSTER") != "1":
        cluster = [item for item in items if item.get_closest_marker("es_cluster")]
        if cluster:
            config.hook.pytest_deselected(items=cluster)
            items[:] = [item for item in items if not item.get_closest_marker("es_cluster")]
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture
def login(client):
    """Log the test client in as one of the demo users."""

    def _login(username):
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        return user

    return _login
