"""Parse the text of Vietnamese official documents into metadata.  Pure Python, no Django.

    >>> docs = parse(text, source="000.txt")      # one file may hold several documents
    >>> docs[0].number, docs[0].issuer, docs[0].date
    ('610-CV/TU', 'Tỉnh ủy Bắc Giang', datetime.date(2021, 8, 19))

The layout follows Nghị định 30/2020/NĐ-CP (state bodies) and Hướng dẫn 36-HD/VPTW (Party
bodies): issuer and motto, number ("Số"), place and date, subject ("V/v ..." or a title under the
kind: "KẾ HOẠCH ..."), "Kính gửi", body, "Nơi nhận", signing capacity, title and name.  Real
files bend that layout (converted scans, markdown residue, two documents in one file, missing
parts), so each part is looked for on its own and the parser never needs the others to be there.

Where a field is missing the parser gives None (or []) and a warning; it never guesses.  Where a
value is found somewhere unusual (the issuer only in the body) the parser says so in a warning.
"""

from __future__ import annotations

import re

from vietnamese.numbers import clean_number, kind_from_number
from vietnamese.text import fix_tones, fold  # noqa: F401  (fold: the one folding, shared)
from vietnamese.vocabulary import KINDS

from .parsing.attachment import kind_named_by_parent, read_heading
from .parsing.body import split_paragraphs, find_sections, excerpt
from .parsing.chrome import strip_chrome
from .parsing.citations import citations, kind_code_for_word
from .parsing.closing import find_body_end, is_person_name, parse_closing
from .parsing.dates import parse_date, valid_date
from .parsing.document import ParsedDocument
from .parsing.header import authority_issuer, scan_header
from .parsing.issuer import territory_of, canonical_cited_issuer, expand_issuer, issuer_from_block, issuer_from_body, normalize_case
from .parsing.lines import collapse
from .parsing.normalize import preprocess
from .parsing.split import split_documents
from .parsing.subject import sentence_case
from .parsing.themes import suggest_themes

__all__ = ["ParsedDocument", "normalize_case", "parse", "parse_date", "suggest_themes"]


def parse(text: str, source: str = "") -> list[ParsedDocument]:
    """Parse ``text`` (one file) into its documents.  Empty text gives an empty list."""
    if text is None or not text.strip():
        return []
    lines, site = strip_chrome(preprocess(text))
    docs: list[ParsedDocument] = []
    for part, (start, end) in enumerate(split_documents(lines)):
        part_lines = lines[start:end]
        heading = read_heading(part_lines) if docs else None
        if heading is not None:
            docs.append(_parse_attachment(part_lines, heading, docs[-1], source, part))
        else:
            docs.append(_parse_one(part_lines, source, part))
    if docs and site.signer and docs[0].signer is None and is_person_name(site.signer):
        docs[0].signer = site.signer
        docs[0].warnings = [w for w in docs[0].warnings if not w.startswith("signer:")]
        docs[0].warnings.append("Người ký lấy từ phần thông tin của trang web, không có trong văn bản.")
    return docs


def _parse_attachment(lines: list[str], heading, parent: ParsedDocument, source: str, part: int) -> ParsedDocument:
    """A regulation or plan issued with the document before it: no number of its own; the
    parent's date, issuer and territory."""
    warnings: list[str] = []
    doc = ParsedDocument(source=source, part=part)
    doc.kind = heading.kind or kind_named_by_parent(parent.body_text)
    if doc.kind is None:
        warnings.append("Không xác định được loại văn bản kèm theo.")
    doc.subject = sentence_case(heading.subject) if heading.subject else None
    doc.date = heading.date or parent.date
    for name in ("issuer", "level", "place", "regions"):
        setattr(doc, name, getattr(parent, name))
    paras = split_paragraphs(lines[heading.body_start:], warnings)
    doc.body_text = "\n\n".join(paras)
    doc.sections = find_sections(paras, warnings)
    doc.cited = citations("\n".join(lines[:heading.body_start]) + "\n" + doc.body_text, None)
    doc.themes = suggest_themes(doc.subject or "", doc.body_text)
    warnings.append("Văn bản ban hành kèm theo văn bản trước: không có số riêng; ngày, cơ quan ban hành lấy của văn bản đó.")
    doc.warnings = warnings
    return doc


