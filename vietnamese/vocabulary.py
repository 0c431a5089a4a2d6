"""The campaign archive's vocabulary: every term list, written once.

Document kinds (codes, labels, the words and number codes that name them),
the four content kinds and their sections, issuing levels, region levels,
validity, citation relations, the curated themes with their keywords and
the abbreviations with their expansions.
Page models take their choices from here, the importer reads documents with
it, search labels its facets with it: a label changed here changes
everywhere. Pure Python, nothing of the project.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ABBREVIATIONS",
    "CONTENT_KINDS",
    "CONTENT_KIND_LABELS",
    "DOCUMENT_KINDS",
    "FILTERS",
    "GENERIC_KIND_LABEL",
    "IMPLEMENTS",
    "ISSUER_EXPANSIONS",
    "KINDS",
    "KIND_CHOICES",
    "KIND_LABELS",
    "KIND_WORDS",
    "LEVELS",
    "LEVEL_CHOICES",
    "PARTY_SUFFIX_LEVEL",
    "REGION_LEVELS",
    "RELATIONS",
    "SEARCH_UNITS",
    "SECTION_SLUGS",
    "THEMES",
    "THEME_SLUGS",
    "VALIDITY",
    "Abbreviation",
    "ContentKind",
    "DocumentKind",
    "Theme",
    "choices",
]


def choices(labels: dict[str, str]) -> list[tuple[str, str]]:
    """Django ``choices`` from a code -> label table, in the table's order."""
    return list(labels.items())


# --------------------------------------------------------------------------------------------
# Document kinds
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentKind:
    code: str  # "chi_thi"
    label: str  # "Chỉ thị"
    number_code: str = ""  # the type code printed in its number: "CT" in "03-CT/TW"
    words: tuple[str, ...] = ()  # other phrases naming it in a title or a citation
    archived: bool = True  # False: cited by the archive's documents, never one of them


DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("chi_thi", "Chỉ thị", "CT"),
    DocumentKind("cong_van", "Công văn", "CV"),
    DocumentKind("thong_tri", "Thông tri", "TT"),  # party "TT"; a state "TT" is a Thông tư
    DocumentKind("ke_hoach", "Kế hoạch", "KH"),
    DocumentKind("nghi_quyet", "Nghị quyết", "NQ"),
    DocumentKind("ket_luan", "Kết luận", "KL"),
    DocumentKind("quyet_dinh", "Quyết định", "QĐ"),
    DocumentKind("thong_bao", "Thông báo", "TB", ("thông báo kết luận",)),
    DocumentKind("huong_dan", "Hướng dẫn", "HD"),
    DocumentKind("chuong_trinh", "Chương trình", "CTr", ("chương trình hành động",)),
    DocumentKind("bao_cao", "Báo cáo", "BC"),
    DocumentKind("to_trinh", "Tờ trình", "TTr"),
    DocumentKind("thong_tu", "Thông tư", "TT", archived=False),
    DocumentKind("nghi_dinh", "Nghị định", "NĐ", archived=False),
    DocumentKind("quy_dinh", "Quy định", "QĐi", archived=False),
    DocumentKind("quy_che", "Quy chế", archived=False),  # issued with a decision, never numbered
    DocumentKind("cong_dien", "Công điện", "CĐ", archived=False),
    DocumentKind("de_an", "Đề án", archived=False),
    DocumentKind("luat", "Luật", archived=False),
)

# The archive's own kinds, code -> label: what a page's "Loại văn bản" offers.
KIND_LABELS: dict[str, str] = {k.code: k.label for k in DOCUMENT_KINDS if k.archived}
KINDS = KIND_LABELS
KIND_CHOICES = choices(KIND_LABELS)
# The word that stands for an unknown kind, in titles and labels.
GENERIC_KIND_LABEL = "Văn bản"

# --------------------------------------------------------------------------------------------
# Content kinds: the four sections of the archive
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContentKind:
    code: str  # the API's and search's "kind"/"content" value
    label: str
    section: str  # slug of its top-level section


CONTENT_KINDS: tuple[ContentKind, ...] = (
    ContentKind("van_ban", "Văn bản chỉ đạo", "van-ban-chi-dao"),
    ContentKind("ke_hoach", "Kế hoạch", "ke-hoach"),
    ContentKind("guong", "Gương điển hình", "guong-dien-hinh"),
    ContentKind("tai_lieu", "Tài liệu tuyên truyền", "tai-lieu-tuyen-truyen"),
)
CONTENT_KIND_LABELS: dict[str, str] = {k.code: k.label for k in CONTENT_KINDS}
SECTION_SLUGS: dict[str, str] = {k.code: k.section for k in CONTENT_KINDS}
# The importer's page types (its dry-run JSON and truth files) -> content kind.
PAGE_TYPE_CONTENT: dict[str, str] = {
    "official_document": "van_ban",
    "plan": "ke_hoach",
    "exemplary_case": "guong",
    "propaganda_material": "tai_lieu",
}

