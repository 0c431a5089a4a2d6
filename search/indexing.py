"""Pages into search documents, and keeping every engine's index in step.

The embedded index is always kept: it is the database's own, costs little,
and is what search falls back on when a cluster is down. When an
Elasticsearch engine is configured it gets the same documents (see
``search.engines.registry``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from wagtail.models import Page, PageViewRestriction

from cms.cases.models import ExemplaryCasePage
from cms.content.models import ContentPage
from cms.content.visibility import is_published
from cms.directives.models import OfficialDocumentPage, PlanPage
from cms.materials.models import PropagandaMaterialPage
from cms.taxonomy.models import Region
from cms.taxonomy.regions import ancestor_paths
from search import outbox
from search.documents import SearchDocument, fingerprint
from search.engines.base import Engine, Progress
from search.engines.registry import writable_engines


class _Context:
    """Lookups shared by every page of one indexing run."""

    def __init__(self):
        self.region_slugs = dict(Region.objects.values_list("path", "slug"))
        self.restrictions = list(PageViewRestriction.objects.values_list("id", "page__path"))

    def regions(self, paths: Iterable[str]) -> list[str]:
        """Slugs of the regions and every unit above them: a filter on a
        province then finds its old provinces' and districts' pages."""
        out = {}
        for path in paths:
            for ancestor in ancestor_paths(path):
                slug = self.region_slugs.get(ancestor)
                if slug:
                    out[slug] = None
        return list(out)

    def restrictions_of(self, page: Page) -> list[int]:
        return [rid for rid, path in self.restrictions if page.path.startswith(path)]


def _text(page: ContentPage) -> str:
    stream = page.body
    return "\n".join(s for s in stream.stream_block.get_searchable_content(stream) if s)


def _extra(page: ContentPage) -> str:
    parts = []
    if isinstance(page, OfficialDocumentPage):
        parts += [page.signer, page.signer_title, page.recipients]
        parts += [c.cited_number for c in page.citations.all()]
    if isinstance(page, PlanPage):
        parts += [page.purposes] + [f"{t.task} {t.lead_unit}" for t in page.tasks.all()]
    if isinstance(page, ExemplaryCasePage):
        parts += [page.subject_name, page.achievements, page.awards, page.products]
    if isinstance(page, PropagandaMaterialPage):
        parts += [page.occasion, page.audience]
    return "\n".join(p for p in parts if p)


def document_for_page(page: Page, context: _Context | None = None) -> SearchDocument | None:
    """What search stores for a page, or None when it must not be found
    (not content, or not published: a draft, embargoed, past its expiry)."""
    page = page.specific
    if not isinstance(page, ContentPage) or not page.content_kind or not is_published(page):
        return None
    context = context or _Context()
    doc = SearchDocument(
        page_id=page.pk,
        url=page.url or "",
        title=page.title,
        content=page.content_kind,
        date=page.issued_date,
        themes=[t.slug for t in page.themes.all()],
        regions=context.regions(r.path for r in page.regions.all()),
        restrictions=context.restrictions_of(page),
        summary=page.summary,
        body=_text(page),
        extra=_extra(page),
    )
    if isinstance(page, OfficialDocumentPage):
        doc.kind = page.kind
        doc.number = page.number
        doc.number_key = page.number_key
        doc.issuer = page.issuer.name if page.issuer else ""
        doc.level = page.level
        doc.validity = page.validity
        doc.subject = page.subject
        doc.place = page.place
    return doc


def content_pages() -> Iterator[Page]:
    return ContentPage.objects.live().specific().order_by("path").iterator(chunk_size=200)


def documents(pages: Iterable[Page]) -> Iterator[SearchDocument]:
    context = _Context()
    for page in pages:
        doc = document_for_page(page, context)
        if doc is not None:
            yield doc


def current(page_ids: Iterable[int]) -> tuple[list[SearchDocument], list[int]]:
    """What the index should hold for these pages now: their documents, and
    the ids to drop (unpublished, deleted). The outbox replays through it."""
    ids = list(dict.fromkeys(page_ids))
    docs = list(documents(Page.objects.filter(pk__in=ids).specific()))
    found = {d.page_id for d in docs}
    return docs, [i for i in ids if i not in found]


def update_pages(pages: Iterable[Page]) -> None:
    """Index the pages that should be found, remove those that should not."""
    pages = list(pages)
    docs = list(documents(pages))
    found = {d.page_id for d in docs}
    gone = [p.pk for p in pages if p.pk not in found]
    for engine in writable_engines():
        if docs:
            outbox.index(engine, docs, current)
        if gone:
            outbox.delete(engine, gone, current)


def remove_pages(page_ids: Iterable[int]) -> None:
    page_ids = list(page_ids)
    for engine in writable_engines():
        outbox.delete(engine, page_ids, current)


def rebuild(engine: Engine, progress: Progress | None = None) -> int:
    """A whole new index. The updates it missed before it started are moot:
    it holds those pages as they are now."""
    covered = outbox.last_id(engine.name)
    count = engine.rebuild(documents(content_pages()), progress)
    outbox.forget(engine.name, covered)
    return count


def reconcile(engine: Engine) -> dict[str, int]:
    """Make the index match the live pages: add missing pages, refresh
    stale ones, drop orphans. Returns the counts of each; what the engine
    refuses waits in the outbox."""
    indexed = engine.indexed()
    pages = {p.pk: p for p in content_pages()}
    docs = {d.page_id: d for d in documents(pages.values())}
    missing = [d for pid, d in docs.items() if pid not in indexed]
    stale = [d for pid, d in docs.items() if pid in indexed and indexed[pid] != fingerprint(d)]
    orphans = [pid for pid in indexed if pid not in docs]
    if missing or stale:
        outbox.index(engine, missing + stale, current)
    if orphans:
        outbox.delete(engine, orphans, current)
    return {"missing": len(missing), "stale": len(stale), "orphaned": len(orphans)}