def _parse_one(lines: list[str], source: str, part: int) -> ParsedDocument:
    warnings: list[str] = []
    doc = ParsedDocument(source=source, part=part)

    header = scan_header(lines, warnings)
    body_end = find_body_end(lines, header.body_start)
    body_lines = lines[header.body_start:body_end]
    closing = parse_closing(lines[body_end:], warnings)

    # number
    if header.number_raw is not None:
        doc.number = clean_number(header.number_raw)
        if doc.number is None:
            warnings.append("number: number line without a number (dòng “Số” chưa ghi số)")
    else:
        warnings.append("number: not found (không tìm thấy số hiệu)")

    # place and date
    if header.date_match is not None:
        dm = header.date_match
        place = dm.group("place")
        doc.place = collapse(place) if place else None
        if dm.group("y"):
            doc.date = valid_date(dm.group("y"), dm.group("m"), dm.group("d"))
        elif dm.group("y2"):
            doc.date = valid_date(dm.group("y2"), dm.group("m2"), dm.group("d2"))
        if doc.date is None:
            warnings.append(f"date: not a valid date in “{dm.group(0)}” (ngày tháng không hợp lệ hoặc để trống)")
        if doc.place is None:
            warnings.append("place: not found (không có địa danh trên dòng ngày tháng)")
    else:
        warnings.append("date: not found (không tìm thấy dòng địa danh, ngày tháng)")
        warnings.append("place: not found (không tìm thấy địa danh)")
        signed = header.signature.get("thoi gian ky")
        if signed:
            warnings.append(f"date: digital signature time {signed} not used as the issue date (thời gian ký số)")

    # body
    paras = split_paragraphs(body_lines, warnings)
    doc.body_text = "\n\n".join(paras)
    doc.sections = find_sections(paras, warnings)
    if not paras:
        warnings.append("body: empty (không có nội dung)")

    # subject
    doc.subject = sentence_case(header.subject) if header.subject else None
    if doc.subject is None:
        warnings.append("subject: not found (không tìm thấy trích yếu)")

    # recipients and closing
    doc.recipients = header.recipients
    if not header.kinh_gui:
        warnings.append("recipients: no “Kính gửi” (không có nơi gửi)")
    doc.distribution = closing["distribution"]
    if not closing["noi_nhan"]:
        warnings.append("distribution: not found (không tìm thấy “Nơi nhận”)")
    doc.signing_capacity = closing["signing_capacity"]
    doc.signer_title = closing["signer_title"]
    doc.signer = closing["signer"]
    if doc.signing_capacity is None:
        warnings.append("signing_capacity: not found (không tìm thấy thẩm quyền ký)")
    if doc.signer_title is None:
        warnings.append("signer_title: not found (không tìm thấy chức vụ người ký)")
    if doc.signer is None:
        warnings.append("signer: not found (không tìm thấy họ tên người ký)")
    if closing["after_name"]:
        warnings.append(
            "signer: text under the name not used: “" + " ".join(closing["after_name"]) + "” "
            "(dòng dưới họ tên, có thể là chức vụ khác của người ký)"
        )
    leftover = [x for x in closing["leftover"] if x]
    if leftover:
        warnings.append(
            "closing: text not understood, ignored: “" + excerpt(" ".join(leftover), 10) + "” (phần cuối không nhận dạng được)"
        )

    # kind
    from_number = kind_from_number(doc.number)
    if header.title_kind:
        doc.kind = header.title_kind
        if from_number and from_number != doc.kind:
            warnings.append(f"kind: title says {doc.kind}, number says {from_number} (loại văn bản không khớp số hiệu)")
    elif from_number:
        doc.kind = from_number
    elif header.subject is not None and not header.title_kind_seen:
        doc.kind = "cong_van"
    else:
        m = re.search(r"(?<!\w)(" + "|".join(re.escape(KINDS[k]) for k in KINDS) + r") này(?!\w)", doc.body_text, re.I)
        if m:
            doc.kind = kind_code_for_word(m.group(1))
            warnings.append(f"kind: inferred from “{m.group(0)}” in the body (suy ra từ nội dung)")
        else:
            warnings.append("kind: not found (không xác định được loại văn bản)")

    # issuer
    full_text = "\n".join(l for l in lines if l)
    issuer = None
    if header.issuer_lines:
        fuller = authority_issuer(header.authority, header.issuer_lines[0])
        issuer = issuer_from_block([fuller] if fuller else header.issuer_lines[0])
    if issuer is None:
        for key in ("co quan", "nguoi ky"):
            value = header.signature.get(key)
            if value and not is_person_name(value):
                issuer = normalize_case(value)
                warnings.append("issuer: taken from the digital signature (lấy từ chữ ký số)")
                break
    if issuer is None:
        issuer = issuer_from_body(doc.body_text)
        if issuer:
            warnings.append("issuer: inferred from the body text (không có tên cơ quan ở tiêu đề, suy ra từ nội dung)")
    doc.issuer = expand_issuer(fix_tones(issuer)) if issuer else None
    if doc.issuer is None:
        warnings.append("issuer: not found (không tìm thấy cơ quan ban hành)")

    # level and regions
    level, place = territory_of(doc.issuer, full_text, doc.number, warnings)
    doc.level = level
    if level is None:
        warnings.append("level: not found (không xác định được cấp ban hành)")
    if place is not None:
        doc.regions = [place.slug]
    elif level != "trung_uong":
        warnings.append("regions: issuer's territory not found (không xác định được địa bàn)")

    # signing fields in the house style
    for attr in ("signing_capacity", "signer_title", "signer"):
        value = getattr(doc, attr)
        if value:
            setattr(doc, attr, fix_tones(value))

    doc.cited = citations((doc.subject or "") + "\n" + doc.body_text, doc.number)
    for entry in doc.cited:
        entry["issuer"] = canonical_cited_issuer(entry["issuer"], place)
    doc.themes = suggest_themes(doc.subject or "", doc.body_text)
    doc.warnings = warnings
    return doc
