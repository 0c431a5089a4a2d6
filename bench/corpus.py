"""A synthetic Vietnamese archive for search benchmarks, deterministic and fast.

    from bench.corpus import generate, queries
    docs = generate(100_000)              # an iterator of search.documents.SearchDocument
    for q in queries(): ...               # the fixed benchmark queries

Why synthetic: five real documents cannot show how an index, a ranking or a facet count behaves
at 100,000 pages, and the real archive is not ours to copy. Why not lorem ipsum: Vietnamese
search depends on the text's own statistics (a few thousand syllables, very frequent campaign
phrases, abbreviations beside their spelled-out forms, two tone-mark placements, printed
document numbers in a dozen styles). So the text is recomposed from the five seed documents
(cms/demo/fixtures/seeds): their bodies are cut into sentences and clauses, place names and
years become slots, and the pieces are recombined with hand-written sentences in the same
register that carry the variable parts (products, enterprises, figures, Tết names). Metadata
follows the real distributions: mostly công văn and kế hoạch, issuers consistent with their
level and region, numbers in the printed formats, dates weighted to recent years, regions from
the project's region tree (cms.taxonomy.regions, before and after the 1 July 2025 merger).

Determinism: each document is drawn from its own ``random.Random`` seeded by (seed, page_id),
so ``generate(n, start_id=k)`` yields exactly documents k..k+n-1 of any longer run, batches can
be generated in parallel, and nothing depends on hash order. Page ids 1-5 are the campaign's
landmark central documents (264-TB/TW, 107-KL/TW, 03-CT/TW, 386/QĐ-TTg, 28/CT-TTg), so number
queries have a known first answer.

No Django and no database: the seeds, the region tree and the commune names come from files.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import re
import sqlite3
import unicodedata
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from cms.taxonomy.regions import _package_data_dir, build_region_tree
from vietnamese.numbers import normalize_doc_number
from vietnamese.text import fold, slugify
from vietnamese.vocabulary import KIND_LABELS, SECTION_SLUGS, THEME_SLUGS
from search.documents import SearchDocument

__all__ = ["FIRST_DATE", "LAST_DATE", "MERGER_DATE", "generate", "queries"]

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "cms" / "demo" / "fixtures" / "seeds"

FIRST_DATE = dt.date(2009, 7, 31)  # Thông báo kết luận 264-TB/TW launches the campaign
LAST_DATE = dt.date(2026, 11, 20)
MERGER_DATE = dt.date(2025, 7, 1)  # 63 provinces became 34, districts abolished

THEMES = list(THEME_SLUGS)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------
# Metadata tables
# ---------------------------------------------------------------------------

# content kind -> share of the archive
CONTENT_WEIGHTS = {"van_ban": 55, "ke_hoach": 30, "guong": 8, "tai_lieu": 7}
PLAN_KINDS = ("ke_hoach", "chuong_trinh")
# Documents per year, relative: the campaign starts in mid-2009, Chỉ thị 03-CT/TW (2021) revives it.
YEAR_WEIGHTS = {
    2009: 0.6, 2010: 1.2, 2011: 1.3, 2012: 1.5, 2013: 1.6, 2014: 1.8, 2015: 2.2, 2016: 2.3, 2017: 2.4,
    2018: 2.6, 2019: 3.0, 2020: 3.2, 2021: 5.0, 2022: 5.5, 2023: 5.5, 2024: 6.0, 2025: 6.0, 2026: 5.0,
}
# Issuing level by era; after the merger there are no districts.
LEVELS_BEFORE = (("trung_uong", 7), ("tinh", 48), ("huyen", 38), ("xa", 7))
LEVELS_AFTER = (("trung_uong", 10), ("tinh", 70), ("xa", 20))
# Provinces with their own sections in the demo tree, and the seeds' provinces, are busier.
BUSY_PROVINCES = {"ha-noi": 4, "ho-chi-minh": 4, "bac-ninh": 2, "bac-giang": 2, "lang-son": 2, "ha-tinh": 2}

# Issuing bodies: (name template, level, party body?, {kind: (number format, top serial, weight)},
# [(signing capacity, signer title)], weight). Name slots: {P} place name, {u} unit noun
# ("tỉnh", "thành phố", "huyện", "quận", "xã"...), {CU} party committee ("Tỉnh ủy"...), {cu}
# its printed code (TU, HU, QU, ĐU). Number slots: {n} serial, {y} year, {dept} a UBND office.
BTV = [("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"), ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC")]
UBND = [("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")]
MTTQ = [("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"), ("TM. BAN THƯỜNG TRỰC KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")]
BCD = [("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"), ("TM. BAN CHỈ ĐẠO KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")]
HEAD = [("", "TRƯỞNG BAN"), ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")]
CAMPAIGN = "Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”"


class Issuer(NamedTuple):
    name: str
    level: str
    party: bool
    kinds: dict
    signing: list
    weight: float


ISSUERS = [
    # central
    Issuer("Ban Bí thư Trung ương Đảng", "trung_uong", True,
           {"chi_thi": ("{n}-CT/TW", 45, 2), "ket_luan": ("{n}-KL/TW", 150, 2), "thong_bao": ("{n}-TB/TW", 400, 1)},
           [("T/M BAN BÍ THƯ", "")], 3),
    Issuer("Bộ Chính trị", "trung_uong", True,
           {"ket_luan": ("{n}-KL/TW", 150, 2), "nghi_quyet": ("{n}-NQ/TW", 60, 1), "thong_bao": ("{n}-TB/TW", 400, 1)},
           [("T/M BỘ CHÍNH TRỊ", "")], 2),
    Issuer("Ban Tuyên giáo Trung ương", "trung_uong", True,
           {"huong_dan": ("{n}-HD/BTGTW", 250, 3), "cong_van": ("{n}-CV/BTGTW", 9000, 2)}, HEAD, 4),
    Issuer("Thủ tướng Chính phủ", "trung_uong", False,
           {"chi_thi": ("{n}/CT-TTg", 45, 2), "quyet_dinh": ("{n}/QĐ-TTg", 2200, 3), "cong_van": ("{n}/TTg-KTTH", 1800, 1)},
           [("", "THỦ TƯỚNG"), ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG")], 4),
    Issuer("Bộ Công Thương", "trung_uong", False,
           {"cong_van": ("{n}/BCT-TTTN", 9000, 3), "ke_hoach": ("{n}/KH-BCT", 150, 2), "quyet_dinh": ("{n}/QĐ-BCT", 3500, 2)},
           [("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"), ("", "BỘ TRƯỞNG")], 5),
    Issuer("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "trung_uong", False,
           {"cong_van": ("{n}/MTTW-BTT", 1500, 2), "ke_hoach": ("{n}/KH-MTTW-BTT", 200, 3),
            "huong_dan": ("{n}/HD-MTTW-BTT", 60, 2), "bao_cao": ("{n}/BC-MTTW-BTT", 300, 2)}, MTTQ, 6),
    Issuer(f"Ban Chỉ đạo Trung ương {CAMPAIGN}", "trung_uong", False,
           {"ke_hoach": ("{n}/KH-BCĐTW", 30, 3), "cong_van": ("{n}/CV-BCĐTW", 60, 2),
            "bao_cao": ("{n}/BC-BCĐTW", 20, 2), "thong_bao": ("{n}/TB-BCĐTW", 20, 1)}, BCD, 6),
    Issuer("Tổng Liên đoàn Lao động Việt Nam", "trung_uong", False,
           {"ke_hoach": ("{n}/KH-TLĐ", 250, 2), "huong_dan": ("{n}/HD-TLĐ", 80, 1)},
           [("TM. ĐOÀN CHỦ TỊCH KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")], 2),
    Issuer("Trung ương Hội Liên hiệp Phụ nữ Việt Nam", "trung_uong", False,
           {"ke_hoach": ("{n}/KH-ĐCT", 200, 2), "huong_dan": ("{n}/HD-ĐCT", 50, 1)},
           [("TM. ĐOÀN CHỦ TỊCH KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")], 1),
    # province
    Issuer("{CU} {P}", "tinh", True, {"cong_van": ("{n}-CV/TU", 6000, 1)}, BTV, 10),
    Issuer("Ban Thường vụ {CU} {P}", "tinh", True,
           {"chi_thi": ("{n}-CT/TU", 40, 3), "thong_tri": ("{n}-TT/TU", 30, 1), "ke_hoach": ("{n}-KH/TU", 600, 6),
            "chuong_trinh": ("{n}-CTr/TU", 80, 1), "ket_luan": ("{n}-KL/TU", 1200, 1), "thong_bao": ("{n}-TB/TU", 3000, 1),
            "nghi_quyet": ("{n}-NQ/TU", 60, 1), "quyet_dinh": ("{n}-QĐ/TU", 6000, 1)}, BTV, 14),
    Issuer("{BTG} {CU} {P}", "tinh", True,
           {"huong_dan": ("{n}-HD/{btg}TU", 150, 3), "cong_van": ("{n}-CV/{btg}TU", 3000, 2), "ke_hoach": ("{n}-KH/{btg}TU", 300, 1)},
           HEAD, 5),
    Issuer("Ủy ban nhân dân {u} {P}", "tinh", False,
           {"cong_van": ("{n}/UBND-{dept}", 7000, 8), "ke_hoach": ("{n}/KH-UBND", 500, 8), "quyet_dinh": ("{n}/QĐ-UBND", 4000, 3),
            "chi_thi": ("{n}/CT-UBND", 40, 1), "bao_cao": ("{n}/BC-UBND", 600, 2), "to_trinh": ("{n}/TTr-UBND", 300, 1),
            "thong_bao": ("{n}/TB-UBND", 500, 1)}, UBND, 22),
    Issuer("Hội đồng nhân dân {u} {P}", "tinh", False, {"nghi_quyet": ("{n}/{y}/NQ-HĐND", 60, 1)}, [("", "CHỦ TỊCH")], 2),
    Issuer("Ủy ban Mặt trận Tổ quốc Việt Nam {u} {P}", "tinh", False,
           {"cong_van": ("{n}/{mttq}", 900, 4), "ke_hoach": ("{n}/KH-{mttq}", 150, 4), "huong_dan": ("{n}/HD-{mttq}", 40, 2),
            "bao_cao": ("{n}/BC-{mttq}", 200, 2), "thong_bao": ("{n}/TB-{mttq}", 100, 1)}, MTTQ, 12),
    Issuer(f"Ban Chỉ đạo {CAMPAIGN} {{u}} {{P}}", "tinh", False,
           {"ke_hoach": ("{n}/KH-{bcd}", 30, 5), "cong_van": ("{n}/CV-{bcd}", 40, 4), "bao_cao": ("{n}/BC-{bcd}", 20, 3),
            "thong_bao": ("{n}/TB-{bcd}", 15, 1), "quyet_dinh": ("{n}/QĐ-{bcd}", 20, 1)}, BCD, 9),
    Issuer("Sở Công Thương {u} {P}", "tinh", False,
           {"cong_van": ("{n}/SCT-QLTM", 3000, 3), "ke_hoach": ("{n}/KH-SCT", 250, 3), "huong_dan": ("{n}/HD-SCT", 30, 1),
            "bao_cao": ("{n}/BC-SCT", 400, 1)}, [("", "GIÁM ĐỐC"), ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")], 8),
    # district (before the merger only)
    Issuer("{CU} {P}", "huyen", True, {"cong_van": ("{n}-CV/{cu}", 3000, 1)}, BTV, 8),
    Issuer("Ban Thường vụ {CU} {P}", "huyen", True,
           {"chi_thi": ("{n}-CT/{cu}", 30, 2), "thong_tri": ("{n}-TT/{cu}", 30, 2), "ke_hoach": ("{n}-KH/{cu}", 450, 6),
            "chuong_trinh": ("{n}-CTr/{cu}", 50, 1), "thong_bao": ("{n}-TB/{cu}", 2000, 1), "nghi_quyet": ("{n}-NQ/{cu}", 40, 1)},
           BTV, 12),
    Issuer("Ủy ban nhân dân {u} {P}", "huyen", False,
           {"cong_van": ("{n}/UBND-{dept}", 3000, 6), "ke_hoach": ("{n}/KH-UBND", 400, 8), "quyet_dinh": ("{n}/QĐ-UBND", 5000, 2),
            "bao_cao": ("{n}/BC-UBND", 500, 2), "thong_bao": ("{n}/TB-UBND", 300, 1), "to_trinh": ("{n}/TTr-UBND", 200, 1)},
           UBND, 20),
    Issuer("Ủy ban Mặt trận Tổ quốc Việt Nam {u} {P}", "huyen", False,
           {"cong_van": ("{n}/{mttq}", 400, 3), "ke_hoach": ("{n}/KH-{mttq}", 100, 4), "bao_cao": ("{n}/BC-{mttq}", 150, 2)},
           MTTQ, 12),
    Issuer(f"Ban Chỉ đạo {CAMPAIGN} {{u}} {{P}}", "huyen", False,
           {"cong_van": ("{n}/CV-{bcd}", 30, 5), "ke_hoach": ("{n}/KH-{bcd}", 20, 5), "bao_cao": ("{n}/BC-{bcd}", 15, 3),
            "thong_bao": ("{n}/TB-{bcd}", 10, 1)}, BCD, 10),
    Issuer("Hội đồng nhân dân {u} {P}", "huyen", False, {"nghi_quyet": ("{n}/NQ-HĐND", 80, 1)}, [("", "CHỦ TỊCH")], 2),
    # commune
    Issuer("Đảng ủy {u} {P}", "xa", True,
           {"ke_hoach": ("{n}-KH/ĐU", 250, 4), "cong_van": ("{n}-CV/ĐU", 800, 2), "nghi_quyet": ("{n}-NQ/ĐU", 40, 1),
            "chuong_trinh": ("{n}-CTr/ĐU", 30, 1)}, [("T/M ĐẢNG ỦY", "BÍ THƯ"), ("T/M ĐẢNG ỦY", "PHÓ BÍ THƯ")], 10),
    Issuer("Ủy ban nhân dân {u} {P}", "xa", False,
           {"ke_hoach": ("{n}/KH-UBND", 200, 4), "cong_van": ("{n}/UBND", 600, 3), "bao_cao": ("{n}/BC-UBND", 300, 2),
            "quyet_dinh": ("{n}/QĐ-UBND", 400, 1)}, UBND, 10),
    Issuer("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam {u} {P}", "xa", False,
           {"ke_hoach": ("{n}/KH-MTTQ", 60, 3), "bao_cao": ("{n}/BC-MTTQ", 60, 2), "cong_van": ("{n}/CV-MTTQ", 80, 1)}, MTTQ, 6),
]
UBND_DEPTS = {"tinh": ("KTN", "KT", "KTTH", "TH", "VX", "NC", "NN", "CN"), "huyen": ("KT", "VP", "KT-HT", "TCKH", "NN")}
# Each body prints its codes its own way, kept per place (a stable hash of its name).
HOUSE_CODES = {"bcd": ("BCĐ", "BCĐCVĐ", "BCĐ-CVĐ"), "mttq": ("MTTQ-BTT", "MTTQ", "BTT-MTTQ", "UBMTTQ")}

# The central documents every other one cites: (page_id, kind, number, issuer, date, subject, validity)
LANDMARKS = [
    (1, "thong_bao", "264-TB/TW", "Bộ Chính trị", dt.date(2009, 7, 31),
     f"Kết luận của Bộ Chính trị về tổ chức {CAMPAIGN}", "con_hieu_luc"),
    (2, "ket_luan", "107-KL/TW", "Ban Bí thư Trung ương Đảng", dt.date(2015, 4, 10),
     f"Về tiếp tục tăng cường sự lãnh đạo của Đảng đối với việc thực hiện {CAMPAIGN}", "bi_thay_the"),
    (3, "chi_thi", "03-CT/TW", "Ban Bí thư Trung ương Đảng", dt.date(2021, 5, 19),
     f"Về tăng cường sự lãnh đạo của Đảng đối với {CAMPAIGN} trong tình hình mới", "con_hieu_luc"),
    (4, "quyet_dinh", "386/QĐ-TTg", "Thủ tướng Chính phủ", dt.date(2021, 3, 17),
     f"Phê duyệt Đề án phát triển thị trường trong nước gắn với {CAMPAIGN} giai đoạn 2021 - 2025", "con_hieu_luc"),
    (5, "chi_thi", "28/CT-TTg", "Thủ tướng Chính phủ", dt.date(2021, 10, 26),
     f"Về đẩy mạnh thực hiện {CAMPAIGN} trong tình hình mới", "con_hieu_luc"),
]
LANDMARK_KEYS = {normalize_doc_number(number): date for _i, _k, number, _is, date, _s, _v in LANDMARKS}
# How a document cites the landmark in force at its date (newest first).
CITATIONS = [
    (dt.date(2021, 5, 19), "Chỉ thị số 03-CT/TW ngày 19/5/2021 của Ban Bí thư Trung ương Đảng về tăng cường sự lãnh đạo "
     f"của Đảng đối với {CAMPAIGN} trong tình hình mới", "Chỉ thị số 03-CT/TW của Ban Bí thư"),
    (dt.date(2015, 4, 10), "Kết luận số 107-KL/TW ngày 10/4/2015 của Ban Bí thư về tiếp tục tăng cường sự lãnh đạo của "
     f"Đảng đối với việc thực hiện {CAMPAIGN}", "Kết luận số 107-KL/TW của Ban Bí thư"),
    (FIRST_DATE, f"Thông báo kết luận số 264-TB/TW ngày 31/7/2009 của Bộ Chính trị về tổ chức {CAMPAIGN}",
     "Thông báo kết luận số 264-TB/TW của Bộ Chính trị"),
]
NO_CITATION = ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ X của Đảng", "Nghị quyết Đại hội X của Đảng")
STATE_CITATIONS = [
    (dt.date(2021, 10, 26), "Chỉ thị số 28/CT-TTg ngày 26/10/2021 của Thủ tướng Chính phủ"),
    (dt.date(2021, 3, 17), "Quyết định số 386/QĐ-TTg ngày 17/3/2021 của Thủ tướng Chính phủ phê duyệt Đề án phát triển "
     f"thị trường trong nước gắn với {CAMPAIGN} giai đoạn 2021 - 2025"),
]

# ---------------------------------------------------------------------------
# Vocabulary for the variable parts
# ---------------------------------------------------------------------------

PRODUCTS = (
    "cam", "bưởi", "mật ong", "chè", "miến dong", "gạo nếp cái hoa vàng", "nước mắm", "cà phê", "hạt điều", "hồ tiêu",
    "nhãn lồng", "vải thiều", "mắm tôm", "rượu nếp", "tương bần", "bánh đa nem", "kẹo dừa", "trà hoa vàng", "nấm linh chi",
    "tinh dầu quế", "hoa hồi", "măng khô", "thịt trâu gác bếp", "chả mực", "sâm Ngọc Linh", "mây tre đan", "lụa tơ tằm",
    "chiếu cói", "gốm sứ", "na dai", "mận hậu", "thanh long", "xoài cát", "sầu riêng", "cá khô", "tôm khô", "bánh pía",
    "nhung hươu", "trầm hương", "dầu lạc", "chuối sấy", "gạo ST25", "vịt cỏ", "bò một nắng",
)
BRANDS = (
    "Vinamilk", "TH true MILK", "VinFast", "Bia Sài Gòn", "May 10", "Việt Tiến", "Biti's", "Trung Nguyên", "Rạng Đông",
    "Điện Quang", "Vissan", "Thiên Long", "Sao Vàng", "Saigon Co.op", "Vinacafé", "Hảo Hảo", "Dệt may Thành Công",
)
ENTERPRISE_FORMS = ("Công ty Cổ phần", "Công ty TNHH", "Hợp tác xã", "Hợp tác xã Nông nghiệp", "Công ty TNHH MTV", "Cơ sở sản xuất")
ENTERPRISE_WORDS = (
    "Thành Đạt", "Phú Thịnh", "Hưng Phát", "An Khang", "Minh Phát", "Tân Tiến", "Hồng Hà", "Sao Mai", "Đại Thành", "Quang Minh",
    "Hòa Bình", "Thiên Phú", "Việt Hưng", "Phúc Lộc", "Trường Sơn", "Thủy Tiên", "Hoàng Gia", "Nam Việt", "Đông Á", "Kim Ngân",
)
SURNAMES = (
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4), ("Phan", 4), ("Vũ", 4), ("Võ", 4),
    ("Đặng", 3), ("Bùi", 3), ("Đỗ", 3), ("Hồ", 2), ("Ngô", 2), ("Dương", 2), ("Lý", 1), ("Đinh", 1), ("Trịnh", 1),
    ("Lương", 1), ("Mai", 1), ("Triệu", 1), ("Cao", 1),
)
MIDDLE = {"m": ("Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Ngọc", "Mạnh", "Công", "Đình", "Tiến"),
          "f": ("Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Lệ", "Kim", "Thị Thu", "Thị Minh")}
GIVEN = {"m": ("Hùng", "Dũng", "Tuấn", "Long", "Nam", "Thắng", "Quyền", "Nhật", "Hải", "Sơn", "Bình", "Trung", "Khánh",
               "Phong", "Cường", "Hòa", "Thủy", "Huy", "Tùng", "Quý"),
         "f": ("Hồng", "Lan", "Hương", "Hà", "Thủy", "Mai", "Hạnh", "Nga", "Huyền", "Thảo", "Khánh", "Linh", "Hoa", "Hòa", "Thúy")}
CAN = ("Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ")
CHI = ("Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi")
AWARDS = (
    "Bằng khen của Chủ tịch Ủy ban nhân dân {PU}", "Bằng khen của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Giấy khen của Ban Chỉ đạo Cuộc vận động {u}", "Cờ thi đua của Ủy ban nhân dân {PU}",
    "danh hiệu “Hàng Việt Nam chất lượng cao”", "Bằng khen của Bộ Công Thương",
)

# Keywords (folded) that make a sentence belong to a theme, in the spirit of the importer's themes.
THEME_KEYWORDS = {
    "ocop": ("ocop", "moi xa mot san pham"),
    "chong-hang-gia": ("hang gia", "hang nhai", "buon lau", "gian lan thuong mai"),
    "thuong-mai-dien-tu": ("thuong mai dien tu", "truc tuyen", "nen tang so"),
    "xuc-tien-thuong-mai": ("xuc tien thuong mai", "hoi cho", "phien cho", "ket noi cung cau", "tuan hang"),
    "bao-ve-nguoi-tieu-dung": ("quyen loi cua nguoi tieu dung", "quyen loi nguoi tieu dung", "bao ve nguoi tieu dung"),
    "mua-sam-cong": ("ngan sach nha nuoc", "mua sam cong", "dau tu cong"),
    "tet": ("tet",),
    "thi-dua-khen-thuong": ("khen thuong", "ton vinh", "bieu duong", "thi dua", "bang khen"),
    "kiem-tra-giam-sat": ("kiem tra", "giam sat"),
    "thuong-hieu-viet": ("thuong hieu",),
    "ho-tro-doanh-nghiep": ("ho tro doanh nghiep", "ho tro cac doanh nghiep", "khoi nghiep", "doanh nghiep nho va vua"),
    "tuyen-truyen": ("tuyen truyen",),
    "nong-san": ("nong san", "san pham nong nghiep", "thu hoach"),
    "hang-viet-ve-nong-thon": ("nong thon", "mien nui", "vung sau"),
    "neu-guong": ("neu guong", "guong mau", "nguoi dung dau"),
    "he-thong-phan-phoi": ("sieu thi", "phan phoi", "cho truyen thong", "diem ban"),
}

# ---------------------------------------------------------------------------
# Hand-written sentences in the seeds' register. Slots are filled per document:
# {P} place, {u} unit noun, {PU} "tỉnh X" of the province above, {CU} party committee,
# {BTV} its standing committee, {K} years since 2009, {Y} year, {YP} previous year,
# {TET} the coming Tết, {PERIOD}, {PRODUCT}, {PRODUCT2}, {PRODUCTS}, {BRANDS},
# {ENTERPRISE}, {ENTERPRISE2}, {SUBJ}, {PERSON}, {N1}..{N4}, {PCT}, {MONEY}, {STARS},
# {AWARD}, {DATE}. A sentence with a place slot is "local" and not used in central documents.
# ---------------------------------------------------------------------------

CONTEXT = [
    "Hơn {K} năm qua, dưới sự lãnh đạo, chỉ đạo của các cấp ủy đảng, sự phối hợp của chính quyền, Mặt trận Tổ quốc và các "
    "đoàn thể chính trị - xã hội, Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” trên địa bàn {u} đã đạt được nhiều kết quả quan trọng.",
    "Nhận thức của cán bộ, đảng viên và Nhân dân {u} về ý nghĩa, tầm quan trọng của Cuộc vận động được nâng lên; nhiều doanh "
    "nghiệp, hợp tác xã, cơ sở sản xuất đã chú trọng đổi mới công nghệ, nâng cao chất lượng, mẫu mã sản phẩm.",
    "Năm {YP}, toàn {u} đã tổ chức {N1} hội nghị quán triệt, tuyên truyền về Cuộc vận động với hơn {N2} lượt cán bộ, đảng viên và Nhân dân tham dự.",
    "Đến nay, {u} {P} có {N3} sản phẩm được công nhận đạt chuẩn OCOP từ 3 sao trở lên, nhiều sản phẩm đã có mặt tại các siêu thị "
    "và sàn thương mại điện tử trong và ngoài nước.",
    "Sau hơn {K} năm triển khai, Cuộc vận động đã trở thành phong trào sâu rộng trong cả nước, góp phần thúc đẩy sản xuất, kinh "
    "doanh, bình ổn thị trường và bảo đảm an sinh xã hội.",
    "Thị phần hàng Việt Nam tại các kênh phân phối hiện đại đạt trên {PCT}%, nhiều thương hiệu Việt đã khẳng định được uy tín trên "
    "thị trường trong nước và quốc tế.",
    "Nhiều doanh nghiệp như {BRANDS} đã trở thành những thương hiệu quen thuộc, được người tiêu dùng trong nước tin dùng.",
]
LIMITS = [
    "Tuy nhiên, công tác tuyên truyền ở một số cơ quan, đơn vị chưa thường xuyên; việc ưu tiên sử dụng hàng Việt Nam trong mua "
    "sắm công có nơi chưa được quan tâm đúng mức; tình trạng buôn lậu, gian lận thương mại, hàng giả, hàng kém chất lượng vẫn còn diễn biến phức tạp.",
    "Một bộ phận người tiêu dùng vẫn còn tâm lý sính hàng ngoại; hoạt động quảng bá, giới thiệu sản phẩm của nhiều doanh nghiệp nhỏ và vừa chưa hiệu quả.",
    "Việc ứng dụng thương mại điện tử trong tiêu thụ sản phẩm của các hợp tác xã, hộ sản xuất còn hạn chế, phần lớn vẫn dựa vào kênh phân phối truyền thống.",
    "Sự phối hợp giữa các thành viên Ban Chỉ đạo có lúc chưa chặt chẽ; kinh phí bảo đảm cho hoạt động của Cuộc vận động ở cơ sở còn khó khăn.",
]
TASKS = [
    "Tổ chức Tuần hàng Việt Nam, phiên chợ hàng Việt về nông thôn, miền núi, vùng sâu, vùng xa; phấn đấu mỗi năm tổ chức ít nhất "
    "{N1} phiên chợ tại các xã, thị trấn trên địa bàn.",
    "Hỗ trợ các hợp tác xã, cơ sở sản xuất đưa các sản phẩm như {PRODUCTS} lên các sàn thương mại điện tử Postmart, Voso, Shopee, "
    "Tiki; hướng dẫn xây dựng gian hàng trực tuyến và truy xuất nguồn gốc bằng mã QR.",
    "Phấn đấu đến hết năm {Y}, có thêm ít nhất {N1} sản phẩm được đánh giá, phân hạng đạt chuẩn OCOP từ 3 sao trở lên, ưu tiên các "
    "sản phẩm chủ lực như {PRODUCT}, {PRODUCT2}.",
    "Lực lượng quản lý thị trường chủ trì, phối hợp với công an, hải quan tăng cường kiểm tra, kiểm soát, xử lý nghiêm các hành vi "
    "buôn lậu, sản xuất, kinh doanh hàng giả, hàng nhái, hàng không rõ nguồn gốc, nhất là trên môi trường thương mại điện tử.",
    "Các cơ quan, đơn vị sử dụng ngân sách nhà nước khi mua sắm tài sản, trang thiết bị, vật phẩm, quà tặng phải ưu tiên lựa chọn "
    "sản phẩm, hàng hóa, dịch vụ sản xuất trong nước theo quy định của pháp luật về đấu thầu.",
    "Chuẩn bị tốt nguồn hàng phục vụ Nhân dân dịp Tết Nguyên đán {TET}, bảo đảm cung ứng đủ hàng hóa thiết yếu, bình ổn giá cả thị "
    "trường, không để xảy ra tình trạng khan hiếm hàng hóa, tăng giá đột biến.",
    "Phát động người tiêu dùng mua sắm, sử dụng hàng Việt Nam, các đặc sản của {u} như {PRODUCTS} làm quà biếu, quà tặng dịp Tết Nguyên đán {TET}.",
    "Kịp thời biểu dương, khen thưởng các tập thể, cá nhân, doanh nghiệp tiêu biểu trong thực hiện Cuộc vận động; giới thiệu các "
    "gương điển hình như {ENTERPRISE}, {ENTERPRISE2} trên các phương tiện thông tin đại chúng.",
    "Hằng năm, Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam {u} xây dựng kế hoạch kiểm tra, giám sát việc thực hiện Cuộc vận "
    "động tại ít nhất {N1} cơ quan, đơn vị, địa phương; kết quả báo cáo Thường trực {CU}.",
    "Hỗ trợ doanh nghiệp, hợp tác xã đăng ký bảo hộ nhãn hiệu, chỉ dẫn địa lý cho các sản phẩm đặc trưng như {PRODUCT} {P}, "
    "{PRODUCT2} {P}; xây dựng và phát triển thương hiệu sản phẩm gắn với vùng nguyên liệu.",
    "Triển khai hiệu quả các chính sách hỗ trợ doanh nghiệp nhỏ và vừa, hợp tác xã về tín dụng, mặt bằng sản xuất, đào tạo nguồn "
    "nhân lực, tư vấn pháp lý và chuyển đổi số.",
    "Tổ chức các hội nghị kết nối cung cầu giữa các hợp tác xã, hộ sản xuất với hệ thống siêu thị, bếp ăn tập thể, trường học, "
    "khu công nghiệp để tiêu thụ nông sản của địa phương.",
    "Tập trung hỗ trợ tiêu thụ {PRODUCT} vào thời điểm thu hoạch chính vụ, không để xảy ra tình trạng ùn ứ, ép giá nông sản.",
    "Phối hợp với các hệ thống phân phối Co.opmart, WinMart, Bách hóa Xanh, MM Mega Market đưa sản phẩm của {u} vào kinh doanh ổn định, lâu dài.",
    "Cán bộ, đảng viên, nhất là người đứng đầu cấp ủy, chính quyền phải gương mẫu ưu tiên mua sắm, sử dụng hàng Việt Nam, vận "
    "động gia đình và Nhân dân nơi cư trú cùng thực hiện.",
    "Đẩy mạnh tuyên truyền trên Cổng thông tin điện tử, Báo {P}, Đài Phát thanh và Truyền hình {P}, hệ thống truyền thanh cơ sở và "
    "các trang mạng xã hội; xây dựng chuyên trang, chuyên mục “Người Việt Nam ưu tiên dùng hàng Việt Nam”.",
    "Hưởng ứng Ngày Quyền của người tiêu dùng Việt Nam 15/3 năm {Y}, tổ chức các hoạt động tuyên truyền, tư vấn, bảo vệ quyền "
    "lợi của người tiêu dùng; tiếp nhận, xử lý kịp thời phản ánh, khiếu nại qua đường dây nóng.",
    "Đưa hàng Việt về nông thôn, vùng đồng bào dân tộc thiểu số, giúp người dân tiếp cận hàng hóa chất lượng, giá cả hợp lý, "
    "đồng thời hạn chế hàng giả, hàng kém chất lượng xâm nhập thị trường nông thôn.",
    "Phát triển các điểm bán hàng Việt, cửa hàng giới thiệu sản phẩm OCOP tại các khu du lịch, trạm dừng nghỉ, trung tâm hành chính.",
    "Tổ chức bình chọn “Sản phẩm, dịch vụ tiêu biểu của {u} {P}” năm {Y}; tôn vinh các doanh nghiệp có sản phẩm đạt danh hiệu "
    "Hàng Việt Nam chất lượng cao, Thương hiệu quốc gia Việt Nam.",
    "Khuyến khích doanh nghiệp ứng dụng công nghệ số, tem truy xuất nguồn gốc, tham gia các chương trình khuyến mại tập trung, tháng khuyến mại hàng Việt.",
    "Quan tâm đầu tư chế biến thủy sản, {PRODUCT} và các sản phẩm nông nghiệp chủ lực để nâng cao giá trị gia tăng, mở rộng thị trường tiêu thụ.",
    "Các tổ chức chính trị - xã hội phát động đoàn viên, hội viên thực hiện mô hình “Tiêu dùng hàng Việt - Tự hào Việt Nam”, "
    "“Mỗi hội viên một sản phẩm hàng Việt”.",
    "Hội Liên hiệp Phụ nữ vận động hội viên thực hiện tiêu chí “Người phụ nữ Việt Nam ưu tiên dùng hàng Việt Nam”; Hội Nông dân "
    "hỗ trợ nông dân liên kết sản xuất, tiêu thụ nông sản theo chuỗi giá trị.",
    "Đoàn Thanh niên phát động phong trào “Thanh niên Việt Nam ưu tiên dùng hàng Việt Nam”, hỗ trợ thanh niên khởi nghiệp kinh "
    "doanh các sản phẩm địa phương trên nền tảng số.",
    "Công đoàn các cấp vận động đoàn viên, người lao động ưu tiên dùng hàng Việt Nam; phối hợp tổ chức các phiên chợ công nhân, "
    "“Tết sum vầy” dịp Tết Nguyên đán {TET}.",
    "Các siêu thị, trung tâm thương mại trên địa bàn bảo đảm tỷ lệ hàng Việt Nam đạt trên {PCT}%, bố trí gian hàng riêng giới "
    "thiệu sản phẩm OCOP và đặc sản của {u}.",
    "Tổ chức các đoàn doanh nghiệp tham gia Hội chợ Hàng Việt Nam chất lượng cao, Hội chợ OCOP và các hội chợ, triển lãm xúc tiến thương mại trong nước.",
]
RESULTS = [
    "Các cấp đã tổ chức {N1} hội nghị quán triệt, triển khai với hơn {N2} lượt cán bộ, đảng viên tham dự.",
    "Lực lượng chức năng đã kiểm tra {N3} vụ việc, phát hiện, xử lý {N4} vụ vi phạm về hàng giả, hàng nhập lậu, hàng không rõ "
    "nguồn gốc; tổng số tiền xử phạt hơn {MONEY} triệu đồng.",
    "Tỷ lệ hàng Việt tại các siêu thị, trung tâm thương mại trên địa bàn đạt trên {PCT}%.",
    "Tổ chức {N1} phiên chợ hàng Việt về nông thôn, thu hút hơn {N2} lượt người tham quan, mua sắm, doanh thu đạt khoảng {MONEY} triệu đồng.",
    "Toàn {u} có {N3} sản phẩm OCOP được công nhận, trong đó {N4} sản phẩm đạt 4 sao.",
    "Đã có {N3} doanh nghiệp, hợp tác xã đưa sản phẩm lên sàn thương mại điện tử; nhiều sản phẩm như {PRODUCTS} được tiêu thụ ổn định.",
    "Các cơ quan báo chí, hệ thống truyền thanh cơ sở đã đăng tải hơn {N2} tin, bài, phóng sự về Cuộc vận động.",
    "Có {N4} tập thể, {N1} cá nhân được biểu dương, khen thưởng vì có thành tích tiêu biểu trong thực hiện Cuộc vận động.",
]
PURPOSES = [
    "Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, Mặt trận Tổ quốc, các đoàn thể và Nhân dân về ý nghĩa, tầm quan trọng của Cuộc vận động.",
    "Tạo chuyển biến mạnh mẽ về nhận thức và hành động của các cấp, các ngành, doanh nghiệp và người dân trong sản xuất, kinh "
    "doanh và tiêu dùng hàng Việt Nam.",
    "Việc triển khai thực hiện phải cụ thể, thiết thực, phù hợp với điều kiện thực tế của từng cơ quan, đơn vị, địa phương; tránh hình thức, lãng phí.",
    "Phân công rõ trách nhiệm của các cơ quan, đơn vị chủ trì, phối hợp; thường xuyên kiểm tra, đôn đốc, định kỳ sơ kết, tổng kết, rút kinh nghiệm.",
    "Góp phần thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ {u} {P}, thúc đẩy phát triển kinh tế - xã hội của địa phương.",
]
OPENERS = {
    "letter": "Thực hiện {CITE}, {SELF} đề nghị các cơ quan, đơn vị, địa phương quan tâm, triển khai thực hiện tốt một số nội dung sau:",
    "letter2": "Để tiếp tục triển khai thực hiện có hiệu quả {CITE}, {SELF} đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:",
    "directive": "Nhằm triển khai thực hiện hiệu quả {CITE} và khắc phục những hạn chế nêu trên, {SELF} yêu cầu:",
    "plan": "Thực hiện {CITE}, {SELF} xây dựng Kế hoạch tổ chức triển khai thực hiện như sau:",
    "report": "Thực hiện {CITE}, {SELF} báo cáo kết quả thực hiện năm {Y} như sau:",
}
PLAN_BUDGET = ("Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách năm {Y} của các cơ quan, đơn vị "
               "và nguồn xã hội hóa theo quy định.")
DECISION_BASIS = "Căn cứ {CITE}; Xét đề nghị của cơ quan Thường trực Ban Chỉ đạo Cuộc vận động,"
DECISION_END = "Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."
CLOSINGS = [
    "Đề nghị các cơ quan, đơn vị, địa phương phối hợp triển khai thực hiện kịp thời, hiệu quả; định kỳ báo cáo kết quả về {SELF} để theo dõi, tổng hợp.",
    "Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo {SELF} xem xét, chỉ đạo./.",
    "Giao Ủy ban Mặt trận Tổ quốc Việt Nam {u} (cơ quan Thường trực Ban Chỉ đạo Cuộc vận động) theo dõi, đôn đốc, định kỳ báo cáo kết quả thực hiện.",
]
AGENCIES = [
    "Các cấp ủy, tổ chức đảng", "Ủy ban nhân dân {u}", "Ban cán sự đảng Ủy ban nhân dân {u}", "Đảng đoàn Hội đồng nhân dân {u}",
    "Ủy ban Mặt trận Tổ quốc Việt Nam {u}", "Ban Tuyên giáo {CU}", "Ban Dân vận {CU}", "Các đoàn thể chính trị - xã hội",
    "Sở Công Thương", "Sở Tài chính", "Sở Nông nghiệp và Phát triển nông thôn", "Hội Doanh nghiệp {u}", "Các cơ quan báo chí",
    "Liên đoàn Lao động {u}", "Ban Chỉ đạo Cuộc vận động các cấp", "Đội Quản lý thị trường",
]
CENTRAL_AGENCIES = [
    "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương", "Ban cán sự đảng Chính phủ", "Bộ Công Thương",
    "Ban Tuyên giáo Trung ương", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Các cơ quan báo chí Trung ương",
    "Đảng đoàn Quốc hội", "Các bộ, ngành, địa phương",
]
PLAN_HEADINGS = {
    "tuyen-truyen": "Đẩy mạnh công tác tuyên truyền về Cuộc vận động",
    "ocop": "Phát triển sản phẩm OCOP, sản phẩm đặc trưng của địa phương",
    "chong-hang-gia": "Tăng cường kiểm tra, kiểm soát thị trường, chống buôn lậu, gian lận thương mại và hàng giả",
    "thuong-mai-dien-tu": "Ứng dụng thương mại điện tử trong tiêu thụ sản phẩm",
    "xuc-tien-thuong-mai": "Tổ chức các hoạt động xúc tiến thương mại, kết nối cung cầu",
    "bao-ve-nguoi-tieu-dung": "Tăng cường trách nhiệm bảo vệ quyền lợi người tiêu dùng",
    "mua-sam-cong": "Ưu tiên sử dụng hàng Việt Nam trong mua sắm công",
    "tet": "Bảo đảm cung ứng hàng hóa dịp Tết Nguyên đán",
    "thi-dua-khen-thuong": "Công tác thi đua, khen thưởng",
    "kiem-tra-giam-sat": "Kiểm tra, giám sát việc thực hiện Cuộc vận động",
    "thuong-hieu-viet": "Xây dựng và phát triển thương hiệu sản phẩm",
    "ho-tro-doanh-nghiep": "Rà soát các chính sách hỗ trợ doanh nghiệp",
    "nong-san": "Hỗ trợ tiêu thụ nông sản",
    "hang-viet-ve-nong-thon": "Đưa hàng Việt về nông thôn, miền núi",
    "neu-guong": "Đề cao trách nhiệm nêu gương của cán bộ, đảng viên",
    "he-thong-phan-phoi": "Phát triển hệ thống phân phối hàng Việt",
}
# Subjects (trích yếu) by document family, each with the themes it implies.
SUBJECTS = {
    "letter": [
        ("Triển khai thực hiện {CITE_SHORT}", ("tuyen-truyen",)),
        ("Tăng cường tuyên truyền, vận động ưu tiên dùng hàng Việt Nam và sản phẩm sản xuất trong {u}", ("tuyen-truyen",)),
        ("Tăng cường lãnh đạo thực hiện Cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam", ()),
        ("Ưu tiên mua sắm, sử dụng hàng Việt Nam, sản phẩm OCOP dịp Tết Nguyên đán {TET}", ("tet", "ocop", "mua-sam-cong")),
        ("Đẩy mạnh tiêu thụ nông sản, sản phẩm OCOP của {u}", ("nong-san", "ocop")),
        ("Tăng cường kiểm tra, xử lý hàng giả, hàng kém chất lượng dịp cuối năm {Y}", ("chong-hang-gia", "kiem-tra-giam-sat")),
        ("Hưởng ứng Ngày Quyền của người tiêu dùng Việt Nam năm {Y}", ("bao-ve-nguoi-tieu-dung",)),
        ("Đưa sản phẩm OCOP, đặc sản địa phương lên sàn thương mại điện tử", ("thuong-mai-dien-tu", "ocop")),
        ("Tổ chức phiên chợ hàng Việt về nông thôn năm {Y}", ("hang-viet-ve-nong-thon", "xuc-tien-thuong-mai")),
        ("Tham gia Hội chợ Hàng Việt Nam chất lượng cao năm {Y}", ("xuc-tien-thuong-mai",)),
        ("Bình chọn, tôn vinh doanh nghiệp, sản phẩm tiêu biểu trong thực hiện Cuộc vận động năm {Y}", ("thi-dua-khen-thuong",)),
        ("Kiện toàn Ban Chỉ đạo Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” {u}", ()),
        ("Báo cáo kết quả thực hiện Cuộc vận động năm {Y}", ("kiem-tra-giam-sat",)),
        ("Đề cao trách nhiệm nêu gương của cán bộ, đảng viên trong tiêu dùng hàng Việt Nam", ("neu-guong",)),
        ("Ưu tiên sử dụng hàng Việt Nam trong mua sắm bằng nguồn ngân sách nhà nước", ("mua-sam-cong",)),
        ("Hỗ trợ doanh nghiệp, hợp tác xã xây dựng và bảo vệ thương hiệu sản phẩm", ("thuong-hieu-viet", "ho-tro-doanh-nghiep")),
        ("Tăng cường đưa hàng Việt vào hệ thống siêu thị, chợ truyền thống", ("he-thong-phan-phoi",)),
    ],
    "directive": [
        (f"Về tăng cường sự lãnh đạo của Đảng đối với {CAMPAIGN} trong tình hình mới", ("tuyen-truyen",)),
        (f"Về tiếp tục đẩy mạnh {CAMPAIGN} trên địa bàn {{u}}", ()),
        ("Về tăng cường công tác đấu tranh chống buôn lậu, gian lận thương mại và hàng giả", ("chong-hang-gia",)),
        ("Về đẩy mạnh phát triển thương mại điện tử, đưa hàng Việt lên sàn", ("thuong-mai-dien-tu",)),
        ("Về ưu tiên mua sắm hàng Việt Nam trong các cơ quan, đơn vị sử dụng ngân sách nhà nước", ("mua-sam-cong", "neu-guong")),
        ("Về phát triển sản phẩm OCOP và tiêu thụ nông sản giai đoạn {PERIOD}", ("ocop", "nong-san")),
        ("Về tổ chức Tết Nguyên đán {TET}, ưu tiên dùng hàng Việt Nam", ("tet",)),
    ],
    "decision": [
        (f"Về việc kiện toàn Ban Chỉ đạo {CAMPAIGN} {{u}}", ()),
        ("Ban hành Quy chế hoạt động của Ban Chỉ đạo Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”", ()),
        ("Phê duyệt Đề án phát triển thị trường trong nước gắn với Cuộc vận động giai đoạn {PERIOD}", ("xuc-tien-thuong-mai", "he-thong-phan-phoi")),
        ("Khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong thực hiện Cuộc vận động năm {YP}", ("thi-dua-khen-thuong",)),
        ("Quy định chính sách hỗ trợ phát triển sản phẩm OCOP trên địa bàn {u} giai đoạn {PERIOD}", ("ocop", "ho-tro-doanh-nghiep")),
        ("Quy định chính sách hỗ trợ xúc tiến thương mại, phát triển thương hiệu sản phẩm giai đoạn {PERIOD}", ("xuc-tien-thuong-mai", "thuong-hieu-viet")),
    ],
    "report": [
        (f"Kết quả thực hiện {CAMPAIGN} năm {{YP}}", ("kiem-tra-giam-sat",)),
        ("Sơ kết {S} năm thực hiện {CITE_SHORT}", ("kiem-tra-giam-sat", "tuyen-truyen")),
        ("Kết quả kiểm tra, giám sát việc thực hiện Cuộc vận động năm {YP}", ("kiem-tra-giam-sat",)),
        ("Kết quả bình chọn sản phẩm hàng Việt tiêu biểu năm {YP}", ("thi-dua-khen-thuong", "thuong-hieu-viet")),
        ("Đề nghị khen thưởng tập thể, cá nhân tiêu biểu trong thực hiện Cuộc vận động", ("thi-dua-khen-thuong",)),
    ],
    "plan": [
        ("Thực hiện {CITE}", ("tuyen-truyen",)),
        (f"Triển khai {CAMPAIGN} năm {{Y}}", ()),
        ("Tổ chức Tuần hàng Việt Nam năm {Y}", ("xuc-tien-thuong-mai",)),
        ("Tổ chức Phiên chợ hàng Việt về nông thôn năm {Y}", ("hang-viet-ve-nong-thon", "xuc-tien-thuong-mai")),
        ("Tuyên truyền Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” giai đoạn {PERIOD}", ("tuyen-truyen",)),
        ("Kiểm tra, giám sát việc thực hiện Cuộc vận động năm {Y}", ("kiem-tra-giam-sat",)),
        ("Phát triển sản phẩm OCOP giai đoạn {PERIOD}", ("ocop",)),
        ("Đưa hàng Việt lên sàn thương mại điện tử năm {Y}", ("thuong-mai-dien-tu",)),
        ("Cao điểm chống buôn lậu, gian lận thương mại và hàng giả dịp Tết Nguyên đán {TET}", ("chong-hang-gia", "tet")),
        ("Hỗ trợ tiêu thụ nông sản, kết nối cung cầu năm {Y}", ("nong-san", "he-thong-phan-phoi")),
    ],
}
# Which body composer and subject family each kind uses.
KIND_FAMILY = {
    "cong_van": "letter", "thong_bao": "directive", "to_trinh": "report", "bao_cao": "report", "quyet_dinh": "decision",
    "chi_thi": "directive", "thong_tri": "directive", "nghi_quyet": "directive", "ket_luan": "directive",
    "huong_dan": "directive", "ke_hoach": "plan", "chuong_trinh": "plan",
}
# (low, high, mode) body words by kind; guong and tai_lieu by content.
# Targets for the composed sentences; headings, numbering and filled slots add about 80-100 words.
LENGTHS = {
    "letter": (60, 280, 110), "report": (250, 1100, 450), "decision": (150, 600, 250), "directive": (450, 1900, 700),
    "plan": (450, 1900, 800), "guong": (230, 830, 400), "tai_lieu": (230, 830, 380), "thong_bao": (250, 900, 380),
}

# Exemplary cases (gương điển hình)
CASE_SUBJECTS = [
    ("doanh_nghiep", "{ENTERPRISE}", ("đưa hàng Việt chiếm lĩnh thị trường trong nước", "nâng tầm thương hiệu {PRODUCT} {P}",
                                       "tiên phong đưa sản phẩm lên sàn thương mại điện tử", "điển hình trong thực hiện Cuộc vận động")),
    ("hop_tac_xa", "Hợp tác xã {PRODUCT} {P}", ("đưa {PRODUCT} đạt chuẩn OCOP {STARS} sao", "liên kết sản xuất, nâng giá trị nông sản",
                                                 "từ sản phẩm truyền thống đến thương hiệu OCOP")),
    ("ca_nhan", "{HONORIFIC} {PERSON}", ("khởi nghiệp từ đặc sản {PRODUCT} quê hương", "người giữ lửa nghề truyền thống",
                                         "lan tỏa tinh thần ưu tiên dùng hàng Việt")),
    ("tap_the", "{GROUP} {u} {P}", ("lan tỏa phong trào ưu tiên dùng hàng Việt", "nhiều cách làm hay trong thực hiện Cuộc vận động")),
    ("dia_phuong", "{UNIT} {P}", ("chuyển biến tích cực trong ưu tiên sử dụng hàng Việt Nam",
                                  "hơn {K} năm thực hiện Cuộc vận động đạt nhiều kết quả quan trọng")),
]
GROUPS = ("Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Liên đoàn Lao động", "Hội Doanh nghiệp")
CASE_STORY = [
    "Thành lập năm {YF}, {SUBJ} khởi đầu với {N1} thành viên và số vốn ít ỏi, chủ yếu sản xuất {PRODUCT} theo phương thức truyền thống.",
    "Nhận thấy tiềm năng của sản phẩm địa phương, {SUBJ} đã mạnh dạn đầu tư dây chuyền sản xuất hiện đại, áp dụng quy trình "
    "VietGAP và tiêu chuẩn ISO 22000, xây dựng thương hiệu riêng cho sản phẩm.",
    "Năm {YP}, sản phẩm {PRODUCT} {P} của {SUBJ} được công nhận đạt chuẩn OCOP {STARS} sao.",
    "Hiện nay, sản phẩm đã có mặt tại {N3} điểm bán, các siêu thị lớn và trên các sàn thương mại điện tử, doanh thu mỗi năm đạt khoảng {MONEY} triệu đồng.",
    "{SUBJ} đã tạo việc làm ổn định cho {N1} lao động địa phương với thu nhập bình quân từ {N4} đến {N5} triệu đồng/người/tháng.",
    "Không chỉ chú trọng sản xuất, {SUBJ} còn tích cực tham gia các hội chợ, phiên chợ hàng Việt do Ban Chỉ đạo Cuộc vận động {u} tổ chức.",
    "Với những thành tích đạt được, {SUBJ} vinh dự được tặng {AWARD}.",
    "Chia sẻ về bí quyết thành công, {SPEAKER} cho biết: “Chất lượng là yếu tố sống còn; người tiêu dùng chỉ tin dùng hàng Việt "
    "khi sản phẩm thật sự tốt, giá cả hợp lý và rõ nguồn gốc”.",
    "Thời gian tới, {SUBJ} tiếp tục mở rộng vùng nguyên liệu, đa dạng hóa mẫu mã, nâng cao chất lượng và hướng tới xuất khẩu.",
    "Mô hình của {SUBJ} là minh chứng sinh động cho hiệu quả của Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” ở {u} {P}.",
    "Trước tình trạng hàng giả, hàng nhái trên mạng, {SUBJ} đã chủ động dán tem truy xuất nguồn gốc, đăng ký bảo hộ nhãn hiệu để bảo vệ người tiêu dùng.",
    "Từ chỗ chỉ bán hàng ở chợ phiên, {SUBJ} đã xây dựng gian hàng trực tuyến, livestream giới thiệu sản phẩm, mỗi tháng nhận hàng trăm đơn hàng từ khắp cả nước.",
    "{SUBJ} thường xuyên phối hợp với Ủy ban MTTQ Việt Nam {u} tuyên truyền, vận động bà con ưu tiên sử dụng sản phẩm sản xuất tại địa phương.",
    "Những năm qua, {SUBJ} luôn đi đầu trong các phong trào thi đua, đóng góp tích cực vào chương trình xây dựng nông thôn mới của {u}.",
]
HONORIFICS = {"m": ("Anh", "Ông"), "f": ("Chị", "Bà")}
SPEAKERS = ("đại diện {SUBJ}", "Giám đốc {PERSON}", "ông {PERSON}", "bà {PERSON}")

# Propaganda materials (tài liệu tuyên truyền): (form, weight, title template)
MATERIAL_FORMS = [
    ("bai_viet", 35, "{P}: {EVENT}"),
    ("de_cuong", 15, "Đề cương tuyên truyền {K} năm thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”"),
    ("hoi_dap", 15, "Hỏi - đáp về {CITE_SHORT} và Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”"),
    ("khau_hieu", 10, "Khẩu hiệu tuyên truyền Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” năm {Y}"),
    ("kich_ban_phat_thanh", 10, "Kịch bản phát thanh: Người {P} ưu tiên dùng hàng Việt Nam"),
    ("infographic", 8, "Infographic: kết quả thực hiện Cuộc vận động năm {YP}"),
    ("video", 7, "Video: hàng Việt về nông thôn {u} {P}"),
]
EVENTS = (
    "tổ chức Phiên chợ hàng Việt về nông thôn năm {Y}", "khai mạc Tuần hàng Việt Nam năm {Y}",
    "hội nghị sơ kết thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”",
    "tôn vinh doanh nghiệp, sản phẩm tiêu biểu năm {Y}", "kết nối tiêu thụ {PRODUCT} cho nông dân",
)
NEWS = [
    "Ngày {DATE}, {SELF} tổ chức {EVENT}.",
    "Tham dự có đồng chí {PERSON}, đại diện lãnh đạo các sở, ngành, đoàn thể và đông đảo doanh nghiệp, hợp tác xã, người dân trên địa bàn.",
    "Phát biểu tại sự kiện, đồng chí {PERSON} đề nghị các cấp, các ngành tiếp tục đẩy mạnh tuyên truyền, vận động Nhân dân ưu tiên dùng hàng Việt Nam.",
    "Sự kiện có {N3} gian hàng của các doanh nghiệp, hợp tác xã, giới thiệu nhiều sản phẩm như {PRODUCTS}, thu hút hơn {N2} lượt khách tham quan, mua sắm.",
    "Nhiều người dân bày tỏ phấn khởi khi được mua sắm hàng Việt chất lượng, giá cả hợp lý ngay tại địa phương.",
]
SLOGANS = [
    "Người Việt Nam ưu tiên dùng hàng Việt Nam!", "Dùng hàng Việt Nam là góp phần phát triển kinh tế đất nước!",
    "Hàng Việt Nam chất lượng cao - Niềm tin của người tiêu dùng!", "Tự hào hàng Việt Nam!",
    "Hàng Việt - Chất lượng Việt - Niềm tin Việt!", "Mua sắm thông minh, ưu tiên hàng Việt!",
    "Nói không với hàng giả, hàng nhái, hàng kém chất lượng!", "Người {P} ưu tiên dùng sản phẩm của {P}!",
    "Cán bộ, đảng viên gương mẫu đi đầu trong tiêu dùng hàng Việt Nam!", "Hàng Việt về nông thôn - Vì lợi ích người tiêu dùng!",
]
QUESTIONS = [
    "Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” được phát động từ khi nào, nhằm mục đích gì?",
    "Các cấp ủy, tổ chức đảng phải làm gì để thực hiện {CITE_SHORT}?",
    "Trách nhiệm nêu gương của cán bộ, đảng viên được đặt ra như thế nào?",
    "Cơ quan, đơn vị sử dụng ngân sách nhà nước khi mua sắm phải lưu ý điều gì?",
    "Người dân có thể tham gia Cuộc vận động như thế nào?",
    "Làm thế nào để nhận biết hàng giả, hàng nhái, hàng kém chất lượng?",
    "Sản phẩm OCOP là gì, được đánh giá, phân hạng như thế nào?",
    "Cơ quan nào theo dõi, đôn đốc việc thực hiện Cuộc vận động ở địa phương?",
    "Doanh nghiệp được hỗ trợ gì khi đưa sản phẩm lên sàn thương mại điện tử?",
]
BROADCAST = ("Kính thưa quý vị và các bạn! Hưởng ứng Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”, Đài truyền thanh {u} xin gửi tới quý vị bài tuyên truyền sau đây.",
             "Chương trình phát thanh hôm nay xin tạm dừng tại đây. Cảm ơn quý vị và các bạn đã chú ý theo dõi!")
# Abbreviations a document may use after the first spelled-out mention.
ABBREVIATE = (("Ủy ban nhân dân", "UBND"), ("Mặt trận Tổ quốc", "MTTQ"), ("Hội đồng nhân dân", "HĐND"),
              ("Ban Chỉ đạo", "BCĐ"), ("Cuộc vận động", "CVĐ"), ("thương mại điện tử", "TMĐT"), ("chính trị - xã hội", "CT-XH"))
EXPAND = (("UBND ", "Ủy ban nhân dân "), ("HĐND ", "Hội đồng nhân dân "))
# The reform ("kiểu mới") tone placement in open syllables: hóa -> hoá, ủy -> uỷ.
_NEW_TONES = {
    _nfc(b + t + r): _nfc(b + r + t)
    for t in "\u0301\u0300\u0309\u0303\u0323"
    for b, r in (("o", "a"), ("o", "e"), ("u", "y"), ("O", "A"), ("U", "Y"), ("U", "y"))
}
# Our text is spelt the traditional way, where a tone on the first vowel of oa/oe/uy only occurs
# in open syllables, so the pairs can be swapped without looking at what follows.
_NEW_TONE_RE = re.compile("|".join(_NEW_TONES))


# ---------------------------------------------------------------------------
# The seeds, cut into reusable sentences and clauses
# ---------------------------------------------------------------------------


class Piece(NamedTuple):
    """A sentence or clause of the pool, with what constrains its use."""

    text: str
    tail: str  # the text as it reads after "; " when clauses are joined
    words: int
    themes: tuple[str, ...]
    local: bool  # has a place slot: not for central documents
    first: int  # ordinal of the first date it may appear at (cites a document of that date)
    last: int  # ... and the last (COVID-19 sentences)


# Seed text -> slotted text. Order matters: specific names before bare unit words.
_SEED_FIXES = [
    ("tuyên tr\nuyền", "tuyên truyền"), ("Ban Ban Bí thư", "Ban Bí thư"), ("về về", "về"), ("đẩy mạng", "đẩy mạnh"),
    ("kiềm soát", "kiểm soát"), ("đến đến", "đến"), ("chất lượng và của", "chất lượng hoạt động của"), ("các cấp Thành phố", "các cấp"), ("hướng dẫn\n", "hướng dẫn "),
    ("Tết Nguyên đán Giáp Thìn", "Tết Nguyên đán {TET}"), ("Tết Nguyên đán 2024", "Tết Nguyên đán {TET}"),
    ("Hơn 10 năm", "Hơn {K} năm"), ("hơn 10 năm", "hơn {K} năm"),
    ("Vinfast, Bia Sài Gòn, Sao vàng Savabeco", "{BRANDS}"), ("cam, bưởi, mật ong, trầm hương, nhung hươu, nước mắm", "{PRODUCTS}"),
    ("Ban Thường vụ Tỉnh ủy", "{BTV}"), ("Ban Thường vụ Thành ủy", "{BTV}"), ("Ban Thường vụ Quận ủy", "{BTV}"),
]
_SEED_SUBS = [
    (re.compile(r"(?:tỉnh|huyện|quận|thành phố|Thành phố) (?:Bắc Giang|Lạng Sơn|Hà Tĩnh|Đức Thọ|Bình Thạnh|Hà Nội)"), "{u} {P}"),
    (re.compile(r"\b(?:Bắc Giang|Lạng Sơn|Hà Tĩnh|Đức Thọ|Bình Thạnh|Hà Nội|Thủ đô)\b"), "{P}"),
    (re.compile(r"\b(?:Tỉnh ủy|Thành ủy|Quận ủy|Huyện ủy)\b"), "{CU}"),
    # the document's own unit ("trên địa bàn tỉnh"), not lists of units ("các quận, huyện") or tiers ("cấp huyện")
    (re.compile(r"(?<!cấp )(?<!các )(?<!Các )(?<!, )\b(?:tỉnh|huyện|quận|Thành phố)\b(?!, (?:quận|huyện|thị xã|thị trấn|thành ủy|thị ủy))"), "{u}"),
]
_OWN_NUMBER = re.compile(r"\b\d{1,4}\s*[-/]\s*[A-ZĐ]")
_CITED = re.compile(r"\b(\d{1,4}[-/][A-ZĐa-zđ]+[-/][A-ZĐa-zđ]+)")
_YEAR = re.compile(r"\b((?:19|20)\d\d)(?:\s*-\s*(?:19|20)\d\d)?\b")
_LIST_MARK = re.compile(r"^(?:[-•+]\s*|[IVX]+[.\-]\s+|\d+(?:\.\d+)*[.)]?\s+|[a-zđ]\)\s*)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ“\"])")
_SKIP_START = ("Thực hiện", "Người Việt Nam ưu tiên", "Để thực hiện", "Nhằm", "Ngày 19/5/2021", "Giao ", "Trong quá trình", "Đề nghị các cơ quan", "Thông tri này")
_CONTEXT_START = ("Thời gian qua", "Hơn {K}", "Qua hơn", "Năm 2009", "Tuy nhiên", "Tuy vậy")


# Clauses starting with a name keep their capital after "; ".
_PROPER_STARTS = ("Ủy ban", "Ban ", "Sở ", "Mặt trận", "Hội ", "Đảng", "Nhà nước", "Bộ ", "Chính phủ", "Cục ", "Trung tâm",
                  "Thường trực", "Nhân dân", "Công đoàn", "Đoàn ", "Người ", "Việt Nam", "UBND", "HĐND", "MTTQ", "OCOP", "{")


def _themes_of(text: str) -> tuple[str, ...]:
    folded = fold(text)
    return tuple(theme for theme, words in THEME_KEYWORDS.items() if any(w in folded for w in words))


def _piece(text: str) -> Piece | None:
    """A pool piece, or None when it cites a document we cannot date."""
    first, last = FIRST_DATE, LAST_DATE
    for number in _CITED.findall(text):
        key = normalize_doc_number(number)
        if key not in LANDMARK_KEYS:
            return None
        first = max(first, LANDMARK_KEYS[key] + dt.timedelta(days=1))
    for year in _YEAR.findall(text):
        first = max(first, dt.date(int(year), 1, 1))
    if "{K}" in text:
        first = max(first, dt.date(2012, 1, 1))
    if "COVID" in text:
        first, last = max(first, dt.date(2020, 3, 1)), dt.date(2023, 6, 30)
    local = any(slot in text for slot in ("{u}", "{P}", "{CU}", "{BTV}", "{PU}"))
    tail = text if text.startswith(_PROPER_STARTS) else text[:1].lower() + text[1:]
    return Piece(text, tail, len(text.split()), _themes_of(text), local, first.toordinal(), last.toordinal())


def _seed_paragraphs(text: str) -> list[str]:
    """Body paragraphs of one seed, slotted: markup stripped, lines broken by page ends glued,
    headers, headings, recipient and distribution lists dropped."""
    text = _nfc(text)
    for old, new in _SEED_FIXES:
        text = text.replace(old, new)
    lines: list[str] = []
    for line in (" ".join(re.sub(r"[*#\\]", "", raw).split()) for raw in text.splitlines()):
        if not line:
            continue
        if lines and line[0].islower() and not lines[-1].endswith("."):
            lines[-1] += " " + line
        else:
            lines.append(line)
    paragraphs = []
    for line in lines:
        line = _LIST_MARK.sub("", _LIST_MARK.sub("", line))
        words = line.split()
        if (len(words) < 14 or line.endswith((",", ";", ":")) and len(words) < 30 or line.startswith(("V/v", "Kính gửi", "-----"))
                or words[0].isupper() and words[1].isupper() or line[0].islower()):
            continue  # header, heading, list of recipients, a fragment cut by a missing page
        for pattern, new in _SEED_SUBS:
            line = pattern.sub(new, line)
        paragraphs.append(line)
    return paragraphs


class Pool(NamedTuple):
    tasks: list[Piece]
    by_theme: dict[str, list[Piece]]
    clauses: list[Piece]
    context: list[Piece]
    limits: list[Piece]
    results: list[Piece]
    purposes: list[Piece]
    closings: list[Piece]
    stories: list[Piece]


def _pieces(texts) -> list[Piece]:
    return [p for p in map(_piece, map(_nfc, texts)) if p]


@lru_cache(maxsize=1)
def _pool() -> Pool:
    """Split the seeds into sentences and clauses, and add the hand-written ones."""
    tasks, clauses, context, limits = [], [], list(CONTEXT), list(LIMITS)
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in _seed_paragraphs(path.read_text("utf-8")):
            for sentence in _SENTENCE_END.split(paragraph):
                sentence = sentence.strip()
                if len(sentence.split()) < 8 or sentence.startswith(_SKIP_START) or _OWN_NUMBER.search(sentence) and not _CITED.search(sentence):
                    continue
                if not sentence.endswith((".", "…", "...")):
                    sentence = sentence.rstrip(";:, ") + "."
                if sentence.startswith(("Tuy nhiên", "Tuy vậy")):
                    limits.append(sentence)
                elif sentence.startswith(_CONTEXT_START):
                    context.append(sentence)
                else:
                    tasks.append(sentence)
                    clauses.extend(c.strip(" .;") for c in sentence.split("; ") if len(c.split()) >= 6)
    tasks = _pieces(tasks + TASKS)
    clauses = _pieces(clauses)
    stray = [p.text for p in tasks + clauses if re.search(r"[{}]", re.sub(r"\{\w+\}", "", p.text))]
    assert not stray, stray
    by_theme = {theme: [p for p in tasks if theme in p.themes] for theme in THEMES}
    return Pool(tasks, by_theme, clauses, _pieces(context), _pieces(limits), _pieces(RESULTS), _pieces(PURPOSES),
                _pieces(CLOSINGS), _pieces(CASE_STORY))


# ---------------------------------------------------------------------------
# Regions
# ---------------------------------------------------------------------------


class Unit(NamedTuple):
    """A place that issues documents: a province or district (communes are drawn inside them)."""

    level: str  # tinh, huyen
    name: str  # "Bắc Giang", "Đức Thọ"
    noun: str  # "tỉnh", "thành phố", "huyện", "quận", "thị xã"
    regions: tuple[str, ...]  # own slug first, then every ancestor up to viet-nam
    committee: str  # "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy"
    code: str  # committee code in numbers: TU, HU, QU
    province: str  # "tỉnh Bắc Giang" for a district, itself for a province
    key: str  # region code, to find its communes
    weight: float


_NOUNS = (("Thành phố ", "thành phố"), ("Tỉnh ", "tỉnh"), ("Quận ", "quận"), ("Huyện ", "huyện"), ("Thị xã ", "thị xã"))
_COMMITTEE = {"tỉnh": ("Tỉnh ủy", "TU"), "thành phố": ("Thành ủy", "TU"), "quận": ("Quận ủy", "QU"),
              "huyện": ("Huyện ủy", "HU"), "thị xã": ("Thị ủy", "TU")}


def _split_name(full_name: str) -> tuple[str, str]:
    """("quận", "Bình Thạnh") from "Quận Bình Thạnh"; numbered units keep their noun: "Quận 6"."""
    for prefix, noun in _NOUNS:
        if full_name.startswith(prefix):
            name = full_name[len(prefix):]
            return noun, full_name if name[:1].isdigit() else name
    return "huyện", full_name


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[list[Unit], list[float]]]:
    """Issuing places, each list with its cumulative weights: "before" (the 63 provinces before
    1 July 2025), "districts" (theirs) and "after" (today's 34 provinces)."""
    nodes = build_region_tree()
    by_path = {n.path: n for n in nodes}

    def regions(node) -> tuple[str, ...]:
        path, out = node.path, []
        while path:
            out.append(by_path[path].slug)
            path = path[:-4]
        return tuple(out)

    parents_of_districts = {n.path[:-4] for n in nodes if n.level == "huyen"}
    before, after, districts = [], [], []
    for node in nodes:
        if node.level == "quoc_gia":
            continue
        noun, name = _split_name(node.full_name)
        committee, code = _COMMITTEE[noun]
        if node.level == "tinh":
            busy = BUSY_PROVINCES.get(node.slug.removesuffix("-truoc-2025"), 1)
            unit = Unit("tinh", name, noun, regions(node), committee, code, f"{noun} {name}", node.code, busy)
            if node.depth == 2:
                after.append(unit)
            if node.path in parents_of_districts:  # a pre-2025 province (merged or not)
                before.append(unit)
        else:
            p_noun, p_name = _split_name(by_path[node.path[:-4]].full_name)
            busy = BUSY_PROVINCES.get(regions(node)[1].removesuffix("-truoc-2025"), 1)
            districts.append(Unit("huyen", name, noun, regions(node), committee, code, f"{p_noun} {p_name}", node.code, busy / 8))
    return {name: (units, _cum(u.weight for u in units)) for name, units in
            (("before", before), ("after", after), ("districts", districts))}


@lru_cache(maxsize=1)
def _communes() -> dict[str, list[tuple[str, str]]]:
    """(noun, name) of communes by district code (before 2025) and by province code (after)."""
    out: dict[str, list[tuple[str, str]]] = {}
    with sqlite3.connect(_package_data_dir() / "dataset.db") as conn:
        rows = conn.execute("SELECT districtCode, wardType, wardShort FROM admin_units_legacy ORDER BY wardCode").fetchall()
        rows += conn.execute("SELECT 'p' || provinceCode, wardType, wardShort FROM admin_units ORDER BY wardCode").fetchall()
    for code, noun, name in rows:
        if name:
            out.setdefault(code, []).append(((noun or "xã").lower(), name))
    return out


# ---------------------------------------------------------------------------
# One document
# ---------------------------------------------------------------------------


class _Rng(random.Random):
    """``random.Random`` with cheaper draws (one ``random()`` call each where the library's
    loop over ``getrandbits``): a document takes some fifty draws, and they showed in profiles."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def sample(self, seq, k: int) -> list:  # k distinct items of a short sequence
        out: list = []
        while len(out) < k:
            item = seq[int(self.random() * len(seq))]
            if item not in out:
                out.append(item)
        return out

    def weighted(self, seq, cum_weights: list[float]):
        return seq[bisect.bisect(cum_weights, self.random() * cum_weights[-1])]


def _cum(weights) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


_YEARS = list(YEAR_WEIGHTS)
_YEAR_CUM = _cum(YEAR_WEIGHTS.values())
_CONTENTS = list(CONTENT_WEIGHTS)
_CONTENT_CUM = _cum(CONTENT_WEIGHTS.values())
_LEVEL_CUM = {False: _cum(w for _l, w in LEVELS_BEFORE), True: _cum(w for _l, w in LEVELS_AFTER)}
_SURNAMES = [s for s, _w in SURNAMES]
_SURNAME_CUM = _cum(w for _s, w in SURNAMES)


def _random_date(rng: random.Random) -> dt.date:
    year = rng.weighted(_YEARS, _YEAR_CUM)
    start = max(dt.date(year, 1, 1), FIRST_DATE).toordinal()
    end = min(dt.date(year, 12, 31), LAST_DATE).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _person(rng: random.Random, sex: str = "") -> str:
    sex = sex or ("f" if rng.random() < 0.35 else "m")
    surname = rng.weighted(_SURNAMES, _SURNAME_CUM)
    return f"{surname} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"


VALIDITY = ("con_hieu_luc", "het_hieu_luc", "bi_thay_the", "chua_xac_dinh")
# Older documents are more often expired or replaced.
_VALIDITY_CUM = {2015: _cum((30, 45, 15, 10)), 2021: _cum((55, 25, 12, 8)), 9999: _cum((88, 4, 3, 5))}


def _validity(rng: random.Random, year: int) -> str:
    return rng.weighted(VALIDITY, next(cum for until, cum in _VALIDITY_CUM.items() if year < until))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


class _Writer:
    """Draws one document's sentences: avoids repeats, honours dates and the central/local split."""

    def __init__(self, rng: random.Random, ordinal: int, themes: list[str], central: bool):
        self.rng, self.ordinal, self.themes, self.central = rng, ordinal, themes, central
        self.pool = _pool()
        self.used: set[str] = set()
        self.words = 0

    def _fits(self, piece: Piece) -> bool:
        return piece.first <= self.ordinal <= piece.last and not (self.central and piece.local)

    def one(self, pieces: list[Piece]) -> str:
        """A sentence from ``pieces`` not used yet; after a few misses, from the task pool."""
        rnd, used = self.rng.random, self.used
        for attempt in range(12):
            if attempt == 6:
                pieces = self.pool.tasks
            piece = pieces[int(rnd() * len(pieces))]
            if self._fits(piece) and piece.text not in used:
                used.add(piece.text)
                self.words += piece.words
                return piece.text
        piece = next(p for p in self.pool.tasks if self._fits(p))  # a repeat rather than nothing
        self.words += piece.words
        return piece.text

    def task(self) -> str:
        """A task sentence: on one of the document's themes, any, or clauses recombined."""
        rnd, pool = self.rng.random, self.pool
        roll = rnd()
        if roll < 0.3:
            clauses = pool.clauses
            first = clauses[int(rnd() * len(clauses))]
            second = clauses[int(rnd() * len(clauses))]
            if self._fits(first) and self._fits(second) and first is not second:
                self.words += first.words + second.words
                return f"{first.text}; {second.tail}."
        if roll < 0.75 and self.themes:
            themed = pool.by_theme[self.rng.choice(self.themes)]
            if themed:
                return self.one(themed)
        return self.one(pool.tasks)

    def fixed(self, text: str) -> str:
        """Count a fixed line's words ({CITE} stands for about thirty)."""
        self.words += len(text.split()) + (30 if "{CITE}" in text else 0)
        return text

    def tasks(self, low: int, high: int) -> str:
        return " ".join(self.task() for _ in range(self.rng.randint(low, high)))


class _Place(NamedTuple):
    level: str
    name: str  # "" for central
    noun: str
    regions: list[str]
    committee: str
    code: str
    province: str


CENTRAL = _Place("trung_uong", "", "cả nước", ["viet-nam"], "Trung ương", "TW", "")


def _place(rng: random.Random, level: str, after: bool) -> _Place:
    if level == "trung_uong":
        return CENTRAL
    units, cum = _units()["after" if after else "before" if level == "tinh" else "districts"]
    unit = rng.weighted(units, cum)
    if level != "xa":
        return _Place(level, unit.name, unit.noun, list(unit.regions), unit.committee, unit.code, unit.province)
    communes = _communes().get(("p" + unit.key) if after else unit.key) or [("xã", unit.name)]
    noun, name = rng.choice(communes)
    name = f"{noun.capitalize()} {name}" if name[:1].isdigit() else name  # "Phường 12"
    return _Place("xa", name, noun, list(unit.regions), "Đảng ủy", "ĐU", unit.province)


def _issuer(rng: random.Random, level: str, content: str) -> tuple[Issuer, str]:
    """An issuing body of ``level`` that issues this content, and the kind it issues."""
    candidates, cum = _ISSUER_CHOICE[level, content == "ke_hoach"]
    issuer, kinds, kind_cum = rng.weighted(candidates, cum)
    return issuer, rng.weighted(kinds, kind_cum)


def _issuer_choice(level: str, plan: bool):
    """(issuer, its kinds for this content, their cumulative weights) and the issuers' cumulative weights."""
    out = []
    for issuer in ISSUERS:
        kinds = [k for k in issuer.kinds if (k in PLAN_KINDS) == plan]
        if issuer.level == level and kinds:
            out.append((issuer, kinds, _cum(issuer.kinds[k][2] for k in kinds)))
    return out, _cum(i.weight for i, _k, _c in out)


_ISSUER_CHOICE = {(lv, plan): _issuer_choice(lv, plan) for lv in ("trung_uong", "tinh", "huyen", "xa") for plan in (False, True)}


def _number(rng: random.Random, fmt: str, top: int, date: dt.date, values: dict) -> tuple[str, str]:
    """A printed number and its key. Serials grow through the register's life: a calendar year
    for state bodies, a five-year congress term for Party bodies (printed "45-KH/TU")."""
    if fmt.startswith("{n}-"):
        year = date.year - (date.year - 2010) % 5
        if year == date.year and date.month < 10:
            year -= 5
        share = (date - dt.date(year, 10, 1)).days / 1827
    else:
        share = date.timetuple().tm_yday / 366
    serial = max(1, int(top * share * rng.uniform(0.8, 1.0)) + rng.randint(0, 2))
    while True:
        printed = f"{serial:02d}" if serial < 10 and rng.random() < 0.5 else str(serial)
        number = fmt.format(n=printed, y=date.year, dept=rng.choice(UBND_DEPTS.get(values["level"], ("KT",))), **values)
        key = _number_key(number)
        if key not in LANDMARK_KEYS:
            return number, key
        serial += 1


@lru_cache(maxsize=1 << 16)
def _number_key(number: str) -> str:
    """``normalize_doc_number``, memoised: serials repeat across issuers and years."""
    return normalize_doc_number(number) or ""


def _tet(date: dt.date) -> str:
    year = date.year + (1 if date.month >= 9 else 0)
    return f"{CAN[year % 10]} {CHI[year % 12]} {year}"


def _period(date: dt.date) -> str:
    start = 2021 if date.year < 2026 else 2026
    start = 2016 if date.year < 2021 else start
    start = 2011 if date.year < 2016 else start
    return f"{start} - {start + 4}"


def _thousands(number: int) -> str:
    """Vietnamese digit grouping: 12.500."""
    return f"{number:,}".replace(",", ".")


def _enterprise(rng: random.Random) -> str:
    return f"{rng.choice(ENTERPRISE_FORMS)} {rng.choice(ENTERPRISE_WORDS)}"


class _Slots(dict):
    """The values of one document's slots, drawn when the text first asks for them.

    Most documents use a handful of the slots, so drawing only those keeps generation fast;
    the text is filled in a fixed order, so the draws are as deterministic as the rest.
    """

    def __init__(self, rng: random.Random, place: _Place, date: dt.date, cite: tuple[str, str, dt.date]):
        central = place.level == "trung_uong"
        super().__init__(
            P=place.name or "Việt Nam", u=place.noun, PU=place.province or "cả nước", CU=place.committee,
            BTV="Ban Bí thư" if central else f"Ban Thường vụ {place.committee}", Y=str(date.year), YP=str(date.year - 1),
            CITE=cite[0], CITE_SHORT=cite[1],
        )
        self.rng, self.date, self.cite_year = rng, date, cite[2].year

    def __missing__(self, key: str) -> str:
        value = self[key] = self._draw(key)
        return value

    def _draw(self, key: str) -> str:
        if key.startswith("PRODUCT"):
            products = self.rng.sample(PRODUCTS, 4)
            self.update(PRODUCT=products[0], PRODUCT2=products[1], PRODUCTS=", ".join(products[: self.rng.randint(2, 4)]))
            return self[key]
        return _DRAWS[key](self.rng, self.date, self)


_DRAWS = {
    "K": lambda rng, date, slots: str(max(1, date.year - 2009)),
    "S": lambda rng, date, slots: str(max(1, date.year - slots.cite_year)),
    "YF": lambda rng, date, slots: str(rng.randint(1995, max(1996, date.year - 3))),
    "TET": lambda rng, date, slots: _tet(date),
    "PERIOD": lambda rng, date, slots: _period(date),
    "DATE": lambda rng, date, slots: f"{date.day}/{date.month}/{date.year}",
    "BRANDS": lambda rng, date, slots: ", ".join(rng.sample(BRANDS, 3)),
    "ENTERPRISE": lambda rng, date, slots: _enterprise(rng),
    "ENTERPRISE2": lambda rng, date, slots: _enterprise(rng),
    "PERSON": lambda rng, date, slots: _person(rng),
    "N1": lambda rng, date, slots: str(rng.randint(3, 40)),
    "N2": lambda rng, date, slots: _thousands(rng.randint(2, 200) * 100),
    "N3": lambda rng, date, slots: str(rng.randint(10, 300)),
    "N4": lambda rng, date, slots: str(rng.randint(2, 8)),
    "N5": lambda rng, date, slots: str(rng.randint(9, 15)),
    "PCT": lambda rng, date, slots: str(rng.randint(60, 95)),
    "MONEY": lambda rng, date, slots: _thousands(rng.randint(50, 5000)),
    "STARS": lambda rng, date, slots: str(rng.choice((3, 3, 4, 4, 5))),
}


def _citation(date: dt.date, party: bool) -> tuple[str, str, dt.date]:
    """(full citation, short citation, its date) of the latest landmark before ``date``."""
    text, short, since = *NO_CITATION, FIRST_DATE
    for since, full, abbreviated in CITATIONS:
        if date > since:
            text, short = full, abbreviated
            break
    if not party:
        for state_since, state in STATE_CITATIONS:
            if date > state_since:
                text = f"{text} và {state}"
                break
    return text, short, since


# Body composers: each returns the body's lines, stopping near ``target`` words.


def _body_letter(w: _Writer, target: int) -> list[str]:
    rng = w.rng
    lines = [w.one(w.pool.context)] if rng.random() < 0.4 else []
    lines.append(w.fixed(OPENERS[rng.choice(("letter", "letter2"))]))
    closing = w.one(w.pool.closings)
    i = 0
    while w.words < target or i < 2:
        i += 1
        lines.append(f"{i}. {w.tasks(1, 2)}")
    return lines + [closing]


def _body_directive(w: _Writer, target: int) -> list[str]:
    rng, pool = w.rng, w.pool
    lines = [w.one(pool.context) + " " + w.one(pool.context), w.one(pool.limits), w.fixed(OPENERS["directive"])]
    closing = w.one(pool.closings)
    agencies = rng.sample(CENTRAL_AGENCIES if w.central else AGENCIES, 8)
    i = 0
    while w.words < target or i < 2:
        i += 1
        lines.append(f"{i}. {agencies[(i - 1) % len(agencies)]}")
        lines.extend(w.tasks(1, 3) for _ in range(rng.randint(1, 2)))
    return lines + [closing]


def _body_plan(w: _Writer, target: int) -> list[str]:
    rng, pool = w.rng, w.pool
    lines = [w.fixed(OPENERS["plan"]), "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]
    lines += ["- " + w.one(pool.purposes) for _ in range(2)]
    lines += ["2. Yêu cầu", "- " + w.one(pool.purposes), "II. NỘI DUNG, NHIỆM VỤ"]
    ending = ["III. KINH PHÍ THỰC HIỆN", w.fixed(PLAN_BUDGET), "IV. TỔ CHỨC THỰC HIỆN"]
    agencies = rng.sample(CENTRAL_AGENCIES if w.central else AGENCIES, 3)
    ending += [f"{j}. {a} {_lower_first(w.task())}" for j, a in enumerate(agencies, 1)]
    headings = w.themes + [t for t in rng.sample(THEMES, 6) if t not in w.themes]
    i = 0
    while w.words < target or i < 2:
        theme = headings[i % len(headings)]
        i += 1
        lines.append(f"{i}. {PLAN_HEADINGS[theme]}")
        saved, w.themes = w.themes, [theme]
        lines.extend("- " + w.task() for _ in range(rng.randint(2, 3)))
        w.themes = saved
    return lines + ending


def _body_report(w: _Writer, target: int) -> list[str]:
    rng, pool = w.rng, w.pool
    lines = [w.fixed(OPENERS["report"]), "I. KẾT QUẢ THỰC HIỆN"]
    lines += [w.one(pool.results) for _ in range(rng.randint(2, 4))]
    lines += ["II. HẠN CHẾ, NGUYÊN NHÂN", w.one(pool.limits), "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"]
    while w.words < target:
        lines.append("- " + w.task())
    return lines


def _body_decision(w: _Writer, target: int) -> list[str]:
    lines = [w.fixed(DECISION_BASIS), "QUYẾT ĐỊNH:"]
    i = 0
    while w.words < target or i < 2:
        i += 1
        lines.append(f"Điều {i}. {w.task()}")
    return lines + [f"Điều {i + 1}. {DECISION_END}"]


BODIES = {"letter": _body_letter, "directive": _body_directive, "plan": _body_plan, "report": _body_report, "decision": _body_decision}


def _body_case(w: _Writer, target: int) -> list[str]:
    lines = []
    while w.words < target:
        lines.append(w.one(w.pool.stories) if w.rng.random() < 0.55 else w.task())
    return lines


def _body_material(w: _Writer, target: int, form: str) -> list[str]:
    rng, pool = w.rng, w.pool
    lines: list[str] = []
    if form == "khau_hieu":
        lines += [w.fixed(f"{i}. {s}") for i, s in enumerate(rng.sample(SLOGANS, rng.randint(5, 8)), 1)]
    elif form == "kich_ban_phat_thanh":
        lines.append(w.fixed(BROADCAST[0]))
    elif form in ("bai_viet", "video", "infographic"):
        lines += [w.fixed(line) for line in NEWS[: rng.randint(2, len(NEWS))]]
    if form == "hoi_dap":
        for question in rng.sample(QUESTIONS, len(QUESTIONS)):
            lines += [w.fixed(f"Hỏi: {question}"), "Đáp: " + w.tasks(1, 2)]
            if w.words >= target:
                break
    while w.words < target:
        roll = rng.random()
        lines.append(w.one(pool.context) if roll < 0.2 else w.one(pool.results) if roll < 0.35 else w.task())
    if form == "kich_ban_phat_thanh":
        lines.append(BROADCAST[1])
    return lines


def _new_tone(match: re.Match) -> str:
    return _NEW_TONES[match.group()]


def _styled(text: str, rng: random.Random) -> str:
    """Per-document spelling habits: abbreviations after the first mention, or spelled out."""
    for long, short in ABBREVIATE:
        if rng.random() < 0.45:
            first = text.find(long)
            if first >= 0:
                end = first + len(long)
                lead = f"{long} ({short})" if short in ("TMĐT", "CVĐ") else long
                text = text[:first] + lead + text[end:].replace(long, short)
    if rng.random() < 0.2:
        for short, long in EXPAND:
            text = text.replace(short, long)
    return text


class _Meta(NamedTuple):
    party: bool
    content: str
    kind: str
    level: str
    issuer: str
    number: str
    number_key: str
    signing: tuple[str, str]
    place: _Place
    date: dt.date


def _metadata(rng: random.Random, page_id: int) -> _Meta:
    """Who issued what, where and when; landmarks for page ids 1-5."""
    for lid, kind, number, issuer, date, _subject, _validity in LANDMARKS:
        if lid == page_id:
            signing = next(i.signing[0] for i in ISSUERS if i.name == issuer)
            return _Meta("TW" in number, "van_ban", kind, "trung_uong", issuer, number, normalize_doc_number(number),
                         signing, CENTRAL, date)
    content = rng.weighted(_CONTENTS, _CONTENT_CUM)
    date = _random_date(rng)
    after = date >= MERGER_DATE
    levels = LEVELS_AFTER if after else LEVELS_BEFORE
    level = rng.weighted(levels, _LEVEL_CUM[after])[0]
    if content == "guong" and level == "trung_uong":
        level = "tinh"  # an exemplary case is always somewhere
    place = _place(rng, level, after)
    if content in ("guong", "tai_lieu"):
        return _Meta(True, content, "", level, "", "", "", ("", ""), place, date)
    issuer, kind = _issuer(rng, level, content)
    btg = "BTGDV" if after else "BTG"
    house = zlib.crc32(place.name.encode())
    values = {"P": place.name, "u": place.noun, "CU": place.committee, "cu": place.code, "btg": btg, "level": level,
              "BTG": "Ban Tuyên giáo và Dân vận" if after else "Ban Tuyên giáo",
              **{slot: codes[house % len(codes)] for slot, codes in HOUSE_CODES.items()}}
    if place.name[-1:].isdigit():  # "Ủy ban nhân dân Quận 6", not "... quận Quận 6"
        values["u"] = ""
    name = " ".join(issuer.name.format_map(values).split())
    if issuer.name.startswith("Ban Tuyên giáo") and after and level == "trung_uong":
        name = "Ban Tuyên giáo và Dân vận Trung ương"
    fmt, top, _w = issuer.kinds[kind]
    number, key = ("", "") if rng.random() < 0.03 else _number(rng, fmt, top, date, values)
    return _Meta(issuer.party, content, kind, level, name, number, key, rng.choice(issuer.signing), place, date)


class _Text(NamedTuple):
    """What a composer returns; slots are filled afterwards, over all of it at once."""

    title: str
    subject: str
    summary: str
    lines: list[str]
    issuer: str
    level: str
    extra: list[str]


def _themes(rng: random.Random, implied) -> list[str]:
    """1-3 curated themes, starting with those the subject implies."""
    themes = list(implied)[:3]
    wanted = rng.randint(1, 3)
    while len(themes) < wanted:
        theme = rng.choice(THEMES)
        if theme not in themes:
            themes.append(theme)
    return themes


def _official(rng: random.Random, m: _Meta, slots: _Slots, landmark) -> tuple[_Text, str, tuple]:
    """Title, subject and body of an official document or plan; also its family and themes."""
    family = KIND_FAMILY[m.kind]
    subject, themes = rng.choice(SUBJECTS[family])
    if landmark:
        subject, themes = landmark[5], ("tuyen-truyen", "thuong-hieu-viet", "ho-tro-doanh-nghiep")
    elif m.kind == "nghi_quyet" and "HĐND" in m.number:  # a council resolution: articles, policy subjects
        family = "decision"
        subject, themes = rng.choice(SUBJECTS["decision"][4:])
    label = KIND_LABELS[m.kind]
    head = f"{label} {m.number}" if m.number else label
    linked = "" if subject.startswith("Về ") or family == "plan" else "về "
    title = f"{head} {linked}{_lower_first(subject)}"
    slots["SELF"] = m.issuer if m.level == "trung_uong" else m.issuer.replace(f" {m.place.name}", "", 1)
    date = f"ngày {m.date.day}/{m.date.month}/{m.date.year}"
    number = f" số {m.number}" if m.number else ""
    summary = f"{label}{number} {date} của {m.issuer} về {_lower_first(subject.removeprefix('Về '))}."
    capacity, signer_title = m.signing
    extra = [m.issuer, capacity, signer_title, _person(rng), m.place.name or "Hà Nội"]
    return _Text(title, subject, summary, [], m.issuer, m.level, extra), family, themes


def _case(rng: random.Random, m: _Meta, slots: _Slots, writer: _Writer, target: int) -> _Text:
    """An exemplary case: who, what they achieved, their story."""
    _kind, name, headlines = rng.choice(CASE_SUBJECTS)
    sex = "f" if rng.random() < 0.4 else "m"
    slots.update(PERSON=_person(rng, sex), HONORIFIC=rng.choice(HONORIFICS[sex]), GROUP=rng.choice(GROUPS),
                 UNIT=m.place.noun.capitalize())
    who = slots["SUBJ"] = name.format_map(slots)
    slots["SPEAKER"] = rng.choice(SPEAKERS).format_map(slots)
    slots["AWARD"] = rng.choice(AWARDS).format_map(slots)
    summary = f"{who} là điển hình tiêu biểu trong thực hiện {CAMPAIGN} ở {{u}} {{P}}. " + writer.one(writer.pool.stories)
    lines = _body_case(writer, target)
    return _Text(f"{who}: {rng.choice(headlines)}", "", summary, lines, "", "", [who, m.place.name])


def _material(rng: random.Random, m: _Meta, slots: _Slots, writer: _Writer, target: int) -> _Text:
    """A propaganda material by the Ban Tuyên giáo of its place."""
    central = m.level == "trung_uong"
    forms = [f for f in MATERIAL_FORMS if not central or f[0] in ("de_cuong", "hoi_dap", "khau_hieu")]
    form, _weight, title = rng.weighted(forms, _cum(f[1] for f in forms))
    board = "Ban Tuyên giáo và Dân vận" if m.date >= MERGER_DATE else "Ban Tuyên giáo"
    issuer = slots["SELF"] = f"{board} Trung ương" if central else f"{board} {m.place.committee} {m.place.name}"
    slots["EVENT"] = rng.choice(EVENTS).format_map(slots)
    summary = f"Tài liệu tuyên truyền của {issuer} dành cho cán bộ, đảng viên và Nhân dân. " + writer.task()
    lines = _body_material(writer, target, form)
    return _Text(title.format_map(slots), "", summary, lines, issuer, m.level, [issuer, m.place.name])


def _document(seed: int, page_id: int) -> SearchDocument:
    rng = _Rng(seed * 1_000_003 + page_id)
    m = _metadata(rng, page_id)
    landmark = next((lm for lm in LANDMARKS if lm[0] == page_id), None)
    slots = _Slots(rng, m.place, m.date, _citation(m.date, m.party))
    official = m.content in ("van_ban", "ke_hoach")
    if official:
        text, family, implied = _official(rng, m, slots, landmark)
    else:
        family, implied = m.content, ()
    themes = _themes(rng, implied)
    low, high, mode = LENGTHS.get(m.kind) or LENGTHS[family]
    target = int(rng.triangular(low, high, mode))
    writer = _Writer(rng, m.date.toordinal(), themes, m.level == "trung_uong")
    if official:
        text = text._replace(lines=BODIES[family](writer, target))
        text = text._replace(summary=" ".join([text.summary, writer.task()] + [writer.task()] * (rng.random() < 0.5)))
    elif m.content == "guong":
        text = _case(rng, m, slots, writer, target)
    else:
        text = _material(rng, m, slots, writer, target)

    # the document's spelling habits, then every slot filled in one pass
    body = _styled("\n".join(text.lines), rng)
    joined = "\x1f".join((text.title, text.subject, text.summary, body)).format_map(slots)
    if rng.random() < 0.35:
        joined = _NEW_TONE_RE.sub(_new_tone, joined)
    title, subject, summary, body = joined.split("\x1f")

    no_date_line = m.content == "van_ban" and not landmark and rng.random() < 0.005
    validity = (landmark[6] if landmark else _validity(rng, m.date.year)) if official else ""
    slug = slugify(title[:90]).rsplit("-", 1)[0] if len(title) > 90 else slugify(title)
    return SearchDocument(
        page_id=page_id,
        url=f"/{SECTION_SLUGS[m.content]}/{slug}-{page_id}/",
        title=title,
        content=m.content,
        kind=m.kind,
        number=m.number,
        number_key=m.number_key,
        issuer=text.issuer,
        level=text.level,
        validity=validity,
        date=None if no_date_line else m.date,
        themes=themes,
        regions=list(m.place.regions),
        restrictions=[] if rng.random() < 0.97 else [rng.choice((1, 2))],
        subject=subject,
        summary=summary,
        body=body,
        extra="\n".join(filter(None, text.extra)),
    )


def document(page_id: int, seed: int = 2026) -> SearchDocument:
    """Page ``page_id`` of the corpus ``generate`` builds with ``seed``."""
    _pool(), _units(), _communes()
    return _document(seed, page_id)


def generate(n: int, seed: int = 2026, start_id: int = 1) -> Iterator[SearchDocument]:
    """``n`` synthetic documents with page ids ``start_id`` .. ``start_id + n - 1``.

    The same (seed, page_id) always gives the same document, whatever ``start_id`` and ``n``.
    """
    _pool(), _units(), _communes()  # load once, before the first document is timed
    for page_id in range(start_id, start_id + n):
        yield _document(seed, page_id)


# ---------------------------------------------------------------------------
# Benchmark queries
# ---------------------------------------------------------------------------

_QUERIES = (
    # the campaign's own phrase, accented and as typed in a hurry
    {"text": "hàng Việt Nam"},
    {"text": "hang viet nam"},
    {"text": "ưu tiên dùng hàng Việt"},
    {"text": "uu tien dung hang viet"},
    # both tone placements
    {"text": "văn hóa tiêu dùng"},
    {"text": "văn hoá tiêu dùng"},
    {"text": "Uỷ ban Mặt trận Tổ quốc"},
    # abbreviations and their spelled-out forms
    {"text": "MTTQ"},
    {"text": "UBND tỉnh"},
    {"text": "ủy ban nhân dân tỉnh"},
    {"text": "TMĐT"},
    {"text": "thương mại điện tử"},
    {"text": "BCĐ cuộc vận động huyện"},
    # rarer terms and phrases
    {"text": "trầm hương"},
    {"text": "chống hàng giả hàng nhái"},
    {"text": "nhung huou"},
    # document numbers in several spellings
    {"text": "03-CT/TW"},
    {"text": "03/CT-TW"},
    {"text": "chi thi 03"},
    {"text": "ct 03 tw"},
    {"text": "386/QD-TTg"},
    # with filters
    {"text": "kế hoạch tuyên truyền", "content": "ke_hoach", "kind": "ke_hoach", "year": 2024},
    {"text": "Tết Nguyên đán", "theme": "tet", "region": "ha-tinh"},
    {"text": "chỉ thị", "content": "van_ban", "kind": "chi_thi", "region": "ha-noi"},
    {"text": "hợp tác xã OCOP", "content": "guong", "theme": "ocop"},
    {"text": "sản phẩm OCOP", "region": "bac-giang", "year": 2023},
)


def queries() -> list[dict]:
    """The fixed benchmark queries: ``text`` plus optional content/kind/theme/region/year filters."""
    return [dict(q) for q in _QUERIES]
