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

import dataclasses
import datetime
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from vietnamese.gazetteer import Place, gazetteer
from vietnamese.numbers import NUMBER_RE, clean_number, iter_numbers, kind_from_number, number_key, number_type
from vietnamese.text import fix_tones, fold
from vietnamese.vocabulary import (
    ABBREVIATIONS,
    ISSUER_EXPANSIONS,
    KIND_WORDS,
    KINDS,
    PARTY_SUFFIX_LEVEL,
    THEMES,
)

__all__ = ["ParsedDocument", "parse", "parse_date"]


# ============================================================================================
# Result
# ============================================================================================


@dataclass
class ParsedDocument:
    source: str = ""
    part: int = 0
    kind: str | None = None
    number: str | None = None
    issuer: str | None = None
    level: str | None = None
    place: str | None = None
    date: datetime.date | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    body_text: str = ""
    distribution: list[str] = field(default_factory=list)
    signing_capacity: str | None = None
    signer_title: str | None = None
    signer: str | None = None
    cited: list[dict[str, Any]] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str | None:
        return KINDS.get(self.kind) if self.kind else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values: dates as ISO strings, lists copied."""

        def convert(value: Any) -> Any:
            if isinstance(value, datetime.date):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: convert(v) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return [convert(v) for v in value]
            return value

        return {f.name: convert(getattr(self, f.name)) for f in dataclasses.fields(self)}


# ============================================================================================
# Patterns
# ============================================================================================

_DATE_WORDS = r"ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})"
_DATE_NUM = r"(?P<d2>\d{1,2})\s*[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4})"
DATE_IN_TEXT_RE = re.compile(
    r"(?:ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})"
    r"|(?:ngày\s*)?(?P<d2>\d{1,2})\s*[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4}))",
    re.I,
)
# A date line: "Bắc Giang, ngày 19 tháng 8 năm 2021", "TP. Hồ Chí Minh, ngày 5/3/2020",
# "Hà Nội, ngày   tháng   năm 2022" (left blank before signing).
DATE_LINE_RE = re.compile(
    r"^(?:(?P<place>[^\d,:;()]{2,50}?)\s*,\s*)?"
    r"(?:" + _DATE_WORDS + r"|(?:ngày\s*)?" + _DATE_NUM + r"|(?P<blank>ngày[\s.…_]*tháng[\s.…_]*năm\s*\d{0,4}))"
    r"\s*\.?$",
    re.I,
)
# The end of a line that ran into the next document's date line.
RUN_IN_DATE_RE = re.compile(
    r",\s*ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}\s*(?:\*\*)?\s*$", re.I
)

NUMBER_LINE_RE = re.compile(r"^(?:số|so|sô|s\u1ed1)\s*(?:hiệu)?\s*[:.]?\s*(?P<rest>.*)$", re.I)
SUBJECT_LINE_RE = re.compile(r"^(?:v\s*/\s*v|vv|về\s+việc)\s*[:.]?\s*(?P<rest>.*)$", re.I)

_MOTTO_KEYS = (
    "dang cong san viet nam",
    "cong hoa xa hoi chu nghia viet nam",
    "doc lap - tu do - hanh phuc",
    "doc lap tu do hanh phuc",
)

_SIG_LINE_RE = re.compile(
    r"^(?:người ký|ký bởi|email|cơ quan|thời gian ký|chức vụ|ngày ký|signed by|signature)\s*:",
    re.I,
)
_SIG_FRAGMENT_RE = re.compile(r"^(?:\S*@\S*|/\S+|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?)$")

_CAPACITY_RE = re.compile(
    r"^(?:T/M|TM\.?|THAY\s+MẶT|KT\.?|K/T|KÝ\s+THAY|Q\.|TL\.?|T/L|TUQ\.?|THỪA\s+LỆNH|"
    r"THỪA\s+ỦY\s+QUYỀN|THỪA\s+UỶ\s+QUYỀN)(?=[\s.]|$)"
)
_TITLE_RE = re.compile(
    r"^(?:PHÓ\s+|Q\.\s*)?(?:CHỦ\s+TỊCH|BÍ\s+THƯ|TRƯỞNG\s+BAN|GIÁM\s+ĐỐC|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|"
    r"THỨ\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+PHÒNG|TỔNG\s+BÍ\s+THƯ|CHỦ\s+NHIỆM|TRƯỞNG\s+ĐOÀN|"
    r"VIỆN\s+TRƯỞNG|CỤC\s+TRƯỞNG|TỔNG\s+CỤC\s+TRƯỞNG|HIỆU\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC)\b"
)
_SIGNED_MARK_RE = re.compile(r"^[\[(]?\s*(?:đã\s+ký|ký(?:,| và)?\s+(?:tên|ghi rõ|đóng dấu).*|daky|chữ ký số.*)\s*[\])]?$", re.I)

_BULLET_RE = re.compile(r"^\s*(?:[-–—•+·●▪]|\*(?=\s))\s*")
_ROMAN_RE = re.compile(r"^(?P<num>[IVXLC]{1,6})\s*[.\-–)/:]\s*(?P<rest>.*)$")
_ARABIC_RE = re.compile(r"^(?P<num>\d{1,2})\s*[.)/]\s*(?!\d)(?P<rest>\S.*)$")

_SURNAMES = {
    fold(s)
    for s in (
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Triệu Đinh Lâm Mai "
        "Trương Tạ Hà Đào Cao Lương Quách Lưu Chu Trịnh Đoàn Vương Kiều Thái Tô Khổng Lã La Phùng "
        "Châu Tăng Giang Lại Nông Lò Sầm Hứa Từ Tôn Thân Mạc Diệp Âu Ông Cù Phí Đàm Doãn Khúc Kim "
        "Nghiêm Quan Bạch Viên Vi Hầu Lục Mã Thạch Ninh Tống Văn Khuất Lương Đồng Hàn Khương Bế Hoàng "
        "Ma Mông Lưu Giáp Thiều Âu Dư Yên Quang Bùi Đậu Chế Uông Ung Trình Thiệu Lò Tòng"
    ).split()
}

_ORG_WORDS = (
    "ủy ban", "uỷ ban", "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy", "ban ",
    "sở ", "bộ ", "phòng ", "hội ", "mặt trận", "ubnd", "hđnd", "mttq", "văn phòng", "đảng",
    "chính phủ", "thủ tướng", "trung ương", "cục ", "chi cục", "đoàn ", "liên đoàn", "hợp tác xã",
    "trường ", "viện ", "trung tâm", "công ty", "tổng cục", "quốc hội",
)


# ============================================================================================
# Small helpers
# ============================================================================================


_WS_RE = re.compile(r"\s+")


def _collapse(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def _is_caps(line: str) -> bool:
    """Mostly upper-case letters (headers, signing blocks); "28/CT-TTg" style mixtures allowed."""
    if len(line) > 400:
        return False
    upper = sum(map(str.isupper, line))
    if upper < 2:
        return False
    lower = sum(map(str.islower, line))
    return upper / (upper + lower) >= 0.85


def _word_count(text: str) -> int:
    return len(text.split())


def _is_blank(line: str) -> bool:
    return not line.strip()


_MOTTO_FLAT = tuple(" ".join(m.replace("-", " ").split()) for m in _MOTTO_KEYS)
_MOTTO_SPLIT_RE = re.compile(r"[\s–—\-.]+")


def _is_motto(line: str) -> bool:
    if len(line) > 90 or not line:
        return False
    flat = " ".join(_MOTTO_SPLIT_RE.split(fold(line))).strip()
    if not flat:
        return False
    if flat in _MOTTO_FLAT:
        return True
    # "CỘNG HÒA ... VIỆT NAM Độc lập - Tự do - Hạnh phúc" on one line
    return flat.startswith("cong hoa xa hoi chu nghia viet nam") and flat.endswith("hanh phuc")


def _is_sig_line(line: str) -> bool:
    s = line.strip()
    return bool(_SIG_LINE_RE.match(s))


def _is_sig_fragment(line: str) -> bool:
    return bool(_SIG_FRAGMENT_RE.match(line.strip()))


@lru_cache(maxsize=8192)
def _is_person_name(line: str, strict: bool = False) -> bool:
    s = line.strip().strip(".")
    if not s or any(ch.isdigit() for ch in s) or re.search(r"[:;,()/\"“”]", s):
        return False
    words = s.split()
    if not 2 <= len(words) <= 6:
        return False
    if not all(w[0].isupper() for w in words):
        return False
    low = s.lower() + " "
    if any(low.startswith(o) or f" {o}" in f" {low}" for o in _ORG_WORDS if o.strip() not in {"hội", "đoàn"}):
        return False
    if _CAPACITY_RE.match(s) or _TITLE_RE.match(s.upper()):
        return False
    if strict or _is_caps(s):
        return fold(words[0]) in _SURNAMES
    return True


def _capitalize_words(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def _join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines of one paragraph; "tuyên tr" + "uyền" -> "tuyên truyền"."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        tail = out.split(" ")[-1]
        if (
            line[0].islower()
            and tail.isalpha()
            and tail.islower()
            and not any(fold(c) in "aeiouy" for c in tail)
        ):
            out += line  # a syllable broken by the conversion
        else:
            out += " " + line
    return _collapse(out) if ("  " in out or "\t" in out or "\n" in out) else out


def _valid_date(y: str | int, m: str | int, d: str | int) -> datetime.date | None:
    try:
        return datetime.date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None


def parse_date(text: str) -> datetime.date | None:
    """First date in ``text``: "ngày 19 tháng 8 năm 2021", "19/5/2021", "19-5-2021", "19.5.2021"."""
    m = DATE_IN_TEXT_RE.search(text or "")
    if not m:
        return None
    if m.group("y"):
        return _valid_date(m.group("y"), m.group("m"), m.group("d"))
    return _valid_date(m.group("y2"), m.group("m2"), m.group("d2"))


def _kind_title(line: str) -> tuple[str | None | bool, str]:
    """(kind, rest) of a title line: "KẾ HOẠCH" -> ("ke_hoach", ""); "BÁO CÁO TỔNG KẾT NĂM 2023"
    -> ("bao_cao", "TỔNG KẾT NĂM 2023"); (False, "") for any other line."""
    exact = _kind_from_words(line)
    if exact is not False:
        return exact, ""
    words = line.split()
    for n in (4, 3, 2):
        if len(words) > n:
            kind = _kind_from_words(" ".join(words[:n]))
            if kind is not False:
                return kind, " ".join(words[n:])
    return False, ""


# Folded kind words -> kind code (first entry wins, as in KIND_WORDS).
_KIND_KEYS: dict[str, str | None] = {}
for _words, _code in KIND_WORDS:
    _KIND_KEYS.setdefault(fold(_words), _code)


def _kind_from_words(text: str) -> str | None | bool:
    """Kind code named by ``text`` (a title line); False if it names none."""
    return _KIND_KEYS.get(fold(text), False)


# ============================================================================================
# Gazetteer look-ups
# ============================================================================================

def _lookup_place_prefix(words: list[str]) -> tuple[int, Place | None, list[Place]]:
    """Longest run of ``words`` (from the start) naming a province or district."""
    gaz = gazetteer()
    for n in range(min(len(words), 5), 0, -1):
        name = " ".join(words[:n]).strip(" ,.;:”\"")
        if not name:
            continue
        prov = gaz.province(name)
        dists = gaz.district(name)
        if prov or dists:
            return n, prov, dists
    return 0, None, []


def _is_place_name(text: str) -> bool:
    text = re.sub(r"^(?:tp\.?|thành phố|tỉnh|huyện|quận|thị xã)\s+", "", text.strip(), flags=re.I)
    if not text:
        return False
    gaz = gazetteer()
    return bool(gaz.province(text) or gaz.district(text))


# ============================================================================================
# Issuer names: all-caps header to normal case
# ============================================================================================

_PHRASES = [
    ("ban chỉ đạo", "Ban Chỉ đạo"),
    ("ban thường vụ", "Ban Thường vụ"),
    ("ban thường trực", "Ban Thường trực"),
    ("ban chấp hành", "Ban Chấp hành"),
    ("ban bí thư", "Ban Bí thư"),
    ("ban cán sự đảng", "Ban cán sự đảng"),
    ("ban tuyên giáo", "Ban Tuyên giáo"),
    ("ban dân vận", "Ban Dân vận"),
    ("ban tổ chức", "Ban Tổ chức"),
    ("ban kinh tế", "Ban Kinh tế"),
    ("ban nội chính", "Ban Nội chính"),
    ("bộ chính trị", "Bộ Chính trị"),
    ("bộ công thương", "Bộ Công Thương"),
    ("sở công thương", "Sở Công Thương"),
    ("mặt trận tổ quốc", "Mặt trận Tổ quốc"),
    ("ủy ban kiểm tra", "Ủy ban Kiểm tra"),
    ("ủy ban", "Ủy ban"),
    ("hội đồng nhân dân", "Hội đồng nhân dân"),
    ("trung ương", "Trung ương"),
    ("chính phủ", "Chính phủ"),
    ("thủ tướng", "Thủ tướng"),
    ("văn phòng", "Văn phòng"),
    ("tỉnh ủy", "Tỉnh ủy"),
    ("thành ủy", "Thành ủy"),
    ("huyện ủy", "Huyện ủy"),
    ("quận ủy", "Quận ủy"),
    ("thị ủy", "Thị ủy"),
    ("đảng ủy", "Đảng ủy"),
    ("đảng bộ", "Đảng bộ"),
    ("đảng đoàn", "Đảng đoàn"),
    ("cuộc vận động", "Cuộc vận động"),
    ("việt nam", "Việt Nam"),
    ("hồ chí minh", "Hồ Chí Minh"),
]
_PHRASE_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p, _ in _PHRASES) + r")(?!\w)")
_PHRASE_MAP = dict(_PHRASES)
_ABBR_KEYS = {fold(a.short).upper(): a.short for a in ABBREVIATIONS}
_UNIT_BEFORE_PLACE_RE = re.compile(
    r"(?<!\w)(tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|đảng bộ|thành phố|thị trấn|thị xã|tỉnh|"
    r"tp\.?|huyện|quận|xã|phường)\s+(?=\w)",
    re.I,
)


def normalize_case(name: str) -> str:
    """"TỈNH ỦY BẮC GIANG" -> "Tỉnh ủy Bắc Giang"; text already in normal case is left alone."""
    name = _collapse(fix_tones(name))
    if not _is_caps(name):
        return name
    words = []
    for word in name.split(" "):
        core = word.strip("“”\"'(),.;:")
        if core and fold(core).upper() in _ABBR_KEYS and core.isupper():
            words.append(word)
        else:
            words.append(word.lower())
    text = " ".join(words)
    text = _PHRASE_RE.sub(lambda m: _PHRASE_MAP[m.group(1)], text)

    # place names after a unit word ("huyện đức thọ" -> "huyện Đức Thọ")
    out = []
    pos = 0
    for m in _UNIT_BEFORE_PLACE_RE.finditer(text):
        if m.start() < pos:
            continue
        rest = text[m.end():]
        if rest.startswith("“") or rest.startswith('"'):
            continue
        words = rest.split(" ")
        n, _prov, _d = _lookup_place_prefix(words)
        if n == 0 and m.group(1).lower() in ("xã", "phường", "thị trấn") and len(words) <= 4:
            n = len(words)  # a commune the gazetteer does not know: the rest is its name
        if n:
            out.append(text[pos:m.end()])
            place = " ".join(words[:n])
            out.append(_capitalize_words(place))
            pos = m.end() + len(place)
    out.append(text[pos:])
    text = "".join(out)

    # first letter, and first letter inside quotes
    text = re.sub(r"^(\W*)(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
    text = re.sub(r"([“\"])(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
    return text


# ============================================================================================
# Pre-processing: line endings, markdown residue, run-in lines
# ============================================================================================

_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")


def _split_run_in(line: str) -> list[str]:
    """"**Lê Thị Thu Hồng** Lạng Sơn, ngày 29 tháng 9 năm 2021" -> name line + date line."""
    if "gày" not in line and "GÀY" not in line:
        return [line]
    m = RUN_IN_DATE_RE.search(line)
    if not m:
        return [line]
    head = line[: m.start()]
    plain_head = head.replace("*", "").strip()
    if not plain_head or _is_place_name(plain_head):
        return [line]
    # the bold markers of the name show where it ends
    if "**" in head:
        cut = head.rfind("**") + 2
        before, place = head[:cut], head[cut:]
        if place.strip() and _is_place_name(place.replace("*", "").strip()) and before.replace("*", "").strip():
            return [before.rstrip(), place.strip() + line[m.start():]]
    words = plain_head.split()
    if len(words) > 10:
        return [line]
    for n in range(min(5, len(words) - 1), 0, -1):
        place = " ".join(words[-n:])
        if _is_place_name(place):
            name = " ".join(words[:-n])
            return [name, place + line[m.start():].replace("**", "")]
    return [line]


_MARKUP_CHARS = frozenset("*#\\_{}^\t\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SEPARATOR_RE = re.compile(r"(?:\\?\*\s*){1,5}|[-_=~]{3,}|(?:\*\s*){3,}|#+")


def _clean_line(line: str) -> str:
    stripped = line.strip()
    if not stripped:
        return ""
    if stripped[0] in "-_=~" and _SEPARATOR_RE.fullmatch(stripped):
        return ""
    if "  " not in stripped and _MARKUP_CHARS.isdisjoint(stripped):
        return stripped
    line = _INVISIBLE_RE.sub("", line).replace("\u00a0", " ").replace("\t", " ")
    stripped = line.strip()
    if _SEPARATOR_RE.fullmatch(stripped):
        return ""
    line = re.sub(r"^\s*#{1,6}\s+", "", line)
    line = re.sub(r"[_^]\{([^{}]*)\}", r" \1", line)  # sub/superscript markup: KTN_{Hương}
    line = line.replace("**", "").replace("__", "")
    line = _MD_ESCAPE_RE.sub(r"\1", line)
    line = re.sub(r"^\s*\*\s+", "- ", line)  # markdown bullet
    line = line.replace("(*)", "\x00").replace("*", "").replace("\x00", "(*)")  # keep footnote marks
    line = re.sub(r"[ ]{2,}", " ", line)
    return line.strip()


def _preprocess(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines: list[str] = []
    for raw in text.split("\n"):
        for piece in _split_run_in(raw):
            lines.append(_clean_line(piece))
    return lines


# ============================================================================================
# Splitting a file into documents
# ============================================================================================


def _is_date_line(line: str) -> bool:
    m = DATE_LINE_RE.match(line.strip())
    if not m:
        return False
    place = m.group("place")
    return place is None or not re.search(r"\d", place)


def _is_number_line(line: str) -> bool:
    m = NUMBER_LINE_RE.match(line.strip())
    if not m:
        return False
    rest = m.group("rest").strip().rstrip(".,;")
    return bool(NUMBER_RE.fullmatch(rest)) or bool(re.fullmatch(r"[\s.…_]*[-/][\w\-/Đđ]*", rest))


def _is_capacity(line: str) -> bool:
    s = line.strip()
    return bool(s) and bool(_CAPACITY_RE.match(s)) and _is_caps(s)


_KINH_GUI_RE = re.compile(r"^[\W_]*k[íi]nh\s*g[ửởưuữỡ][iỉ](?!\w)", re.I)
_NOI_NHAN_RE = re.compile(r"^[\W_]*n[ơo]i\s*nh[ậaâạ]n(?!\w)", re.I)


def _is_kinh_gui(line: str) -> bool:
    return bool(_KINH_GUI_RE.match(line))


def _is_noi_nhan(line: str) -> bool:
    return bool(_NOI_NHAN_RE.match(line))


@lru_cache(maxsize=8192)
def _is_header_marker(line: str) -> bool:
    s = line.strip()
    if len(s) > 160:  # header parts are short lines
        return False
    return bool(s) and (
        _is_motto(s) or _is_number_line(s) or _is_date_line(s) or _is_sig_line(s) or _is_kinh_gui(s)
    )


@lru_cache(maxsize=8192)
def _is_pre_header(line: str) -> bool:
    """Lines that may stand above a document's markers: its issuer, signature stamps."""
    s = line.strip()
    if not s:
        return True
    if _is_sig_line(s) or _is_sig_fragment(s):
        return True
    if _is_caps(s) and not _is_capacity(s) and not _TITLE_RE.match(s) and not _is_person_name(s, strict=True):
        return True
    return False


