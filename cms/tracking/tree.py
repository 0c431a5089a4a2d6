"""The documents that implement a document, down every level, and where they were issued.

A document is tracked either as a page of the archive or by its number alone:
the archive often holds the letters that implement a directive without the
directive itself (03-CT/TW is cited by every seed, and is not one of them), and
citations keep the cited number, so "who implemented 03-CT/TW" is answered all
the same.

The tree is walked one level at a time (one query a level, whatever its width)
through the documents the reader may see (cms/content/visibility.py): an
unpublished or restricted document neither appears nor counts, and neither does
what lies beneath it, since the reader cannot see the link that leads there.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from cms.content.visibility import visible_pages
from cms.directives.models import DocumentCitation, OfficialDocumentPage
from cms.taxonomy.models import Region
from cms.taxonomy.regions import STEPLEN
from vietnamese.numbers import normalize_doc_number, number_type
from vietnamese.vocabulary import IMPLEMENTS, KIND_LABELS, LEVELS, PARTY_SUFFIX_LEVEL

# A province of today is at depth 2 of the region tree (the nation is depth 1).
PROVINCE_PATH_LEN = 2 * STEPLEN
MAX_LEVELS = 12  # a chain of implementing documents deeper than this is a data error


@dataclass
class Subject:
    """The document tracked: a page of the archive, or a number cited by some."""

    number: str
    number_key: str
    title: str
    page: OfficialDocumentPage | None = None
    kind_label: str = ""
    issuer: str = ""
    issued_date: date | None = None
    level: str = ""
    # Region paths the document applies to; empty: the whole country.
    scope_paths: list[str] = field(default_factory=list)
    scope_inferred: bool = False  # scope read from where its implementing documents are

    @property
    def level_label(self):
        return LEVELS.get(self.level, "")


@dataclass
class Node:
    page: OfficialDocumentPage
    depth: int  # 1: implements the subject itself
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)

    @property
    def date(self):
        """Its issue date (None when the document prints none: when it was put in the
        archive says nothing of when it was issued)."""
        return self.page.issued_date

    @property
    def region_paths(self):
        """Where it was issued: its regions, else its issuer's."""
        paths = [region.path for region in self.page.regions.all()]
        if not paths and self.page.issuer and self.page.issuer.region_id:
            paths = [self.page.issuer.region.path]
        return paths

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def subject_for_page(page):
    """The subject of an archive page; its scope from its regions or its issuer's."""
    paths = [region.path for region in page.regions.all()]
    if not paths and page.issuer and page.issuer.region_id:
        paths = [page.issuer.region.path]
    central = page.level == "trung_uong" or not paths
    return Subject(
        number=page.number,
        number_key=page.number_key,
        title=page.title,
        page=page,
        kind_label=page.kind_label,
        issuer=str(page.issuer or ""),
        issued_date=page.issued_date,
        level=page.level,
        scope_paths=[] if central else [p for p in paths if len(p) >= PROVINCE_PATH_LEN],
    )


def subject_for_number(key, request):
    """The subject a number key names: the visible page with that number, else a subject
    described by the citations of it, or None when nothing cites it."""
    key = normalize_doc_number(key) or key
    page = (
        visible_pages(OfficialDocumentPage.objects.filter(number_key=key), request)
        .select_related("issuer__region")
        .prefetch_related("regions")
        .first()
    )
    if page is not None:
        return subject_for_page(page)
    citation = (
        DocumentCitation.objects.filter(cited_number_key=key, relation=IMPLEMENTS)
        .filter(page__in=visible_pages(OfficialDocumentPage.objects.all(), request))
        .order_by("-cited_date", "pk")
        .first()
    )
    if citation is None:
        return None
    _code, suffix, _style = number_type(citation.cited_number)
    level = PARTY_SUFFIX_LEVEL.get(suffix or "") or ""
    kind = KIND_LABELS.get(citation.cited_kind, "")
    return Subject(
        number=citation.cited_number,
        number_key=key,
        title=" ".join(part for part in (kind, citation.cited_number) if part),
        kind_label=kind,
        issuer=citation.cited_issuer,
        issued_date=citation.cited_date,
        level=level,
        # A local document not in the archive: we know its level, not its place.
        scope_inferred=level not in ("", "trung_uong"),
    )


def implementing_tree(subject, request):
    """The visible documents implementing ``subject``, as a forest of Nodes (one root per
    document implementing it directly), each document once, at its shallowest level."""
    visible = visible_pages(OfficialDocumentPage.objects.all(), request)
    by_id = {}  # page id -> Node, for the parents of the next level
    by_key = {}  # number key -> Node
    seen = {subject.page.pk} if subject.page else set()
    frontier_ids = set(seen)
    frontier_keys = {subject.number_key} if subject.number_key else set()
    roots = []
    for depth in range(1, MAX_LEVELS + 1):
        match = Q(target_id__in=frontier_ids) | Q(cited_number_key__in=frontier_keys)
        rows = (
            DocumentCitation.objects.filter(match, relation=IMPLEMENTS, page__in=visible)
            .exclude(page_id__in=seen)
            .order_by("page_id", "sort_order")
            .values_list("page_id", "target_id", "cited_number_key")
        )
        parent_of = {}
        for page_id, target_id, key in rows:
            if page_id not in parent_of:
                parent_of[page_id] = by_id.get(target_id) or by_key.get(key)
        if not parent_of:
            break
        pages = (
            OfficialDocumentPage.objects.filter(pk__in=parent_of)
            .select_related("issuer__region")
            .prefetch_related("regions")
            .order_by("issued_date", "title")
        )
        by_id, by_key = {}, {}
        for page in pages:
            parent = parent_of[page.pk]
            node = Node(page=page, depth=depth, parent=parent)
            (parent.children if parent else roots).append(node)
            by_id[page.pk] = node
            if page.number_key:
                by_key[page.number_key] = node
        seen |= set(by_id)
        frontier_ids, frontier_keys = set(by_id), set(by_key)
    return roots


def all_nodes(roots):
    return [node for root in roots for node in root.walk()]


def province_path(path):
    return path[:PROVINCE_PATH_LEN] if len(path) >= PROVINCE_PATH_LEN else None
