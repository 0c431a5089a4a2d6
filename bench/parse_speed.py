"""How fast the importer's parser runs, next to a baseline measured in the same process.

    .venv/bin/python -m bench.parse_speed [--seconds 5] [--folder FOLDER]

Four loops over the same files, interleaved pass by pass until parse alone has run for
``--seconds`` (the whole run takes about four times that): parse alone (texts in memory), with
cold and with warm caches, read_text + parse (from disk, as an upload is handled), and a
baseline that only does ``unicodedata.normalize`` + ``splitlines``.  The machine's speed
cancels out of the ratio parse/baseline, so that figure is the one to compare across machines.

The process is pinned to one CPU where the OS allows it.  The parser memoises some per-line
checks; the same five files parsed again would mostly measure those caches, so every pass over
the files starts with them cleared ("cold"), which is what a real import of new files sees.
A warm figure is printed too for reference.  Baseline "documents/s" means the same files'
documents, as if the baseline had parsed them, so the rows can be read against each other.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import unicodedata
from pathlib import Path
from typing import Callable

from cms.importer import parser as parser_module
from cms.importer.parser import parse
from cms.importer.readers import read_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = ROOT / "cms" / "demo" / "fixtures" / "seeds"
TARGET = "target: parse >= 200 documents/s on one core"
# A baseline pass over the files is well under a millisecond; timing it BASELINE_REPEAT times in a
# row keeps timer and cache effects out of the figure it gives for one pass.
BASELINE_REPEAT = 20


def pin_to_one_core() -> str:
    """Run on a single CPU so the figures mean "one core" even on a multi-core machine."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this OS)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def clear_parser_caches() -> None:
    """Forget the parser's memoised results (any module-level function with ``cache_clear``)."""
    modules = [parser_module] + [m for name, m in sys.modules.items() if name.startswith("cms.importer.parsing.")]
    for module in modules:
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def measure(seconds: float, loops: dict[str, tuple[Callable[[], object], Callable[[], None]]]):
    """Time one pass of every loop in turn, round after round, until the first has had ``seconds``.

    Interleaving makes a busy neighbour slow every loop alike, so the ratios hold up on a shared
    machine; the median pass time then ignores the rounds that were interrupted.  Each loop is
    (one_pass, before); ``before`` runs ahead of the pass, outside the timing.
    """
    times: dict[str, list[float]] = {name: [] for name in loops}
    cpu: dict[str, list[float]] = {name: [] for name in loops}
    first = next(iter(loops))
    while sum(times[first]) < seconds:
        for name, (one_pass, before) in loops.items():
            before()
            start, start_cpu = time.perf_counter(), time.thread_time()
            one_pass()
            times[name].append(time.perf_counter() - start)
            cpu[name].append(time.thread_time() - start_cpu)
    medians = {name: statistics.median(values) for name, values in times.items()}
    medians.update({f"{name} cpu": statistics.median(values) for name, values in cpu.items()})
    return medians, len(times[first])


def no_setup() -> None:
    pass


def parse_texts(texts: dict[str, str]) -> int:
    """One pass of parse alone over texts already in memory; returns the documents found."""
    return sum(len(parse(text, name)) for name, text in texts.items())


def read_and_parse(paths: list[Path]) -> int:
    """One pass as an upload is handled: read from disk, decode, parse."""
    return sum(len(parse(read_text(path).text, path.name)) for path in paths)


def baseline(texts: dict[str, str]) -> None:
    """The least any text pass does (Unicode normalisation, line splitting): the machine's pace."""
    for _ in range(BASELINE_REPEAT):
        for text in texts.values():
            unicodedata.normalize("NFC", text).splitlines()


def line(label: str, documents: int, kbytes: float, seconds: float) -> str:
    """One row: rates from the median time of one pass over all the files."""
    return (f"{label:<24} {documents / seconds:>9.0f} documents/s {kbytes / seconds:>9.0f} KB/s "
            f"({seconds * 1000:.2f} ms per pass)")


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(prog="python -m bench.parse_speed", description=__doc__.split("\n")[0])
    cli.add_argument("--seconds", type=float, default=5.0, help="parse time to measure (default 5)")
    cli.add_argument("--folder", default=str(DEFAULT_FOLDER), help="files to parse (default: the seeds)")
    args = cli.parse_args(argv)
    if not args.seconds > 0:
        cli.error("--seconds must be more than 0")
    folder = Path(args.folder)
    paths = sorted(p for p in folder.glob("[!.]*") if p.is_file()) if folder.is_dir() else []
    if not paths:
        cli.error(f"no files to parse in {folder}")

    pinned = pin_to_one_core()
    texts = {path.name: read_text(path).text for path in paths}
    kbytes = sum(len(text.encode("utf-8")) for text in texts.values()) / 1024
    documents = parse_texts(texts)  # warm-up: imports, regex compilation, gazetteer
    medians, rounds = measure(args.seconds, {
        "cold": (lambda: parse_texts(texts), clear_parser_caches),
        "warm": (lambda: parse_texts(texts), no_setup),
        "disk": (lambda: read_and_parse(paths), clear_parser_caches),
        "base": (lambda: baseline(texts), no_setup),
    })
    medians["base"] /= BASELINE_REPEAT
    medians["base cpu"] /= BASELINE_REPEAT
    print(f"{len(paths)} files, {documents} documents, {kbytes:.1f} KB of text; {pinned}; "
          f"{rounds} rounds (median pass shown)")
    print(line("parse (cold caches)", documents, kbytes, medians["cold"]))
    print(f"  {TARGET}: {'met' if documents / medians['cold'] >= 200 else 'NOT met'}")
    print(line("parse (warm caches)", documents, kbytes, medians["warm"]))
    print(line("read_text + parse", documents, kbytes, medians["disk"]))
    print(line("baseline NFC+splitlines", documents, kbytes, medians["base"]))
    print(f"ratio parse/baseline (time per pass, cold): {medians['cold'] / medians['base']:.0f}x")
    # On a shared machine the pinned CPU is also running other work: the thread's own CPU time
    # leaves out the time it spent waiting for that CPU.
    print(line("parse (cold), CPU time", documents, kbytes, medians["cold cpu"]))
    print(f"ratio parse/baseline (CPU time, cold): {medians['cold cpu'] / medians['base cpu']:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
