"""Relevance judgments over the demo content: what cadres type and the
documents that must come back. The relevance test suite asserts them on
every engine; ``bench.search_quality`` scores engines with them (MRR,
recall@10), Wagtail's own search included.

Documents are named by a fragment unique to their title.
"""

import os
from dataclasses import dataclass
from pathlib import Path

# Demo pages by a unique fragment of their title.
P610 = "610-CV/TU"
PLAN_LS = "Kế hoạch thực hiện Chỉ thị số 03-CT/TW"
P06 = "06/CV-BCĐ"
P1557 = "1557/UBND-KTN"
P351 = "351-CV/TU"
P14 = "14-TT/QU"
CASE_HN = "Hà Nội: hơn 10 năm"
CASE_BT = "Quận Bình Thạnh: chuyển biến"
QA = "Hỏi - đáp về Chỉ thị"
SLOGANS = "Khẩu hiệu tuyên truyền"
TET = "Đức Thọ: ưu tiên hàng Việt, sản phẩm OCOP"


# (query, expected document, must be within the top N)
CASES = [
    # Document numbers in any spelling: the document itself first.
    ("610-CV/TU", P610, 1),
    ("610/CV-TU", P610, 1),
    ("610 cv tu", P610, 1),
    ("công văn 610", P610, 1),
    ("cong van so 610", P610, 1),
    ("1557/UBND-KTN", P1557, 1),
    ("1557 ubnd ktn", P1557, 1),
    ("06/CV-BCĐ", P06, 1),
    ("6/CV-BCD", P06, 1),
    ("06 cv bcd", P06, 1),
    ("14-TT/QU", P14, 1),
    ("thông tri 14", P14, 1),
    ("thong tri so 14", P14, 1),
    ("351-CV/TU", P351, 1),
    # The directive they implement: every implementing document near the top.
    ("03-CT/TW", PLAN_LS, 3),
    ("03-CT/TW", P610, 3),
    ("chỉ thị 03", QA, 5),
    ("chi thi 03", PLAN_LS, 5),
    ("03/CT-TW", P610, 5),
    # Places, with and without diacritics: loose syllables must not win.
    ("Đức Thọ", P06, 2),
    ("duc tho", TET, 2),
    ("Bình Thạnh", P14, 2),
    ("binh thanh", CASE_BT, 2),
    ("Lạng Sơn", PLAN_LS, 1),
    ("lang son", PLAN_LS, 1),
    ("Hà Tĩnh", P06, 2),
    # Both tone placements.
    ("Thành ủy Hà Nội", P351, 2),
    ("Thành uỷ Hà Nội", P351, 2),
    ("thanh uy ha noi", P351, 2),
    # Abbreviations, both ways.
    ("UBND thành phố Hà Nội", P1557, 1),
    ("Ủy ban nhân dân thành phố Hà Nội", P1557, 1),
    ("uy ban nhan dan thanh pho ha noi", P1557, 1),
    ("BCĐ huyện Đức Thọ", P06, 1),
    ("ban chi dao huyen duc tho", P06, 1),
    # Titles over bodies; phrases over loose words.
    ("khẩu hiệu", SLOGANS, 1),
    ("khau hieu tuyen truyen", SLOGANS, 1),
    ("hỏi đáp", QA, 1),
    ("hoi dap chi thi", QA, 1),
    ("OCOP Tết", TET, 1),
    ("Tet Nguyen dan Giap Thin", TET, 1),
    ("hơn 10 năm thực hiện", CASE_HN, 1),
    ("chuyen bien tich cuc", CASE_BT, 1),
]

# Every document relevant to a query (for recall), beyond the one CASES names.
ALSO_RELEVANT = {
    "03-CT/TW": [PLAN_LS, P610, QA],
    "03/CT-TW": [PLAN_LS, P610, QA],
    "chỉ thị 03": [PLAN_LS, P610, QA],
    "chi thi 03": [PLAN_LS, P610, QA],
    "Đức Thọ": [P06, TET],
    "duc tho": [P06, TET],
    "Bình Thạnh": [P14, CASE_BT],
    "binh thanh": [P14, CASE_BT],
    "Hà Tĩnh": [P06, TET],
}


