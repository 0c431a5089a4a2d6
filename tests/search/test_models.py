"""The index's change log keeps its newest rows by count, whatever gaps its ids have."""

import pytest

from search.models import IndexChange

pytestmark = pytest.mark.django_db


def test_pruning_counts_rows_not_ids():
    IndexChange.record(111, [1])
    # A jump in ids, as PostgreSQL leaves after rolled-back transactions.
    IndexChange.objects.create(id=IndexChange.objects.order_by("-id").first().id + 5000, version=222, pages="2")
    IndexChange.record(333, [3])
    since = IndexChange.pages_since(111, 333)
    assert since is not None and since[0] == {2, 3}  # not pruned: brought up to date from the rows


def test_only_the_newest_rows_are_kept():
    for version in range(1, IndexChange.KEPT + 11):
        IndexChange.record(version, [version])
    assert IndexChange.objects.count() == IndexChange.KEPT
    assert IndexChange.pages_since(1, IndexChange.KEPT + 10) is None  # pruned: the table is read whole
    # from a kept version: every page changed since, up to the newest version
    assert IndexChange.pages_since(20, 21) == (set(range(21, IndexChange.KEPT + 11)), IndexChange.KEPT + 10)