# --------------------------------------------------------------------------------------------
# Levels, validity, relations
# --------------------------------------------------------------------------------------------

# The level of the body that issued a document.
LEVELS: dict[str, str] = {
    "trung_uong": "Trung ương",
    "tinh": "Cấp tỉnh",
    "huyen": "Cấp huyện",
    "xa": "Cấp xã",
}
LEVEL_CHOICES = choices(LEVELS)

# Party committees' level by the suffix of their numbers ("610-CV/TU": a Tỉnh ủy).
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

# The levels of the region tree (nation, province, district, commune).
NATION, PROVINCE, DISTRICT, COMMUNE = "quoc_gia", "tinh", "huyen", "xa"
REGION_LEVELS: dict[str, str] = {
    NATION: "Quốc gia",
    PROVINCE: "Tỉnh, thành phố",
    DISTRICT: "Quận, huyện, thị xã",
    COMMUNE: "Xã, phường, thị trấn",
}

VALIDITY: dict[str, str] = {
    "con_hieu_luc": "Còn hiệu lực",
    "het_hieu_luc": "Hết hiệu lực",
    "bi_thay_the": "Bị thay thế",
    "chua_xac_dinh": "Chưa xác định",
}

# How a document relates to one it cites.
RELATIONS: dict[str, str] = {
    "thuc_hien": "Căn cứ / thực hiện",
    "dan_chieu": "Dẫn chiếu",
    "thay_the": "Thay thế",
}
# The relation of a document that implements the one it cites (what "Theo dõi thực hiện" follows).
IMPLEMENTS = "thuc_hien"

# What the archive is filtered and faceted by, in the order shown, with its label.
FILTERS: dict[str, str] = {
    "content": "Loại nội dung",
    "kind": "Loại văn bản",
    "theme": "Chủ đề",
    "region": "Địa bàn",
    "issuer": "Cơ quan ban hành",
    "level": "Cấp ban hành",
    "year": "Năm",
    "validity": "Tình trạng hiệu lực",
}

# --------------------------------------------------------------------------------------------
# Themes: the curated vocabulary the archive is organised around
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str
    description: str
    # Phrases that make a document about the theme, matched on lower-case NFC text in one tone
    # placement; ``min_score`` hits suggest the theme for an imported document.
    keywords: tuple[str, ...]
    min_score: int = 1


