"""A news or web page as a document: an article (exemplary case or propaganda material), or an
agency's notice of a document it issued (notes H8: headline = kind + subject, lead
"Ngày D/M/YYYY, ORG ban hành Kế hoạch số N về …")."""

from __future__ import annotations

import re

from vietnamese.numbers import clean_number
from vietnamese.text import fix_tones, fold

from .article import headline_kind, read_article
from .body import find_sections, split_paragraphs
from .citations import citations, short_references
from .dates import parse_date
from .document import ParsedDocument
from .issuer import expand_issuer, main_place, territory_of
from .kind import KIND_KEYS
from .lines import ARABIC_RE, ROMAN_RE, collapse
from .places import province_named
from .notes import LIKELY, SURE, FieldNotes
from .subject import sentence_case
from .themes import suggest_themes

_KIND_WORDS_RE = "|".join(sorted((re.escape(k) for k in KIND_KEYS), key=len, reverse=True))
_ISSUED_RE = re.compile(
    r"(?:(?:ngày|Ngày)\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})\s*,\s*)?"
    r"(?P<org>[A-ZĐÂĂÊÔƠƯÀ-Ỹ][^,;:.()]{2,120}?)\s+(?:đã\s+|vừa\s+)?ban hành\s+"
    r"(?P<kind>[^\s]+(?:\s+[^\s]+){0,2}?)\s+số\s*:?\s*(?P<num>\d[^\s,;]*)",
)


def read_news(lines: list[str], source: str) -> ParsedDocument:
    notes = FieldNotes()
    art = read_article(lines)
    doc = ParsedDocument(source=source, part=0)
    paras = split_paragraphs(art.paragraphs, notes.warnings)
    doc.body_text = "\n\n".join(paras)
    doc.sections = find_sections(paras, notes.warnings)
    doc.byline = art.byline
    doc.date = art.date
    if art.date:
        notes.found("date", art.date_source, LIKELY)
    else:
        notes.missing("date", "trang không ghi ngày đăng bài")
    if art.byline:
        notes.found("byline", "dòng cuối bài", LIKELY)
    if not _as_notice(doc, art, notes):
        doc.page_type = "exemplary_case" if art.exemplary else "propaganda_material"
        doc.subject = art.headline
        if art.headline:
            notes.found("subject", "tiêu đề bài viết", LIKELY)
        else:
            notes.missing("subject", "không tìm thấy tiêu đề bài viết")
        doc.cited = citations(doc.body_text, None)
        notes.found("page_type", "bài viết trên trang tin", LIKELY)
        notes.warn("page_type", "trang tin, không phải văn bản: "
                   + ("gương điển hình" if art.exemplary else "tài liệu tuyên truyền") + "; cần kiểm tra loại trang")
    doc.references = short_references(doc.body_text, doc.cited)
    if not doc.regions:
        place, where = main_place(doc.body_text), "nêu trong bài"
        named = province_named(art.headline or "")
        if named is not None and (place is None or place.province != named.name):
            place, where = named, "nêu ở tiêu đề"  # the headline's province, unless the text names a unit of it
        if place is not None:
            doc.regions = [place.slug]
            notes.inferred("regions", f"địa danh {where}", f"suy ra từ địa danh “{place.name}” {where}", 0.5)
    doc.themes = suggest_themes(doc.subject or "", doc.body_text)
    doc.warnings = notes.warnings
    doc.provenance = notes.fields
    return doc


def _prints_document(paragraphs: list[str]) -> bool:
    """The page goes on with the document itself: its lead introduces it ("… như sau:") or its
    numbered sections follow ("I. MỤC ĐÍCH, YÊU CẦU").  A news item that only reports the issue
    ("UBND huyện vừa ban hành Kế hoạch số N … Theo đó, …") is an article about it."""
    if any(p.rstrip().endswith(":") for p in paragraphs[:2]):
        return True
    return any(ROMAN_RE.match(p) or ARABIC_RE.match(p) for p in paragraphs[1:6])


def _as_notice(doc: ParsedDocument, art, notes: FieldNotes) -> bool:
    """An agency's page announcing its own document: the headline opens with the kind and the
    lead says "ORG ban hành <that kind> số N"; that N is the page's number."""
    kind, rest = headline_kind(art.headline)
    if not kind or not rest:
        return False
    found = None
    for m in _ISSUED_RE.finditer(" ".join(art.paragraphs[:2])):
        if KIND_KEYS.get(fold(m.group("kind"))) == kind:
            found = m
    if found is None or clean_number(found.group("num")) is None or not _prints_document(art.paragraphs):
        return False
    doc.kind = kind
    doc.number = clean_number(found.group("num"))
    doc.subject = sentence_case(rest)
    doc.issuer = expand_issuer(fix_tones(collapse(found.group("org"))))
    issued = parse_date(found.group("date")) if found.group("date") else None
    doc.date = issued or doc.date
    level, place = territory_of(doc.issuer, doc.body_text, doc.number, notes.warnings)
    doc.level = level
    doc.regions = [place.slug] if place else []
    doc.cited = citations(doc.body_text, doc.number)
    for name, source in (("kind", "tiêu đề trang"), ("number", "đoạn mở đầu “… ban hành … số …”"),
                         ("subject", "tiêu đề trang"), ("issuer", "đoạn mở đầu")):
        notes.found(name, source, LIKELY if name != "kind" else SURE)
    notes.warn("page_type", "thông báo trên trang tin của cơ quan ban hành: số hiệu và ngày lấy từ đoạn mở đầu")
    return True