def _split_documents(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line ranges of the documents in a file.

    A new document starts where a header marker (motto, "Số", date line, "Kính gửi", signature
    stamp) follows body text or a closing block; its issuer lines above the marker go with it.
    Header parts that can be long (the V/v subject, the title under "KẾ HOẠCH", list items)
    are not taken for body text.
    """
    starts = [0]
    seen_body = False
    closing = False
    in_header_field = False  # inside a V/v subject or the title under a kind line
    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            if in_header_field and i < len(lines) and not lines[i].strip():
                in_header_field = False
            continue
        if not seen_body and (SUBJECT_LINE_RE.match(s) or (_is_caps(s) and _kind_title(s)[0] is not False)):
            in_header_field = True
            i += 1
            continue
        if in_header_field and not seen_body and not _is_header_marker(s):
            i += 1
            continue
        in_header_field = False
        if _BULLET_RE.match(s) and not seen_body:
            i += 1
            continue
        if len(s) > 160:  # header parts and signing lines are short: this is body text
            if _is_noi_nhan(s):
                closing = True
            else:
                seen_body = True
            i += 1
            continue
        if (seen_body or closing) and _is_header_marker(s):
            j = i
            while j - 1 > starts[-1] and _is_pre_header(lines[j - 1]):
                j -= 1
            while j < i and _is_blank(lines[j]):
                j += 1
            starts.append(j)
            seen_body = closing = False
            i += 1
            continue
        if _is_noi_nhan(s) or _is_capacity(s):
            closing = True
        elif not _is_caps(s) and _word_count(s) >= 12 and not _is_header_marker(s):
            seen_body = True
        i += 1
    bounds = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        if any(l.strip() for l in lines[start:end]):
            bounds.append((start, end))
    return bounds


# ============================================================================================
# One document
# ============================================================================================


@dataclass
class _Header:
    issuer_lines: list[list[str]] = field(default_factory=list)
    number_raw: str | None = None
    date_match: re.Match | None = None
    subject: str | None = None
    title_kind: str | None = None
    title_kind_seen: bool = False
    recipients: list[str] = field(default_factory=list)
    kinh_gui: bool = False
    signature: dict[str, str] = field(default_factory=dict)
    body_start: int = 0


def _next_nonblank(lines: list[str], i: int) -> int:
    n = len(lines)
    while i < n and not lines[i].strip():
        i += 1
    return i


def _wrap_continues(lines: list[str], j: int, depth: int = 0) -> bool:
    """Does line ``j``, after blank lines, continue a wrapped header field (V/v, title)?

    Converters often put a blank line after every line; a short line that is followed by more
    header (or by another such line) is taken as the field's continuation.
    """
    n = len(lines)
    if j >= n:
        return False
    s = lines[j].strip()
    if (
        not s
        or _is_header_marker(s)
        or _is_caps(s)
        or _BULLET_RE.match(s)
        or _ARABIC_RE.match(s)
        or _ROMAN_RE.match(s)
        or SUBJECT_LINE_RE.match(s)
    ):
        return False
    if s[0].islower():
        return True
    if _word_count(s) > 10 or s.endswith((".", ":", ";")) or depth >= 3:
        return False
    k = _next_nonblank(lines, j + 1)
    if k >= n:
        return False
    t = lines[k].strip()
    return _is_header_marker(t) or _is_caps(t) or _wrap_continues(lines, k, depth + 1)


def _collect_wrapped(lines: list[str], i: int, parts: list[str]) -> int:
    """Append the lines of a wrapped header field starting at ``i``; return the next index."""
    n = len(lines)
    while i < n:
        s = lines[i].strip()
        if s:
            if _is_header_marker(s) or _is_caps(s) or SUBJECT_LINE_RE.match(s):
                break
            parts.append(s)
            i += 1
            continue
        j = _next_nonblank(lines, i)
        if parts and j < n and _wrap_continues(lines, j):
            i = j
            continue
        break
    return i


def _split_inline(rest: str) -> list[str]:
    """Items written on the "Kính gửi:" / "Nơi nhận:" line itself ("Nơi nhận: - Như trên; - Lưu VT")."""
    rest = _BULLET_RE.sub("", rest.strip())
    if not rest:
        return []
    return [p for p in re.split(r"\s*;\s*(?:[-–+•]\s*)?|\s+[-–+•]\s+", rest) if p.strip()]


def _continues_item(item: str, line: str) -> bool:
    """A line without a bullet right after an item: the item wrapped onto it?"""
    if line[0].islower():
        return True
    return item.rstrip().endswith((",", ";")) and _word_count(line) <= 12 and not _is_caps(line)


def _collect_list(lines: list[str], i: int, stop, inline: str = "") -> tuple[list[str], int]:
    """Items of a "Kính gửi" / "Nơi nhận" list whose heading line is just before line ``i``."""
    items: list[str] = _split_inline(inline)
    last_was_item = bool(items)
    n = len(lines)
    while i < n:
        s = lines[i].strip()
        if not s:
            last_was_item = False
            # a blank line ends the list unless the next non-blank line is another item
            j = _next_nonblank(lines, i)
            if j < n and _BULLET_RE.match(lines[j]) and not stop(lines[j].strip()):
                i = j
                continue
            if items and j < n and items[-1].rstrip().endswith((",", ";")):
                t = lines[j].strip()
                if (
                    _word_count(t) <= 8
                    and not stop(t)
                    and not _is_caps(t)
                    and not _is_header_marker(t)
                    and not _ARABIC_RE.match(t)
                    and not _ROMAN_RE.match(t)
                ):
                    items[-1] = _join_lines([items[-1], t])  # a wrapped item after a blank line
                    i = j + 1
                    last_was_item = True
                    continue
            if not items and j < n and j - i <= 2 and _word_count(lines[j]) <= 15 and not stop(lines[j].strip()):
                i = j  # "Kính gửi:" alone, the recipient after a blank line
                continue
            break
        if stop(s):
            break
        if _BULLET_RE.match(s):
            item = _BULLET_RE.sub("", s).strip()
            if item:
                items.append(item)
                last_was_item = True
        elif last_was_item and items and _continues_item(items[-1], s):
            items[-1] = _join_lines([items[-1], s])  # wrapped item
        elif not items and _word_count(s) <= 15:
            items.append(s)  # a single recipient without a bullet
            last_was_item = True
        else:
            break
        i += 1
    return [c for c in (_clean_item(x) for x in items) if c], i


def _clean_item(item: str) -> str:
    item = _collapse(item)
    item = re.sub(r"\s+([,;.])", r"\1", item)
    return item.rstrip(" ,;.").strip()


def _is_issuer_continuation(s: str) -> bool:
    return (
        bool(s)
        and _is_caps(s)
        and not _is_header_marker(s)
        and _kind_from_words(s) is False
        and not _CAPACITY_RE.match(s)
        and not _ROMAN_RE.match(s)
        and not _ARABIC_RE.match(s)
        and not SUBJECT_LINE_RE.match(s)
    )


def _scan_header(lines: list[str], warnings: list[str]) -> _Header:
    h = _Header()
    n = len(lines)
    i = 0
    block: list[str] = []
    body_start: int | None = None

    def end_block():
        nonlocal block
        if block:
            h.issuer_lines.append(block)
            block = []

    while i < n:
        s = lines[i].strip()
        if not s:
            if block:
                j = _next_nonblank(lines, i)
                if j < n and _is_issuer_continuation(lines[j].strip()):
                    i = j  # issuer lines separated by blank lines
                    continue
            end_block()
            i += 1
            continue
        if _is_sig_line(s) or _is_sig_fragment(s):
            end_block()
            m = re.match(r"^([^:]+):\s*(.*)$", s)
            if m:
                h.signature[fold(m.group(1)).strip()] = m.group(2).strip()
            i += 1
            continue
        if _is_motto(s):
            end_block()
            i += 1
            continue
        if h.number_raw is None and _is_number_line(s):
            end_block()
            h.number_raw = NUMBER_LINE_RE.match(s).group("rest")
            i += 1
            continue
        if h.date_match is None and _is_date_line(s):
            end_block()
            h.date_match = DATE_LINE_RE.match(s)
            i += 1
            continue
        m = SUBJECT_LINE_RE.match(s)
        if m and h.subject is None:
            end_block()
            parts = [m.group("rest")] if m.group("rest").strip() else []
            i = _collect_wrapped(lines, i + 1, parts)
            h.subject = _join_lines(parts) or None
            continue
        if _is_kinh_gui(s):
            end_block()
            h.kinh_gui = True
            rest = _KINH_GUI_RE.sub("", s, count=1).lstrip(" :.")
            h.recipients, i = _collect_list(lines, i + 1, _is_noi_nhan, inline=rest)
            j = _next_nonblank(lines, i)
            if j < n and (_is_header_marker(lines[j]) or SUBJECT_LINE_RE.match(lines[j].strip())):
                i = j  # more header after the list (a layout read column by column)
                continue
            body_start = i
            break
        kind, inline_title = (_kind_title(s) if _is_caps(s) else (False, ""))
        if inline_title and not (block or h.issuer_lines or h.number_raw or h.date_match):
            kind = False  # a caps line at the very top that starts like a kind is the issuer
        if kind is not False and not h.title_kind_seen:
            end_block()
            h.title_kind_seen = True
            h.title_kind = kind
            i += 1
            parts = [normalize_case(inline_title)] if inline_title else []
            if not parts:
                i = _next_nonblank(lines, i)
            start = i
            while (
                i < n
                and lines[i].strip()
                and not _is_header_marker(lines[i])
                and not _ROMAN_RE.match(lines[i])
                and not _ARABIC_RE.match(lines[i])
            ):
                parts.append(lines[i])
                i += 1
            if parts:
                i = _collect_wrapped(lines, i, parts)
            title = _join_lines(parts)
            if title and _word_count(title) <= 80 and not _ARABIC_RE.match(title) and not _ROMAN_RE.match(title):
                h.subject = h.subject or title
            else:
                body_start = start
                break
            continue
        if _is_caps(s) and not _ROMAN_RE.match(s) and not _ARABIC_RE.match(s) and not _CAPACITY_RE.match(s):
            block.append(s)
            i += 1
            continue
        body_start = i
        break
    end_block()
    h.body_start = body_start if body_start is not None else i
    return h


def _find_body_end(lines: list[str], start: int) -> int:
    n = len(lines)
    for i in range(start, n):
        s = lines[i].strip()
        if not s:
            continue
        if _is_noi_nhan(s) or _is_capacity(s):
            return i
        # a bare title block ("CHỦ TỊCH" + name) without "TM."/"KT." before it
        if _TITLE_RE.match(s) and _is_caps(s) and _word_count(s) <= 6:
            rest = [l.strip() for l in lines[i + 1 : i + 6] if l.strip()]
            if rest and any(_is_person_name(r) for r in rest[:2]):
                return i
    return n


def _parse_closing(lines: list[str], warnings: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "distribution": [],
        "signing_capacity": None,
        "signer_title": None,
        "signer": None,
        "noi_nhan": False,
        "leftover": [],
        "after_name": [],
    }
    i = 0
    n = len(lines)
    capacity: list[str] = []
    titles: list[str] = []
    while i < n:
        s = lines[i].strip()
        if not s:
            i += 1
            continue
        if _is_noi_nhan(s):
            out["noi_nhan"] = True
            rest = _NOI_NHAN_RE.sub("", s, count=1).lstrip(" :.")
            out["distribution"], i = _collect_list(
                lines,
                i + 1,
                lambda x: _is_capacity(x) or (_is_caps(x) and bool(_TITLE_RE.match(x))),
                inline=rest,
            )
            continue
        if _is_capacity(s) or (_is_caps(s) and _TITLE_RE.match(s) and out["signer"] is None):
            while i < n and lines[i].strip() and _is_caps(lines[i]) and not _is_person_name(lines[i], strict=True):
                t = lines[i].strip()
                if _CAPACITY_RE.match(t):
                    capacity.append(t)
                else:
                    titles.append(t)
                i += 1
            # the name follows after the space left for the signature and stamp
            while i < n:
                t = lines[i].strip()
                if not t or _SIGNED_MARK_RE.match(t):
                    i += 1
                    continue
                if _is_person_name(t):
                    out["signer"] = _collapse(t)
                    i += 1
                    # lines right under the name: the signer's other post ("Chủ tịch Ủy ban MTTQ...")
                    while i < n and lines[i].strip() and not _is_noi_nhan(lines[i]) and not _is_capacity(lines[i]):
                        out["after_name"].append(lines[i].strip())
                        i += 1
                break
            continue
        out["leftover"].append(s)
        i += 1
    if capacity:
        out["signing_capacity"] = _collapse(" ".join(capacity))
    if titles:
        out["signer_title"] = _collapse(" ".join(titles))
    return out


# ---------------------------------------------------------------------------- body


def _paragraphs(lines: list[str], warnings: list[str]) -> list[str]:
    paras: list[list[str]] = []
    blank_before = True
    for raw in lines:
        s = raw.strip()
        if not s:
            blank_before = True
            continue
        if paras and s[0].islower():
            if not blank_before:
                paras[-1].append(s)  # a wrapped line
                continue
            prev_end = paras[-1][-1]
            if prev_end.endswith(":"):
                warnings.append(
                    f"body: text may be missing before “{_excerpt(s)}” "
                    "(đoạn bắt đầu bằng chữ thường sau dấu hai chấm: có thể thiếu trang)"
                )
            elif not _SENTENCE_END_RE.search(prev_end):
                paras[-1].append(s)  # a page break inside a paragraph
                blank_before = False
                continue
        paras.append([s])
        blank_before = False
    joined = (_join_lines(p) for p in paras)
    return [p for p in joined if p]


_SENTENCE_END_RE = re.compile(r"(?:[.!?;]|\./\.)$")


def _excerpt(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _sections(paras: list[str], warnings: list[str]) -> list[dict[str, Any]]:
    roman = [p for p in paras if _ROMAN_RE.match(p) and _is_caps(_ROMAN_RE.match(p).group("rest") or "X")]
    pattern = _ROMAN_RE if roman else _ARABIC_RE
    sections: list[dict[str, Any]] = []
    current: dict[str, Any] = {"heading": None, "paragraphs": []}
    numbers: list[int] = []
    for para in paras:
        m = pattern.match(para)
        is_heading = False
        if m:
            rest = m.group("rest").strip()
            if pattern is _ROMAN_RE:
                is_heading = _is_caps(rest) or _word_count(rest) <= 12
            else:
                is_heading = True
        if is_heading:
            if current["heading"] is not None or current["paragraphs"]:
                sections.append(current)
            num = m.group("num")
            rest = m.group("rest").strip()
            short = _word_count(rest) <= 15 and not re.search(r"[.;]$", rest)
            if short or _is_caps(rest):
                current = {"heading": para, "paragraphs": []}
            else:
                sep = "." if pattern is _ARABIC_RE else "."
                current = {"heading": f"{num}{sep}", "paragraphs": [rest]}
            if pattern is _ARABIC_RE:
                numbers.append(int(num))
            else:
                numbers.append(_roman_value(num))
        else:
            current["paragraphs"].append(para)
    if current["heading"] is not None or current["paragraphs"]:
        sections.append(current)
    if numbers:
        expected = list(range(numbers[0], numbers[0] + len(numbers)))
        if numbers[0] != 1 or numbers != expected:
            warnings.append(
                "sections: numbering " + ", ".join(map(str, numbers)) + " is not 1, 2, 3… "
                "(đánh số mục không liên tục: có thể thiếu nội dung)"
            )
    return sections


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values.get(a, 0)
        total += -v if values.get(b, 0) > v else v
    return total


# ---------------------------------------------------------------------------- citations

_KIND_ALT = "|".join(re.escape(w) for w, _ in KIND_WORDS)
_CITE_DATE_RE = re.compile(
    r"^\s*[,(]?\s*(?:ban hành\s+)?(?:ngày\s*)?(?:"
    r"(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4}))",
    re.I,
)
_ISSUER_STOP = (
    r"(?=\s+(?:và\s+(?:" + "|".join(re.escape(w) for w, _ in KIND_WORDS) + r")|về|phê duyệt|thành lập|ban hành|đối với|trong|tại|nhằm|để|theo|gắn|hướng dẫn|quy định|"
    r"triển khai|thực hiện|khóa\s+[IVXL]+\s*“)\b|\s*[,;:.()“\"”]|\s*$)"
)
_CITE_ISSUER_RE = re.compile(r"^\s*,?\s*của\s+(?P<iss>[^,;:.()“\"”]{2,120}?)" + _ISSUER_STOP, re.I)
_CITE_ISSUER_BARE_RE = re.compile(
    r"^\s*,?\s*(?P<iss>(?:Hội nghị|Ban|Bộ|Thủ tướng|Chính phủ|Quốc hội|Tỉnh ủy|Thành ủy|Ủy ban|UBND|"
    r"Hội đồng)[^,;:.()“\"”]{0,120}?)" + _ISSUER_STOP
)
_CITE_BEFORE_RE = re.compile(
    r"ngày\s*(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})"
    r"\s*,\s*(?P<iss>[^,;.]{3,80}?)\s+ban hành\s*$",
    re.I,
)
_CITE_BEFORE_NODATE_RE = re.compile(
    r"(?<!\w)(?P<iss>(?:Ban|Bộ|Thủ tướng|Chính phủ|Quốc hội|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Ủy ban|UBND|"
    r"Hội đồng|Thường trực)[^,;.]{0,80}?)\s+(?:đã\s+|vừa\s+)?ban hành\s*$"
)


class _CiteMatch:
    """What the callers of :func:`_cite_matches` need of a match, with offsets in the full text."""

    __slots__ = ("_groups", "_spans", "_start", "_end")

    def __init__(self, kind: str, kind_start: int, num: str, num_span: tuple[int, int]):
        self._groups = {"kind": kind, "num": num}
        self._spans = {"num": num_span}
        self._start = kind_start
        self._end = num_span[1]

    def group(self, name: str) -> str:
        return self._groups[name]

    def span(self, name: str) -> tuple[int, int]:
        return self._spans[name]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_KIND_BEFORE_RE = re.compile(
    r"(?<!\w)(?P<kind>" + _KIND_ALT + r")(?:\s+(?:liên tịch|số))?\s*$", re.I
)


def _cite_matches(text: str):
    """Numbers in ``text`` with the kind word before them, if any ("Chỉ thị số 03-CT/TW")."""
    for m in iter_numbers(text):
        before = text[max(0, m.start() - 40): m.start()]
        k = _KIND_BEFORE_RE.search(before) if before else None
        if k:
            yield _CiteMatch(k.group("kind"), m.start() - len(before) + k.start(), m.group(1), m.span(1))
        else:
            yield _CiteMatch("", m.start(), m.group(1), m.span(1))


def _kind_code_for_word(word: str) -> str | None:
    return _KIND_KEYS.get(fold(word))


_TWO_LETTERS_RE = re.compile(r"[A-Za-zĐđ]{2}")


def _citations(text: str, own_number: str | None) -> list[dict[str, Any]]:
    mentions: list[dict[str, Any]] = []
    for m in _cite_matches(text):
        number = clean_number(m.group("num"))
        if not number:
            continue
        if not m.group("kind"):
            # a bare number: only when it looks like a document's ("03-CT/TW", not "10-15")
            if _TWO_LETTERS_RE.search(number):
                mentions.append(
                    {"number": number, "kind": kind_from_number(number), "date": None, "issuer": None, "pos": m.start()}
                )
            continue
        kind = _kind_code_for_word(m.group("kind")) or kind_from_number(number)
        tail = text[m.end(): m.end() + 300]
        date = None
        issuer = None
        dm = _CITE_DATE_RE.match(tail)
        if dm:
            date = (
                _valid_date(dm.group("y"), dm.group("m"), dm.group("d"))
                if dm.group("y")
                else _valid_date(dm.group("y2"), dm.group("m2"), dm.group("d2"))
            )
            tail = tail[dm.end():]
        im = _CITE_ISSUER_RE.match(tail) or (_CITE_ISSUER_BARE_RE.match(tail) if dm else None)
        if im:
            issuer = _collapse(fix_tones(im.group("iss")))
        if date is None or issuer is None:
            before = text[max(0, m.start() - 160): m.start()]
            bm = _CITE_BEFORE_RE.search(before)
            if bm:
                date = date or parse_date("ngày " + bm.group("date"))
                issuer = issuer or _collapse(fix_tones(bm.group("iss")))
            elif issuer is None:
                bm = _CITE_BEFORE_NODATE_RE.search(before)
                if bm:
                    issuer = _collapse(fix_tones(bm.group("iss")))
        mentions.append({"number": number, "kind": kind, "date": date, "issuer": issuer, "pos": m.start()})
    mentions.sort(key=lambda x: x["pos"])
    own = number_key(own_number) if own_number else None
    merged: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        key = number_key(mention["number"])
        if key == own:
            continue
        entry = merged.get(key)
        if entry is None:
            merged[key] = {k: mention[k] for k in ("number", "kind", "date", "issuer")}
            continue
        full = entry["date"] is not None and entry["issuer"] is not None
        if full:
            continue  # the first full mention wins
        if mention["date"] is not None and mention["issuer"] is not None:
            merged[key] = {k: mention[k] for k in ("number", "kind", "date", "issuer")}
            merged[key]["kind"] = mention["kind"] or entry["kind"]
            continue
        for k in ("kind", "date", "issuer"):
            if entry[k] is None and mention[k] is not None:
                entry[k] = mention[k]
    return list(merged.values())


# ---------------------------------------------------------------------------- themes

# Keywords are matched as plain substrings of the lower-cased text (Vietnamese words are
# space-separated syllables, so a keyword cannot hide inside another word), keywords and text
# both in one tone placement (``fix_tones``: "thuỷ sản" and "thủy sản" are one spelling).
_THEME_KEYS = [(t, sorted({fix_tones(k).lower() for k in t.keywords})) for t in THEMES]


def suggest_themes(subject: str, body: str) -> list[str]:
    """Theme slugs whose keywords occur often enough; subject hits weigh three times."""
    subject_l = fix_tones(subject or "").lower()
    body_l = fix_tones(body or "").lower()  # paragraphs are already single-spaced
    scored = []
    for theme, keys in _THEME_KEYS:
        score = 0
        for key in keys:
            score += 3 * subject_l.count(key) + body_l.count(key)
        if score >= theme.min_score:
            scored.append((score, theme.slug))
    order = {t.slug: i for i, t in enumerate(THEMES)}
    scored.sort(key=lambda x: (-x[0], order[x[1]]))
    return [slug for _score, slug in scored]


# ---------------------------------------------------------------------------- issuer & territory

_BODY_ISSUER_RE = re.compile(
    r"(?<!của )(?<!\w)(?P<body>(?:Ban Thường vụ|Ban Chấp hành|Thường trực|Ban Thường trực)\s+)?"
    r"(?P<org>Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Ủy ban nhân dân|UBND)"
    r"(?P<place>(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã))?(?:\s+[A-ZĐÂĂÊÔƠƯÀ-Ỹ][\wÀ-ỹ]*){1,4})?"
    r"\s+(?:xây dựng|ban hành|yêu cầu|chỉ đạo|đề nghị|thông báo|hướng dẫn|quyết định|giao)\b"
)
_ORG_UNIT = {
    "tỉnh ủy": ("Tỉnh", "province"),
    "thành ủy": ("Thành phố", None),
    "huyện ủy": ("Huyện", "district"),
    "quận ủy": ("Quận", "district"),
    "thị ủy": ("Thị xã", "district"),
}


def _mentioned_places(text: str) -> Counter:
    """Counts of provinces/districts named after a unit word in ``text``: {Place: n}."""
    counts: Counter = Counter()
    for m in re.finditer(r"(?<!\w)(tỉnh|thành phố|huyện|quận|thị xã)\s+(?=[A-ZĐÂĂÊÔƠƯÀ-Ỹ])", text):
        words = text[m.end(): m.end() + 60].split()[:5]
        n, prov, dists = _lookup_place_prefix(words)
        if not n:
            continue
        unit = m.group(1)
        if unit == "tỉnh" and prov:
            counts[prov] += 1
        elif unit == "thành phố" and prov and prov.unit_type == "Thành phố":
            counts[prov] += 1
        else:
            for d in dists:
                if fold(d.unit_type) == fold(unit) or unit == "thành phố":
                    counts[d] += 1
    return counts


def _issuer_from_body(text: str) -> str | None:
    head = text[:4000]
    m = _BODY_ISSUER_RE.search(head) or _BODY_ISSUER_RE.search(text)
    if not m:
        return None
    org = m.group("org")
    if org == "UBND":
        org = "Ủy ban nhân dân"
    prefix = _collapse(m.group("body") or "")
    prefix = prefix + " " if prefix else ""
    place = _collapse(m.group("place") or "")
    if place:
        words = place.split()
        unit = ""
        if fold(words[0]) in ("tinh", "huyen", "quan") or fold(" ".join(words[:2])) in ("thanh pho", "thi xa"):
            k = 2 if fold(" ".join(words[:2])) in ("thanh pho", "thi xa") else 1
            unit, words = " ".join(words[:k]) + " ", words[k:]
        n, _p, _d = _lookup_place_prefix(words)
        if n:
            return f"{prefix}{org} {unit}{' '.join(words[:n])}"
    # "Ban Thường vụ Quận ủy yêu cầu" + "quận Bình Thạnh" elsewhere in the body
    unit_type, kind = _ORG_UNIT.get(org.lower(), (None, None))
    if unit_type is None:
        return None
    counts = _mentioned_places(text)
    candidates = [
        (c, p) for p, c in counts.items() if fold(p.unit_type) == fold(unit_type) and (kind is None or p.kind == kind)
    ]
    if not candidates:
        return None
    candidates.sort(key=lambda x: -x[0])
    if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
        return None
    return f"{prefix}{org} {candidates[0][1].name}"


def _territory(issuer: str | None, context: str, number: str | None, warnings: list[str]) -> tuple[str | None, Place | None]:
    """(level, place) of an issuer: "Tỉnh ủy Bắc Giang" -> ("tinh", Bắc Giang)."""
    suffix_level = None
    if number:
        _code, suffix, style = number_type(number)
        if style == "party" and suffix:
            suffix_level = PARTY_SUFFIX_LEVEL.get(suffix)
    if not issuer:
        return suffix_level, None
    text = re.sub(r"[“\"][^”\"]*[”\"]", " ", issuer)  # quoted campaign names are not places
    low = fold(text)
    if re.search(r"\b(trung uong|ban bi thu|bo chinh tri|chinh phu|thu tuong|quoc hoi|ban chap hanh trung uong)\b", low) and not re.search(
        r"\b(tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\b", low
    ):
        return "trung_uong", None
    if re.match(r"^(bo|van phong trung uong)\b", low):
        return "trung_uong", None

    level = None
    place: Place | None = None
    # prefer the last unit word: "Ban cán sự đảng UBND tỉnh X" -> tỉnh X
    matches = list(
        re.finditer(
            r"(?<!\w)(tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+",
            text,
            re.I,
        )
    )
    for m in reversed(matches):
        unit = m.group(1).lower()
        words = text[m.end():].split()
        n, prov, dists = _lookup_place_prefix(words)
        if unit in ("xã", "phường", "thị trấn") or (unit == "đảng ủy" and re.match(r"(xã|phường|thị trấn)\b", text[m.end():], re.I)):
            return "xa", None
        if not n:
            continue
        if unit in ("tỉnh", "tỉnh ủy") and prov:
            return "tinh", prov
        if unit in ("thành phố", "tp.", "tp", "thành ủy"):
            if prov and prov.unit_type == "Thành phố":
                return "tinh", prov
            cities = [d for d in dists if d.unit_type == "Thành phố"]
            picked = _disambiguate(cities, context, warnings)
            if picked:
                return "huyen", picked
            if cities:
                return "huyen", None
            if prov:
                return "tinh", prov
            continue
        if unit in ("huyện", "quận", "thị xã", "huyện ủy", "quận ủy", "thị ủy"):
            want = {"huyện": "Huyện", "huyện ủy": "Huyện", "quận": "Quận", "quận ủy": "Quận", "thị xã": "Thị xã", "thị ủy": "Thị xã"}[unit]
            typed = [d for d in dists if d.unit_type == want] or dists
            picked = _disambiguate(typed, context, warnings)
            return "huyen", picked
    if re.search(r"\b(tinh uy|tinh)\b", low):
        level = "tinh"
    elif re.search(r"\b(huyen uy|quan uy|thi uy|huyen|quan|thi xa)\b", low):
        level = "huyen"
    return level or suffix_level, place


def _disambiguate(candidates: list[Place], context: str, warnings: list[str]) -> Place | None:
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        return None
    counts = _mentioned_places(context)
    gaz = gazetteer()
    prov_counts: Counter = Counter()
    for p, c in counts.items():
        prov_counts[fold(p.province)] += c
    for prov in gaz.provinces.values():
        prov_counts[fold(prov.name)] += len(re.findall(r"(?<!\w)" + re.escape(prov.name) + r"(?!\w)", context))
    ranked = sorted(candidates, key=lambda p: -prov_counts[fold(p.province)])
    if prov_counts[fold(ranked[0].province)] > prov_counts[fold(ranked[1].province)]:
        return ranked[0]
    warnings.append(
        "regions: ambiguous place "
        + candidates[0].name
        + " ("
        + ", ".join(p.province for p in candidates)
        + ") (địa danh trùng tên, cần chọn tỉnh)"
    )
    return None


_EXPANSION_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a, _ in ISSUER_EXPANSIONS) + r")(?![\w])"
)
_EXPANSION_MAP = dict(ISSUER_EXPANSIONS)


def expand_issuer(name: str) -> str:
    """"Ban Chỉ đạo CVĐ ... huyện X" -> "Ban Chỉ đạo Cuộc vận động ... huyện X" (one facet value)."""
    text = _EXPANSION_RE.sub(lambda m: _EXPANSION_MAP[m.group(1)], name)
    text = _collapse(text)
    return text[:1].upper() + text[1:]


_CENTRAL_CANON = (
    (re.compile(r"^Hội nghị (?:lần thứ \w+|Trung ương \w+)\s+(?:của\s+)?", re.I), ""),
    (re.compile(r"\s+khóa\s+[IVXLC]+$", re.I), ""),
    (re.compile(r"^Ban Bí thư(?:\s+(?:Trung ương|TW))?(?:\s+Đảng)?$"), "Ban Bí thư"),
    (re.compile(r"^Bộ Chính trị(?:\s+(?:Trung ương|TW))?(?:\s+Đảng)?$"), "Bộ Chính trị"),
    (re.compile(r"^Ban Chấp hành (?:Trung ương|TW)(?: Đảng)?$"), "Ban Chấp hành Trung ương Đảng"),
)
_BARE_COMMITTEE_RE = re.compile(
    r"(?<!\w)(Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|"
    r"(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân) (?:tỉnh|thành phố|Thành phố|huyện|quận|thị xã))$"
)
_UNIT_OF_COMMITTEE = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy"}


def _canonical_cited_issuer(issuer: str | None, territory: Place | None) -> str | None:
    """Central bodies by their usual name; "Ban Thường vụ Tỉnh ủy" completed with the document's
    own province (a committee named without a place is the one of the issuing territory)."""
    if not issuer:
        return issuer
    text = issuer
    for pattern, repl in _CENTRAL_CANON:
        text = pattern.sub(repl, text).strip()
    m = _BARE_COMMITTEE_RE.search(text)
    if m and territory is not None:
        committee = m.group(1)
        unit = re.search(r"(tỉnh|thành phố|huyện|quận|thị xã)$", committee, re.I)
        if unit:  # "UBND tỉnh" belongs to the same territory as its "Tỉnh ủy"
            committee = _UNIT_OF_COMMITTEE[unit.group(1).lower()]
        gaz = gazetteer()
        province = gaz.province(territory.province)
        name = None
        if committee == "Tỉnh ủy" and province and province.unit_type == "Tỉnh":
            name = province.name
        elif committee == "Thành ủy":
            if territory.kind == "district" and territory.unit_type == "Thành phố":
                name = territory.name
            elif province and province.unit_type == "Thành phố":
                name = province.name
        elif territory.kind == "district" and {
            "Huyện ủy": "Huyện", "Quận ủy": "Quận", "Thị ủy": "Thị xã"
        }[committee] == territory.unit_type:
            name = territory.name
        if name:
            text = f"{text} {name}"
    return text or None


_ORG_START_RE = re.compile(
    r"^(?:ủy ban|uỷ ban|ubnd|hđnd|hội đồng|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|"
    r"tỉnh uỷ|thành uỷ|huyện uỷ|quận uỷ|thị uỷ|đảng uỷ|đảng bộ|đảng đoàn|ban|sở|bộ|phòng|văn phòng|"
    r"mặt trận|chi cục|cục|tổng cục|trung tâm|đoàn|hội|liên đoàn|chính phủ|thủ tướng)(?!\w)",
    re.I,
)
_COMMITTEE_RE = re.compile(
    r"^(?:tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|ủy ban nhân dân|ubnd|hội đồng nhân dân)(?!\w)", re.I
)
_STATE_PARENT_RE = re.compile(r"^(?:ủy ban nhân dân|ubnd)\s+(?P<where>.+)$", re.I)


def _issuer_from_block(block: list[str]) -> str:
    """The issuer of a header block.  Under a superior body ("UBND TỈNH HÀ TĨNH / SỞ CÔNG THƯƠNG",
    "TỈNH ỦY BẮC GIANG / BAN TUYÊN GIÁO") the issuer is the lower line, named with its superior's
    territory ("Sở Công Thương tỉnh Hà Tĩnh", "Ban Tuyên giáo Tỉnh ủy Bắc Giang")."""
    text_lines = [fix_tones(l) for l in block]
    starts = [k for k, line in enumerate(text_lines) if _ORG_START_RE.match(line)]
    if len(starts) < 2:
        return normalize_case(" ".join(block))
    k = starts[-1]
    parent = normalize_case(" ".join(block[:k]))
    child = normalize_case(" ".join(block[k:]))
    if _COMMITTEE_RE.match(child):
        return child
    m = _STATE_PARENT_RE.match(parent)
    if m:
        return f"{child} {m.group('where')}"
    if _COMMITTEE_RE.match(parent) or parent.lower().startswith("đảng bộ"):
        return f"{child} {parent}"
    return child


# ============================================================================================
# Entry point
# ============================================================================================


def parse(text: str, source: str = "") -> list[ParsedDocument]:
    """Parse ``text`` (one file) into its documents.  Empty text gives an empty list."""
    if text is None or not text.strip():
        return []
    lines = _preprocess(text)
    docs = []
    for part, (start, end) in enumerate(_split_documents(lines)):
        docs.append(_parse_one(lines[start:end], source, part))
    return docs


def _parse_one(lines: list[str], source: str, part: int) -> ParsedDocument:
    warnings: list[str] = []
    doc = ParsedDocument(source=source, part=part)

    header = _scan_header(lines, warnings)
    body_end = _find_body_end(lines, header.body_start)
    body_lines = lines[header.body_start:body_end]
    closing = _parse_closing(lines[body_end:], warnings)

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
        doc.place = _collapse(place) if place else None
        if dm.group("y"):
            doc.date = _valid_date(dm.group("y"), dm.group("m"), dm.group("d"))
        elif dm.group("y2"):
            doc.date = _valid_date(dm.group("y2"), dm.group("m2"), dm.group("d2"))
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
    paras = _paragraphs(body_lines, warnings)
    doc.body_text = "\n\n".join(paras)
    doc.sections = _sections(paras, warnings)
    if not paras:
        warnings.append("body: empty (không có nội dung)")

    # subject
    doc.subject = header.subject[:1].upper() + header.subject[1:] if header.subject else None
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
            "closing: text not understood, ignored: “" + _excerpt(" ".join(leftover), 10) + "” (phần cuối không nhận dạng được)"
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
            doc.kind = _kind_code_for_word(m.group(1))
            warnings.append(f"kind: inferred from “{m.group(0)}” in the body (suy ra từ nội dung)")
        else:
            warnings.append("kind: not found (không xác định được loại văn bản)")

    # issuer
    full_text = "\n".join(l for l in lines if l)
    issuer = None
    if header.issuer_lines:
        issuer = _issuer_from_block(header.issuer_lines[0])
    if issuer is None:
        for key in ("co quan", "nguoi ky"):
            value = header.signature.get(key)
            if value and not _is_person_name(value):
                issuer = normalize_case(value)
                warnings.append("issuer: taken from the digital signature (lấy từ chữ ký số)")
                break
    if issuer is None:
        issuer = _issuer_from_body(doc.body_text)
        if issuer:
            warnings.append("issuer: inferred from the body text (không có tên cơ quan ở tiêu đề, suy ra từ nội dung)")
    doc.issuer = expand_issuer(fix_tones(issuer)) if issuer else None
    if doc.issuer is None:
        warnings.append("issuer: not found (không tìm thấy cơ quan ban hành)")

    # level and regions
    level, place = _territory(doc.issuer, full_text, doc.number, warnings)
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

    doc.cited = _citations((doc.subject or "") + "\n" + doc.body_text, doc.number)
    for entry in doc.cited:
        entry["issuer"] = _canonical_cited_issuer(entry["issuer"], place)
    doc.themes = suggest_themes(doc.subject or "", doc.body_text)
    doc.warnings = warnings
    return doc
