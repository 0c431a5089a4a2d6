"""Full import speed: documents per second into a real database, beside parse-only.

    .venv/bin/python -m bench.import_speed [--documents 60] [--database-url URL]

Builds a throw-away SQLite database (or uses --database-url) with the demo
tree, then imports variants of the five seeds (each with a fresh number, so
none is skipped) through the same service the import command uses, and
prints documents/s for parse only and for the whole import, and their ratio.
"""

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "cms" / "demo" / "fixtures" / "seeds"


def variants(count):
    """(name, text) pairs: the seeds with their numbers changed so each is new."""
    seeds = [(path.name, path.read_text("utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    result = []
    for index in range(count):
        name, text = seeds[index % len(seeds)]
        serial = 5000 + index
        # Change the document's own number line and its content (so the hash differs too).
        text = re.sub(r"(Số:?\s*)(\d+)", lambda m: f"{m.group(1)}{serial}", text)
        text = text.replace("Cuộc vận động", f"Cuộc vận động (bản {serial})")
        result.append((f"{serial}-{name}", text))
    return result


def setup_django(database_url):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    os.environ["DATABASE_URL"] = database_url
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args(argv)

    workdir = tempfile.mkdtemp(prefix="import-bench-")
    os.environ.setdefault("MEDIA_ROOT", os.path.join(workdir, "media"))
    setup_django(args.database_url or f"sqlite:///{workdir}/bench.sqlite3")

    from cms.importer.parser import parse
    from cms.importer.service import CREATED, Source, import_all

    samples = variants(args.documents)

    start = time.perf_counter()
    parsed = sum(len(parse(text, name)) for name, text in samples)
    parse_seconds = time.perf_counter() - start

    start, start_cpu = time.perf_counter(), time.process_time()
    outcomes = import_all([Source(name, text.encode("utf-8")) for name, text in samples])
    import_seconds = time.perf_counter() - start
    import_cpu = time.process_time() - start_cpu  # this process only: without the other work on the machine

    created = sum(o.status == CREATED for o in outcomes)
    print(f"documents parsed: {parsed}, imported as new drafts: {created} of {len(outcomes)}")
    print(f"parse only:   {parsed / parse_seconds:8.1f} documents/s")
    print(f"full import:  {len(outcomes) / import_seconds:8.1f} documents/s (read, parse, page, revision, attachment, citations)")
    print(f"full import takes {import_seconds / parse_seconds:.0f}x the parse time")
    print(f"full import, this process's CPU time: {len(outcomes) / import_cpu:8.1f} documents/s "
          "(a database server's own work, PostgreSQL's, is not in it)")
    failed = [o for o in outcomes if o.status != CREATED]
    for outcome in failed[:5]:
        print(f"  not created: {outcome.source}: {outcome.status} {outcome.reason}")


if __name__ == "__main__":
    main()
