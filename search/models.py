"""The archive search's own index tables.

``SearchEntry`` holds one row per live content page: what results show, the
facet values, and the page's index tokens (see ``search.documents``). The
database's full-text index sits on ``tokens``: an FTS5 table kept in step by
triggers on SQLite, a GIN index on PostgreSQL (migration 0001). The page id is
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
    def bump(cls):
        value = secrets.randbits(62)
        if not cls.objects.filter(pk=1).update(version=value):
            cls.objects.update_or_create(pk=1, defaults={"version": value})

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=1).values_list("version", flat=True).first() or 0


class PendingIndexUpdate(models.Model):
    """A page whose change an external engine (Elasticsearch) missed because it
    was down, slow or refusing. Replayed, by re-reading the page, at the next
    successful write, by ``rebuild_search_index --reconcile`` and by the
    engine's health check: nothing a cadre saved is lost to an outage."""

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
