"""A scratch database for the search benchmarks: never the site's own.

``setup(name)`` points Django at ``var/bench/<name>.sqlite3`` (fresh each
run) or at the PostgreSQL given by ``--database URL``, then migrates.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup(name: str, database_url: str | None = None, fresh: bool = True) -> str:
    """Configure and migrate; returns a description of the database used."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        path = ROOT / "var" / "bench" / f"{name}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        if fresh:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    os.environ["SEARCH_ENGINE"] = os.environ.get("BENCH_SEARCH_ENGINE", "embedded")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if database_url and fresh:
        with connection.cursor() as cur:
            cur.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)
    return f"{connection.vendor} ({connection.settings_dict['NAME']})"
