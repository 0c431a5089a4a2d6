"""The search-speed report names what the issue's targets are about: the
build rate and the first search after a process start and after a change."""

import argparse

from bench.search_speed import print_report


def test_the_report_prints_build_rate_and_first_searches(capsys):
    args = argparse.Namespace(engines=["embedded"], wagtail_limit=5.0)
    report = {
        "embedded": [0.010, 0.020, 0.030],
        "quality": {"embedded": (1.0, 1.0)},
        "known_items": [("x", {1})],
        "build": {"embedded": 412.4},
        "first_after_start": 1.234,
        "first_after_change": 0.0567,
    }
    print_report(10_000, report, args)
    out = capsys.readouterr().out
    assert "embedded: index build 412 docs/s" in out
    assert "embedded: first search after a process start 1234 ms" in out
    assert "embedded: first search after an index change 57 ms" in out
