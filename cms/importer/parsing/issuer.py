"""The issuer: header block to a name in normal case, its level and territory."""

from __future__ import annotations

import re
from collections import Counter

from vietnamese.gazetteer import Place, gazetteer
from vietnamese.numbers import number_type
from vietnamese.text import fix_tones, fold
from vietnamese.vocabulary import ABBREVIATIONS, ISSUER_EXPANSIONS, PARTY_SUFFIX_LEVEL

from .lines import capitalize_words, collapse, is_caps
from .places import lookup_place_prefix


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
    ("hàng việt nam", "hàng Việt Nam"),
    ("người việt nam", "người Việt Nam"),
    ("hàng việt", "hàng Việt"),
    ("người việt", "người Việt"),
    ("đảng", "Đảng"),  # the Party, after its compounds above ("đảng ủy", "ban cán sự đảng")
    ("hồ chí minh", "Hồ Chí Minh"),
]
_PHRASE_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p, _ in _PHRASES) + r")(?!\w)")
_PHRASE_MAP = dict(_PHRASES)
# Abbreviations stay in capitals when printed exactly so: "UBND", "HĐND", "TU" (never "TỬ", which
# folds to the same letters).
_ABBR_KEYS = {a.short.upper() for a in ABBREVIATIONS}
_UNIT_BEFORE_PLACE_RE = re.compile(
    r"(?<!\w)(tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|đảng bộ|thành phố|thị trấn|thị xã|tỉnh|"
    r"tp\.?|huyện|quận|xã|phường)\s+(?=\w)",
    re.I,
)


# A ministry's or a department's name: each field it is named after starts with a capital
# ("Sở Tài chính", "Bộ Văn hóa, Thể thao và Du lịch", "Phòng Kinh tế và Hạ tầng huyện X").
_AGENCY_HEAD_RE = re.compile(r"^(?:bộ|sở|phòng|chi cục|tổng cục|cục|vụ)\s+(?!trưởng\b)", re.I)
_FIELD_END_RE = re.compile(r"\s(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|thị trấn|phường|xã(?! hội))(?!\w)", re.I)
_FIELD_SEPARATOR_RE = re.compile(r"(,\s+|\s+và\s+|\s+[-–]\s+)")


def _capitalize_field_names(text: str) -> str:
    m = _AGENCY_HEAD_RE.match(text)
    if not m:
        return text
    head, rest = text[: m.end()], text[m.end():]
    end = _FIELD_END_RE.search(rest)
    field, tail = (rest[: end.start()], rest[end.start():]) if end else (rest, "")
    parts = _FIELD_SEPARATOR_RE.split(field)
    parts = [p if i % 2 else p[:1].upper() + p[1:] for i, p in enumerate(parts)]
    return head + "".join(parts) + tail


