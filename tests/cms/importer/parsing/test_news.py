"""News and web pages (notes §3), invented: headline, the article's own date in every format of
the notes, the site's banner date ignored, lead prefixes, bylines, chrome, citations."""

import datetime

import pytest

from cms.importer.parser import parse
from cms.importer.parsing.article import stamp_date

LEAD = ("Ủy ban Mặt trận Tổ quốc tỉnh Ninh Thuận vừa ban hành Kế hoạch số 88/KH-MTTQ-BTT về việc tổ chức "
        "tuần lễ hàng Việt Nam tại các xã vùng cao trong năm 2024.")
BODY = ("Theo kế hoạch, các đơn vị phối hợp với doanh nghiệp đưa hàng Việt về nông thôn, thực hiện Kết luận 107 "
        "của Ban Bí thư và Chỉ thị số 03-CT/TW ngày 19/5/2021 của Ban Bí thư.")


def page(*lines):
    return "\n".join(lines)


@pytest.mark.parametrize(
    "stamp, date",
    [
        ("Cập nhật ngày: 12/03/2024 | 09:15 GMT+7", datetime.date(2024, 3, 12)),
        ("Cập nhật: 12/03/2024 | 09:15", datetime.date(2024, 3, 12)),
        ("Thứ 3, 12/03/2024 | 09:15:20", datetime.date(2024, 3, 12)),
        ("Thứ Năm, 14/03/2024, 09:15 GMT+7", datetime.date(2024, 3, 14)),
        ("Thứ hai, 11/03/2024 09:15", datetime.date(2024, 3, 11)),
        ("Thứ ba, ngày 12 tháng 3 năm 2024 | 09:15", datetime.date(2024, 3, 12)),
        ("09:15, 12/03/2024", datetime.date(2024, 3, 12)),
        ("12/03/2024 - 12:00 AM", datetime.date(2024, 3, 12)),
        ("Thứ Hai, 11/3/2024 09:15'(GMT+7)", datetime.date(2024, 3, 11)),
        ("Cập nhật lúc: 09:15 12/03/2024", datetime.date(2024, 3, 12)),
        ("Ngày đăng 12/03/2024", datetime.date(2024, 3, 12)),
        ("Thời sự 12-03-2024", datetime.date(2024, 3, 12)),
    ],
)
def test_article_date_under_the_headline(stamp, date):
    (doc,) = parse(page("Ninh Thuận đưa hàng Việt về các xã vùng cao", stamp, LEAD, BODY))
    assert doc.date == date
    assert doc.subject == doc.title == "Ninh Thuận đưa hàng Việt về các xã vùng cao"
    assert doc.page_type in ("propaganda_material", "exemplary_case")
    assert stamp not in doc.body_text


def test_the_sites_banner_date_above_the_headline_is_not_the_articles():
    (doc,) = parse(page("Thứ năm, \u00a012/09/2024", "Ninh Thuận đưa hàng Việt về các xã vùng cao",
                        "Thứ ba, ngày 3 tháng 9 năm 2024 | 10:20", LEAD, BODY))
    assert doc.date == datetime.date(2024, 9, 3)
    (doc,) = parse(page("Chủ nhật, ngày 15 tháng 9 năm 2024\u00a0\u00a0", "Ninh Thuận đưa hàng Việt về các xã vùng cao", LEAD, BODY))
    assert doc.date is None and doc.title == "Ninh Thuận đưa hàng Việt về các xã vùng cao"


@pytest.mark.parametrize("headline", [
    "Ninh Thuận đưa hàng Việt về các xã vùng cao (09:15 12/03/2024)",
    "Ninh Thuận đưa hàng Việt về các xã vùng cao 12/03/2024 09:15",
])
def test_a_date_glued_to_the_headline_is_its_date_and_not_its_title(headline):
    (doc,) = parse(page(headline, LEAD, BODY))
    assert (doc.title, doc.date) == ("Ninh Thuận đưa hàng Việt về các xã vùng cao", datetime.date(2024, 3, 12))


@pytest.mark.parametrize("prefix", ["(NTO)- ", "NTO - ", "NTO-", "(Mặt trận) - ", "(Báo Ninh Thuận)-"])
def test_lead_prefixes_are_stripped(prefix):
    (doc,) = parse(page("Ninh Thuận đưa hàng Việt về các xã vùng cao", prefix + LEAD, BODY))
    assert doc.body_text.startswith("Ủy ban Mặt trận Tổ quốc tỉnh Ninh Thuận vừa ban hành")


