"""Site chrome around a saved page: menus, loading messages, counters, share and comment blocks,
a legal database's metadata block and title line (notes §2, §3 "Chrome lines").

Chrome lines become blank lines (so line positions stay meaningful); what a metadata block says
(number, kind, issuer, signer, date) is kept apart as the site's claim, used only where the
document itself does not say it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vietnamese.numbers import NUMBER_RE

from .dates import parse_date
from .kind import KIND_KEYS
from .lines import is_header_marker

_CHROME_RE = re.compile(
    r"^(?:"
    r"hệ thống pháp luật|đang tải nội dung.*|hệ thống đang tải nội dung.*|.*vui lòng chờ giây lát.*"
    r"|tóm tắt\s+nội dung\s+vb gốc.*|.*độc quyền cung cấp bản dịch.*"
    r"|tải (?:bản đầy đủ|về|xuống)\b.*|bạn đang xem bản rút gọn.*"
    r"|img|[\w\-]+\.(?:jpe?g|png|gif|webp)"
    r"|ứng dụng đọc báo tự động|âm thanh|chọn giọng đọc"
    r"|\d{1,3}(?:[.,]\d{3})+|\d{1,3}(?:[.,]\d{3})*\s+lượt xem|lượt xem:?\s*[\d.,]*"
    r"|số lượt truy cập|truy cập (?:tổng|hiện tại)\b.*|thống kê truy cập|đang (?:online|truy cập)\b.*"
    r"|viết bình luận(?: mới)?|bình luận|gửi bình luận|\.+"
    r"|chia sẻ(?: với bạn bè| bài viết)?:?|facebook|zalo|twitter|in bài(?: này)?|gửi bài này.*|email"
    r"|en|vi|english|tiếng việt"
    r"|xem tin theo ngày|tìm kiếm tin tức|tìm kiếm|video khác|liên kết website|liên kết|trang chủ"
    r"|/\s*tin tức.*|tin tức\s*/.*|danh mục tin tức|(?:trang chủ|home)\s*[/›»>|]\s*[^.!?]{0,60}"
    r"|\d{5,}|\(\d{1,4}\)"  # a visit counter's figure; a document site's page counter "(1)"
    r"|(?:báo|tạp chí|cổng thông tin|trang thông tin)\b.{2,50}\bđiện tử|(?:cổng|trang) thông tin điện tử\b[^.!?]{0,60}|\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm))?(?:\s*\(?gmt\s*\+\s*7\)?)?"
    r")$",
    re.I,
)
# A list of other headlines starts here: the rest of the page is not the article.
_END_LIST_RE = re.compile(
    r"^(?:các tin (?:tức )?khác|tin (?:liên quan|cùng chuyên mục|khác)|bài (?:viết )?liên quan|"
    r"xem thêm|tin mới(?: nhất)?|đọc nhiều(?: nhất)?)\s*:?$",
    re.I,
)
_HTML_RE = re.compile(r"<[^<>]{1,200}>")
_META_KEYS = (
    "Số hiệu", "Loại văn bản", "Nơi ban hành", "Cơ quan ban hành", "Người ký", "Ngày ban hành",
    "Ngày hiệu lực", "Ngày công báo", "Số công báo", "Lĩnh vực", "Tình trạng", "Ngày hết hiệu lực",
    "Tình trạng hiệu lực", "Ngày có hiệu lực",
)
_META_KEY_RE = re.compile(r"(?:^|\s)(" + "|".join(re.escape(k) for k in _META_KEYS) + r")\s*:\s*", re.I)
_META_LINE_RE = re.compile(r"^(?:" + "|".join(re.escape(k) for k in _META_KEYS) + r")\s*:", re.I)
_KIND_ALT = "|".join(sorted((re.escape(k) for k in KIND_KEYS), key=len, reverse=True))


@dataclass
class SiteMeta:
    """What a legal database printed about the document, apart from the document."""

    number: str | None = None
    kind_label: str | None = None
    issuer: str | None = None
    signer: str | None = None
    date: object = None
    title: str | None = None
    dropped: list[str] = field(default_factory=list)


def _meta_pairs(line: str) -> list[tuple[str, str]]:
    marks = list(_META_KEY_RE.finditer(line))
    pairs = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
        pairs.append((m.group(1).lower(), line[m.end():end].strip()))
    return pairs


def _is_meta_block(lines: list[str], i: int) -> bool:
    """A database's metadata block names several fields ("Số hiệu: … Loại văn bản: …"); a lone
    "Số hiệu: N" line is the document's own number line."""
    keys = sum(len(_meta_pairs(t)) for t in lines[max(0, i - 3): i + 4] if _META_LINE_RE.match(t.strip()))
    return keys >= 2


def _is_site_title(lines: list[str], i: int) -> bool:
    """"Quyết định 1563/QĐ-TTg 2016 về …" above a document whose own header follows."""
    from vietnamese.text import fold

    s = lines[i]
    m = re.match(r"^(\S+(?:\s+\S+){0,3}?)\s+(\S+)", s)
    if not m or s.isupper():
        return False
    words = s.split()
    for n in (3, 2, 1):
        if fold(" ".join(words[:n])) in KIND_KEYS and len(words) > n and NUMBER_RE.fullmatch(words[n].rstrip(".,:")):
            break
    else:
        return False
    return any(is_header_marker(t) for t in lines[i + 1: i + 30] if t)


def strip_chrome(lines: list[str]) -> tuple[list[str], SiteMeta]:
    """Lines with the chrome blanked, and what a metadata block said."""
    out = list(lines)
    meta = SiteMeta()
    first = True
    for i, raw in enumerate(out):
        s = raw.strip()
        if not s:
            continue
        if "<" in s and _HTML_RE.search(s):
            s = _HTML_RE.sub(" ", s).strip()
            out[i] = s
            if not s:
                continue
        if _END_LIST_RE.match(s):
            meta.dropped.extend(x for x in out[i:] if x.strip())
            out[i:] = [""] * (len(out) - i)
            break
        if _CHROME_RE.match(s):
            meta.dropped.append(s)
            out[i] = ""
            continue
        if _META_LINE_RE.match(s) and _is_meta_block(lines, i):
            for key, value in _meta_pairs(s):
                if not value or value.lower().startswith("đang cập nh"):
                    continue
                if key == "số hiệu":
                    meta.number = value
                elif key == "loại văn bản":
                    meta.kind_label = value
                elif key in ("nơi ban hành", "cơ quan ban hành"):
                    meta.issuer = value
                elif key == "người ký":
                    meta.signer = value
                elif key == "ngày ban hành":
                    meta.date = parse_date(value)
            meta.dropped.append(s)
            out[i] = ""
            continue
        if first and _is_site_title(out, i):
            meta.title = s
            meta.dropped.append(s)
            out[i] = ""
        first = False
    return out, meta
