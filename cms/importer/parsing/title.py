"""The page a document becomes: its page type and its title.

An official document is titled "Kind number về subject" ("Công văn 610-CV/TU về triển khai …",
"Kế hoạch thực hiện Chỉ thị …"); an article by its headline. A title never reads "Văn bản N":
with no kind and no subject, the first sentence of the text stands in.
"""

from __future__ import annotations

import re

from .document import ParsedDocument

# Kinds whose subject reads as "about …" ("Công văn về …"); the others name an action or a
# programme right after the kind ("Kế hoạch thực hiện …", "Quyết định ban hành …").
_ABOUT_KINDS = {"cong_van", "thong_tri", "thong_bao", "bao_cao", "to_trinh", None}
_ABOUT_RE = re.compile(r"^(?:v\s*/\s*v|về)\s*[:.]?\s*", re.I)
PLAN_KINDS = {"ke_hoach"}
MAX_TITLE = 250


def page_type_of(doc: ParsedDocument) -> str:
    """A plan page for a plan of its own; a plan issued with a decision is filed with it."""
    if doc.page_type in ("exemplary_case", "propaganda_material"):
        return doc.page_type
    return "plan" if doc.kind in PLAN_KINDS and not doc.attachment else "official_document"


# A title names a cited document by its number: its date and the long form of a central body
# ("Ban Bí thư Trung ương Đảng") are for the text.
_CITED_DATE_RE = re.compile(r"(\d{1,5}[-/][A-Za-zĐđ0-9/\-]*[A-Za-zĐđ])\s*,?\s*ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}")
_CENTRAL_LONG_RE = re.compile(r"\b(Ban Bí thư|Bộ Chính trị)\s+(?:Trung ương|TW)(?:\s+Đảng)?\b")


def official_title(doc: ParsedDocument) -> str:
    subject = (doc.subject or "").strip().rstrip(".")
    subject = _CENTRAL_LONG_RE.sub(r"\1", _CITED_DATE_RE.sub(r"\1", subject))
    label = doc.kind_label
    if label is None:
        head = subject or _first_sentence(doc.body_text) or (doc.issuer or "")
        return head[:MAX_TITLE]
    head = f"{label} {doc.number}" if doc.number else label
    if not subject:
        return head[:MAX_TITLE]
    about = _ABOUT_RE.match(subject)
    if about:
        rest = subject[about.end():]
        text = f"{head} về {rest[:1].lower() + rest[1:]}"
    elif doc.kind in _ABOUT_KINDS:
        text = f"{head} về {subject[:1].lower() + subject[1:]}"
    else:
        text = f"{head} {subject[:1].lower() + subject[1:]}"
    return text[:MAX_TITLE]


def _first_sentence(text: str, words: int = 16) -> str:
    first = re.split(r"(?<=[.!?;:])\s", (text or "").strip(), maxsplit=1)[0]
    parts = first.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def title_of(doc: ParsedDocument) -> str:
    if doc.page_type in ("exemplary_case", "propaganda_material") and doc.subject:
        return doc.subject[:MAX_TITLE]
    return official_title(doc) or "Tài liệu chưa có tiêu đề"
