"""Parse the text of Vietnamese official documents and campaign web pages into metadata.
Pure Python, no Django.

    >>> docs = parse(text, source="000.txt")      # one file may hold several documents
    >>> docs[0].number, docs[0].issuer, docs[0].date
    ('610-CV/TU', 'Tỉnh ủy Bắc Giang', datetime.date(2021, 8, 19))

The layout follows Nghị định 30/2020/NĐ-CP (state bodies) and Hướng dẫn 36-HD/VPTW (Party
bodies): issuer and motto, number ("Số"), place and date, subject ("V/v ..." or a title under the
kind: "KẾ HOẠCH ..."), "Kính gửi", body, "Nơi nhận", signing capacity, title and name.  Real
files bend that layout (tables flattened by web pages, site chrome, two documents in one file,
missing parts: ../shared/notes/real-world-layouts.md), and news pages have another one
(headline, date, lead, byline).  Each part is read by its module in ``cms.importer.parsing``;
this module only puts them in order.

Where a field is missing the parser gives None (or []) and a Vietnamese warning; it never
guesses.  Each field records where it was read and how sure the parser is (``provenance``).
"""

from __future__ import annotations

from vietnamese.numbers import clean_number  # noqa: F401  (the one number grammar, re-exported)
from vietnamese.text import fix_tones, fold  # noqa: F401  (the one folding, re-exported)

from .parsing.article import looks_official
from .parsing.attachment import read_heading
from .parsing.chrome import SiteMeta, strip_chrome
from .parsing.closing import is_person_name
from .parsing.dates import parse_date
from .parsing.document import ParsedDocument
from .parsing.issuer import normalize_case
from .parsing.lines import is_capacity, is_caps, is_header_marker
from .parsing.news import read_news
from .parsing.normalize import preprocess
from .parsing.official import read_attachment, read_official
from .parsing.record import rewrite_record
from .parsing.split import split_documents
from .parsing.themes import suggest_themes
from .parsing.title import page_type_of, title_of

__all__ = ["ParsedDocument", "normalize_case", "parse", "parse_date", "suggest_themes"]


def parse(text: str, source: str = "") -> list[ParsedDocument]:
    """Parse ``text`` (one file) into its documents.  Empty text gives an empty list."""
    if text is None or not text.strip():
        return []
    lines, site = strip_chrome(preprocess(text))
    lines, record_signer = rewrite_record(lines)
    if not any(line.strip() for line in lines):
        return []
    if looks_official(lines):
        docs = _official_documents(lines, source)
        _fill_from_site(docs[0], site, record_signer)
    else:
        docs = [read_news(lines, source)]
    for doc in docs:
        doc.page_type = page_type_of(doc)
        doc.title = title_of(doc)
    return docs


def _official_documents(lines: list[str], source: str) -> list[ParsedDocument]:
    docs: list[ParsedDocument] = []
    bounds = split_documents(lines)
    intro = None
    first = [x.strip() for x in lines[bounds[0][0]:bounds[0][1]] if x.strip()] if bounds else []
    if len(bounds) > 1 and len(first) <= 4 and sum(map(len, first)) <= 600 and not any(
        is_header_marker(x) or is_caps(x) or is_capacity(x) for x in first
    ):
        # a news page's few lines of introduction before the document it prints whole ("Ban Biên
        # tập trân trọng đăng toàn văn …"): the page's words, not a document of its own
        intro = " / ".join(first)
        bounds = bounds[1:]
    for part, (start, end) in enumerate(bounds):
        part_lines = lines[start:end]
        heading = read_heading(part_lines) if docs else None
        if heading is not None:
            docs.append(read_attachment(part_lines, heading, docs[-1], source, part))
        else:
            docs.append(read_official(part_lines, source, part))
    if intro:
        docs[0].warnings.append(f"Bỏ qua phần giới thiệu của trang tin đứng trước văn bản: “{intro[:200]}”")
    return docs


def _fill_from_site(doc: ParsedDocument, site: SiteMeta, record_signer: str | None) -> None:
    """The signer of a database record's flattened line, or of a site's metadata block, where
    the document's own closing block does not name one."""
    signer, source = (record_signer, "dòng người ký của bản ghi") if record_signer else (site.signer, "thông tin của trang web")
    if doc.signer is None and signer and is_person_name(signer):
        doc.signer = signer
        doc.provenance["signer"] = {"source": source, "confidence": 0.7}
        doc.warnings = [w for w in doc.warnings if not w.startswith("Người ký:")]
        if not record_signer:
            doc.warnings.append("Người ký: lấy từ phần thông tin của trang web, không có trong văn bản")