def test_numbers_an_article_names_are_citations_never_its_own_number():
    (doc,) = parse(page("Ninh Thuận đưa hàng Việt về các xã vùng cao", "12/03/2024", LEAD, BODY, "Tin, ảnh: Minh Châu"))
    assert doc.number is None and doc.kind is None
    assert [c["number"] for c in doc.cited] == ["88/KH-MTTQ-BTT", "03-CT/TW"]
    assert doc.references == [{"kind": "ket_luan", "serial": "107", "issuer": "Ban Bí thư"}]
    assert doc.byline == "Tin, ảnh: Minh Châu" and "Minh Châu" not in doc.body_text


def test_site_chrome_is_dropped():
    (doc,) = parse(page(
        "En", "Báo Ninh Thuận điện tử", "ỨNG DỤNG ĐỌC BÁO TỰ ĐỘNG", "Âm thanh", "CHỌN GIỌNG ĐỌC",
        "Ninh Thuận đưa hàng Việt về các xã vùng cao", "12/03/2024", "1,234 lượt xem",
        LEAD, "img", "cho-phien.jpg", BODY, "Chia sẻ với bạn bè", "Facebook", "Viết bình luận mới",
        "Các tin tức khác", "Một tin khác về tỉnh Bình Thuận",
    ))
    assert doc.title == "Ninh Thuận đưa hàng Việt về các xã vùng cao"
    assert "Facebook" not in doc.body_text and "Bình Thuận" not in doc.body_text and "lượt xem" not in doc.body_text


def test_exemplary_case_and_propaganda_material():
    case = parse(page("Gương điển hình: hợp tác xã Phước Hà làm giàu từ nông sản sạch", "12/03/2024", LEAD, BODY))[0]
    news = parse(page("Ninh Thuận đưa hàng Việt về các xã vùng cao", "12/03/2024", LEAD, BODY))[0]
    assert (case.page_type, news.page_type) == ("exemplary_case", "propaganda_material")


def test_h8_agency_notice_carries_its_own_number_and_date():
    text = page(
        "Kế hoạch tổ chức Tháng hàng Việt năm 2024",
        "2024-03-05 - Thực hiện Kế hoạch số 12\u2044KH-MTTW-BCĐTW ngày 2\u20441\u20442024 của Ban Chỉ đạo Trung ương; "
        "Ngày 5\u20443\u20442024, Ban Thường trực Ủy ban MTTQ tỉnh Ninh Thuận ban hành Kế hoạch số 31\u2044KH-MTTQ-BTT "
        "về việc tổ chức Tháng hàng Việt năm 2024 như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nâng cao nhận thức của Nhân dân về hàng Việt.",
    )
    (doc,) = parse(text)
    assert (doc.kind, doc.number, doc.date) == ("ke_hoach", "31/KH-MTTQ-BTT", datetime.date(2024, 3, 5))
    assert doc.page_type == "plan" and doc.subject == "Tổ chức Tháng hàng Việt năm 2024"
    assert doc.title == "Kế hoạch 31/KH-MTTQ-BTT tổ chức Tháng hàng Việt năm 2024"
    assert [c["number"] for c in doc.cited] == ["12/KH-MTTW-BCĐTW"]


def test_stamp_date_is_not_a_sentence_with_a_date():
    assert stamp_date("Ngày 12/3/2024, Ủy ban MTTQ tỉnh tổ chức hội nghị sơ kết.") is None
    assert stamp_date("12/03/2024") == datetime.date(2024, 3, 12)


# Site furniture above the headline (notes §3 "Chrome lines" and "Date traps"), invented pages.
HEADLINE = "Ninh Thuận đưa hàng Việt về các xã vùng cao"


@pytest.mark.parametrize("furniture", [
    ["Thứ 7, 14/09/2024, 08:02[GMT+7]"],                               # banner with a bracketed zone
    ["Báo Ninh Thuận điện tử", "Kinh tế", "Kinh tế"],                   # masthead, section printed twice
    ["Cổng thông tin điện tử tỉnh Ninh Thuận", "Trang chủ / Tin tức / Kinh tế"],  # portal, breadcrumb
    ["Đẩy mạnh thi đua chào mừng Đại hội Đảng bộ tỉnh lần thứ XV!"],     # slogan banner
    ["En", "Xã hội"],                                                   # language switch, section label
])
def test_furniture_above_the_headline_is_not_the_headline(furniture):
    (doc,) = parse(page(*furniture, HEADLINE, "Thứ ba, 10/09/2024 | 10:20", LEAD, BODY))
    assert doc.title == HEADLINE
    assert doc.date == datetime.date(2024, 9, 10)


def test_a_headline_in_capitals_over_two_lines_reads_in_sentence_case_with_its_names():
    (doc,) = parse(page("NINH THUẬN: MẶT TRẬN TỔ QUỐC TỈNH TỔNG KẾT", "10 NĂM THỰC HIỆN CUỘC VẬN ĐỘNG",
                        "Cập nhật: 12/03/2024 | 09:15", LEAD, BODY))
    assert doc.title == "Ninh Thuận: Mặt trận Tổ quốc tỉnh tổng kết 10 năm thực hiện Cuộc vận động"


