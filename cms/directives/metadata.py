"""Metadata → page: the one step that puts a document's metadata on its page.

The importer (metadata the parser extracted) and the demo loader (the seeds'
hand-checked metadata, read into the same ``ParsedDocument``) both call
``apply_metadata``, so a field is filled the same way whichever way a
document arrives. The body, the title and what only a person knows (validity,
a plan's tasks) stay with the caller.
"""

from cms.importer.parser import ParsedDocument
from cms.taxonomy.models import IssuingBody, Region, Theme
from vietnamese.vocabulary import KIND_LABELS

from .models import DocumentCitation, OfficialDocumentPage


def issuing_body(name, level="", region=None, abbreviation="", known=None):
    """The issuing body called ``name``, created if new. What an existing one lacks
    (level, region, abbreviation) is filled in; what it has is never overwritten, as
    editors curate the list. ``known``: bodies by name that the caller has read already
    (an import's batch); one found in the database is added to it."""
    if not name:
        return None
    if known is not None and name in known:
        body, created = known[name], False
    else:
        body, created = IssuingBody.objects.get_or_create(
            name=name, defaults={"level": level or "", "region": region, "abbreviation": abbreviation or ""}
        )
        if known is not None and not created:  # a body created now may yet be rolled back
            known[name] = body
    if not created:
        missing = {
            field: value
            for field, value in (("level", level), ("region", region), ("abbreviation", abbreviation))
            if value and not getattr(body, "region_id" if field == "region" else field)  # the id: no query
        }
        if missing:
            for field, value in missing.items():
                setattr(body, field, value)
            body.save(update_fields=list(missing))
    return body


def apply_metadata(page: OfficialDocumentPage, doc: ParsedDocument, issuer_abbreviation: str = "",
                   regions=None, themes=None, issuers=None) -> None:
    """Set ``page``'s metadata fields, regions, themes and citations from ``doc``.

    ``regions`` and ``themes``: the rows of ``doc.regions`` and ``doc.themes`` if the caller has
    them already (an import caches them per batch); looked up otherwise."""
    if regions is None:
        regions = list(Region.objects.filter(slug__in=doc.regions).order_by("path"))
    page.kind = doc.kind if doc.kind in KIND_LABELS else ""  # a "Quy định" is filed without a kind
    page.number = doc.number or ""
    page.issuer = issuing_body(doc.issuer, doc.level, regions[0] if regions else None, issuer_abbreviation, issuers)
    page.level = doc.level or ""
    page.place = doc.place or ""
    page.issued_date = doc.date
    page.subject = doc.subject or ""
    page.summary = doc.subject or ""
    page.recipients = "\n".join(doc.recipients)
    page.distribution = "\n".join(doc.distribution)
    page.signing_capacity = doc.signing_capacity or ""
    page.signer_title = doc.signer_title or ""
    page.signer = doc.signer or ""
    page.regions.set(regions)
    page.themes.set(list(Theme.objects.filter(slug__in=doc.themes)) if themes is None else themes)
    page.citations = [
        DocumentCitation(
            cited_number=cited["number"],
            cited_kind=cited.get("kind") if cited.get("kind") in KIND_LABELS else "",
            cited_date=cited.get("date"),
            cited_issuer=cited.get("issuer") or "",
            sort_order=order,
        )
        for order, cited in enumerate(doc.cited)
    ]