THEMES: tuple[Theme, ...] = (
    Theme("ocop", "OCOP", "Chương trình Mỗi xã một sản phẩm", ("ocop", "mỗi xã một sản phẩm")),
    Theme(
        "chong-hang-gia",
        "Chống hàng giả",
        "Chống buôn lậu, hàng giả, hàng nhái, gian lận thương mại",
        ("hàng giả", "hàng nhái", "hàng gian", "gian lận thương mại", "buôn lậu",
         "vi phạm sở hữu trí tuệ", "quản lý thị trường", "hàng kém chất lượng"),
    ),
    Theme(
        "thuong-mai-dien-tu",
        "Thương mại điện tử",
        "Đưa hàng Việt lên sàn, bán hàng trực tuyến",
        ("thương mại điện tử", "bán hàng trực tuyến", "sàn giao dịch điện tử"),
    ),
    Theme(
        "xuc-tien-thuong-mai",
        "Xúc tiến thương mại",
        "Hội chợ, phiên chợ hàng Việt, kết nối cung cầu",
        ("xúc tiến thương mại", "hội chợ", "triển lãm", "kích cầu", "quảng bá"),
    ),
    Theme(
        "bao-ve-nguoi-tieu-dung",
        "Bảo vệ người tiêu dùng",
        "Quyền lợi người tiêu dùng",
        ("quyền lợi người tiêu dùng", "quyền lợi của người tiêu dùng",
         "quyền lợi cho các doanh nghiệp chân chính và người tiêu dùng",
         "lợi ích người tiêu dùng", "bảo vệ người tiêu dùng", "quyền, lợi ích người tiêu dùng"),
    ),
    Theme(
        "mua-sam-cong",
        "Mua sắm công",
        "Ưu tiên hàng Việt trong mua sắm bằng ngân sách nhà nước",
        ("ngân sách nhà nước", "mua sắm công", "đầu tư công", "nguồn ngân sách"),
    ),
    Theme("tet", "Tết", "Hàng Việt dịp Tết Nguyên đán", ("tết nguyên đán", "tết", "dịp lễ")),
    Theme(
        "thi-dua-khen-thuong",
        "Thi đua khen thưởng",
        "Biểu dương, khen thưởng tập thể, cá nhân tiêu biểu",
        ("thi đua", "khen thưởng", "tôn vinh", "biểu dương", "tuyên dương"),
    ),
    Theme(
        "kiem-tra-giam-sat",
        "Kiểm tra giám sát",
        "Kiểm tra, giám sát việc thực hiện Cuộc vận động",
        ("kiểm tra", "giám sát", "kiểm soát"),
    ),
    Theme("thuong-hieu-viet", "Thương hiệu Việt", "Xây dựng, bảo vệ thương hiệu sản phẩm Việt", ("thương hiệu",)),
    Theme(
        "ho-tro-doanh-nghiep",
        "Hỗ trợ doanh nghiệp",
        "Cơ chế, chính sách hỗ trợ doanh nghiệp, hợp tác xã",
        ("hỗ trợ doanh nghiệp", "hỗ trợ các doanh nghiệp", "hỗ trợ và phát triển doanh nghiệp",
         "khuyến khích phát triển doanh nghiệp", "doanh nghiệp vừa và nhỏ", "khởi nghiệp",
         "tháo gỡ khó khăn", "chính sách hỗ trợ", "hỗ trợ tối đa"),
        2,
    ),
    Theme(
        "tuyen-truyen",
        "Tuyên truyền",
        "Thông tin, tuyên truyền về Cuộc vận động",
        ("tuyên truyền", "quán triệt", "phổ biến"),
    ),
    Theme(
        "nong-san",
        "Nông sản",
        "Tiêu thụ nông sản, sản phẩm nông nghiệp",
        ("nông sản", "sản phẩm nông nghiệp", "đặc sản", "thủy sản", "nông, lâm, thủy sản"),
    ),
    Theme(
        "hang-viet-ve-nong-thon",
        "Hàng Việt về nông thôn",
        "Đưa hàng Việt về nông thôn, miền núi",
        ("hàng việt về nông thôn", "vùng nông thôn", "nông thôn, miền núi", "vùng sâu, vùng xa",
         "khu vực nông thôn", "phiên chợ hàng việt"),
    ),
    Theme(
        "neu-guong",
        "Nêu gương",
        "Trách nhiệm nêu gương của cán bộ, đảng viên",
        ("nêu gương", "gương điển hình", "điển hình", "gương mẫu", "người đứng đầu"),
    ),
    Theme(
        "he-thong-phan-phoi",
        "Hệ thống phân phối",
        "Chợ, siêu thị, kênh phân phối hàng Việt",
        ("hệ thống phân phối", "kênh phân phối", "mạng lưới phân phối", "phân phối hàng hóa",
         "siêu thị", "trung tâm thương mại", "điểm bán", "bán lẻ", "kênh bán hàng"),
    ),
)
THEME_SLUGS = tuple(t.slug for t in THEMES)

# --------------------------------------------------------------------------------------------
# Abbreviations of party and state documents
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Abbreviation:
    """One meaning of an abbreviation as printed ("TU" has two: Tỉnh ủy, Thành ủy).

    ``query``: a search expands it both ways ("UBND" <-> "Ủy ban nhân dân"); off
    for those whose short form is a common syllable ("CA", "VN") or too loose
    ("TP"). ``issuer``: spelled out in an issuer's name, so "UBND TỈNH X" and
    "ỦY BAN NHÂN DÂN TỈNH X" are one issuer; ``variants``: other printed forms.
    Every short form stays upper case when an all-caps heading is brought to
    normal case.
    """

    short: str
    long: str
    query: bool = True
    issuer: bool = False
    variants: tuple[str, ...] = ()


