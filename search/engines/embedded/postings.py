"""Which indexed pages hold a token: the embedded engine's questions to the
database's own full-text index (see migration 0002).

Each store answers four questions, always with tokens produced by
``search.documents`` / ``search.queryplan`` (never raw user text, so no
full-text syntax from a user ever reaches the database):

- ``match(groups)``: ids holding every token of at least one group;
- ``ids(token)``: ids holding one token (fetched once per store);
- ``doc_freq(tokens)``: how many pages hold each token, capped at ``cap``
  (one query, whatever the number of tokens);
- ``prefixed(tokens, prefix, limit)``: newest ids holding ``tokens`` and a
  token starting with ``prefix`` (autocomplete).

Id sets come back as sorted numpy arrays. ``clear`` and ``insert`` write
the entries (a rebuild's emptying, a batch of new rows).
"""

from __future__ import annotations

import numpy as np
from django.db import connection, transaction

from search.models import SearchEntry

TABLE = "archive_search_searchentry"
EMPTY = np.zeros(0, dtype=np.int64)


def _id_array(csv: str | None) -> np.ndarray:
    if not csv:
        return EMPTY
    # Parsed in C: a common token's list holds most of the archive.
    ids = np.fromstring(csv, dtype=np.int64, sep=",")
    ids.sort()
    return ids


class _TokenMemo:
    """A store lives for one search (``store_for_connection``), and the
    ranking asks for some tokens' pages more than once (scores, then head
    coverage): each token's pages are fetched once per search."""

    def ids(self, token: str) -> np.ndarray:
        memo = self.__dict__.setdefault("_memo", {})
        if token not in memo:
            memo[token] = self._token_ids(token)
        return memo[token]


class SqliteStore(_TokenMemo):
    """FTS5, detail=none: doclists of rowids only, the fastest thing it has."""

    @staticmethod
    def _quote(token: str) -> str:
        return '"' + token.replace('"', '""') + '"'

    def _expr(self, groups: list[list[str]]) -> str:
        return " OR ".join("(" + " AND ".join(map(self._quote, g)) + ")" for g in groups)

    def _ids(self, expr: str) -> np.ndarray:
        with connection.cursor() as cur:
            cur.execute(
                "SELECT group_concat(rowid) FROM archive_search_fts WHERE archive_search_fts MATCH %s",
                [expr],
            )
            return _id_array(cur.fetchone()[0])

    def match(self, groups: list[list[str]]) -> np.ndarray:
        groups = [g for g in groups if g]
        return self._ids(self._expr(groups)) if groups else EMPTY

    def _token_ids(self, token: str) -> np.ndarray:
        return self._ids(self._quote(token))

    def doc_freq(self, tokens: list[str], cap: int) -> dict[str, int]:
        if not tokens:
            return {}
        with connection.cursor() as cur:
            placeholders = ",".join(["%s"] * len(tokens))
            cur.execute(
                f"SELECT term, doc FROM archive_search_fts_vocab WHERE term IN ({placeholders})",
                tokens,
            )
            found = dict(cur.fetchall())
        return {t: min(found.get(t, 0), cap) for t in tokens}

    def clear(self) -> None:
        SearchEntry.objects.all().delete()

    def insert(self, entries: list) -> None:
        SearchEntry.objects.bulk_create(entries)

    def optimize(self) -> None:
        """Merge the index's segments after a bulk load: fewer, longer doclists."""
        with connection.cursor() as cur:
            cur.execute("INSERT INTO archive_search_fts(archive_search_fts) VALUES ('optimize')")

    def prefixed(self, tokens: list[str], prefix: str, limit: int) -> list[int]:
        expr = " AND ".join([*map(self._quote, tokens), self._quote(prefix) + "*"])
        with connection.cursor() as cur:
            cur.execute(
                "SELECT rowid FROM archive_search_fts WHERE archive_search_fts MATCH %s ORDER BY rowid DESC LIMIT %s",
                [expr, limit],
            )
            return [r[0] for r in cur.fetchall()]


