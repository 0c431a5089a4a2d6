"""Curated vocabulary of the importer: document kinds, levels, themes and a small gazetteer.

Pure Python, no Django: the parser must run (and be tested) without the project's apps.  The
text helpers come from :mod:`search.analysis` and :mod:`cms.taxonomy.regions`, both pure too.

The gazetteer is deliberately small and replaceable.  It knows the 63 provinces that existed
before the 1 July 2025 reorganisation (the archive holds documents of those units) and, when the
``vietnamadminunits`` package is installed, their ~700 districts.  Once the region tree exists in
the database, call :func:`set_gazetteer` with an object offering the same methods.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from cms.taxonomy.regions import slugify_vi
from search.analysis import fold

# --------------------------------------------------------------------------------------------
# Text helpers shared by the parser: the project's own, from search.analysis (pure, no Django)
# --------------------------------------------------------------------------------------------
#
# fold: lower case, no diacritics, đ -> d, dashes/quotes made ASCII, whitespace collapsed
#     ("Đảng uỷ" -> "dang uy"); for comparisons and look-up keys.
# slugify_vi: ASCII slug, the same as the region tree's ("Bà Rịa - Vũng Tàu" -> "ba-ria-vung-tau").


# --------------------------------------------------------------------------------------------
# Kinds and levels
# --------------------------------------------------------------------------------------------

KINDS: dict[str, str] = {
    "chi_thi": "Chỉ thị",
    "cong_van": "Công văn",
    "thong_tri": "Thông tri",
    "ke_hoach": "Kế hoạch",
    "nghi_quyet": "Nghị quyết",
    "ket_luan": "Kết luận",
    "quyet_dinh": "Quyết định",
    "thong_bao": "Thông báo",
    "huong_dan": "Hướng dẫn",
    "chuong_trinh": "Chương trình",
    "bao_cao": "Báo cáo",
    "to_trinh": "Tờ trình",
}

# Words that name a kind, as they appear in a title line or a citation ("Chỉ thị số 03-CT/TW").
# Longest first, so "Thông báo kết luận" wins over "Thông báo".
KIND_WORDS: list[tuple[str, str | None]] = [
    ("chương trình hành động", "chuong_trinh"),
    ("thông báo kết luận", "thong_bao"),
    ("chương trình", "chuong_trinh"),
    ("nghị quyết", "nghi_quyet"),
    ("quyết định", "quyet_dinh"),
    ("thông báo", "thong_bao"),
    ("hướng dẫn", "huong_dan"),
    ("thông tri", "thong_tri"),
    ("công văn", "cong_van"),
    ("văn bản", None),  # kind then comes from the number's type code
    ("kế hoạch", "ke_hoach"),
    ("kết luận", "ket_luan"),
    ("chỉ thị", "chi_thi"),
    ("báo cáo", "bao_cao"),
    ("tờ trình", "to_trinh"),
    # cited often, but outside the archive's own kinds
    ("nghị định", None),
    ("thông tư", None),
    ("đề án", None),
    ("luật", None),
]

# Type code of a number ("610-CV/TU" -> "CV"; "386/QĐ-TTg" -> "QĐ"), folded to ASCII upper case.
NUMBER_TYPE_CODES: dict[str, str] = {
    "CT": "chi_thi",
    "CV": "cong_van",
    "TT": "thong_tri",  # party style only; state "TT" is a Thông tư (handled by the parser)
    "KH": "ke_hoach",
    "NQ": "nghi_quyet",
    "KL": "ket_luan",
    "QD": "quyet_dinh",
    "TB": "thong_bao",
    "HD": "huong_dan",
    "CTR": "chuong_trinh",
    "BC": "bao_cao",
    "TTR": "to_trinh",
}

LEVELS: dict[str, str] = {
    "trung_uong": "Trung ương",
    "tinh": "Tỉnh, thành phố",
    "huyen": "Huyện, quận, thị xã",
    "xa": "Xã, phường, thị trấn",
}

# Party committees by the type suffix of their numbers ("610-CV/TU").
PARTY_SUFFIX_LEVEL: dict[str, str | None] = {
    "TW": "trung_uong",
    "VPTW": "trung_uong",
    "BBT": "trung_uong",
    "TU": "tinh",
    "HU": "huyen",
    "QU": "huyen",
    "TX": "huyen",  # thị ủy
    "DU": None,  # đảng ủy: any level
}

# Abbreviations kept in upper case when an all-caps issuer line is brought to normal case.
ABBREVIATIONS = {
    "UBND", "HĐND", "MTTQ", "UBMTTQ", "BCĐ", "CVĐ", "TW", "TU", "HU", "QU", "CT-XH", "TP", "VN",
    "OCOP", "TMĐT", "BCH", "BTV", "VP", "VPTU", "VPUB", "TTG", "CP", "KT-XH", "TNCS", "LĐLĐ",
    "HTX", "BHXH", "CA", "QS", "BCHQS",
}

# Issuer names are stored in full, so "UBND TỈNH X" and "ỦY BAN NHÂN DÂN TỈNH X" are one facet value.
ISSUER_EXPANSIONS: tuple[tuple[str, str], ...] = (
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("CVĐ", "Cuộc vận động"),
    ("BTV", "Ban Thường vụ"),
    ("BCH", "Ban Chấp hành"),
    ("LĐLĐ", "Liên đoàn Lao động"),
    ("TW", "Trung ương"),
    ("TP.", "thành phố"),
    ("TP", "thành phố"),
)

# --------------------------------------------------------------------------------------------
# Themes (curated vocabulary).  Keywords are matched on lower-case NFC text with one tone style.
# weight: how much one hit counts; min_score: what a theme needs to be suggested.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    slug: str
    label: str
    keywords: tuple[str, ...]
    min_score: int = 2


THEMES: tuple[Theme, ...] = (
    Theme("ocop", "Sản phẩm OCOP", ("ocop", "mỗi xã một sản phẩm"), 1),
    Theme(
        "chong-hang-gia",
        "Chống hàng giả, gian lận thương mại",
        ("hàng giả", "hàng nhái", "hàng gian", "gian lận thương mại", "buôn lậu",
         "vi phạm sở hữu trí tuệ", "quản lý thị trường", "hàng kém chất lượng"),
        1,
    ),
    Theme(
        "thuong-mai-dien-tu",
        "Thương mại điện tử",
        ("thương mại điện tử", "bán hàng trực tuyến", "sàn giao dịch điện tử"),
        1,
    ),
    Theme(
        "xuc-tien-thuong-mai",
        "Xúc tiến thương mại, quảng bá",
        ("xúc tiến thương mại", "hội chợ", "triển lãm", "kích cầu", "quảng bá"),
        1,
    ),
    Theme(
        "bao-ve-nguoi-tieu-dung",
        "Bảo vệ quyền lợi người tiêu dùng",
        ("quyền lợi người tiêu dùng", "quyền lợi của người tiêu dùng", "quyền lợi cho các doanh nghiệp chân chính và người tiêu dùng",
         "lợi ích người tiêu dùng", "bảo vệ người tiêu dùng", "quyền, lợi ích người tiêu dùng"),
        1,
    ),
    Theme(
        "mua-sam-cong",
        "Mua sắm bằng ngân sách nhà nước",
        ("ngân sách nhà nước", "mua sắm công", "đầu tư công", "nguồn ngân sách"),
        1,
    ),
    Theme("tet", "Tết", ("tết nguyên đán", "tết", "dịp lễ"), 1),
    Theme(
        "thi-dua-khen-thuong",
        "Thi đua, khen thưởng, tôn vinh",
        ("thi đua", "khen thưởng", "tôn vinh", "biểu dương", "tuyên dương"),
        1,
    ),
    Theme(
        "kiem-tra-giam-sat",
        "Kiểm tra, giám sát",
        ("kiểm tra", "giám sát", "kiểm soát"),
        1,
    ),
    Theme("thuong-hieu-viet", "Thương hiệu Việt", ("thương hiệu",), 1),
    Theme(
        "ho-tro-doanh-nghiep",
        "Hỗ trợ doanh nghiệp",
        ("hỗ trợ doanh nghiệp", "hỗ trợ các doanh nghiệp", "hỗ trợ và phát triển doanh nghiệp",
         "khuyến khích phát triển doanh nghiệp", "doanh nghiệp vừa và nhỏ", "khởi nghiệp",
         "tháo gỡ khó khăn", "chính sách hỗ trợ", "hỗ trợ tối đa"),
        2,
    ),
    Theme(
        "tuyen-truyen",
        "Tuyên truyền, vận động",
        ("tuyên truyền", "quán triệt", "phổ biến"),
        1,
    ),
    Theme(
        "nong-san",
        "Nông sản",
        ("nông sản", "sản phẩm nông nghiệp", "đặc sản", "thủy sản", "nông, lâm, thủy sản"),
        1,
    ),
    Theme(
        "hang-viet-ve-nong-thon",
        "Đưa hàng Việt về nông thôn",
        ("hàng việt về nông thôn", "vùng nông thôn", "nông thôn, miền núi", "vùng sâu, vùng xa",
         "khu vực nông thôn", "phiên chợ hàng việt"),
        1,
    ),
    Theme(
        "neu-guong",
        "Nêu gương, điển hình",
        ("nêu gương", "gương điển hình", "điển hình", "gương mẫu", "người đứng đầu"),
        1,
    ),
    Theme(
        "he-thong-phan-phoi",
        "Hệ thống phân phối",
        ("hệ thống phân phối", "kênh phân phối", "mạng lưới phân phối", "phân phối hàng hóa",
         "siêu thị", "trung tâm thương mại", "điểm bán", "bán lẻ", "kênh bán hàng"),
        1,
    ),
)

THEME_SLUGS = tuple(t.slug for t in THEMES)

# --------------------------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------------------------

# The 63 provinces before 1 July 2025: short name, unit type.
_PROVINCES: tuple[tuple[str, str], ...] = (
    ("Hà Nội", "Thành phố"), ("Hà Giang", "Tỉnh"), ("Cao Bằng", "Tỉnh"), ("Bắc Kạn", "Tỉnh"),
    ("Tuyên Quang", "Tỉnh"), ("Lào Cai", "Tỉnh"), ("Điện Biên", "Tỉnh"), ("Lai Châu", "Tỉnh"),
    ("Sơn La", "Tỉnh"), ("Yên Bái", "Tỉnh"), ("Hòa Bình", "Tỉnh"), ("Thái Nguyên", "Tỉnh"),
    ("Lạng Sơn", "Tỉnh"), ("Quảng Ninh", "Tỉnh"), ("Bắc Giang", "Tỉnh"), ("Phú Thọ", "Tỉnh"),
    ("Vĩnh Phúc", "Tỉnh"), ("Bắc Ninh", "Tỉnh"), ("Hải Dương", "Tỉnh"), ("Hải Phòng", "Thành phố"),
    ("Hưng Yên", "Tỉnh"), ("Thái Bình", "Tỉnh"), ("Hà Nam", "Tỉnh"), ("Nam Định", "Tỉnh"),
    ("Ninh Bình", "Tỉnh"), ("Thanh Hóa", "Tỉnh"), ("Nghệ An", "Tỉnh"), ("Hà Tĩnh", "Tỉnh"),
    ("Quảng Bình", "Tỉnh"), ("Quảng Trị", "Tỉnh"), ("Huế", "Thành phố"), ("Đà Nẵng", "Thành phố"),
    ("Quảng Nam", "Tỉnh"), ("Quảng Ngãi", "Tỉnh"), ("Bình Định", "Tỉnh"), ("Phú Yên", "Tỉnh"),
    ("Khánh Hòa", "Tỉnh"), ("Ninh Thuận", "Tỉnh"), ("Bình Thuận", "Tỉnh"), ("Kon Tum", "Tỉnh"),
    ("Gia Lai", "Tỉnh"), ("Đắk Lắk", "Tỉnh"), ("Đắk Nông", "Tỉnh"), ("Lâm Đồng", "Tỉnh"),
    ("Bình Phước", "Tỉnh"), ("Tây Ninh", "Tỉnh"), ("Bình Dương", "Tỉnh"), ("Đồng Nai", "Tỉnh"),
    ("Bà Rịa - Vũng Tàu", "Tỉnh"), ("Hồ Chí Minh", "Thành phố"), ("Long An", "Tỉnh"),
    ("Tiền Giang", "Tỉnh"), ("Bến Tre", "Tỉnh"), ("Trà Vinh", "Tỉnh"), ("Vĩnh Long", "Tỉnh"),
    ("Đồng Tháp", "Tỉnh"), ("An Giang", "Tỉnh"), ("Kiên Giang", "Tỉnh"), ("Cần Thơ", "Thành phố"),
    ("Hậu Giang", "Tỉnh"), ("Sóc Trăng", "Tỉnh"), ("Bạc Liêu", "Tỉnh"), ("Cà Mau", "Tỉnh"),
)

_PROVINCE_ALIASES = {
    "Thừa Thiên Huế": "Huế",
    "Thừa Thiên - Huế": "Huế",
    "TP HCM": "Hồ Chí Minh",
    "TP.HCM": "Hồ Chí Minh",
    "TPHCM": "Hồ Chí Minh",
    "Sài Gòn": "Hồ Chí Minh",
    "Bà Rịa Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Đắc Lắc": "Đắk Lắk",
    "Đắk Lắc": "Đắk Lắk",
}

# Folded alias -> folded short name.
_ALIAS_KEYS = {fold(alias): fold(target) for alias, target in _PROVINCE_ALIASES.items()}

# Used when vietnamadminunits is not installed: the seeds' districts and a few more.
_BUILTIN_DISTRICTS: tuple[tuple[str, str, str], ...] = (
    # (province short name, district short name, unit type)
    ("Hà Tĩnh", "Đức Thọ", "Huyện"),
    ("Hà Tĩnh", "Hà Tĩnh", "Thành phố"),
    ("Hồ Chí Minh", "Bình Thạnh", "Quận"),
    ("Hồ Chí Minh", "Thủ Đức", "Thành phố"),
    ("Bắc Giang", "Bắc Giang", "Thành phố"),
    ("Lạng Sơn", "Lạng Sơn", "Thành phố"),
    ("Hà Nội", "Hoàn Kiếm", "Quận"),
    ("Hà Nội", "Ba Đình", "Quận"),
)


@dataclass(frozen=True)
class Place:
    name: str  # short name: "Bắc Giang", "Đức Thọ"
    kind: str  # "province" | "district"
    unit_type: str  # "Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã"
    slug: str  # "bac-giang", "ha-tinh-duc-tho"
    province: str  # short name of the province (itself for a province)

    @property
    def province_slug(self) -> str:
        return slugify_vi(self.province)


@dataclass
class Gazetteer:
    """Place names by folded key; districts may share a name across provinces."""

    provinces: dict[str, Place] = field(default_factory=dict)
    districts: dict[str, list[Place]] = field(default_factory=dict)

    def add_province(self, name: str, unit_type: str) -> None:
        self.provinces[fold(name)] = Place(name, "province", unit_type, slugify_vi(name), name)

    def add_district(self, province: str, name: str, unit_type: str) -> None:
        place = Place(name, "district", unit_type, f"{slugify_vi(province)}-{slugify_vi(name)}", province)
        bucket = self.districts.setdefault(fold(name), [])
        if place not in bucket:
            bucket.append(place)

    def province(self, name: str) -> Place | None:
        key = fold(name)
        if key in self.provinces:
            return self.provinces[key]
        target = _ALIAS_KEYS.get(key)
        return self.provinces.get(target) if target else None

    def district(self, name: str, province: str | None = None) -> list[Place]:
        found = self.districts.get(fold(name), [])
        if province:
            pkey = fold(province)
            found = [p for p in found if fold(p.province) == pkey]
        return list(found)


def _dataset_path() -> str | None:
    try:
        import vietnamadminunits  # noqa: F401
    except Exception:  # pragma: no cover - optional dependency
        return None
    path = os.path.join(os.path.dirname(vietnamadminunits.__file__), "data", "dataset.db")
    return path if os.path.exists(path) else None


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for name, unit_type in _PROVINCES:
        gaz.add_province(name, unit_type)
    path = _dataset_path()
    rows: list[tuple[str, str, str]] = []
    if path:
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
                rows = conn.execute(
                    "SELECT DISTINCT provinceShort, districtShort, districtType "
                    "FROM admin_units_legacy WHERE districtShort IS NOT NULL"
                ).fetchall()
        except sqlite3.Error:  # pragma: no cover - broken optional data
            rows = []
    for province, district, unit_type in rows or _BUILTIN_DISTRICTS:
        if gaz.province(province) is None:
            continue
        gaz.add_district(gaz.province(province).name, district, unit_type or "Huyện")
    return gaz


_override: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The gazetteer in use (the built-in one unless :func:`set_gazetteer` replaced it)."""
    return _override if _override is not None else _default_gazetteer()


def set_gazetteer(gaz: Gazetteer | None) -> None:
    """Replace the gazetteer (e.g. by one built from the region tree); None restores the default."""
    global _override
    _override = gaz
