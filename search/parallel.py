"""A large load's analysis spread over one forked process per core.

The analysis of a page for the index (``search.documents``) is pure Python:
threads would share one core, so a rebuild hands chunks of documents to
processes, some chunks ahead of the caller, and gets the results back in
order. A small load is analysed in this process: forking costs more than it.
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
def chunks_mapped(func: Callable[[list[T]], R], items: Iterable[T], size: int) -> Iterator[Iterator[R]]:
    """``func`` of each chunk of ``size`` items, in order. ``func`` must be a
    module-level function (it is sent to the processes by name). The
    processes are forked on entry, before the caller starts threads of its
    own, and stopped on exit."""
    items = iter(items)
    first = list(islice(items, PARALLEL_FROM))
    if len(first) < PARALLEL_FROM:
        yield map(func, _chunks(iter(first), size))
        return
    processes = os.cpu_count() or 1
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
