"""Rules found missing on bench/layouts (a second, blind development set): each with fixtures of
its own, every name, number, place and date invented."""

import datetime

import pytest

from cms.importer.parser import parse
from cms.importer.parsing.issuer import normalize_case, territory_of


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


def test_a_number_broken_after_its_hyphen_by_a_hard_line_break_is_one_number():
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN NAM ĐÔNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 17/KH-UBND\nNam Đông, ngày 08 tháng 3 năm 2024\nKẾ HOẠCH\nTổ chức tuần lễ hàng Việt năm 2024\n"
        "Thực hiện Kế hoạch số 40/KH-\nUBND ngày 20/02/2024 của Ủy ban nhân dân tỉnh và Chỉ thị số 05-\nCT/TU của Tỉnh ủy,\n"
        "Ủy ban nhân dân huyện xây dựng kế hoạch như sau:\n"
    )
    [doc] = parse(text)
    assert [c["number"] for c in doc.cited] == ["40/KH-UBND", "05-CT/TU"]
    assert doc.subject == "Tổ chức tuần lễ hàng Việt năm 2024"


def test_share_links_beside_the_date_stamp_do_not_hide_the_date():
    text = "Chợ phiên hàng Việt về xã A Lưới\n14/4/2024 07:10' Gửi bài này In bài này\n" + NEWS_BODY
    assert parse(text)[0].date == datetime.date(2024, 4, 14)


def test_a_section_label_above_a_headline_in_capitals_with_its_date_glued_on():
    text = "TIN TỨC - SỰ KIỆN\nHUYỆN TUYÊN DƯƠNG 15 HỘ KINH DOANH TIÊU BIỂU (16:30 02/05/2024)\n" + NEWS_BODY
    [doc] = parse(text)
    assert (doc.title, doc.date) == ("Huyện tuyên dương 15 hộ kinh doanh tiêu biểu", datetime.date(2024, 5, 2))


def test_a_headline_in_capitals_over_two_lines_with_its_date_glued_to_the_second():
    text = "BÀI TUYÊN TRUYỀN\nVỀ NGÀY HỘI HÀNG VIỆT (16:30 02/05/2024)\n" + NEWS_BODY
    [doc] = parse(text)
    assert (doc.title, doc.date) == ("Bài tuyên truyền về ngày hội hàng Việt", datetime.date(2024, 5, 2))


def test_a_body_under_a_front_committee_is_named_with_it():
    text = (
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH TUYÊN QUANG\nBAN THƯỜNG TRỰC\n-------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 72/KH-MTTQ-BTT\n"
        "Tuyên Quang, ngày 11 tháng 4 năm 2024\nKẾ HOẠCH\nTổ chức phiên chợ hàng Việt năm 2024\n"
        "Ban Thường trực xây dựng kế hoạch như sau:\n"
    )
    [doc] = parse(text)
    assert (doc.issuer, doc.level) == ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tuyên Quang", "tinh")


def test_a_headline_ending_in_an_exclamation_mark_with_its_date_under_it_is_no_slogan_banner():
    text = (
        "Thi đua lập thành tích chào mừng Đại hội Đảng bộ huyện lần thứ XX!\n"
        "Mỗi gia đình hãy chọn hàng Việt!\n06/06/2024 07:00\n" + NEWS_BODY
    )
    [doc] = parse(text)
    assert (doc.title, doc.date) == ("Mỗi gia đình hãy chọn hàng Việt!", datetime.date(2024, 6, 6))


NOTICE_LEAD = "Ủy ban nhân dân huyện Hướng Hóa ban hành Kế hoạch số 77/KH-UBND về tổ chức phiên chợ hàng Việt năm 2024"


def test_a_news_item_reporting_a_plan_is_an_article_the_page_printing_it_is_the_plan():
    report = f"Kế hoạch tổ chức phiên chợ hàng Việt năm 2024\n07/06/2024 08:00\n{NOTICE_LEAD}.\nTheo đó, huyện tổ chức 4 phiên chợ.\n"
    printed = f"Kế hoạch tổ chức phiên chợ hàng Việt năm 2024\n07/06/2024 08:00\n{NOTICE_LEAD} như sau:\nI. MỤC ĐÍCH\n- Quảng bá hàng Việt.\n"
    [article], [plan] = parse(report), parse(printed)
    assert (article.page_type, article.number, [c["number"] for c in article.cited]) == (
        "propaganda_material", None, ["77/KH-UBND"])
    assert (plan.page_type, plan.number) == ("plan", "77/KH-UBND")


@pytest.mark.parametrize("printed, house", [
    ("SỞ TÀI CHÍNH TỈNH YÊN BÁI", "Sở Tài chính tỉnh Yên Bái"),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
    ("PHÒNG KINH TẾ VÀ HẠ TẦNG HUYỆN CHÂU THÀNH", "Phòng Kinh tế và Hạ tầng huyện Châu Thành"),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("BỘ TRƯỞNG BỘ CÔNG THƯƠNG", "Bộ trưởng Bộ Công Thương"),
    ("ỦY BAN NHÂN DÂN XÃ TÂN HÒA", "Ủy ban nhân dân xã Tân Hòa"),
])
def test_each_field_a_ministry_or_department_is_named_after_starts_with_a_capital(printed, house):
    assert normalize_case(printed) == house


@pytest.mark.parametrize("number_cell", [
    "Số: 417 /SCT-KHTC V/v tham gia phiên chợ hàng Việt năm 2024 |",
    "Số: 417/SCT-KHTC V/v: tham gia phiên chợ hàng Việt năm 2024 |",
])
def test_a_number_cell_holding_the_cong_vans_subject_too(number_cell):
    text = (
        "SỞ CÔNG THƯƠNG TỈNH TRÀ VINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n"
        f"{number_cell} Trà Vinh, ngày 03 tháng 9 năm 2024 |\n"
        "Kính gửi: Các doanh nghiệp trên địa bàn tỉnh.\n"
        "Thực hiện Công văn số 310/BCT-TTTN ngày 20/8/2024 của Bộ Công Thương, Sở đề nghị các doanh nghiệp đăng ký.\n"
    )
    [doc] = parse(text)
    assert (doc.kind, doc.number, doc.place, doc.date) == ("cong_van", "417/SCT-KHTC", "Trà Vinh", datetime.date(2024, 9, 3))
    assert doc.subject == "Tham gia phiên chợ hàng Việt năm 2024"
    assert [c["number"] for c in doc.cited] == ["310/BCT-TTTN"]


@pytest.mark.parametrize("headline, lead", [
    ("Cơ sở nước mắm Cửa Tùng đạt chứng nhận OCOP 4 sao", "Sản phẩm của cơ sở vừa được công nhận."),
    ("Ông Hà Văn Tư - người đi đầu dùng hàng Việt ở bản Nà Hin", "Ông Tư vận động cả bản."),
    ("Chợ phiên hàng Việt ở xã Phong Thạnh", "Chủ tịch UBND huyện trao Giấy khen cho 5 hộ kinh doanh."),
])
def test_an_ocop_rating_a_person_who_leads_the_way_or_an_award_make_an_exemplary_case(headline, lead):
    assert parse(f"{headline}\n08/08/2024 08:00\n{lead}\nNội dung khác của bài.\n")[0].page_type == "exemplary_case"


def test_a_meeting_about_the_ocop_programme_is_no_exemplary_case():
    text = "Huyện triển khai Chương trình OCOP năm 2024\n08/08/2024 08:00\nSáng 7/8, huyện tổ chức hội nghị triển khai.\n"
    assert parse(text)[0].page_type == "propaganda_material"