def normalize_case(name: str) -> str:
    """"TỈNH ỦY BẮC GIANG" -> "Tỉnh ủy Bắc Giang"; text already in normal case is left alone."""
    name = collapse(fix_tones(name))
    if not is_caps(name):
        return name
    words = []
    for word in name.split(" "):
        core = word.strip("“”\"'(),.;:")
        if core and core in _ABBR_KEYS and core.isupper():
            words.append(word)
        else:
            words.append(word.lower())
    text = " ".join(words)
    text = _PHRASE_RE.sub(lambda m: _PHRASE_MAP[m.group(1)], text)
    text = _capitalize_field_names(text)

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
        n, _prov, _d = lookup_place_prefix(words)
        if n == 0 and m.group(1).lower() in ("xã", "phường", "thị trấn") and len(words) <= 4 and not (
            m.group(1).lower() == "xã" and words[0].lower() == "hội"  # "xã hội" (society), not a commune
        ):
            n = len(words)  # a commune the gazetteer does not know: the rest is its name
        if n:
            out.append(text[pos:m.end()])
            place = " ".join(words[:n])
            out.append(capitalize_words(place))
            pos = m.end() + len(place)
    out.append(text[pos:])
    text = "".join(out)

    # first letter, and first letter inside quotes
    text = re.sub(r"^(\W*)(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
    text = re.sub(r"([“\"])(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
    return text


_BODY_ISSUER_RE = re.compile(
    r"(?<!của )(?<!\w)(?P<body>(?:Ban Thường vụ|Ban Chấp hành|Thường trực|Ban Thường trực)\s+)?"
    r"(?P<org>Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Ủy ban nhân dân|UBND"
    r"|(?:Ủy ban|UB)\s*(?:MTTQ|Mặt trận Tổ quốc)(?:\s+Việt Nam|VN)?|UBMTTQ(?:VN)?|Ban Chỉ đạo(?:\s+Cuộc vận động)?"
    r"|Sở Công Thương)"
    r"(?P<place>(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn))?(?:\s+[A-ZĐÂĂÊÔƠƯÀ-Ỹ][\wÀ-ỹ]*){1,4})?"
    r"\s+(?:xây dựng|ban hành|lập|yêu cầu|chỉ đạo|đề nghị|thông báo|hướng dẫn|quyết định|giao)\b"
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
        n, prov, dists = lookup_place_prefix(words)
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


def main_place(text: str):
    """The province or district a text is about: the one it names most after a unit word
    ("tỉnh Hà Tĩnh", "huyện Thạch Hà"), when no other is named as often."""
    counts = _mentioned_places(text)
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def issuer_from_body(text: str) -> str | None:
    head = text[:4000]
    m = _BODY_ISSUER_RE.search(head) or _BODY_ISSUER_RE.search(text)
    if not m:
        return None
    org = m.group("org")
    if org == "UBND":
        org = "Ủy ban nhân dân"
    prefix = collapse(m.group("body") or "")
    prefix = prefix + " " if prefix else ""
    place = collapse(m.group("place") or "")
    if place:
        words = place.split()
        unit = ""
        if fold(words[0]) in ("tinh", "huyen", "quan", "xa", "phuong") or fold(" ".join(words[:2])) in ("thanh pho", "thi xa", "thi tran"):
            k = 2 if fold(" ".join(words[:2])) in ("thanh pho", "thi xa", "thi tran") else 1
            unit, words = " ".join(words[:k]) + " ", words[k:]
        if unit and fold(unit.strip()) in ("xa", "phuong", "thi tran") and words:
            # communes are not in the gazetteer: the capitalised words after the unit are its name
            return f"{prefix}{org} {unit}{' '.join(words)}"
        n, _p, _d = lookup_place_prefix(words)
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


def territory_of(issuer: str | None, context: str, number: str | None, warnings: list[str]) -> tuple[str | None, Place | None]:
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
    if re.search(r"\b(trung uong|ban bi thu|bo chinh tri|chinh phu|thu tuong|quoc hoi|quoc gia|ban chap hanh trung uong)\b", low) and not re.search(
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
        n, prov, dists = lookup_place_prefix(words)
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
    if re.search(r"\b(tinh uy|tinh)\b", low) or re.match(r"sở\s", text.strip(), re.I):
        # a Sở (department) is a province's or a centrally governed city's body
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
        f"Địa bàn: địa danh “{candidates[0].name}” trùng tên ở "
        + ", ".join(p.province for p in candidates)
        + ": cần chọn tỉnh"
    )
    return None


_EXPANSION_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a, _ in ISSUER_EXPANSIONS) + r")(?![\w])"
)
_EXPANSION_MAP = dict(ISSUER_EXPANSIONS)


def expand_issuer(name: str) -> str:
    """"Ban Chỉ đạo CVĐ ... huyện X" -> "Ban Chỉ đạo Cuộc vận động ... huyện X" (one facet value)."""
    text = _EXPANSION_RE.sub(lambda m: _EXPANSION_MAP[m.group(1)], name)
    text = collapse(text)
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


def canonical_cited_issuer(issuer: str | None, territory: Place | None) -> str | None:
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


ORG_START_RE = re.compile(
    r"^(?:ủy ban|uỷ ban|ubnd|hđnd|hội đồng|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|"
    r"tỉnh uỷ|thành uỷ|huyện uỷ|quận uỷ|thị uỷ|đảng uỷ|đảng bộ|đảng đoàn|ban|sở|bộ|phòng|văn phòng|"
    r"mặt trận|chi cục|cục|tổng cục|trung tâm|đoàn|hội|liên đoàn|chính phủ|thủ tướng)(?!\w)",
    re.I,
)
_COMMITTEE_RE = re.compile(
    r"^(?:tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|ủy ban nhân dân|ubnd|hội đồng nhân dân)(?!\w)", re.I
)
_STATE_PARENT_RE = re.compile(r"^(?:ủy ban nhân dân|ubnd)\s+(?P<where>.+)$", re.I)
_FRONT_PARENT_RE = re.compile(r"^(?:ủy ban|ub)\s*(?:trung ương\s+)?(?:mặt trận tổ quốc|mttq)", re.I)


def issuer_from_block(block: list[str]) -> str:
    """The issuer of a header block.  Under a superior body ("UBND TỈNH HÀ TĨNH / SỞ CÔNG THƯƠNG",
    "TỈNH ỦY BẮC GIANG / BAN TUYÊN GIÁO") the issuer is the lower line, named with its superior's
    territory ("Sở Công Thương tỉnh Hà Tĩnh", "Ban Tuyên giáo Tỉnh ủy Bắc Giang")."""
    text_lines = [fix_tones(l) for l in block]
    starts = [k for k, line in enumerate(text_lines) if ORG_START_RE.match(line)]
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
    if _COMMITTEE_RE.match(parent) or parent.lower().startswith("đảng bộ") or _FRONT_PARENT_RE.match(parent):
        # "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh X", "Ban Chỉ đạo … Ủy ban Trung ương MTTQ Việt Nam"
        return f"{child} {parent}"
    return child


# ============================================================================================
# Entry point
# ============================================================================================
