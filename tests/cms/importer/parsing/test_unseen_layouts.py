"""Rules found missing on bench/layouts (a second, blind development set): each with fixtures of
its own, every name, number, place and date invented."""

import datetime

import pytest

from cms.importer.parser import parse
from cms.importer.parsing.issuer import territory_of


@pytest.mark.parametrize("capacity", ["KTGĐ, PGĐ", "KT.GĐ, PGĐ", "KTBT, TT"])
def test_a_records_flattened_signer_line_with_d_in_its_abbreviations(capacity):
    text = (
        "233/SCT-QLTM\n"
        f"{capacity} Đặng Quốc Khánh Theo SỞ CÔNG THƯƠNG TỈNH YÊN BÁI -\n"
        "Công văn Về việc rà soát giá bán hàng hóa thiết yếu dịp cuối năm.\n"
        "Kính gửi: Phòng Tài chính - Kế hoạch các huyện\n"
        "Thực hiện Công văn số 88/UBND-KT ngày 05/11/2023 của Ủy ban nhân dân tỉnh, Sở Công Thương đề nghị rà soát.\n"
    )
    [doc] = parse(text)
    assert (doc.number, doc.issuer, doc.level, doc.signer) == (
        "233/SCT-QLTM", "Sở Công Thương tỉnh Yên Bái", "tinh", "Đặng Quốc Khánh")
    assert doc.subject.startswith("Rà soát giá bán")


def test_a_commune_named_only_in_the_body_is_the_issuer_of_a_headerless_plan():
    text = (
        "KẾ HOẠCH Tổ chức ngày hội hàng Việt tại xã Tân Hòa năm 2024\n"
        "Căn cứ Kế hoạch số 19/KH-UBND ngày 02/02/2024 của UBND huyện Gò Công Tây;\n"
        "Thực hiện chỉ đạo của Đảng ủy xã,\n"
        "Ủy ban nhân dân xã Tân Hòa xây dựng kế hoạch tổ chức ngày hội hàng Việt năm 2024 như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n- Quảng bá sản phẩm của địa phương.\n"
    )
    [doc] = parse(text)
    assert (doc.kind, doc.issuer, doc.level) == ("ke_hoach", "Ủy ban nhân dân xã Tân Hòa", "xa")


@pytest.mark.parametrize("issuer, level", [
    ("Sở Văn hóa, Thể thao và Du lịch", "tinh"),
    ("Sở Công Thương", "tinh"),
    ("Phòng Văn hóa và Thông tin", None),
])
def test_a_department_without_its_province_is_a_provincial_body(issuer, level):
    assert territory_of(issuer, "", None, [])[0] == level


NEWS_BODY = (
    "Sáng 4-5, Ủy ban MTTQ huyện tổ chức hội nghị với hơn 200 đại biểu tham dự, giới thiệu 40 sản phẩm "
    "OCOP và mô hình kinh tế của các xã.\n"
    "Hội nghị thống nhất các nhiệm vụ trọng tâm của năm 2024.\n"
)


@pytest.mark.parametrize("masthead", ["Ban Tuyên giáo Huyện ủy Thanh Chương", "Cổng thông tin điện tử huyện Lục Nam"])
def test_a_site_name_above_the_headline_and_its_date_is_not_the_headline(masthead):
    text = f"{masthead}\nHuyện tổng kết 5 năm thực hiện Cuộc vận động\nThứ 6, 05/05/2024 | 10:20:11\n" + NEWS_BODY
    [doc] = parse(text)
    assert (doc.title, doc.date) == ("Huyện tổng kết 5 năm thực hiện Cuộc vận động", datetime.date(2024, 5, 5))


def test_a_headline_in_capitals_over_two_lines_is_still_read_whole():
    text = "BÀI TUYÊN TRUYỀN\nVỀ NGÀY HỘI HÀNG VIỆT\n05/05/2024 09:00\n" + NEWS_BODY
    [doc] = parse(text)
    assert doc.title == "Bài tuyên truyền về ngày hội hàng Việt"


def test_a_numbered_section_heading_does_not_continue_a_headline_in_capitals():
    text = (
        "TÀI LIỆU SINH HOẠT CHI BỘ THÁNG 6\n"
        "II. NỘI DUNG TUYÊN TRUYỀN VỀ HÀNG VIỆT\n"
        "Tiếp tục tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân về ý nghĩa của việc dùng hàng Việt.\n"
    )
    [doc] = parse(text)
    assert doc.title == "Tài liệu sinh hoạt chi bộ tháng 6"


def test_a_model_or_an_ocop_product_named_in_a_meetings_lead_does_not_make_an_exemplary_case():
    meeting = "Huyện tổng kết 5 năm thực hiện Cuộc vận động\n05/05/2024 09:00\n" + NEWS_BODY
    model = "Nhân rộng mô hình tổ phụ nữ dùng hàng Việt\n05/05/2024 09:00\n" + NEWS_BODY
    praised = meeting.replace("Hội nghị thống nhất", "Hội nghị tuyên dương 12 tập thể tiêu biểu và thống nhất")
    assert [parse(t)[0].page_type for t in (meeting, model, praised)] == [
        "propaganda_material", "exemplary_case", "exemplary_case"]
