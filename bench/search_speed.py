"""Search speed on a synthetic archive: ours against Wagtail's built-in search.

    .venv/bin/python -m bench.search_speed [--docs 10000,100000] [--rounds 3]
        [--engines embedded,wagtail[,elasticsearch]] [--wagtail-limit 5]
        [--database postgres://...] [--reuse]

For each size, a scratch database gets the corpus of ``bench.corpus`` built
straight into the indexes (creating 100,000 pages through the page tree
takes most of an hour and is not what is measured). Then the fixed query
mix of ``bench.corpus.queries()`` runs ``--rounds`` times after one warm-up
round, each query with its facets:

- embedded: our search service's engine, all eight facets counted;
- wagtail: Wagtail's database search backend (modelsearch) over the same
  texts (title, summary, body), top 10 plus two facets (content, kind);
  each query is cut off after ``--wagtail-limit`` seconds and then counts
  as that limit, so its figures are lower bounds ("≥");
- elasticsearch: the cluster at ELASTICSEARCH_URL (see bench/README.md),
  interleaved query by query with the naive reference query on the same
  node (``bench.naive_es``), whose bulk build is timed too.

Prints index build throughput, p50/p95 latency, the ratios, the first
search after a process start (in a child process) and after an index
change (a page published), and for our engines MRR and recall@10 over
known-item queries (a document's title, with and without diacritics, and
its number). A report, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from bench import django_env

BATCH = 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# -- Wagtail's backend ------------------------------------------------------------


def wagtail_model():
    """SearchEntry as Wagtail would index it: a proxy registered with its
    search, built here only (the site never indexes entries twice)."""
    from modelsearch import index

    from search.models import SearchEntry

    class WagtailBaselineEntry(index.Indexed, SearchEntry):
        search_fields = [
            index.SearchField("title", boost=2),
            index.SearchField("summary"),
            index.SearchField("body"),
            index.FilterField("content"),
            index.FilterField("kind"),
            index.FilterField("date"),
            index.FilterField("page_id"),
        ]

        class Meta:
            proxy = True
            app_label = "archive_search"

    return WagtailBaselineEntry


class WagtailRunner:
    def __init__(self, limit: float):
        from wagtail.search.backends import get_search_backend

        self.model = wagtail_model()
        self.backend = get_search_backend()
        self.limit = limit
        self.timeouts = 0

    def build(self) -> float:
        started = time.perf_counter()
        ids = list(self.model.objects.values_list("page_id", flat=True))
        for i in range(0, len(ids), BATCH):
            self.backend.add_bulk(self.model, list(self.model.objects.filter(page_id__in=ids[i : i + BATCH])))
        return len(ids) / (time.perf_counter() - started)

    def _queryset(self, q: dict):
        from search.models import SearchEntry

        qs = self.model.objects.all()
        for name in ("content", "kind"):
            if q.get(name):
                qs = qs.filter(**{name: q[name]})
        if q.get("year"):
            qs = qs.filter(date__gte=f"{q['year']}-01-01", date__lte=f"{q['year']}-12-31")
        for name, column in (("theme", "themes"), ("region", "regions")):
            if q.get(name):
                subset = SearchEntry.objects.filter(**{f"{column}__regex": rf"(^| ){q[name]}( |$)"})
                qs = qs.filter(page_id__in=subset.values("page_id"))
        return qs

    def run(self, q: dict) -> float:
        from django.db import OperationalError, connection, transaction

        started = time.perf_counter()
        deadline = started + self.limit
        try:
            with _time_limit(connection, deadline, self.limit):
                results = self.backend.search(q["text"], self._queryset(q)) if q["text"] else self._queryset(q)
                list(results[:10])
                if q["text"]:
                    results.facet("content")
                    results.facet("kind")
        except OperationalError:
            self.timeouts += 1
            if connection.vendor == "postgresql" and connection.in_atomic_block:
                transaction.set_rollback(True)
            return self.limit
        return min(time.perf_counter() - started, self.limit)


class _time_limit:
    """Stop a query at the deadline: SQLite's progress handler, PostgreSQL's statement_timeout."""

    def __init__(self, connection, deadline: float, seconds: float):
        self.connection, self.deadline, self.seconds = connection, deadline, seconds

    def __enter__(self):
        self.connection.ensure_connection()
        if self.connection.vendor == "sqlite":
            self.connection.connection.set_progress_handler(lambda: int(time.perf_counter() > self.deadline), 10_000)
        else:
            with self.connection.cursor() as cur:
                cur.execute(f"SET statement_timeout = {int(self.seconds * 1000)}")

    def __exit__(self, *exc):
        if self.connection.vendor == "sqlite":
            self.connection.connection.set_progress_handler(None, 0)
        else:
            with self.connection.cursor() as cur:
                cur.execute("SET statement_timeout = 0")


# -- our engines --------------------------------------------------------------------


class EngineRunner:
    def __init__(self, name: str):
        from search.engines.registry import get_engine

        self.engine = get_engine(name)
        self.name = name

    def build(self, n: int) -> float:
        from bench.corpus import generate

        started = time.perf_counter()
        self.engine.rebuild(generate(n))
        return n / (time.perf_counter() - started)

    def run(self, q: dict) -> float:
        from search.query import SearchQuery

        filters = {k: str(v) for k, v in q.items() if k != "text" and v}
        started = time.perf_counter()
        self.engine.search(SearchQuery(text=q["text"], filters=filters, per_page=10))
        return time.perf_counter() - started


def known_items(n: int, count: int = 40) -> list[tuple[str, set[int]]]:
    """Known-item queries over the corpus: a document's title as written and
    typed without diacritics, and its number; relevant are the pages with
    that same title (or number), read from the corpus itself. Not from an
    engine's index: an Elasticsearch-only run has no embedded index table,
    and falling back to the page alone counted its namesakes (a number or a
    title shared by up to dozens of pages) as misses (MRR 0.841 at 100,000
    for a ranking that was right)."""
    from bench.corpus import generate
    from vietnamese.text import fold

    picked = range(1 + n // (2 * count), n + 1, max(n // count, 1))
    titles: dict[str, set[int]] = {}
    numbers: dict[str, set[int]] = {}
    known = []
    for doc in generate(n):
        titles.setdefault(doc.title, set()).add(doc.page_id)
        if doc.number:
            numbers.setdefault(doc.number, set()).add(doc.page_id)
        if doc.page_id in picked:
            known.append((doc.title, doc.number))
    items = []
    for title, number in known:
        items += [(title, titles[title]), (fold(title), titles[title])]
        if number:
            items.append((number, numbers[number]))
    return items


def quality(engine, items: list[tuple[str, set[int]]], verbose: bool = False) -> tuple[float, float]:
    """MRR and recall@10 (of at most 10 relevant pages) over known items;
    ``verbose`` prints the queries below 1 on either."""
    from search.query import SearchQuery

    rr, recall = [], []
    for text, relevant in items:
        found = [h.page_id for h in engine.search(SearchQuery(text=text, per_page=10)).hits]
        first = next((i for i, pid in enumerate(found, 1) if pid in relevant), None)
        rr.append(1 / first if first else 0.0)
        recall.append(len(relevant.intersection(found)) / min(len(relevant), 10))
        if verbose and (first != 1 or recall[-1] < 1):
            print(f"  known item {text!r}: first relevant at {first}, recall@10 {recall[-1]:.2f}, {len(relevant)} relevant, top 10 {found}")
    return statistics.mean(rr), statistics.mean(recall)


def measure(runner, queries: list[dict], rounds: int) -> list[float]:
    for q in queries:  # warm-up: caches, the facet table, connections
        runner.run(q)
    return [runner.run(q) for _ in range(rounds) for q in queries]


def measure_interleaved(runners: list, queries: list[dict], rounds: int) -> list[list[float]]:
    """Each query through every runner in turn, so load on the machine falls
    on all of them alike and their ratios hold."""
    for q in queries:
        for runner in runners:
            runner.run(q)
    times: list[list[float]] = [[] for _ in runners]
    for _ in range(rounds):
        for q in queries:
            for i, runner in enumerate(runners):
                times[i].append(runner.run(q))
    return times


def holds(runner, name: str, n: int) -> bool:
    """Whether an earlier run's index of this engine holds the n documents
    (``--reuse``: a 100,000-document Elasticsearch rebuild takes minutes)."""
    if name == "embedded":
        from search.models import SearchEntry

        return SearchEntry.objects.count() == n
    if name == "elasticsearch":
        from bench.naive_es import index_count

        return index_count(runner.engine.client, runner.engine.alias) == n
    return False


def naive_runner(engine):
    from bench.naive_es import NaiveRunner

    return NaiveRunner(engine.client, f"{engine.alias}-naive")


def first_after_change(runner, mix: list[dict]) -> float:
    """The first search after a page is (re)published: the facet table and
    the frequent tokens' masks are brought up to date first, which the
    timed rounds (after a warm-up) never show."""
    from bench.corpus import generate

    runner.engine.index(generate(1))  # page 1 again, as it was: the index version moves
    return runner.run(mix[0])


def first_after_start(n: int, args) -> float:
    """The first search of a new process on this index: the facet table is
    read and the frequent tokens' pages fetched before it can answer. Run
    in a child process (Django set up and migrated before the clock starts)."""
    import subprocess

    command = [sys.executable, "-m", "bench.search_speed", "--docs", str(n), "--first-search"]
    if args.database:
        command += ["--database", args.database]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return float(out.split()[-1])


def time_first_search(n: int, args) -> None:
    django_env.setup(f"speed-{n}", args.database, fresh=False)
    import cms.wsgi  # noqa: F401
    from bench.corpus import queries

    print(EngineRunner("embedded").run(queries()[0]))


def bench_size(n: int, args) -> dict:
    database = django_env.setup(f"speed-{n}", args.database, fresh=not args.reuse)
    import cms.wsgi  # noqa: F401  the server's process set-up, garbage collection included
    from bench.corpus import queries

    print(f"\n== {n:,} documents · {database}")
    report = {"quality": {}}
    mix = queries()
    items = None
    for name in args.engines:
        if name == "wagtail":
            continue
        runner = EngineRunner(name)
        if args.reuse and holds(runner, name, n):
            print(f"{name}: reusing the index")
        else:
            rate = runner.build(n)
            report.setdefault("build", {})[name] = rate
            print(f"{name}: index built at {rate:,.0f} docs/s")
        started = time.perf_counter()
        runner.engine.facets.get() if name == "embedded" else None
        if name == "embedded":
            print(f"{name}: facet table loaded in {time.perf_counter() - started:.2f} s")
        if name == "elasticsearch":
            # The naive reference query (bench.naive_es) on the same node, interleaved.
            naive = naive_runner(runner.engine)
            if args.reuse and naive.count() == n:
                print("naive: reusing the index")
            else:
                report.setdefault("build", {})["naive"] = naive.build(n)
                print(f"naive: index built at {report['build']['naive']:,.0f} docs/s")
            report[name], report["naive"] = measure_interleaved([runner, naive], mix, args.rounds)
            if not args.reuse:
                naive.drop()
        else:
            report[name] = measure(runner, mix, args.rounds)
        items = items or known_items(n)
        report["known_items"] = items
        report["quality"][name] = quality(runner.engine, items, args.verbose)
        if name == "embedded":
            report["first_after_change"] = first_after_change(runner, mix)
            report["first_after_start"] = first_after_start(n, args)
    if "wagtail" in args.engines:
        runner = WagtailRunner(args.wagtail_limit)
        rate = runner.build()
        print(f"wagtail: index built at {rate:,.0f} docs/s (entries already in the table)")
        report["wagtail"] = measure(runner, mix, args.wagtail_rounds)
        report["wagtail_timeouts"] = runner.timeouts
    return report


def print_report(n: int, report: dict, args) -> None:
    print(f"\n{'engine':<14} {'p50 ms':>9} {'p95 ms':>9} {'mean ms':>9}   queries: {len(report.get('embedded', []))} timed")
    for name in [*args.engines, "naive"]:
        times = report.get(name)
        if not times:
            continue
        ge = "≥" if name == "wagtail" and report.get("wagtail_timeouts") else " "
        print(
            f"{name:<14} {ge}{percentile(times, .5) * 1000:>8.1f} {ge}{percentile(times, .95) * 1000:>8.1f} "
            f"{ge}{statistics.mean(times) * 1000:>8.1f}"
        )
    for name, (mrr, recall) in report["quality"].items():
        print(f"{name}: known-item MRR {mrr:.3f}, recall@10 {recall:.3f} ({len(report['known_items'])} queries)")
    for name, rate in report.get("build", {}).items():
        print(f"{name}: index build {rate:,.0f} docs/s")
    if "first_after_start" in report:
        print(f"embedded: first search after a process start {report['first_after_start'] * 1000:.0f} ms")
    if "first_after_change" in report:
        print(f"embedded: first search after an index change {report['first_after_change'] * 1000:.0f} ms")
    if "naive" in report:
        e, v = report["elasticsearch"], report["naive"]
        print(
            f"elasticsearch / naive (end to end, interleaved): p50 {percentile(e, .5) / percentile(v, .5):.2f}×, "
            f"p95 {percentile(e, .95) / percentile(v, .95):.2f}× (targets ≤ 1.5×, ≤ 2×)"
        )
    if "wagtail" in report and "embedded" in report:
        w, e = report["wagtail"], report["embedded"]
        ge = "≥" if report.get("wagtail_timeouts") else ""
        print(
            f"wagtail / embedded: p50 {ge}{percentile(w, .5) / percentile(e, .5):.1f}×, "
            f"p95 {ge}{percentile(w, .95) / percentile(e, .95):.1f}× "
            f"({report['wagtail_timeouts']} Wagtail queries cut at {args.wagtail_limit:g} s)"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="10000", help="sizes, comma-separated (e.g. 10000,100000)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of the query mix")
    parser.add_argument("--wagtail-rounds", type=int, default=1, help="timed rounds for Wagtail (slow)")
    parser.add_argument("--engines", default="embedded,wagtail", help="embedded, wagtail, elasticsearch")
    parser.add_argument("--wagtail-limit", type=float, default=5.0, help="seconds before a Wagtail query is cut")
    parser.add_argument("--database", help="a PostgreSQL URL to use instead of a scratch SQLite file (its tables are dropped)")
    parser.add_argument("--reuse", action="store_true", help="keep the scratch database and index of an earlier run")
    parser.add_argument("--verbose", action="store_true", help="print the known-item queries that miss rank 1 or recall@10")
    parser.add_argument("--first-search", action="store_true", help=argparse.SUPPRESS)  # the child of first_after_start
    args = parser.parse_args(argv)
    args.engines = args.engines.split(",")
    sizes = [int(s) for s in args.docs.split(",")]
    if len(sizes) > 1:
        # Django is set up once per process: run each size in its own process.
        import subprocess

        for n in sizes:
            subprocess.run([sys.executable, "-m", "bench.search_speed", "--docs", str(n), *_passthrough(argv)], check=True)
        return 0
    n = sizes[0]
    if args.first_search:
        time_first_search(n, args)
        return 0
    report = bench_size(n, args)
    print_report(n, report, args)
    return 0


def _passthrough(argv) -> list[str]:
    argv = list(argv if argv is not None else sys.argv[1:])
    out, skip = [], False
    for i, a in enumerate(argv):
        if skip:
            skip = False
            continue
        if a == "--docs":
            skip = True
            continue
        if a.startswith("--docs="):
            continue
        out.append(a)
    return out


if __name__ == "__main__":
    sys.exit(main())
