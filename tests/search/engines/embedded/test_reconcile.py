"""Reconciling the embedded index: the same upkeep as a cluster's, with an
outbox that stays empty (the database's own index misses no write)."""

import io

import pytest
from django.core.management import call_command

from cms.content.models import ContentPage
from search import indexing, outbox
from search.engines.registry import get_engine
from search.models import PendingIndexUpdate, SearchEntry

pytestmark = pytest.mark.django_db


def test_reconcile_repairs_the_index_and_has_nothing_to_replay():
    missing = ContentPage.objects.live().order_by("pk").first().pk
    SearchEntry.objects.filter(page_id=missing).delete()
    out = io.StringIO()
    call_command("rebuild_search_index", "--reconcile", "--engine", "embedded", stdout=out)
    assert out.getvalue().splitlines() == ["embedded: thêm 1 trang thiếu, cập nhật 0 trang cũ, xoá 0 mục thừa."]
    assert SearchEntry.objects.filter(page_id=missing).exists()
    assert not PendingIndexUpdate.objects.exists()


def test_replay_and_health_on_the_embedded_engine():
    engine = get_engine("embedded")
    assert outbox.replay(engine, indexing.current) == 0
    ok, message = outbox.health(engine, indexing.current)
    assert ok and message == engine.health()[1]