def judgments() -> dict[str, list[str]]:
    """query -> relevant title fragments, the CASES document first."""
    out: dict[str, list[str]] = {}
    for query, expected, _top in CASES:
        out.setdefault(query, [expected])
        for fragment in ALSO_RELEVANT.get(query, []):
            if fragment not in out[query]:
                out[query].append(fragment)
    return out


# ---------------------------------------------------------------------------
# Word awareness: judgments per failure shape, over the demo, the real files of
# ../shared/corpus and synthetic pages written for each shape, with traps.
# ---------------------------------------------------------------------------

# The real files kept beside the project (``../shared/corpus``); BENCH_CORPUS names another folder.
CORPUS = Path(os.environ.get("BENCH_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")


@dataclass(frozen=True)
class SyntheticPage:
    title: str
    paragraphs: tuple[str, ...]  # each its own block: a line break between them


# Shape 1: two-syllable place names, and their traps (the folded syllables apart,
# or across punctuation and line breaks).
TAN_AN = "Thành phố Tân An khai trương điểm bán hàng Việt"
TAN_TRAP = "Hợp tác xã xuất 500 tấn gạo đạt chuẩn"
VINH_LONG = "Tỉnh Vĩnh Long tổ chức Tuần hàng Việt về nông thôn"
VINH_TRAP = "Vinh danh doanh nghiệp tiêu biểu vùng Hạ Long"
VINH_LINE_TRAP = "Gương sáng: ông Nguyễn Văn Vĩnh"
# Shape 2: names of bodies, with irregular capitals, and a page holding their syllables apart.
BCD_TW = "Hội nghị trực tuyến của Ban chỉ đạo Trung Ương"
BCD_TRAP = "Ban tổ chức chỉ định trung tâm làm đầu mối"
UBTW_MTTQ = "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam phát động đợt thi đua"
UBTW_TRAP = "Ủy ban nhân dân xã họp với Mặt trận về quốc phòng"
# Shape 3: abbreviations printed, spelled out, glued, spaced.
UBND_PRINTED = "UBND huyện Yên Thành ban hành kế hoạch hàng Việt"
UBND_SPELLED = "Ủy ban nhân dân huyện Yên Thành họp bàn về hàng Việt"
CVD_PRINTED = "CVĐ ở Yên Thành: kết quả sáu tháng đầu năm"
CVD_SPELLED = "Cuộc vận động ở Yên Thành: nhìn lại một năm"
UBMTTQVN = "UBMTTQVN tỉnh Quảng Trị phát động hưởng ứng"
UB_MTTQ = "UB MTTQ xã Hải Lăng tuyên truyền hàng Việt"
# Shape 4: typos.
OCOP_PAGE = "Sản phẩm OCOP của xã Hải Lăng vào siêu thị"
PRIORITY = "Ưu tiên dùng hàng Việt: người tiêu dùng Quảng Trị chọn hàng trong nước"

SYNTHETIC = [
    SyntheticPage(TAN_AN, (
        "Sáng 12/3, tại thành phố Tân An, Ban Chỉ đạo Cuộc vận động khai trương điểm bán hàng Việt Nam.",
        "Điểm bán giới thiệu hơn 300 sản phẩm của doanh nghiệp trong tỉnh.",
    )),
    SyntheticPage(TAN_TRAP, (
        "Năm nay hợp tác xã xuất khẩu 500 tấn gạo đạt chuẩn an toàn thực phẩm.",
        "Xã viên ưu tiên dùng hàng Việt Nam trong sản xuất.",
    )),
    SyntheticPage(VINH_LONG, (
        "Tuần hàng Việt về nông thôn tại Vĩnh Long thu hút đông đảo người dân.",
        "Các doanh nghiệp mang đến hàng nghìn sản phẩm chất lượng.",
    )),
    SyntheticPage(VINH_TRAP, (
        "Tại thành phố Hạ Long, vinh dự đón nhận bằng khen là 12 doanh nghiệp dùng hàng Việt.",
    )),
    SyntheticPage(VINH_LINE_TRAP, (
        "Ông Nguyễn Văn Vĩnh",
        "Long An là nơi ông khởi nghiệp với xưởng sản xuất hàng tiêu dùng.",
    )),
    SyntheticPage(BCD_TW, (
        "Ban chỉ đạo Trung Ương Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” tổ chức hội nghị trực tuyến với các tỉnh.",
    )),
    SyntheticPage(BCD_TRAP, (
        "Ban tổ chức chỉ định Trung tâm Xúc tiến thương mại làm đầu mối.",
        "Nội dung bồi dưỡng đạo đức kinh doanh của doanh nghiệp, theo hướng dẫn của cơ quan Trung ương.",
    )),
    SyntheticPage(UBTW_MTTQ, (
        "Ủy ban Trung ương MẶT TRẬN Tổ quốc Việt Nam phát động đợt thi đua dùng hàng Việt.",
    )),
    SyntheticPage(UBTW_TRAP, (
        "Ủy ban nhân dân xã họp với Mặt trận; bàn việc quốc phòng ở địa phương.",
        "Cơ quan Trung ương hướng dẫn; tổ dân phố tham gia.",
    )),
    SyntheticPage(UBND_PRINTED, ("UBND huyện Yên Thành ban hành kế hoạch tuyên truyền hàng Việt.",)),
    SyntheticPage(UBND_SPELLED, ("Ủy ban nhân dân huyện Yên Thành họp bàn về hàng Việt.",)),
    SyntheticPage(CVD_PRINTED, ("Kết quả thực hiện CVĐ ở huyện Yên Thành sáu tháng đầu năm.",)),
    SyntheticPage(CVD_SPELLED, ("Cuộc vận động ở huyện Yên Thành sau một năm thực hiện.",)),
    SyntheticPage(UBMTTQVN, ("Ban Thường trực UBMTTQVN tỉnh Quảng Trị phát động hưởng ứng tháng hàng Việt.",)),
    SyntheticPage(UB_MTTQ, ("UB MTTQ xã Hải Lăng tuyên truyền người dân dùng hàng Việt.",)),
    SyntheticPage(OCOP_PAGE, ("Mười sản phẩm OCOP của xã Hải Lăng được đưa vào hệ thống siêu thị.",)),
    SyntheticPage(PRIORITY, ("Người tiêu dùng Quảng Trị ưu tiên dùng hàng Việt khi mua sắm.",)),
]


@dataclass(frozen=True)
class Judgment:
    """A query, the pages that answer it (best grade first) and the traps
    that must not be among the first ten. ``printed``: a regex on a page's
    text (case-insensitive) whose pages are also fully relevant (every page
    printing an abbreviation), ``spelled`` the same for the partly relevant;
    both are matched on ``vietnamese.text.normalize``d text."""

    query: str
    shape: str
    relevant: tuple[str, ...] = ()
    partly: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    printed: str = ""
    spelled: str = ""


# The corpus files by a fragment of their imported title (their numbers).
CORPUS_PAGES = {
    "001.txt": "2825/BVHTTDL-KHTC", "002.txt": "2343/VPCP-KTTH", "003.txt": "20/2014/QĐ-UBND",
    "004.txt": "195/QĐ-BCĐ389", "005.txt": "1563/QĐ-TTg", "006.txt": "4157/QĐ-UBND", "007.txt": "7303/QĐ-UBND",
    "008.txt": "80/NQ-CP", "009.txt": "1592/QĐ-TTg", "010.txt": "97-QĐ/TW", "011.txt": "2646/QĐ-BCT",
    "012.txt": "1001/VPCP-KGVX",
}

SHAPE_JUDGMENTS = [
    # 1. places
    Judgment("Tân An", "place", (TAN_AN,), must_not=(TAN_TRAP,)),
    Judgment("tan an", "place", (TAN_AN,)),
    Judgment("Vĩnh Long", "place", (VINH_LONG,), must_not=(VINH_TRAP,)),
    Judgment("vinh long", "place", (VINH_LONG,)),
    Judgment("Hà Tĩnh", "place", (P06, TET), must_not=(CASE_HN,)),
    Judgment("Đà Nẵng", "place", (CORPUS_PAGES["003.txt"], CORPUS_PAGES["007.txt"]), printed=r"đà nẵng"),
    Judgment("thương mại điện tử Bình Định", "place", (CORPUS_PAGES["006.txt"],), (CORPUS_PAGES["005.txt"],)),
    # 2. bodies
    Judgment("Ban chỉ đạo Trung ương", "body", (BCD_TW,), printed=r"ban chỉ đạo trung ương"),
    Judgment("ban chi dao trung uong", "body", (BCD_TW,), printed=r"ban chỉ đạo trung ương"),
    Judgment("Ủy ban Trung ương Mặt trận Tổ quốc", "body", (UBTW_MTTQ,), printed=r"[uủ]y ban trung ương (mặt trận tổ quốc|mttq)", must_not=()),
    Judgment("Ban Tuyên giáo Trung ương", "body", (CORPUS_PAGES["012.txt"],), printed=r"ban tuyên giáo trung ương"),
    Judgment("Bộ Công Thương", "body", (CORPUS_PAGES["011.txt"], CORPUS_PAGES["002.txt"]), printed=r"bộ công thương"),
    # 3. abbreviations: the printed form first, then the spelled-out one
    Judgment("UBND Yên Thành", "abbreviation", (UBND_PRINTED,), (UBND_SPELLED,)),
    Judgment("CVĐ Yên Thành", "abbreviation", (CVD_PRINTED,), (CVD_SPELLED,)),
    Judgment("UBMTTQ", "abbreviation", (UBMTTQVN, UB_MTTQ), printed=r"ubmttq|ub mttq"),
    Judgment("MTTQVN", "abbreviation", (UBMTTQVN,), printed=r"mttqvn|mttq vn"),
    Judgment("UB MTTQ", "abbreviation", (UB_MTTQ, UBMTTQVN), printed=r"ubmttq|ub mttq"),
    Judgment("BCĐ", "abbreviation", (P06,), printed=r"bcđ"),
    # 4. typos
    Judgment("ưu tiin dùng hàng vịet", "typo", (PRIORITY,), printed=r"ưu tiên dùng hàng việt"),
    Judgment("ocpo", "typo", (OCOP_PAGE, TET), printed=r"\bocop\b"),
    Judgment("Vĩnh Lnog", "typo", (VINH_LONG,)),
    # the corpus, by subject
    Judgment("Thương hiệu Việt Nam", "corpus", (CORPUS_PAGES["002.txt"],)),
    Judgment("chống buôn lậu gian lận thương mại", "corpus", (CORPUS_PAGES["004.txt"],)),
    Judgment("giảm nghèo bền vững", "corpus", (CORPUS_PAGES["008.txt"],)),
    Judgment("khuyến công quốc gia", "corpus", (CORPUS_PAGES["011.txt"],)),
    Judgment("chính quyền điện tử", "corpus", (CORPUS_PAGES["007.txt"],), printed=r"chính quyền điện tử"),
    Judgment("đồng bào dân tộc thiểu số", "corpus", (CORPUS_PAGES["009.txt"],)),
    Judgment("2825/BVHTTDL-KHTC", "corpus", (CORPUS_PAGES["001.txt"],)),
]


def create_pages(corpus: bool = True) -> dict[str, int]:
    """The corpus files (imported and published; when ``corpus``) and the
    synthetic pages, on top of the demo; returns title -> page id. Idempotent."""
    from html import escape

    from cms.content.models import ContentPage
    from cms.importer.service import Outcome, import_source, iter_sources
    from cms.materials.models import PropagandaMaterialPage
    from home.models import SectionPage

    for path in sorted(CORPUS.glob("*.txt")) if corpus else ():
        for source in iter_sources([str(path)]):
            if isinstance(source, Outcome):
                continue
            for outcome in import_source(source):
                if outcome.page_id:
                    page = ContentPage.objects.get(pk=outcome.page_id).specific
                    revision = page.get_latest_revision()
                    if revision and (not page.live or page.has_unpublished_changes):
                        revision.publish()
    section = SectionPage.for_content("tai_lieu", [])
    for item in SYNTHETIC:
        if PropagandaMaterialPage.objects.filter(title=item.title).exists():
            continue
        page = PropagandaMaterialPage(
            title=item.title,
            summary="",
            form="bai_viet",
            body=[("paragraph", f"<p>{escape(p)}</p>") for p in item.paragraphs],
        )
        section.add_child(instance=page)
        page.save_revision().publish()
    return dict(ContentPage.objects.live().values_list("title", "id"))
