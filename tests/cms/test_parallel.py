"""``cms.parallel``: a large load analysed in forked processes, in order, the same as here."""

import os

import pytest

from bench.corpus import generate
from cms import parallel
from search.engines.elasticsearch.documents import analysed


def pids_and_items(chunk):
    return os.getpid(), list(chunk)


def test_a_small_load_is_mapped_here_in_order():
    with parallel.chunks_mapped(pids_and_items, range(10), 3) as results:
        results = list(results)
    assert [items for _, items in results] == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert {pid for pid, _ in results} == {os.getpid()}


def test_a_large_load_is_mapped_by_other_processes_in_order(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 8)
    with parallel.chunks_mapped(pids_and_items, range(100), 7) as results:
        results = list(results)
    assert [i for _, items in results for i in items] == list(range(100))
    assert os.getpid() not in {pid for pid, _ in results}


@pytest.mark.django_db
def test_elasticsearch_sources_are_the_same_analysed_in_processes(monkeypatch):
    docs = list(generate(30))
    with analysed(docs) as here:
        here = list(here)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 8)
    with analysed(docs) as forked:
        assert list(forked) == here
