"""The closing block when its two columns ("Nơi nhận" list | signature) come out of a PDF read
across the page line by line; invented names. The stacked orders stay as they are."""

import pytest

from cms.importer.parser import parse
from cms.importer.parsing.closing import separate_columns

LETTER = (
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 347/UBND-KT\nBình Định, ngày 9 tháng 1 năm 2025\nV/v đẩy mạnh tiêu dùng hàng Việt\n"
    "Kính gửi: Các sở, ban, ngành tỉnh.\n"
    "Ủy ban nhân dân tỉnh đề nghị các đơn vị triển khai Cuộc vận động trong dịp Tết.\n"
)
CLOSINGS = {
    "list first": "Nơi nhận:\nKT. CHỦ TỊCH\n- Như trên;\nPHÓ CHỦ TỊCH\n- Sở Công Thương;\n- Lưu: VT, KT.\nLê Thị Hồng Vân\n",
    "signature first, signed mark": (
        "KT. CHỦ TỊCH\nNơi nhận:\nPHÓ CHỦ TỊCH\n- Như trên;\n(Đã ký)\n- Sở Công Thương;\n"
        "Lê Thị Hồng Vân\n- Lưu: VT, KT.\n"
    ),
    "stacked, list first": "Nơi nhận:\n- Như trên;\n- Sở Công Thương;\n- Lưu: VT, KT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Thị Hồng Vân\n",
    "stacked, signature first": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Thị Hồng Vân\nNơi nhận:\n- Như trên;\n- Sở Công Thương;\n- Lưu: VT, KT.\n",
}


@pytest.mark.parametrize("closing", list(CLOSINGS.values()), ids=list(CLOSINGS))
def test_closing_columns(closing):
    (doc,) = parse(LETTER + closing, "cv.pdf")
    assert (doc.signing_capacity, doc.signer_title, doc.signer) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hồng Vân")
    assert doc.distribution == ["Như trên", "Sở Công Thương", "Lưu: VT, KT"]
    assert not [w for w in doc.warnings if w.startswith(("Phần cuối", "Người ký", "Nơi nhận"))]


@pytest.mark.parametrize("closing", [CLOSINGS["stacked, list first"], CLOSINGS["stacked, signature first"]])
def test_stacked_closing_is_left_alone(closing):
    lines = closing.split("\n")
    assert separate_columns(lines) == lines


def test_interleaved_closing_list_then_signature():
    lines = CLOSINGS["list first"].strip().split("\n")
    assert separate_columns(lines) == [
        "Nơi nhận:", "- Như trên;", "- Sở Công Thương;", "- Lưu: VT, KT.", "",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hồng Vân",
    ]