def test_a_document_sites_page_counter_and_markup_are_dropped():
    (doc,) = parse(page(
        "Tải bản đầy đủ (.docx) (8 trang)",
        "<span class='text_page_counter'>(1)</span><div class='page_container' data-page=1>",
        "<b>BÀI TUYÊN TRUYỀN</b>",
        "<b>VỀ TUẦN LỄ HÀNG VIỆT NAM NĂM 2024</b>",
        "Tuần lễ hàng Việt Nam là dịp để người tiêu dùng tiếp cận các sản phẩm của doanh nghiệp trong tỉnh.",
    ))
    assert doc.title == "Bài tuyên truyền về tuần lễ hàng Việt Nam năm 2024"
    assert "(1)" not in doc.body_text and "<" not in doc.body_text


def test_a_visit_counters_figure_does_not_hide_the_byline():
    (doc,) = parse(page(HEADLINE, "Cập nhật: 12/03/2024 | 09:15", LEAD, BODY,
                        "Nguồn: Minh Tâm/MTTQ Ninh Thuận", "Số lượt truy cập", "1234567"))
    assert doc.byline == "Nguồn: Minh Tâm/MTTQ Ninh Thuận"
    assert "1234567" not in doc.body_text


def test_a_short_headline_with_its_date_under_it_is_kept():
    (doc,) = parse(page("Chợ phiên hàng Việt", "Thứ ba, 10/09/2024 | 10:20", LEAD, BODY))
    assert (doc.title, doc.date) == ("Chợ phiên hàng Việt", datetime.date(2024, 9, 10))
    (doc,) = parse(page("Hàng Việt", "Thứ ba, 10/09/2024 | 10:20", LEAD, BODY))
    assert (doc.title, doc.date) == ("Hàng Việt", datetime.date(2024, 9, 10))


def test_a_time_before_the_date_glued_to_a_headline():
    (doc,) = parse(page("HÀNG VIỆT VỀ NÔNG THÔN: NGƯỜI DÂN PHẤN KHỞI 08:45 20/10/2023", LEAD, BODY))
    assert (doc.title, doc.date) == ("Hàng Việt về nông thôn: người dân phấn khởi", datetime.date(2023, 10, 20))


def test_the_province_a_headline_names_is_the_pages_region():
    lead = "Những năm qua, tỉnh đã hỗ trợ doanh nghiệp đưa sản phẩm vào siêu thị."
    (doc,) = parse(page("Hà Tĩnh nâng cao chất lượng hàng hóa địa phương", "Cập nhật: 12/03/2024", lead, BODY))
    assert doc.regions == ["ha-tinh"]
    # a unit of that province named in the text is more precise than the province
    (doc,) = parse(page("Hà Tĩnh nâng cao chất lượng hàng hóa", "Cập nhật: 12/03/2024",
                        "Tại huyện Đức Thọ, các hợp tác xã đưa sản phẩm vào siêu thị.", BODY))
    assert doc.regions == ["ha-tinh-duc-tho"]


def test_a_plain_stamp_above_the_headline_dates_the_article_when_nothing_under_it_does():
    (doc,) = parse(page("Thời sự 05-08-2024", HEADLINE, LEAD, BODY))
    assert (doc.title, doc.date) == (HEADLINE, datetime.date(2024, 8, 5))
    # a weekday banner there stays the site's date
    (doc,) = parse(page("Thứ hai, 05/08/2024", HEADLINE, LEAD, BODY))
    assert (doc.title, doc.date) == (HEADLINE, None)


def test_a_news_pages_introduction_before_a_document_printed_whole_is_not_a_document():
    docs = parse(page(
        "Ban Biên tập trân trọng đăng toàn văn Chỉ thị số 21-CT/TU của Ban Thường vụ Tỉnh ủy.",
        "Ninh Thuận: Hội nghị sơ kết công tác Mặt trận",
        "TỈNH ỦY NINH THUẬN", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 21-CT/TU",
        "Phan Rang - Tháp Chàm, ngày 12 tháng 3 năm 2024", "CHỈ THỊ",
        "VỀ ĐẨY MẠNH CUỘC VẬN ĐỘNG TRONG TÌNH HÌNH MỚI",
        "Thực hiện Chỉ thị số 03-CT/TW của Ban Bí thư, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt.",
    ))
    assert [(d.kind, d.number) for d in docs] == [("chi_thi", "21-CT/TU")]
    assert any("đăng toàn văn" in w for w in docs[0].warnings)


def test_the_lead_printed_twice_with_its_prefix_only_once_is_kept_once():
    (doc,) = parse(page(HEADLINE, "Cập nhật: 12/03/2024", "(Báo Ninh Thuận)- " + LEAD, LEAD, BODY))
    assert doc.body_text.count(LEAD) == 1