class PostgresStore(_TokenMemo):
    """GIN over the tokens taken as lexemes (``archive_search_lexemes``, a
    function the planner knows is costly, so it reads the index instead of
    recomputing every row's lexemes); page counts from ``archive_search_term``,
    kept by triggers (migration 0005); tsquery literals, quoted."""

    VECTOR = "archive_search_lexemes(tokens)"
    TERMS = "archive_search_term"

    @staticmethod
    def _quote(token: str) -> str:
        return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"

    def _tsquery(self, groups: list[list[str]]) -> str:
        return " | ".join("(" + " & ".join(map(self._quote, g)) + ")" for g in groups)

    @staticmethod
    def _indexed(sql: str, params: list) -> list[tuple]:
        """Rows of a query on the GIN index. The planner charges the lexemes'
        cost to a bitmap scan's recheck too (which GIN's exact posting lists
        never run), so for a common token it would still pick a sequential
        scan that does compute them, 12 s at 10,000 pages: sequential scans
        are turned off, and JIT, which those costs would trigger (40 ms), and
        parallel workers, which cost more to start than they save here, for
        the query's transaction (its own, unless a caller holds one open)."""
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(
                "SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true), "
                "set_config('max_parallel_workers_per_gather', '0', true)"
            )
            cur.execute(sql, params)
            return cur.fetchall()

    def _ids(self, tsquery: str) -> np.ndarray:
        sql = f"SELECT string_agg(page_id::text, ',') FROM {TABLE} WHERE {self.VECTOR} @@ %s::tsquery"
        return _id_array(self._indexed(sql, [tsquery])[0][0])

    def match(self, groups: list[list[str]]) -> np.ndarray:
        groups = [g for g in groups if g]
        return self._ids(self._tsquery(groups)) if groups else EMPTY

    def _token_ids(self, token: str) -> np.ndarray:
        return self._ids(self._quote(token))

    def doc_freq(self, tokens: list[str], cap: int) -> dict[str, int]:
        """One primary-key look-up for all the tokens."""
        if not tokens:
            return {}
        with connection.cursor() as cur:
            cur.execute(f"SELECT token, pages FROM {self.TERMS} WHERE token = ANY(%s)", [list(tokens)])
            found = dict(cur.fetchall())
        return {t: max(0, min(found.get(t, 0), cap)) for t in tokens}

    def clear(self) -> None:
        """Empty the index in a rebuild's transaction: the page counts are
        emptied too rather than counted down row by row."""
        with connection.cursor() as cur:
            cur.execute("SET LOCAL archive_search.recount = 'off'")
            cur.execute(f"DELETE FROM {TABLE}")
            cur.execute(f"DELETE FROM {self.TERMS}")
            cur.execute("SET LOCAL archive_search.recount = 'on'")

    def insert(self, entries: list) -> None:
        """COPY rather than one INSERT of 500 rows × 20 parameters: the
        rows go to the server in psycopg's C code."""
        fields = SearchEntry._meta.concrete_fields
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        with connection.cursor() as cur:
            with cur.cursor.copy(f"COPY {TABLE} ({columns}) FROM STDIN") as copy:
                for entry in entries:
                    copy.write_row([f.pre_save(entry, add=True) for f in fields])

    def optimize(self) -> None:
        with connection.cursor() as cur:
            cur.execute(f"ANALYZE {TABLE}")
            cur.execute(f"DELETE FROM {self.TERMS} WHERE pages <= 0")
            cur.execute(f"ANALYZE {self.TERMS}")

    def prefixed(self, tokens: list[str], prefix: str, limit: int) -> list[int]:
        query = " & ".join([*map(self._quote, tokens), self._quote(prefix) + ":*"])
        sql = f"SELECT page_id FROM {TABLE} WHERE {self.VECTOR} @@ %s::tsquery ORDER BY page_id DESC LIMIT %s"
        return [r[0] for r in self._indexed(sql, [query, limit])]


def store_for_connection():
    if connection.vendor == "sqlite":
        return SqliteStore()
    if connection.vendor == "postgresql":
        return PostgresStore()
    raise RuntimeError(f"Công cụ tìm kiếm tích hợp chưa hỗ trợ cơ sở dữ liệu {connection.vendor}.")
