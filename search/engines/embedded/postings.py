"""Which indexed pages hold a token: the embedded engine's questions to the
database (SQLite's FTS5, migration 0002; PostgreSQL's postings, 0006).

Each store answers four questions, always with tokens produced by
``search.documents`` / ``search.queryplan`` (never raw user text, so no
full-text syntax from a user ever reaches the database):

- ``match(groups)``: ids holding every token of at least one group;
- ``ids(token)``: ids holding one token (fetched once per store);
- ``doc_freq(tokens)``: how many pages hold each token, capped at ``cap``
  (one query, whatever the number of tokens);
- ``prefixed(tokens, prefix, limit)``: newest ids holding ``tokens`` and a
  token starting with ``prefix`` (autocomplete).

Id sets come back as sorted numpy arrays. ``clear``, ``write``, ``remove``
and ``finish`` write the entries (a rebuild's emptying, a segment of rows
replacing their pages', pages removed, the end of a rebuild); a store with ``POSTINGS``
is handed each segment's postings (token -> page ids as big-endian int4
bytes) with its rows.
"""

from __future__ import annotations

from collections.abc import Iterable

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

    POSTINGS = False  # FTS5 keeps its own, by triggers on the rows

    def clear(self) -> None:
        SearchEntry.objects.all().delete()

    def write(self, entries: list, postings=None) -> None:
        """``entries`` replace their pages' rows."""
        SearchEntry.objects.filter(page_id__in=[e.page_id for e in entries]).delete()
        SearchEntry.objects.bulk_create(entries)

    def remove(self, page_ids: list[int]) -> int:
        return SearchEntry.objects.filter(page_id__in=page_ids).delete()[0]

    def finish(self) -> None:
        pass

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
    """Page-id arrays per token and segment (migration 0006): a token's
    pages are one b-tree range of ``archive_search_posting``, parsed by
    numpy; a posting counts where the page's segment (``segments``, the
    facet table's, or read here) is the row's, so the pages written again
    or removed since drop out. Page counts from ``archive_search_term``."""

    POSTINGS = True
    TERMS = "archive_search_term"
    ROWS = "archive_search_posting"

    def __init__(self, segments: np.ndarray | None = None):
        self._segments = segments
        self.deferred = self.replaced = False

    def segments(self) -> np.ndarray:
        """Each page's current segment by page id (0: not indexed)."""
        if self._segments is None:
            with connection.cursor() as cur:
                cur.execute(f"SELECT page_id, segment FROM {TABLE}")
                rows = np.array(cur.fetchall(), dtype=np.int64).reshape(-1, 2)
            self._segments = np.zeros(int(rows[:, 0].max(initial=0)) + 1, dtype=np.int64)
            self._segments[rows[:, 0]] = rows[:, 1]
        return self._segments

    def _valid(self, rows: list[tuple[int, bytes]]) -> np.ndarray:
        """Sorted ids of the postings ``rows`` (segment, ids) that are current."""
        if not rows:
            return EMPTY
        blobs = [bytes(b) for _, b in rows]
        ids = np.frombuffer(b"".join(blobs), dtype=">i4").astype(np.int64)
        row_segment = np.repeat(np.array([s for s, _ in rows], dtype=np.int64), [len(b) // 4 for b in blobs])
        segments = self.segments()
        inside = ids < segments.size
        keep = np.zeros(ids.size, dtype=bool)
        keep[inside] = segments[ids[inside]] == row_segment[inside]
        ids = ids[keep]
        ids.sort()
        return ids

    def fetch(self, tokens: Iterable[str]) -> None:
        """The pages of those ``tokens`` not fetched yet, in one query."""
        memo = self.__dict__.setdefault("_memo", {})
        missing = [t for t in dict.fromkeys(tokens) if t not in memo]
        if not missing:
            return
        rows: dict[str, list] = {t: [] for t in missing}
        with connection.cursor() as cur:
            cur.execute(f"SELECT token, segment, ids FROM {self.ROWS} WHERE token = ANY(%s)", [missing])
            for token, segment, ids in cur.fetchall():
                rows[token].append((segment, ids))
        for token, found in rows.items():
            memo[token] = self._valid(found)

    def _token_ids(self, token: str) -> np.ndarray:
        self.fetch([token])
        return self._memo[token]

    def match(self, groups: list[list[str]]) -> np.ndarray:
        """Pages holding every token of a group, of any group: intersected
        here (the tokens asked are rare ones, the frequent are masks)."""
        groups = [g for g in groups if g]
        self.fetch(t for g in groups for t in g)
        found = EMPTY
        for group in groups:
            pages = self.ids(group[0])
            for token in group[1:]:
                pages = np.intersect1d(pages, self.ids(token), assume_unique=True)
            found = np.union1d(found, pages)
        return found

    def doc_freq(self, tokens: list[str], cap: int) -> dict[str, int]:
        """One primary-key look-up for all the tokens."""
        if not tokens:
            return {}
        with connection.cursor() as cur:
            cur.execute(f"SELECT token, pages FROM {self.TERMS} WHERE token = ANY(%s)", [list(tokens)])
            found = dict(cur.fetchall())
        return {t: max(0, min(found.get(t, 0), cap)) for t in tokens}

    def clear(self) -> None:
        """Empty the index in a rebuild's transaction. Its page counts are
        counted once at the end (``finish``), not per segment, and the
        delete trigger leaves them alone meanwhile."""
        with connection.cursor() as cur:
            cur.execute("SET LOCAL archive_search.recount = 'off'")
            cur.execute(f"DELETE FROM {TABLE}")
            cur.execute(f"DELETE FROM {self.ROWS}")
            cur.execute(f"DELETE FROM {self.TERMS}")
        self.deferred = True

    def write(self, entries: list, postings: dict[str, list[bytes]]) -> None:
        """One segment: ``entries`` replace their pages' rows (the delete
        trigger counts the old tokens out), then rows and postings go by
        COPY and the new tokens are counted in, in the caller's transaction."""
        with connection.cursor() as cur:
            cur.execute("SELECT nextval('archive_search_segment')")
            segment = cur.fetchone()[0]
            page_ids = [e.page_id for e in entries]
            self._drop_emptied(cur, page_ids)
            cur.execute(f"DELETE FROM {TABLE} WHERE page_id = ANY(%s)", [page_ids])
            self.replaced |= self.deferred and cur.rowcount > 0
            for entry in entries:
                entry.segment = segment
            self._copy_entries(cur, entries)
            blobs = {t: b"".join(parts) for t, parts in postings.items()}
            with cur.cursor.copy(f"COPY {self.ROWS} (token, segment, ids) FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(["text", "int4", "bytea"])
                for token, blob in blobs.items():
                    copy.write_row((token, segment, blob))
            if not self.deferred:
                # Sorted, so concurrent writers lock shared tokens in the same order.
                tokens = sorted(blobs)
                cur.execute(
                    f"""INSERT INTO {self.TERMS} AS term (token, pages)
                        SELECT * FROM unnest(%s::text[], %s::int[])
                        ON CONFLICT (token) DO UPDATE SET pages = term.pages + excluded.pages""",
                    [tokens, [len(blobs[t]) // 4 for t in tokens]],
                )

    def remove(self, page_ids: list[int]) -> int:
        """Remove those pages' rows (the trigger counts them out); how many were indexed."""
        with connection.cursor() as cur:
            self._drop_emptied(cur, page_ids)
            cur.execute(f"DELETE FROM {TABLE} WHERE page_id = ANY(%s)", [page_ids])
            return cur.rowcount

    def _drop_emptied(self, cur, page_ids: list[int]) -> None:
        """The postings of the segments whose every page ``page_ids`` write
        again: a page published again and again leaves no rows behind (a
        posting left in a segment still in use costs four bytes)."""
        cur.execute(
            f"""DELETE FROM {self.ROWS} p USING (
                    SELECT DISTINCT e.segment, t FROM {TABLE} e, unnest(string_to_array(e.tokens, ' ')) t
                    WHERE e.segment IN (
                        SELECT segment FROM {TABLE} WHERE segment IN (
                            SELECT segment FROM {TABLE} WHERE page_id = ANY(%(ids)s))
                        GROUP BY segment HAVING bool_and(page_id = ANY(%(ids)s)))
                ) gone
                WHERE p.token = gone.t AND p.segment = gone.segment""",
            {"ids": page_ids},
        )

    @staticmethod
    def _copy_entries(cur, entries: list) -> None:
        """COPY rather than INSERT: the rows go to the server in psycopg's C code."""
        fields = SearchEntry._meta.concrete_fields
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        with cur.cursor.copy(f"COPY {TABLE} ({columns}) FROM STDIN") as copy:
            for entry in entries:
                copy.write_row([f.pre_save(entry, add=True) for f in fields])

    def finish(self) -> None:
        """After a rebuild's writes: the page counts of the whole index,
        from the postings (from the rows' tokens if a page was written
        twice, its old postings being still there)."""
        if not self.deferred:
            return
        with connection.cursor() as cur:
            if self.replaced:
                cur.execute(
                    f"""INSERT INTO {self.TERMS} SELECT t, count(*)
                        FROM {TABLE}, unnest(string_to_array(tokens, ' ')) t WHERE t <> '' GROUP BY t"""
                )
            else:
                cur.execute(
                    f"INSERT INTO {self.TERMS} SELECT token, sum(octet_length(ids) / 4) FROM {self.ROWS} GROUP BY token"
                )
            cur.execute("SET LOCAL archive_search.recount = 'on'")
        self.deferred = self.replaced = False

    def optimize(self) -> None:
        with connection.cursor() as cur:
            cur.execute(f"DELETE FROM {self.TERMS} WHERE pages <= 0")
            for table in (TABLE, self.ROWS, self.TERMS):
                cur.execute(f"ANALYZE {table}")

    def prefixed(self, tokens: list[str], prefix: str, limit: int) -> list[int]:
        """Newest pages holding ``tokens`` and a token starting with
        ``prefix``: a range of the C-collated token index (LIKE, escaped)."""
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with connection.cursor() as cur:
            cur.execute(f"SELECT segment, ids FROM {self.ROWS} WHERE token LIKE %s", [pattern])
            found = np.unique(self._valid(cur.fetchall()))
        self.fetch(tokens)
        for token in tokens:
            found = np.intersect1d(found, self.ids(token), assume_unique=True)
        return found[::-1][:limit].tolist()


def store_for_connection(segments: np.ndarray | None = None):
    """The store of this connection's database; ``segments``, each page's
    postings segment (the facet table's), spares PostgreSQL reading them."""
    if connection.vendor == "sqlite":
        return SqliteStore()
    if connection.vendor == "postgresql":
        return PostgresStore(segments)
    raise RuntimeError(f"Công cụ tìm kiếm tích hợp chưa hỗ trợ cơ sở dữ liệu {connection.vendor}.")
