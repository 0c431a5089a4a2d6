"""Two header columns read across the page line by line (PDF text extraction), with invented
issuers, numbers, places and dates: the rule puts the left column (issuing bodies, "Số …") before
the right one (motto, place and date) and leaves every other layout alone."""

import datetime

import pytest

from cms.importer.parser import parse
from cms.importer.parsing.layout import separate_interleaved, split_columns
from cms.importer.parsing.normalize import preprocess

FIELDS = ("kind", "number", "issuer", "level", "place", "date", "subject", "signer")

STATE_LETTER_BODY = (
    "V/v đẩy mạnh tiêu dùng hàng Việt\n"
    "trong dịp Tết Nguyên đán\n"
    "Kính gửi: Các sở, ban, ngành tỉnh.\n"
    "Ủy ban nhân dân tỉnh đề nghị các đơn vị triển khai Cuộc vận động trong dịp Tết.\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Thị Hồng Vân\n"
)
STATE_LETTER = {
    "kind": "cong_van", "number": "347/UBND-KT", "issuer": "Ủy ban nhân dân tỉnh Bình Định", "level": "tinh",
    "place": "Bình Định", "date": datetime.date(2025, 1, 9),
    "subject": "Đẩy mạnh tiêu dùng hàng Việt trong dịp Tết Nguyên đán", "signer": "Lê Thị Hồng Vân",
}

PARTY_BODY = (
    "CHỈ THỊ\n"
    "về tăng cường sự lãnh đạo của Đảng đối với Cuộc vận động\n"
    "Người Việt Nam ưu tiên dùng hàng Việt Nam\n"
    "Qua 15 năm thực hiện Cuộc vận động, nhận thức của cán bộ, đảng viên được nâng lên rõ rệt.\n"
    "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nTrần Văn Khải\n"
)
PARTY_DIRECTIVE = {
    "kind": "chi_thi", "number": "12-CT/TU", "issuer": "Ban Thường vụ Đảng bộ tỉnh Lâm Đồng", "level": "tinh",
    "place": "Lâm Đồng", "date": datetime.date(2024, 3, 5),
    "subject": "Về tăng cường sự lãnh đạo của Đảng đối với Cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam",
    "signer": "Trần Văn Khải",
}

CASES = {
    "state, left column first": (
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BÌNH ĐỊNH\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 347/UBND-KT\nBình Định, ngày 9 tháng 1 năm 2025\n" + STATE_LETTER_BODY,
        STATE_LETTER,
    ),
    "state, right column first, rules and blank lines": (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦY BAN NHÂN DÂN\nĐộc lập – Tự do – Hạnh phúc\nTỈNH BÌNH ĐỊNH\n"
        "---------------\n-------\n\nBình Định, ngày 9 tháng 1 năm 2025\nSố: 347/UBND-KT\n" + STATE_LETTER_BODY,
        STATE_LETTER,
    ),
    "V/v under the number, wrapped beside the date": (
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BÌNH ĐỊNH\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 347/UBND-KT\nV/v đẩy mạnh tiêu dùng hàng Việt\nBình Định, ngày 9 tháng 1 năm 2025\n"
        "trong dịp Tết Nguyên đán\n" + STATE_LETTER_BODY.split("\n", 2)[2],
        STATE_LETTER,
    ),
    "both columns on one line each (same height)": (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BÌNH ĐỊNH Độc lập - Tự do - Hạnh phúc\n"
        "Số: 347/UBND-KT Bình Định, ngày 9 tháng 1 năm 2025\n" + STATE_LETTER_BODY,
        STATE_LETTER,
    ),
    "party, star and number after the date": (
        "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nĐẢNG CỘNG SẢN VIỆT NAM\nBAN THƯỜNG VỤ\n*\n"
        "Lâm Đồng, ngày 5 tháng 3 năm 2024\nSố 12-CT/TU\n" + PARTY_BODY,
        PARTY_DIRECTIVE,
    ),
    "party after a site chrome line": (
        "Đang tải nội dung, vui lòng chờ giây lát...\nĐẢNG BỘ TỈNH LÂM ĐỒNG\nĐẢNG CỘNG SẢN VIỆT NAM\nBAN THƯỜNG VỤ\nSố 12-CT/TU\n"
        "Lâm Đồng, ngày 5 tháng 3 năm 2024\n" + PARTY_BODY,
        PARTY_DIRECTIVE,
    ),
}


@pytest.mark.parametrize("text, expected", list(CASES.values()), ids=list(CASES))
def test_interleaved_header_is_read_like_a_stacked_one(text, expected):
    (doc,) = parse(text, "xen-ke.pdf")
    assert {name: getattr(doc, name) for name in FIELDS} == expected


def test_left_column_then_right_column():
    lines = preprocess(
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN ĐỨC TRỌNG\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 88/KH-UBND\nĐức Trọng, ngày 12 tháng 4 năm 2024\nKẾ HOẠCH\nTuyên truyền Cuộc vận động năm 2024\n"
    )
    assert [line for line in lines if line] == [
        "ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC TRỌNG", "Số: 88/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Đức Trọng, ngày 12 tháng 4 năm 2024",
        "KẾ HOẠCH", "Tuyên truyền Cuộc vận động năm 2024",
    ]


UNTOUCHED = {
    "stacked (H3)": [
        "ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 347/UBND-KT", "Bình Định, ngày 9 tháng 1 năm 2025", "QUYẾT ĐỊNH",
    ],
    # the authority under the date belongs to the body of the header, not to the issuer (H1)
    "authority after the date": [
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 31/2023/QĐ-UBND",
        "Bình Định, ngày 9 tháng 1 năm 2025", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", "Căn cứ Luật …;",
    ],
    "party, one issuing line": [
        "TỈNH ỦY LÂM ĐỒNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "", "Số 12-CT/TU", "Lâm Đồng, ngày 5 tháng 3 năm 2024", "CHỈ THỊ",
    ],
    "news page": ["Tin tức", "Hội nghị triển khai Cuộc vận động năm 2025", "Thứ hai, 06/01/2025 09:15", "BAN TUYÊN GIÁO"],
}


@pytest.mark.parametrize("lines", list(UNTOUCHED.values()), ids=list(UNTOUCHED))
def test_other_layouts_are_left_alone(lines):
    assert separate_interleaved(list(lines)) == lines


def test_motto_run_into_the_issuer_line_is_split():
    assert split_columns("TỈNH BÌNH ĐỊNH Độc lập - Tự do - Hạnh phúc") == ["TỈNH BÌNH ĐỊNH", "Độc lập - Tự do - Hạnh phúc"]
