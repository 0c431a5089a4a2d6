"""Search quality: recall@10, MRR, R-precision, nDCG@10 and unwanted hits per engine.

    .venv/bin/python -m bench.search_quality [--engines embedded,wagtail,elasticsearch] [--verbose] [--database postgres://...]

Loads the demo (the five seeds, cases and materials), the real files of
``../shared/corpus`` and the synthetic pages of ``bench.judgments`` (one set
per failure shape, with traps) into a scratch SQLite database (or the PostgreSQL of ``--database``), and runs two
sets of judgments through each engine: the demo's (``judgments()``) and the
failure shapes' (``SHAPE_JUDGMENTS``). Ours run through the search service;
Wagtail's built-in database search backend (``ContentPage.objects.live().search(q)``)
is the one the site would use without this project's search. Elasticsearch
joins when ELASTICSEARCH_URL is set. A report, not a test.

- recall@10: relevant pages in the top 10 / min(10, relevant pages);
- MRR: 1 / rank of the first relevant page;
- R-precision: relevant pages among the first R, R = how many there are;
- nDCG@10: graded (fully relevant 2, partly relevant 1);
- unwanted: ``must_not`` pages in the top 10, summed over the queries.
"""

from __future__ import annotations

import argparse
import math
import re
import sys

from bench import django_env

K = 10


def wagtail_titles(query: str) -> list[str]:
    from cms.content.models import ContentPage

    return [p.title for p in ContentPage.objects.live().search(query)[:K]]


def engine_titles(engine: str):
    from search import service
    from search.query import SearchQuery

    def run(query: str) -> list[str]:
        return [h.title for h in service.search(SearchQuery(text=query, per_page=K), engine).hits]

    return run


def page_texts() -> dict[str, str]:
    """title -> what the index holds of each live page, normalised (lower case,
    one tone placement, single spaces): for the judgments' ``printed`` patterns."""
    from search import indexing
    from vietnamese.text import normalize

    return {doc.title: normalize(doc.all_text) for doc in indexing.documents(indexing.content_pages())}


def graded(judgment, texts: dict[str, str]) -> tuple[dict[str, int], tuple[str, ...]]:
    """Title fragment or full title -> grade (2 relevant, 1 partly), and the traps."""
    grades: dict[str, int] = {}
    for fragment in judgment.partly:
        grades[fragment] = 1
    for fragment in judgment.relevant:
        grades[fragment] = 2
    for pattern, grade in ((judgment.printed, 2), (judgment.spelled, 1)):
        if pattern:
            rx = re.compile(pattern, re.I)
            for title, text in texts.items():
                if rx.search(text) and not any(f in title for f in grades):
                    grades[title] = grade
    return grades, judgment.must_not


def score(search, judgments) -> dict:
    """``judgments``: (query, {fragment: grade}, traps) triples."""
    rr, recall, rprec, ndcg, unwanted, rows = [], [], [], [], 0, []
    for query, grades, traps in judgments:
        found = search(query)[:K]
        gain = [next((g for f, g in grades.items() if f in title), 0) for title in found]
        hits = {f for f in grades for title in found if f in title}
        first = next((i for i, g in enumerate(gain, 1) if g), None)
        rr.append(1 / first if first else 0.0)
        recall.append(len(hits) / min(K, len(grades)))
        r = len(grades)
        rprec.append(sum(1 for f in grades if any(f in title for title in found[:r])) / r)
        dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gain))
        ideal = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(sorted(grades.values(), reverse=True)[:K]))
        ndcg.append(dcg / ideal if ideal else 0.0)
        bad = [t for t in found if any(trap in t for trap in traps)]
        unwanted += len(bad)
        rows.append((query, first, [next((i for i, t in enumerate(found, 1) if f in t), None) for f in grades], bad))
    n = max(len(judgments), 1)
    return {
        "recall": sum(recall) / n,
        "mrr": sum(rr) / n,
        "rprec": sum(rprec) / n,
        "ndcg": sum(ndcg) / n,
        "unwanted": unwanted,
        "rows": rows,
    }


def report(title: str, runs: dict, judgments, verbose: bool) -> None:
    print(f"\n{title}: {len(judgments)} queries")
    print("| engine | recall@10 | MRR | R-precision | nDCG@10 | unwanted hits |")
    print("| --- | --- | --- | --- | --- | --- |")
    reports = {}
    for name, run in runs.items():
        r = reports[name] = score(run, judgments)
        print(f"| {name} | {r['recall']:.3f} | {r['mrr']:.3f} | {r['rprec']:.3f} | {r['ndcg']:.3f} | {r['unwanted']} |")
    if verbose:
        for i, (query, *_rest) in enumerate(judgments):
            cells = "  ".join(f"{name}={reports[name]['rows'][i][2]}{'!' + str(len(reports[name]['rows'][i][3])) if reports[name]['rows'][i][3] else ''}" for name in runs)
            print(f"  {query!r:<42} {cells}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=None, help="comma-separated: embedded, wagtail, elasticsearch")
    parser.add_argument("--verbose", action="store_true", help="rank of each relevant document per query")
    parser.add_argument("--reuse", action="store_true", help="keep the pages of an earlier run (only rebuild the indexes)")
    parser.add_argument("--database", help="a PostgreSQL URL to use instead of a scratch SQLite file (its tables are dropped)")
    args = parser.parse_args(argv)

    database = django_env.setup("quality", args.database, fresh=not args.reuse)
    from django.conf import settings
    from django.core.management import call_command

    from bench.judgments import SHAPE_JUDGMENTS, create_pages, judgments
    from search import indexing
    from search.engines.registry import get_engine

    engines = (args.engines or "embedded,wagtail" + (",elasticsearch" if settings.ELASTICSEARCH_URL else "")).split(",")
    if not args.reuse:
        call_command("load_demo", stdout=open("/dev/null", "w"))
        create_pages()
    indexing.rebuild(get_engine("embedded"))
    if "elasticsearch" in engines:
        indexing.rebuild(get_engine("elasticsearch"))
    runs = {name: (wagtail_titles if name == "wagtail" else engine_titles(name)) for name in engines}
    texts = page_texts()
    demo = [(q, {f: 2 for f in rel}, ()) for q, rel in judgments().items()]
    shapes = [(j.query, *graded(j, texts)) for j in SHAPE_JUDGMENTS]
    print(f"Search quality: {len(texts)} pages, database {database}")
    report("Demo judgments (bench.judgments.CASES)", runs, demo, args.verbose)
    report("Failure shapes (bench.judgments.SHAPE_JUDGMENTS: demo + ../shared/corpus + synthetic pages)", runs, shapes, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
