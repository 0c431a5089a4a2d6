"""News and web pages (notes §3): headline, the article's own date, byline, lead, body.

    [date banner or site chrome]
    Headline (sometimes with the date glued on)
    [date line] [view count]
    [LEAD PREFIX -] Lead paragraph
    body paragraphs, photo captions
    Byline

A page is an article when none of an official document's header marks (motto, "Số:" line,
"Kính gửi", a kind title in capitals) stands near its top. The documents an article names are
citations, never its own number.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from vietnamese.text import fix_tones, fold

from .closing import is_person_name
from .dates import valid_date
from .kind import KIND_KEYS, kind_from_words
from .dates import DATE_LINE_RE, is_date_line
from .issuer import ORG_START_RE
from .lines import capitalize_words, collapse, is_capacity, is_caps, is_kinh_gui, is_motto, is_noi_nhan, word_count
from .number import is_number_line
from .places import province_runs
from .subject import sentence_case

_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật)"
_DMY = r"(?P<d>\d{1,2})\s*[/\-.]\s*(?P<m>\d{1,2})\s*[/\-.]\s*(?P<y>(?:19|20)\d{2})"
_WORDS = r"ngày\s*(?P<wd>\d{1,2})\s*tháng\s*(?P<wm>\d{1,2})\s*năm\s*(?P<wy>(?:19|20)\d{2})"
_ISO = r"(?P<iy>(?:19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
_ANY_DATE_RE = re.compile(r"(?<!\d)(?:" + _ISO + r"|" + _DMY + r"|" + _WORDS + r")(?!\d)", re.I)
_TIME_RE = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?'?\s*(?:AM|PM|SA|CH)?", re.I)
# A line that is only a date stamp: "Cập nhật ngày: 12/03/2024", "Thứ Năm, 12/03/2024, 09:15 GMT+7",
# "09:15, 12/03/2024", "Ngày đăng 12/03/2024 | 09:15 | Lượt xem: 5", "Thời sự 12-03-2024",
# "12/03/2024 09:15' Gửi bài này In bài này" (the share links printed beside it).
_STAMP_WORDS_RE = re.compile(
    r"\b(?:cập nhật(?: ngày| lúc)?|ngày đăng|đăng (?:ngày|lúc)|thời sự|gmt\s*\+?\s*7|lượt xem|"
    r"gửi bài(?: này)?|in bài(?: này)?|" + _WEEKDAY + r")\b|[|,:()\[\]'\-]",
    re.I,
)
_WEEKDAY_LINE_RE = re.compile(r"^\s*" + _WEEKDAY + r"\b", re.I)
_SAVED_DATE_PREFIX_RE = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s*$", re.I)
_GLUED_DATE_RE = re.compile(
    r"\s*(?:\(\s*(?:" + _TIME_RE.pattern + r")?\s*" + _DMY.replace("?P<", "?P<g") + r"\s*\)"
    r"|" + _DMY.replace("?P<", "?P<h") + r"(?:\s*[-,|]?\s*(?:" + _TIME_RE.pattern + r"))?"
    r"|(?:" + _TIME_RE.pattern + r")\s*[-,|]?\s*" + _DMY.replace("?P<", "?P<t") + r")\s*$",
    re.I,
)
# "(PLO)- ", "(Mặt trận) -", "XYZ - ", "XYZ-", "(Báo X)-", "ABC-Ngày …"
_LEAD_PREFIX_RE = re.compile(r"^(?:\([^()]{1,30}\)\s*[-–—]\s*|[A-ZĐ][A-ZĐ0-9.]{1,14}\s*[-–—]\s*)(?=[^\W\d_])")
_BYLINE_RE = re.compile(
    r"^(?:(?:tin|bài|tin,? ảnh|bài,? ảnh|ảnh|nguồn|thực hiện|theo)\s*:\s*\S.{0,80}"
    r"|[A-ZĐ]{2,4}"
    r"|\(?(?:ảnh|nguồn)\s*:\s*[^()]{2,60}\)?)$",
    re.I,
)
_CAPTION_WORDS = ("ảnh:", "(ảnh", "quang cảnh", "các đại biểu", "đ/c ", "đồng chí ")
# Words of praise make a page an exemplary case wherever its headline or first paragraphs use them;
# topic words (a model, an OCOP product, a success) only in the headline: a meeting's report names
# the OCOP products or models shown in passing, a page about one exemplar puts it in its headline.
_EXEMPLARY_RE = re.compile(
    r"\b(?:gương|điển hình|tiêu biểu|tuyên dương|vinh danh|khen thưởng|người tốt|việc tốt|"
    r"làm theo|nêu gương|đi đầu|bằng khen|giấy khen)\b",
    re.I,
)
_EXEMPLARY_TOPIC_RE = re.compile(
    r"\b(?:mô hình|thành công|khởi nghiệp|sản phẩm ocop|ocop \d sao|đạt (?:chuẩn|chứng nhận) ocop)\b", re.I
)
# A numbered section heading ("I. SỰ RA ĐỜI …", "1. MỤC ĐÍCH"): the text has begun.
_SECTION_HEADING_RE = re.compile(r"^\s*(?:[IVXLC]{1,6}|\d{1,2})\s*[.)]\s", re.I)


@dataclass
class Article:
    headline: str | None = None
    date: datetime.date | None = None
    date_source: str = ""
    byline: str | None = None
    lead: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    exemplary: bool = False


def _date_of(m: re.Match) -> datetime.date | None:
    g = m.groupdict()
    if g.get("iy"):
        return valid_date(g["iy"], g["im"], g["id"])
    if g.get("wy"):
        return valid_date(g["wy"], g["wm"], g["wd"])
    return valid_date(g["y"], g["m"], g["d"])


def stamp_date(line: str) -> datetime.date | None:
    """The date of a line that is only a date stamp (words like "Cập nhật", weekday, time,
    separators and view counts around one date); None for any other line."""
    m = _ANY_DATE_RE.search(line)
    if not m:
        return None
    rest = line[: m.start()] + " " + line[m.end():]
    rest = _TIME_RE.sub(" ", rest)
    rest = _STAMP_WORDS_RE.sub(" ", rest)
    rest = re.sub(r"[\d.,\s]+", " ", rest).strip()
    return _date_of(m) if len(rest.split()) <= 1 else None


def looks_official(lines: list[str]) -> bool:
    """Header marks of an official document near the top: motto, "Số:" line, "Kính gửi",
    or a kind title in capitals ("KẾ HOẠCH", "QUYẾT ĐỊNH")."""
    seen = 0
    for raw in lines:
        s = raw.strip()
        if not s:
            continue
        seen += 1
        if seen > 40:
            break
        if is_motto(s) or is_number_line(s) or is_kinh_gui(s) or is_noi_nhan(s) or is_capacity(s):
            return True
        if is_date_line(s) and DATE_LINE_RE.match(s).group("place") and not _WEEKDAY_LINE_RE.match(s):
            return True  # "Hà Nội, ngày 5 tháng 3 năm 2024": an issue date, not a post stamp
        if is_caps(s) and word_count(s) <= 4 and kind_from_words(s) not in (False, None):
            return True
        if seen <= 3 and is_caps(s) and word_count(s) <= 7 and ORG_START_RE.match(fix_tones(s)):
            return True  # an issuer heading ("TỈNH ỦY BẮC GIANG"), not a headline in capitals
        if fold(s).startswith("can cu ") and seen <= 6:
            return True  # a document posted without its header: the body starts with "Căn cứ"
    return False


def _strip_glued_date(line: str) -> tuple[str, datetime.date | None]:
    m = _GLUED_DATE_RE.search(line)
    if not m or m.start() < 10:
        return line, None
    g = m.groupdict()
    key = next(k for k in "ght" if g.get(k + "y"))
    date = valid_date(g[key + "y"], g[key + "m"], g[key + "d"])
    return line[: m.start()].rstrip(" -–|,"), date


def _is_byline(line: str) -> bool:
    s = line.strip()
    if _BYLINE_RE.match(s):
        return True
    if is_person_name(s) and word_count(s) <= 4:
        return True
    m = re.match(r"^(?P<name>[^–\-]{3,40}?)\s+[–\-]\s+(?P<org>.{3,60})$", s)
    return bool(m and is_person_name(m.group("name")) and not s.endswith("."))


def _is_headline(line: str) -> bool:
    """A headline is short and is not a sentence of the text (no closing full stop)."""
    words = word_count(line)
    return 2 <= words <= 40 and not (line.rstrip().endswith((".", ";", ":")) and words > 12)


def _is_top_chrome(items: list[str], k: int) -> int:
    """How many lines at ``k`` are the site's furniture above the headline (0 if none): a date
    banner (a weekday date before the headline is today's date, not the article's), a section name
    printed twice, a slogan banner ("Đẩy mạnh … chào mừng Đại hội …!"), a short section label."""
    line = items[k]
    following = items[k + 1] if k + 1 < len(items) else ""
    if stamp_date(line) is not None or not line.strip(" .|/-"):
        return 1
    if following and line == following and word_count(line) <= 6:
        return 2
    if line.rstrip().endswith("!") and word_count(line) <= 25 and stamp_date(following) is None:
        return 1  # a slogan banner, not a headline ending in "!" with its date under it
    if (word_count(line) <= 3 and not is_caps(line) and word_count(following) > word_count(line) + 2
            and stamp_date(following) is None):
        return 1  # "Chính trị", "Kinh tế" above the headline (a short headline has its date under it)
    return 0


def _headline_index(items: list[str]) -> int:
    k = 0
    while k < len(items) and k < 6:
        n = _is_top_chrome(items, k)
        if not n:
            break
        k += n
    if k + 1 < len(items) and _is_masthead_above_headline(items[k], items[k + 1], items[k + 2] if k + 2 < len(items) else ""):
        k += 1
    return k


# A section label: two short names joined by a separator ("TIN TỨC - SỰ KIỆN", "Kinh tế | Xã hội").
_SECTION_LABEL_RE = re.compile(r"^[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3} [-–|/»›] [^\W\d_]+(?: [^\W\d_]+){0,3}$")


def _is_masthead_above_headline(line: str, following: str, after: str) -> bool:
    """A short line over a headline that carries its date (glued to it, or a stamp right under
    it) is the site's name or a section label ("Ban Tuyên giáo Tỉnh ủy X", "TIN TỨC - SỰ KIỆN"):
    the article's date follows the headline (notes §3), so the dated line is the headline, unless
    the two lines are one headline in capitals or the short line carries its own date."""
    headline, glued = _strip_glued_date(following)
    if glued is None and (stamp_date(after) is None or stamp_date(following) is not None):
        return False
    if stamp_date(line) is not None or word_count(line) > 8 or line.rstrip().endswith((".", ":", ";", ",")):
        return False
    if _GLUED_DATE_RE.search(line):
        return False
    if is_caps(line) and _continues_caps_headline(line, headline) and not _SECTION_LABEL_RE.match(line):
        return False
    return _is_headline(headline) and not headline.rstrip().endswith(".")


def _continues_caps_headline(headline: str, line: str) -> bool:
    return (is_caps(line) and stamp_date(line) is None and not line.rstrip().endswith(".")
            and not _SECTION_HEADING_RE.match(line) and word_count(headline) + word_count(line) <= 40)


def headline_case(headline: str) -> str:
    """A headline in capitals in sentence case, names kept: the issuer's rules ("Mặt trận Tổ quốc
    tỉnh Bắc Giang"), and province names a headline often opens with ("HÀ TĨNH: …")."""
    if not is_caps(headline):
        return headline
    words = sentence_case(headline).split(" ")
    caps = collapse(fix_tones(headline)).split(" ")
    if len(caps) == len(words):  # word for word, so the capitals' positions are the words'
        for i, n, _prov in province_runs([w.strip("“”\"'(),.;:") for w in caps]):
            for j in range(i, i + n):
                words[j] = capitalize_words(words[j])
    return " ".join(words)


