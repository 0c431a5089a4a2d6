"""The archive search's own index tables.

``SearchEntry`` holds one row per live content page: what results show, the
facet values, and the page's index tokens (see ``search.documents``). The
database's full-text index sits on ``tokens``: an FTS5 table kept in step by
triggers on SQLite, page-id arrays per token on PostgreSQL (migration 0006). The page id is
a plain integer, not a foreign key, so benchmarks can fill the index without
creating pages; pages removed behind the index's back are found by
``rebuild_search_index --reconcile``.
"""

import secrets

from django.db import models


class SearchEntry(models.Model):
    page_id = models.PositiveIntegerField(primary_key=True)
    url = models.CharField(max_length=500)
    title = models.CharField(max_length=500)
    content = models.CharField(max_length=20)
    kind = models.CharField(max_length=20, blank=True)
    number = models.CharField(max_length=60, blank=True)
    number_key = models.CharField(max_length=60, blank=True)
    issuer = models.CharField(max_length=200, blank=True)
    level = models.CharField(max_length=12, blank=True)
    validity = models.CharField(max_length=20, blank=True)
    date = models.DateField(null=True, blank=True)
    # Space-separated slugs / ids: read whole into the facet table, never queried.
    themes = models.TextField(blank=True)
    regions = models.TextField(blank=True)
    restrictions = models.TextField(blank=True)
    subject = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    tokens = models.TextField(blank=True)
    fingerprint = models.CharField(max_length=40, blank=True)
    # PostgreSQL: the postings segment holding this page's tokens (migration 0006). Null on
    # SQLite, and nullable so adding it there does not remake the table (and drop its FTS triggers).
    segment = models.PositiveIntegerField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "mục chỉ mục tìm kiếm"
        verbose_name_plural = "chỉ mục tìm kiếm"

    def __str__(self):
        return self.title


class IndexVersion(models.Model):
    """One row whose value changes on every index change, so each process
    knows when its in-memory facet table is stale. A random value rather than
    a counter: after a rolled-back transaction a counter would repeat a
    number that meant different contents."""

    version = models.PositiveBigIntegerField(default=0)

    @classmethod
    def bump(cls, page_ids=None):
        """A new version; ``page_ids`` are the pages changed (None: any, a rebuild)."""
        value = secrets.randbits(62)
        # The row lock taken here orders the changes' ids as their commits.
        if not cls.objects.filter(pk=1).update(version=value):
            cls.objects.update_or_create(pk=1, defaults={"version": value})
        IndexChange.record(value, page_ids)

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=1).values_list("version", flat=True).first() or 0


class IndexChange(models.Model):
    """Which pages each index version changed, so a process brings its
    facet table up to date from those rows instead of reloading every row
    (seconds at 100,000 pages). ``pages`` is "*" after a rebuild or a change
    too large to list. Only the latest ``KEPT`` are kept."""

    ANY = "*"
    LISTED = 1000  # more pages than this are recorded as "*"
    KEPT = 200

    version = models.PositiveBigIntegerField(db_index=True)
    pages = models.TextField()

    class Meta:
        verbose_name = "thay đổi chỉ mục"
        verbose_name_plural = "thay đổi chỉ mục"

    @classmethod
    def record(cls, version: int, page_ids) -> None:
        ids = None if page_ids is None else sorted(set(page_ids))
        listed = ids is not None and len(ids) <= cls.LISTED
        change = cls.objects.create(version=version, pages=" ".join(map(str, ids)) if listed else cls.ANY)
        # Keep the newest KEPT rows, counted: ids have gaps (PostgreSQL does not reuse the ids
        # of rolled-back rows), so "id <= newest - KEPT" could drop them all.
        oldest_kept = cls.objects.order_by("-id").values_list("id", flat=True)[cls.KEPT - 1 : cls.KEPT].first()
        if oldest_kept is not None:
            cls.objects.filter(id__lt=oldest_kept).delete()

    @classmethod
    def pages_since(cls, version: int, current: int) -> tuple[set[int], int] | None:
        """The pages changed after ``version`` up to at least ``current``, and
        the version they lead to; None when that can't be told (unknown or
        pruned version, a rebuild, too many pages)."""
        start = cls.objects.filter(version=version).order_by("-id").values_list("id", flat=True).first()
        if start is None:
            return None
        later = list(cls.objects.filter(id__gt=start).order_by("id").values_list("version", "pages"))
        if current not in {v for v, _ in later}:
            return None
        pages: set[int] = set()
        for _, listed in later:
            if listed == cls.ANY:
                return None
            pages.update(int(p) for p in listed.split())
        if len(pages) > cls.LISTED:
            return None
        return pages, later[-1][0]


class PendingIndexUpdate(models.Model):
    """A page whose change an external engine (Elasticsearch) missed because it
    was down, slow or refusing (see ``search.outbox``). Replayed, by re-reading
    the page, at the next successful write, by ``rebuild_search_index
    --reconcile`` and by the health check: nothing a cadre saved is lost to an
    outage."""

    INDEX = "index"
    DELETE = "delete"

    page_id = models.PositiveIntegerField()
    action = models.CharField(max_length=6, choices=[(INDEX, "lập chỉ mục"), (DELETE, "xoá khỏi chỉ mục")])
    engine = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "cập nhật chỉ mục đang chờ"
        verbose_name_plural = "cập nhật chỉ mục đang chờ"
        indexes = [models.Index(fields=["engine", "id"])]

    def __str__(self):
        return f"{self.engine}: {self.action} {self.page_id}"
