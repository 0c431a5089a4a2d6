"""A one-line progress bar for management commands (on stderr, so --json
output on stdout stays clean)."""

import sys


def show_progress(done: int, total: int, unit: str, stream=None) -> None:
    stream = stream or sys.stderr
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {unit}")
    if done >= total:
        stream.write("\n")
    stream.flush()
