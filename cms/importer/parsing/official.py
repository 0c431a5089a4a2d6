"""One official document: its header, body and closing read by their modules, each field resolved
with where it came from (``FieldNotes``)."""

from __future__ import annotations

import re

from vietnamese.numbers import clean_number, kind_from_number
from vietnamese.text import fix_tones
from vietnamese.vocabulary import KINDS

from .article import headline_kind
from .attachment import kind_named_by_parent
from .body import excerpt, find_sections, split_paragraphs
from .citations import citations, kind_code_for_word, short_references
from .closing import find_body_end, is_person_name, parse_closing
from .dates import valid_date
from .document import ParsedDocument
from .header import authority_issuer, scan_header
from .issuer import canonical_cited_issuer, expand_issuer, issuer_from_block, issuer_from_body, normalize_case, territory_of
from .lines import collapse, is_caps
from .notes import GUESS, LIKELY, FieldNotes
from .subject import sentence_case
from .themes import suggest_themes

_KIND_IN_BODY_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(KINDS[k]) for k in KINDS) + r") này(?!\w)", re.I)


def read_official(lines: list[str], source: str, part: int) -> ParsedDocument:
    notes = FieldNotes()
    doc = ParsedDocument(source=source, part=part)
    header = scan_header(lines, notes.warnings)
    body_end = find_body_end(lines, header.body_start)
    closing = parse_closing(lines[body_end:], notes.warnings)

    _number(doc, header, notes)
    _place_and_date(doc, header, notes)
    paras = split_paragraphs(_untitled_body(lines[header.body_start:body_end], doc, header, notes), notes.warnings)
    doc.body_text = "\n\n".join(paras)
    doc.sections = find_sections(paras, notes.warnings)
    if not paras:
        notes.warn("body", "không có nội dung")
    if header.subject:
        doc.subject = sentence_case(header.subject)
        notes.found("subject", "dòng trích yếu ở tiêu đề")
    elif doc.subject is None:
        notes.missing("subject", "không tìm thấy trích yếu")
    _closing(doc, header, closing, notes)
    _kind(doc, header, notes)
    _issuer(doc, header, lines, notes)

    doc.cited = citations((doc.subject or "") + "\n" + doc.body_text, doc.number)
    for entry in doc.cited:
        entry["issuer"] = canonical_cited_issuer(entry["issuer"], _territory_place(doc))
    doc.references = short_references(doc.body_text, doc.cited)
    doc.themes = suggest_themes(doc.subject or "", doc.body_text)
    doc.warnings = notes.warnings
    doc.provenance = notes.fields
    return doc


def read_attachment(lines: list[str], heading, parent: ParsedDocument, source: str, part: int) -> ParsedDocument:
    """A regulation or plan issued with the document before it: no number of its own; the
    parent's date, issuer and territory."""
    notes = FieldNotes()
    doc = ParsedDocument(source=source, part=part, attachment=True)
    doc.kind = heading.kind or kind_named_by_parent(parent.body_text)
    if heading.kind:
        notes.found("kind", "dòng tên loại văn bản kèm theo")
    elif doc.kind:
        notes.inferred("kind", "Điều 1 của văn bản ban hành", "suy ra từ câu “Ban hành kèm theo …” của văn bản ban hành")
    else:
        notes.missing("kind", "không xác định được loại văn bản kèm theo")
    doc.subject = sentence_case(heading.subject) if heading.subject else None
    if doc.subject:
        notes.found("subject", "dòng tên văn bản kèm theo")
    doc.date = heading.date or parent.date
    notes.found("date", "dòng “Ban hành kèm theo …”" if heading.date else "văn bản ban hành", LIKELY)
    for name in ("issuer", "level", "place", "regions"):
        setattr(doc, name, getattr(parent, name))
        notes.found(name, "văn bản ban hành", LIKELY)
    notes.found("number", "văn bản kèm theo không có số riêng", LIKELY)
    paras = split_paragraphs(lines[heading.body_start:], notes.warnings)
    doc.body_text = "\n\n".join(paras)
    doc.sections = find_sections(paras, notes.warnings)
    doc.cited = citations("\n".join(lines[: heading.body_start]) + "\n" + doc.body_text, None)
    doc.themes = suggest_themes(doc.subject or "", doc.body_text)
    notes.warn("number", "văn bản ban hành kèm theo văn bản trước, không có số riêng; ngày và cơ quan ban hành lấy của văn bản đó")
    doc.warnings = notes.warnings
    doc.provenance = notes.fields
    return doc


# --------------------------------------------------------------------------------------------


def _number(doc, header, notes):
    if header.number_raw is None:
        notes.missing("number", "không tìm thấy số hiệu")
        return
    doc.number = clean_number(header.number_raw)
    if doc.number is None:
        notes.missing("number", "dòng “Số” chưa ghi số")
    else:
        notes.found("number", "dòng “Số:” ở tiêu đề")


