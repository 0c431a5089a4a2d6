"""Relevance judgments over the demo content: what cadres type and the
documents that must come back. The relevance test suite asserts them on
every engine; ``bench.search_quality`` scores engines with them (MRR,
recall@10), Wagtail's own search included.

Documents are named by a fragment unique to their title.
"""

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
