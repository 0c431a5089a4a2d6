"""Pages into search documents, and keeping every engine's index in step.

The embedded index is always kept: it is the database's own, costs little,
and is what search falls back on when a cluster is down. When an
Elasticsearch engine is configured it gets the same documents (see
``search.engines.registry``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from wagtail.models import Page, PageViewRestriction

from cms.cases.models import ExemplaryCasePage
from cms.content.models import ContentPage
from cms.directives.models import OfficialDocumentPage, PlanPage
from cms.materials.models import PropagandaMaterialPage
from cms.taxonomy.models import Region
from search.documents import SearchDocument, fingerprint
from search.engines.registry import writable_engines

# Page type -> content kind (the four sections), most specific first.
CONTENT_OF = (
    (PlanPage, "ke_hoach"),
    (OfficialDocumentPage, "van_ban"),
    (ExemplaryCasePage, "guong"),
    (PropagandaMaterialPage, "tai_lieu"),
)


class _Context:
    """Lookups shared by every page of one indexing run."""

    def __init__(self):
        self.region_slugs = dict(Region.objects.values_list("path", "slug"))
        self.restrictions = list(PageViewRestriction.objects.values_list("id", "page__path"))

    def regions(self, paths: Iterable[str]) -> list[str]:
        """Slugs of the regions and every unit above them: a filter on a
        province then finds its old provinces' and districts' pages."""
        steplen = Region.steplen
        out = {}
        for path in paths:
            for end in range(steplen, len(path) + 1, steplen):
                slug = self.region_slugs.get(path[:end])
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
    (not live, not content, or scheduled for later: embargoed)."""
    page = page.specific
    if not isinstance(page, ContentPage) or not page.live or page.expired:
        return None
    content = next((c for cls, c in CONTENT_OF if isinstance(page, cls)), None)
    if content is None:
        return None
    context = context or _Context()
    doc = SearchDocument(
        page_id=page.pk,
        url=page.url or "",
        title=page.title,
        content=content,
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


def update_pages(pages: Iterable[Page]) -> None:
    """Index the pages that should be found, remove those that should not."""
    pages = list(pages)
    docs = list(documents(pages))
    found = {d.page_id for d in docs}
    gone = [p.pk for p in pages if p.pk not in found]
    for engine in writable_engines():
        if docs:
            engine.index(docs)
        if gone:
            engine.delete(gone)


def remove_pages(page_ids: Iterable[int]) -> None:
    page_ids = list(page_ids)
    for engine in writable_engines():
        engine.delete(page_ids)


def rebuild(engine, progress: Callable[[int], None] | None = None) -> int:
    return engine.rebuild(documents(content_pages()), progress)


def reconcile(engine) -> dict[str, int]:
    """Make the index match the live pages: add missing pages, refresh
    stale ones, drop orphans. Returns the counts of each."""
    indexed = engine.indexed()
    pages = {p.pk: p for p in content_pages()}
    docs = {d.page_id: d for d in documents(pages.values())}
    missing = [d for pid, d in docs.items() if pid not in indexed]
    stale = [d for pid, d in docs.items() if pid in indexed and indexed[pid] != fingerprint(d)]
    orphans = [pid for pid in indexed if pid not in docs]
    if missing or stale:
        engine.index(missing + stale)
    if orphans:
        engine.delete(orphans)
    return {"missing": len(missing), "stale": len(stale), "orphaned": len(orphans)}
