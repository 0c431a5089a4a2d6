"""A large load's pure-Python work spread over forked processes.

The analysis of a page for the index (``search.documents``) and the reading and parsing of
files to import are pure Python: threads would share one core, so a large load hands chunks
of items to processes, some chunks ahead of the caller, and gets the results back in order.
A small load is done in this process: forking costs more than it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 2000  # documents before a load is worth starting processes for


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while chunk := list(islice(items, size)):
        yield chunk


@contextmanager
def chunks_mapped(func: Callable[[list[T]], R], items: Iterable[T], size: int, parallel_from: int | None = None,
                  processes: int | None = None) -> Iterator[Iterator[R]]:
    """``func`` of each chunk of ``size`` items, in order. ``func`` must be a
    module-level function (it is sent to the processes by name). The
    processes (``processes``, or one per core) are forked on entry, from
    ``parallel_from`` items on (``PARALLEL_FROM``), before the caller starts
    threads of its own, and stopped on exit."""
    threshold = PARALLEL_FROM if parallel_from is None else parallel_from
    items = iter(items)
    first = list(islice(items, threshold))
    if len(first) < threshold:
        yield map(func, _chunks(iter(first), size))
        return
    processes = processes or os.cpu_count() or 1
    with multiprocessing.get_context("fork").Pool(processes) as pool:

        def results() -> Iterator[R]:
            pending: deque = deque()
            for chunk in _chunks(chain(first, items), size):
                pending.append(pool.apply_async(func, (chunk,)))
                if len(pending) >= 2 * processes:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()

        yield results()