ABBREVIATIONS: tuple[Abbreviation, ...] = (
    Abbreviation("MTTQ", "Mặt trận Tổ quốc", issuer=True),
    Abbreviation("UBMTTQ", "Ủy ban Mặt trận Tổ quốc", issuer=True),
    Abbreviation("UBND", "Ủy ban nhân dân", issuer=True),
    Abbreviation("HĐND", "Hội đồng nhân dân", issuer=True),
    Abbreviation("BCĐ", "Ban Chỉ đạo", issuer=True),
    Abbreviation("CVĐ", "Cuộc vận động", issuer=True),
    Abbreviation("TW", "Trung ương", issuer=True),
    Abbreviation("TU", "Tỉnh ủy"),
    Abbreviation("TU", "Thành ủy"),
    Abbreviation("QU", "Quận ủy"),
    Abbreviation("HU", "Huyện ủy"),
    Abbreviation("BTV", "Ban Thường vụ", issuer=True),
    Abbreviation("CT-XH", "chính trị - xã hội"),
    Abbreviation("OCOP", "Mỗi xã một sản phẩm"),
    Abbreviation("TMĐT", "thương mại điện tử"),
    Abbreviation("DN", "doanh nghiệp"),
    Abbreviation("HTX", "hợp tác xã"),
    Abbreviation("KT-XH", "kinh tế - xã hội"),
    Abbreviation("BTG", "Ban Tuyên giáo"),
    Abbreviation("CP", "Chính phủ"),
    Abbreviation("TTg", "Thủ tướng"),
    Abbreviation("NĐ", "Nghị định"),
    Abbreviation("CT", "Chỉ thị"),
    Abbreviation("KH", "Kế hoạch"),
    Abbreviation("CV", "Công văn"),
    Abbreviation("QĐ", "Quyết định"),
    Abbreviation("TT", "Thông tri"),
    Abbreviation("TT", "Thông tư"),
    Abbreviation("NQ", "Nghị quyết"),
    Abbreviation("HD", "Hướng dẫn"),
    Abbreviation("BBT", "Ban Bí thư"),
    Abbreviation("BCT", "Bộ Chính trị"),
    Abbreviation("CCB", "Cựu chiến binh"),
    Abbreviation("LĐLĐ", "Liên đoàn Lao động", issuer=True),
    Abbreviation("ĐTN", "Đoàn Thanh niên Cộng sản"),
    Abbreviation("ĐTNCS", "Đoàn Thanh niên Cộng sản"),
    Abbreviation("HLHPN", "Hội Liên hiệp Phụ nữ"),
    Abbreviation("HND", "Hội Nông dân"),
    Abbreviation("BCH", "Ban Chấp hành", query=False, issuer=True),
    Abbreviation("TP", "thành phố", query=False, issuer=True, variants=("TP.",)),
    Abbreviation("VN", "Việt Nam", query=False),
    Abbreviation("VP", "Văn phòng", query=False),
    Abbreviation("VPTU", "Văn phòng Tỉnh ủy", query=False),
    Abbreviation("VPUB", "Văn phòng Ủy ban nhân dân", query=False),
    Abbreviation("TNCS", "Thanh niên Cộng sản", query=False),
    Abbreviation("BHXH", "Bảo hiểm xã hội", query=False),
    Abbreviation("CA", "Công an", query=False),
    Abbreviation("QS", "Quân sự", query=False),
    Abbreviation("BCHQS", "Ban Chỉ huy quân sự", query=False),
    # Parts of compound forms: "UBMTTQVN" = UB + MTTQ + VN (see vietnamese.abbreviations.compound_parts).
    Abbreviation("UB", "Ủy ban", query=False),
)

# Issuer names are stored in full: (printed form, expansion), longest first so
# "UBMTTQ" is read before "MTTQ" and "TP." before "TP".
ISSUER_EXPANSIONS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        ((form, a.long) for a in ABBREVIATIONS if a.issuer for form in (a.short, *a.variants)),
        key=lambda pair: -len(pair[0]),
    )
)

# Words naming a kind in a title line or a citation ("Chỉ thị số 03-CT/TW"), lower case, longest
# first so "thông báo kết luận" wins over "thông báo": the archive's kind code, or None for
# "văn bản" (the kind then comes from the number) and the kinds only cited.
KIND_WORDS: list[tuple[str, str | None]] = sorted(
    [(phrase.lower(), k.code if k.archived else None) for k in DOCUMENT_KINDS for phrase in (k.label, *k.words)]
    + [("văn bản", None)],
    key=lambda pair: -len(pair[0]),
)

# Names of bodies and programmes a search reads as one unit (a phrase first), beyond the place
# names of the gazetteer and the long forms above: a query holding one ranks the pages that print
# it as written above those holding its syllables apart.
SEARCH_UNITS: tuple[str, ...] = (
    "Ban Chỉ đạo Trung ương",
    "Ủy ban Trung ương Mặt trận Tổ quốc",
    "Mặt trận Tổ quốc Việt Nam",
    "Ban Chấp hành Trung ương",
    "Ban Tuyên giáo Trung ương",
    "Ban Thường vụ Tỉnh ủy",
    "Ban Thường vụ Thành ủy",
    "Người Việt Nam ưu tiên dùng hàng Việt Nam",
    "hàng Việt Nam",
    "hàng giả",
    "thương hiệu",
    "xúc tiến thương mại",
)