def _place_and_date(doc, header, notes):
    if header.date_match is None:
        notes.missing("date", "không tìm thấy dòng địa danh, ngày tháng")
        notes.missing("place", "không tìm thấy địa danh")
        signed = header.signature.get("thoi gian ky")
        if signed:
            notes.warn("date", f"thời gian ký số {signed} không dùng làm ngày ban hành")
        return
    dm = header.date_match
    place = dm.group("place")
    doc.place = collapse(place) if place else None
    if dm.group("y"):
        doc.date = valid_date(dm.group("y"), dm.group("m"), dm.group("d"))
    elif dm.group("y2"):
        doc.date = valid_date(dm.group("y2"), dm.group("m2"), dm.group("d2"))
    if doc.date is None:
        notes.missing("date", f"ngày tháng không hợp lệ hoặc để trống trong “{dm.group(0)}”")
    else:
        notes.found("date", "dòng địa danh, ngày tháng")
    if doc.place is None:
        notes.missing("place", "không có địa danh trên dòng ngày tháng")
    else:
        notes.found("place", "dòng địa danh, ngày tháng")


def _untitled_body(body: list[str], doc, header, notes) -> list[str]:
    """A document posted without its header opens with "KẾ HOẠCH Subject in sentence case"
    (notes H7): the kind and the subject come from that line."""
    if header.title_kind_seen or header.subject:
        return body
    first = next((i for i, line in enumerate(body) if line.strip()), None)
    if first is None:
        return body
    kind, rest = headline_kind(body[first])
    if kind and rest and not is_caps(rest) and len(rest.split()) <= 40 and not body[first].rstrip().endswith((";", ":")):
        header.title_kind, header.title_kind_seen = kind, True
        doc.subject = rest[:1].upper() + rest[1:]
        notes.found("subject", "dòng tên văn bản đầu trang", LIKELY)
        return body[:first] + body[first + 1:]
    return body


def _closing(doc, header, closing, notes):
    doc.recipients = header.recipients
    if not header.kinh_gui:
        notes.missing("recipients", "không có “Kính gửi”")
    doc.distribution = closing["distribution"]
    if not closing["noi_nhan"]:
        notes.missing("distribution", "không tìm thấy “Nơi nhận”")
    for name, message in (
        ("signing_capacity", "không tìm thấy thẩm quyền ký"),
        ("signer_title", "không tìm thấy chức vụ người ký"),
        ("signer", "không tìm thấy họ tên người ký"),
    ):
        value = closing[name]
        setattr(doc, name, fix_tones(value) if value else None)
        if value:
            notes.found(name, "khối chữ ký")
        else:
            notes.missing(name, message)
    if closing["after_name"]:
        notes.warn("signer", "dòng dưới họ tên không dùng: “" + " ".join(closing["after_name"]) + "” (có thể là chức vụ khác của người ký)")
    leftover = [x for x in closing["leftover"] if x]
    if leftover:
        notes.warn("closing", "phần cuối không nhận dạng được, đã bỏ qua: “" + excerpt(" ".join(leftover), 10) + "”")


def _kind(doc, header, notes):
    from_number = kind_from_number(doc.number)
    if header.title_kind:
        doc.kind = header.title_kind
        notes.found("kind", "dòng tên loại văn bản")
        if from_number and from_number != doc.kind:
            notes.warn("kind", f"tên loại “{KINDS.get(doc.kind, doc.kind)}” không khớp ký hiệu trong số hiệu (“{KINDS.get(from_number, from_number)}”)")
    elif from_number:
        doc.kind = from_number
        notes.found("kind", "ký hiệu trong số hiệu", LIKELY)
    elif header.subject is not None and not header.title_kind_seen:
        doc.kind = "cong_van"
        notes.found("kind", "dòng “V/v” (công văn)", LIKELY)
    else:
        m = _KIND_IN_BODY_RE.search(doc.body_text)
        if m:
            doc.kind = kind_code_for_word(m.group(1))
            notes.inferred("kind", "nội dung", f"suy ra từ “{m.group(0)}” trong nội dung", GUESS)
        else:
            notes.missing("kind", "không xác định được loại văn bản")


def _issuer(doc, header, lines, notes):
    issuer = None
    if header.issuer_lines:
        fuller = authority_issuer(header.authority, header.issuer_lines[0])
        issuer = issuer_from_block([fuller] if fuller else header.issuer_lines[0])
        notes.found("issuer", "dòng thẩm quyền dưới tên văn bản" if fuller else "tên cơ quan ở tiêu đề")
    if issuer is None:
        for key in ("co quan", "nguoi ky"):
            value = header.signature.get(key)
            if value and not is_person_name(value):
                issuer = normalize_case(value)
                notes.inferred("issuer", "chữ ký số", "lấy từ chữ ký số")
                break
    if issuer is None:
        issuer = issuer_from_body(doc.body_text)
        if issuer:
            notes.inferred("issuer", "nội dung", "không có tên cơ quan ở tiêu đề, suy ra từ nội dung", GUESS)
    doc.issuer = expand_issuer(fix_tones(issuer)) if issuer else None
    if doc.issuer is None:
        notes.missing("issuer", "không tìm thấy cơ quan ban hành")

    full_text = "\n".join(line for line in lines if line)
    level, place = territory_of(doc.issuer, full_text, doc.number, notes.warnings)
    doc.level = level
    if level is None:
        notes.missing("level", "không xác định được cấp ban hành")
    else:
        notes.found("level", "tên cơ quan ban hành", LIKELY)
    if place is not None:
        doc.regions = [place.slug]
        notes.found("regions", "tên cơ quan ban hành", LIKELY)
    elif level != "trung_uong":
        notes.missing("regions", "không xác định được địa bàn của cơ quan ban hành")
    doc._territory = place


def _territory_place(doc):
    return getattr(doc, "_territory", None)