def read_article(lines: list[str]) -> Article:
    art = Article()
    items = [collapse(x) for x in lines if x and x.strip()]
    items = [x for x in items if not _SAVED_DATE_PREFIX_RE.match(x)]
    k = _headline_index(items)
    if k >= len(items):
        return art
    headline, glued = _strip_glued_date(items[k])
    if not _is_headline(headline) or k + 1 >= len(items):
        art.paragraphs = items[k:]  # no headline: the text starts at once
        return art
    while not glued and is_caps(headline) and k + 1 < len(items) and _continues_caps_headline(headline, items[k + 1]):
        k += 1  # a headline in capitals set over two lines ("BÀI TUYÊN TRUYỀN" ⏎ "VỀ CUỘC VẬN ĐỘNG …")
        line, glued = _strip_glued_date(items[k])
        headline = f"{headline} {line}"
    art.headline = headline_case(headline)
    if glued:
        art.date, art.date_source = glued, "dòng tiêu đề"
    body = items[k + 1:]
    # the article's date: a stamp line right under the headline, or an ISO date opening the lead
    for j, line in enumerate(body[:3]):
        date = stamp_date(line)
        if date is not None:
            if art.date is None:
                art.date, art.date_source = date, "dòng ngày đăng dưới tiêu đề"
            body = body[:j] + body[j + 1:]
            break
        m = re.match(r"^" + _ISO + r"\s*[-–]\s*", line)
        if m:
            if art.date is None:
                art.date, art.date_source = _date_of(m), "ngày đầu đoạn mở đầu"
            body[j] = line[m.end():]
            break
    if art.date is None:
        # a stamp above the headline that is not a weekday banner ("Thời sự 05-08-2024") dates the
        # article when nothing under the headline does (a weekday banner is today's date, notes §3)
        above = [stamp_date(x) for x in items[:k] if not _WEEKDAY_LINE_RE.match(x)]
        dated = [d for d in above if d is not None]
        if dated:
            art.date, art.date_source = dated[-1], "dòng ngày trên tiêu đề"
    # byline: short lines at the end
    while body and _is_byline(body[-1]) and len(body) > 1:
        art.byline = body.pop().strip()
        break
    paras = list(body)
    if paras:
        m = _LEAD_PREFIX_RE.match(paras[0])
        if m and paras[0][m.end()].isupper():
            paras[0] = paras[0][m.end():]
        art.lead = paras[0]
        if len(art.lead) > 60:  # the lead printed twice (teaser, then the body), with or without its prefix
            paras = paras[:1] + [p for p in paras[1:] if p != art.lead]
    art.paragraphs = paras
    head = " ".join([art.headline or ""] + paras[:2])
    art.exemplary = bool(_EXEMPLARY_RE.search(head) or _EXEMPLARY_TOPIC_RE.search(art.headline or ""))
    return art


def headline_kind(headline: str | None) -> tuple[str | None, str]:
    """(kind, rest) when a headline opens with a kind word ("Kế hoạch triển khai …")."""
    if not headline:
        return None, ""
    words = headline.split()
    for n in (3, 2, 1):
        if len(words) > n and fold(" ".join(words[:n])) in KIND_KEYS:
            return KIND_KEYS[fold(" ".join(words[:n]))], " ".join(words[n:])
    return None, ""
