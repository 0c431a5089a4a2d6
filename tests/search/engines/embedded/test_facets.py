"""The in-memory facet table: masks, counts, ordering."""

import datetime as dt

import numpy as np
import pytest

from search.engines.base import FACETS
from search.engines.embedded.facets import FacetTable, Row, top_scored


def row(pid, content="van_ban", kind="chi_thi", date=dt.date(2024, 1, 1), themes=(), regions=("viet-nam",), restrictions=()):
    return Row(pid, content, kind, "", "tinh", "con_hieu_luc", date, list(themes), list(regions), list(restrictions))


TABLE = FacetTable(
    [
        row(3, themes=["ocop"], regions=["viet-nam", "ha-noi"]),
        row(5, kind="cong_van", date=dt.date(2022, 5, 1), themes=["ocop", "tet"], regions=["viet-nam", "ha-tinh", "ha-tinh-duc-tho"]),
        row(8, content="guong", kind="", date=None, restrictions=[7]),
    ]
)


def test_present_pages_only():
    assert TABLE.count == 3
    assert np.flatnonzero(TABLE.present).tolist() == [3, 5, 8]


def test_single_and_multi_valued_filters():
    assert np.flatnonzero(TABLE.filter_mask("kind", "cong_van")).tolist() == [5]
    assert np.flatnonzero(TABLE.filter_mask("theme", "ocop")).tolist() == [3, 5]
    # A province includes its districts' pages (their region lists hold it).
    assert np.flatnonzero(TABLE.filter_mask("region", "ha-tinh")).tolist() == [5]
    assert not TABLE.filter_mask("theme", "unknown").any()


def test_counts_leave_out_pages_without_a_value():
    mask = TABLE.present
    assert TABLE.counts("kind", mask) == {"chi_thi": 1, "cong_van": 1}
    assert TABLE.counts("theme", mask) == {"ocop": 2, "tet": 1}
    assert TABLE.counts("year", mask) == {"2024": 1, "2022": 1}


def test_restricted_pages_are_refused():
    assert np.flatnonzero(TABLE.allowed([7])).tolist() == [3, 5]
    assert np.flatnonzero(TABLE.allowed([])).tolist() == [3, 5, 8]


def test_date_range():
    assert np.flatnonzero(TABLE.date_mask(dt.date(2023, 1, 1), None)).tolist() == [3]
    assert np.flatnonzero(TABLE.date_mask(None, dt.date(2023, 1, 1))).tolist() == [5]


def test_newest_first_and_ids_outside_the_table():
    ids = np.array([3, 5, 8])
    assert TABLE.newest_first(ids, 10).tolist() == [3, 5, 8]
    assert TABLE.newest_first(ids, 1).tolist() == [3]
    assert TABLE.mask_of(np.array([5, 999])).nonzero()[0].tolist() == [5]


def test_top_scored_breaks_ties_by_page_id():
    ids = np.array([1, 2, 3, 4])
    assert top_scored(ids, np.array([1.0, 3.0, 3.0, 0.5]), 3).tolist() == [3, 2, 1]


def test_ranked_puts_most_pages_first_then_values_in_order():
    table = FacetTable([row(1, themes=["tet", "ocop"]), row(2, themes=["tet", "an-toan"]), row(3, themes=["xanh"])])
    assert table.ranked("theme", table.present) == [("tet", 2), ("an-toan", 1), ("ocop", 1), ("xanh", 1)]
    only_first = table.mask_of(np.array([1]))
    assert table.ranked("theme", only_first) == [("ocop", 1), ("tet", 1)]


def _random_row(rng, pid):
    return row(
        pid,
        content=rng.choice(["van_ban", "guong", "tai_lieu"]),
        kind=rng.choice(["chi_thi", "cong_van", ""]),
        date=rng.choice([None, dt.date(2020 + rng.randrange(6), 1 + rng.randrange(12), 1)]),
        themes=rng.sample(["ocop", "tet", "xanh", "an-toan"], rng.randrange(3)),
        regions=rng.sample(["viet-nam", "ha-noi", "ha-tinh", "hue"], rng.randrange(1, 4)),
        restrictions=rng.sample([1, 2, 3], rng.randrange(2)),
    )


def _tokens_of(rng):
    return set(rng.sample(["hang", "viet", "_h_hang", "tinh", "ocop"], rng.randrange(5)))


@pytest.mark.parametrize("seed", range(12))
def test_an_updated_table_is_the_table_built_afresh(seed):
    """Pages added, changed and removed, some beyond the old size: the
    updated table answers as one built from the final rows."""
    import random

    rng = random.Random(seed)
    rows = {pid: _random_row(rng, pid) for pid in rng.sample(range(1, 60), 30)}
    tokens = {pid: _tokens_of(rng) for pid in rows}
    old = FacetTable(rows.values())
    for token in ("hang", "viet", "_h_hang"):
        old.token_masks[token] = old.mask_of(np.array(sorted(p for p in rows if token in tokens[p]), dtype=np.int64))

    changed = set(rng.sample(sorted(rows), 8)) | set(rng.sample(range(60, 90), 4))
    for pid in changed:
        if rng.random() < 0.3:
            rows.pop(pid, None)
            tokens.pop(pid, None)
        else:
            rows[pid], tokens[pid] = _random_row(rng, pid), _tokens_of(rng)
    new = old.updated([rows[p] for p in changed if p in rows], changed, tokens)
    fresh = FacetTable(rows.values())

    def cut(values):
        return values[: fresh.size].tolist() + [0] * (fresh.size - min(values.size, fresh.size))

    assert new.count == fresh.count and cut(new.present) == cut(fresh.present) and cut(new.date) == cut(fresh.date)
    assert not new.present[fresh.size :].any()
    for name in FACETS:
        assert new.ranked(name, new.present) == fresh.ranked(name, fresh.present)
        for value in fresh.codes[name].values[1:]:
            assert cut(new.filter_mask(name, value)) == cut(fresh.filter_mask(name, value))
    for refused in ([1], [2, 3], []):
        assert cut(new.allowed(refused)) == cut(fresh.allowed(refused))
    for token, mask in new.token_masks.items():
        holders = sorted(p for p in rows if token in tokens[p])
        assert np.flatnonzero(mask).tolist() == holders and new.doc_freqs[token] == len(holders)
    assert old.count == 30  # the old table is left as it was
