"""Search quality on the demo content: MRR and recall@10 per engine.

    .venv/bin/python -m bench.search_quality [--engines embedded,wagtail,elasticsearch] [--verbose]

Loads the demo (the five seeds, cases and materials) into a scratch SQLite
database and runs every query of ``bench.judgments`` through each engine:
ours through the search service, and Wagtail's built-in database search
backend (``ContentPage.objects.live().search(q)``), the one the site would
use without this project's search. Elasticsearch joins when
ELASTICSEARCH_URL is set. A report, not a test.
"""

from __future__ import annotations

import argparse
import sys

from bench import django_env


def wagtail_titles(query: str) -> list[str]:
    from cms.content.models import ContentPage

    return [p.title for p in ContentPage.objects.live().search(query)[:10]]


def engine_titles(engine: str):
    from search import service
    from search.query import SearchQuery

    def run(query: str) -> list[str]:
        return [h.title for h in service.search(SearchQuery(text=query, per_page=10), engine).hits]

    return run


def rank(found: list[str], fragment: str) -> int | None:
    return next((i for i, title in enumerate(found, 1) if fragment in title), None)


def score(search, judgments: dict[str, list[str]]) -> dict:
    rr, recall, rows = [], [], []
    for query, relevant in judgments.items():
        found = search(query)
        ranks = [rank(found, fragment) for fragment in relevant]
        first = min((r for r in ranks if r), default=None)
        rr.append(1 / first if first else 0.0)
        recall.append(sum(1 for r in ranks if r and r <= 10) / len(relevant))
        rows.append((query, first, ranks))
    n = len(judgments)
    return {"mrr": sum(rr) / n, "recall": sum(recall) / n, "rows": rows}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=None, help="comma-separated: embedded, wagtail, elasticsearch")
    parser.add_argument("--verbose", action="store_true", help="rank of each relevant document per query")
    args = parser.parse_args(argv)

    database = django_env.setup("quality")
    from django.conf import settings
    from django.core.management import call_command

    from bench.judgments import judgments
    from search import indexing
    from search.engines.registry import get_engine

    engines = (args.engines or "embedded,wagtail" + (",elasticsearch" if settings.ELASTICSEARCH_URL else "")).split(",")
    call_command("load_demo", stdout=open("/dev/null", "w"))
    if "elasticsearch" in engines:
        indexing.rebuild(get_engine("elasticsearch"))
    runs = {name: (wagtail_titles if name == "wagtail" else engine_titles(name)) for name in engines}
    marks = judgments()
    print(f"Search quality on the demo content: {len(marks)} queries, database {database}")
    print(f"{'engine':<16} {'MRR':>6} {'recall@10':>10}")
    reports = {}
    for name, run in runs.items():
        reports[name] = score(run, marks)
        print(f"{name:<16} {reports[name]['mrr']:>6.3f} {reports[name]['recall']:>10.3f}")
    if args.verbose:
        for i, query in enumerate(marks):
            cells = "  ".join(f"{name}={reports[name]['rows'][i][2]}" for name in runs)
            print(f"{query!r:<40} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
