"""Each header layout of the notes (../shared/notes/real-world-layouts.md §1), with invented
issuers, numbers, places and dates: the parser must read them all the same way."""

import datetime

import pytest

from cms.importer.parser import parse

BODY = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Xét đề nghị của Giám đốc Sở Công Thương tại Tờ trình số 45/TTr-SCT ngày 02 tháng 3 năm 2022,\n"
)

H1_PIPE_ROWS = (
    "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
    "Số: 31 /2022/QĐ-UBND | Quảng Ngãi, ngày 14 tháng 3 năm 2022 |\n"
    "QUYẾT ĐỊNH\n"
    "VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP TỔ CHỨC HỘI CHỢ HÀNG VIỆT NAM\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n" + BODY + "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp tổ chức hội chợ.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n"
    "Nơi nhận: | CHỦ TỊCH |\n"
)
H1B_ONE_LINE = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI --------------- Số: 31/2022/QĐ-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
    "Độc lập - Tự do - Hạnh phúc ------------------------- Quảng Ngãi, ngày 14 tháng 3 năm 2022 |\n"
    "QUYẾT ĐỊNH\n"
    "VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP TỔ CHỨC\nHỘI CHỢ HÀNG VIỆT NAM\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n" + BODY
)
H2_WRAPPED_CELLS = (
    "ỦY BAN\nNHÂN DÂN TỈNH QUẢNG NGÃI\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\n|\nSố:\n31/2022/QĐ-UBND\n|\nQuảng\nNgãi, ngày 14 tháng 3 năm 2022\n|\n"
    "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP TỔ CHỨC HỘI\nCHỢ HÀNG VIỆT NAM\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nCăn cứ Luật Tổ\nchức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Xét đề nghị của Giám đốc Sở Công Thương tại Tờ trình số\n45/TTr-SCT ngày 02 tháng 3 năm 2022,\n"
)
H3_STACKED = (
    "Hệ thống pháp luật\n\nĐang tải nội dung, vui lòng chờ giây lát...\n\n"
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n-------\n\u00a0\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập – Tự do – Hạnh phúc\n---------------\n\nSố: 31/2022/QĐ-UBND\n\n"
    "Quảng Ngãi, ngày 14 tháng 3 năm 2022\n\n\u00a0\n\nQUYẾT ĐỊNH\n\n"
    "VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP TỔ CHỨC HỘI CHỢ HÀNG VIỆT NAM\n\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n" + BODY
)
H4_NUMBER_BEFORE_MOTTO = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n-------\nSố: 31/2022/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\nQuảng Ngãi, ngày 14 tháng 3 năm 2022\n\u00a0\n"
    "QUYẾT ĐỊNH\n----------\nVỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP TỔ CHỨC HỘI CHỢ HÀNG VIỆT NAM\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n" + BODY
)
SAME = {
    "kind": "quyet_dinh", "number": "31/2022/QĐ-UBND", "issuer": "Ủy ban nhân dân tỉnh Quảng Ngãi",
    "level": "tinh", "place": "Quảng Ngãi", "date": datetime.date(2022, 3, 14),
    "subject": "Về việc ban hành quy chế phối hợp tổ chức hội chợ hàng Việt Nam",
}


@pytest.mark.parametrize(
    "text", [H1_PIPE_ROWS, H1B_ONE_LINE, H2_WRAPPED_CELLS, H3_STACKED, H4_NUMBER_BEFORE_MOTTO],
    ids=["H1-pipe-rows", "H1b-one-line", "H2-wrapped-cells", "H3-stacked", "H4-number-first"],
)
def test_each_header_layout_gives_the_same_metadata(text):
    doc = parse(text, "x.txt")[0]
    got = {name: getattr(doc, name) for name in SAME}
    assert got == SAME
    assert doc.title == "Quyết định 31/2022/QĐ-UBND về việc ban hành quy chế phối hợp tổ chức hội chợ hàng Việt Nam"
    assert doc.page_type == "official_document"
    assert "45/TTr-SCT" in [c["number"] for c in doc.cited]


def test_h1_issuer_completed_from_the_authority_line():
    """The pipe header lost the issuer's second line; the authority line under the title has it."""
    doc = parse(H1_PIPE_ROWS)[0]
    assert doc.provenance["issuer"]["source"] == "dòng thẩm quyền dưới tên văn bản"
    assert doc.signer_title == "CHỦ TỊCH" and doc.signer is None


def test_one_line_party_header_does_not_glue_the_motto_to_the_issuer():
    text = ("THÀNH ỦY HẢI PHÒNG      ĐẢNG CỘNG SẢN VIỆT NAM\nSố 215-CV/TU      Hải Phòng, ngày 9 tháng 5 năm 2023\n"
            "V/v đẩy mạnh tiêu dùng hàng Việt trong dịp hè\n\nKính gửi: Các quận ủy, huyện ủy\n\n"
            "Ban Thường vụ Thành ủy đề nghị các cấp ủy quan tâm chỉ đạo việc thực hiện Cuộc vận động.")
    doc = parse(text)[0]
    assert (doc.issuer, doc.number, doc.date, doc.place) == (
        "Thành ủy Hải Phòng", "215-CV/TU", datetime.date(2023, 5, 9), "Hải Phòng")
    assert doc.subject == "Đẩy mạnh tiêu dùng hàng Việt trong dịp hè"
    assert doc.kind == "cong_van" and doc.level == "tinh"


def test_h5_party_header_in_column_order_with_quy_dinh_trap():
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n\n*\n\nSố 41-QĐ/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
            "Hà Nội, ngày 03 tháng 04 năm 2019\n\nQUY ĐỊNH\n\nVỀ CÔNG TÁC PHỐI HỢP TRONG CUỘC VẬN ĐỘNG\n\n"
            "- Căn cứ Điều lệ Đảng và Quy định số 12-QĐ/TW, ngày 5/3/2018;")
    doc = parse(text)[0]
    assert (doc.kind, doc.number, doc.level, doc.date) == ("quy_dinh", "41-QĐ/TW", "trung_uong", datetime.date(2019, 4, 3))
    assert doc.issuer == "Ban Chấp hành Trung ương Đảng" or doc.issuer.lower() == "ban chấp hành trung ương"
    assert [c["number"] for c in doc.cited] == ["12-QĐ/TW"]
    assert doc.title.startswith("Quy định 41-QĐ/TW về công tác phối hợp")


def test_h6_number_first_database_record():
    text = ("1180/BCT-TTTN\n\nKT.BT, TT Lương Văn Khải Theo BỘ CÔNG THƯƠNG -\n\n"
            "Công văn Về việc tổ chức tuần lễ hàng Việt tại các chợ truyền thống.\n\n"
            "Kính gửi: Sở Công Thương các tỉnh, thành phố\n\nThực hiện Kế hoạch số 07/KH-BCT ngày 10/01/2021 của Bộ Công Thương, "
            "Bộ đề nghị các Sở tổ chức tuần lễ hàng Việt và báo cáo kết quả.")
    (doc,) = parse(text)
    assert (doc.number, doc.issuer, doc.kind, doc.level, doc.signer) == (
        "1180/BCT-TTTN", "Bộ Công Thương", "cong_van", "trung_uong", "Lương Văn Khải")
    assert doc.subject == "Tổ chức tuần lễ hàng Việt tại các chợ truyền thống"
    assert doc.date is None and doc.place is None
    assert [c["number"] for c in doc.cited] == ["07/KH-BCT"]


def test_h7_no_header_kind_and_subject_on_one_line():
    text = ("KẾ HOẠCH Tuyên truyền hưởng ứng Tháng khuyến mại hàng Việt năm 2024\n"
            "Căn cứ Kế hoạch số 19-KH/TU ngày 02/01/2024 của Ban Thường vụ Tỉnh ủy;\n"
            "Căn cứ Kế hoạch số 19-KH/TU ngày 02/01/2024 của Ban Thường vụ Tỉnh ủy;\n"
            "Ban Tuyên giáo Huyện ủy lập kế hoạch tuyên truyền như sau:\n\u00a0I. MỤC ĐÍCH YÊU CẦU\n"
            "1. Nâng cao nhận thức của cán bộ, đảng viên.")
    (doc,) = parse(text)
    assert (doc.kind, doc.number, doc.date, doc.signer) == ("ke_hoach", None, None, None)
    assert doc.subject == "Tuyên truyền hưởng ứng Tháng khuyến mại hàng Việt năm 2024"
    assert doc.page_type == "plan"
    assert doc.title == "Kế hoạch tuyên truyền hưởng ứng Tháng khuyến mại hàng Việt năm 2024"
    assert [c["number"] for c in doc.cited] == ["19-KH/TU"]


def test_decision_and_its_attachment_split_at_ban_hanh_kem_theo():
    text = H1_PIPE_ROWS + (
        "QUY CHẾ\nPHỐI HỢP TỔ CHỨC HỘI CHỢ HÀNG VIỆT NAM\n"
        "(Ban hành kèm theo Quyết định số: 31 /2022/QĐ-UBND ngày 14 tháng 3 năm 2022 của Chủ tịch UBND tỉnh)\n"
        "Chương I. QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh của Quy chế này là việc phối hợp tổ chức hội ch"
    )
    decision, attached = parse(text)
    assert decision.number == "31/2022/QĐ-UBND" and "QUY CHẾ" not in decision.body_text
    assert (attached.number, attached.date, attached.issuer, attached.place) == (
        None, decision.date, decision.issuer, decision.place)
    assert attached.subject == "Phối hợp tổ chức hội chợ hàng Việt Nam"
    assert attached.page_type == "official_document" and attached.attachment
    assert [c["number"] for c in attached.cited] == ["31/2022/QĐ-UBND"]


def test_attachment_without_its_kind_line_takes_the_kind_the_decision_names():
    text = (
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: 31/2022/QĐ-UBND\nQuảng Ngãi, ngày 14 tháng 3 năm 2022\nQUYẾT ĐỊNH\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy định về khen thưởng trong Cuộc vận động.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n| TM. ỦY BAN NHÂN DÂN |\n"
        "VỀ KHEN THƯỞNG TRONG CUỘC VẬN ĐỘNG\n(Ban hành kèm theo Quyết định số 31/2022/QĐ-UBND ngày 14 tháng 3 năm 2022 của"
    )
    decision, attached = parse(text)
    assert decision.signing_capacity == "TM. ỦY BAN NHÂN DÂN"
    assert attached.kind == "quy_dinh" and attached.subject == "Về khen thưởng trong Cuộc vận động"


def test_characters_of_real_files_are_normalised():
    text = ("ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ\n\u00a0\nSố: 12\u2044KH-UBND\n\u00a0\n"
            "Ðức Thọ, ngày 5\u20443\u20442024\n\nKẾ HOẠCH\n\nTổ chức phiên chợ hàng Việt về nông thôn\n\n"
            "Thực hiện Kế hoạch số 8\u2044KH-UBND của UBND tỉnh, UBND huyện xây dựng kế hoạch tổ chức phiên chợ hàng Việt về nông th")
    doc = parse(text)[0]
    assert (doc.number, doc.place, doc.date) == ("12/KH-UBND", "Đức Thọ", datetime.date(2024, 3, 5))
    assert doc.body_text.endswith("về nông th")  # a text cut mid-word is kept as it is
    assert [c["number"] for c in doc.cited] == ["8/KH-UBND"]


def test_h4b_subject_between_issuer_and_motto_and_no_number_line():
    text = ("SỞ CÔNG THƯƠNG TỈNH LÀO CAI\n------------------------\nV/v: tổ chức chương trình đưa hàng Việt về vùng cao\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n----------------------------\n"
            "Lào Cai, ngày 4 tháng 06 năm 2024\n\nKính gửi:\n- UBND các huyện, thị xã, thành phố;\n- Các doanh nghiệp phân phối.\n\n"
            "Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2024 của UBND tỉnh, Sở Công Thương đề nghị các đơn vị phối hợp.")
    (doc,) = parse(text)
    assert (doc.kind, doc.number, doc.issuer, doc.date) == (
        "cong_van", None, "Sở Công Thương tỉnh Lào Cai", datetime.date(2024, 6, 4))
    assert doc.subject == "Tổ chức chương trình đưa hàng Việt về vùng cao"
    assert doc.title == "Công văn về tổ chức chương trình đưa hàng Việt về vùng cao"
    assert any(w.startswith("Số hiệu: ") for w in doc.warnings)
    assert doc.provenance["number"]["confidence"] == 0.0


def test_one_line_header_of_a_standing_committee_plan():
    text = ("BAN THƯỜNG VỤ TỈNH ỦY YÊN BÁI      ĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-KH/TU      Yên Bái, ngày 5 tháng 3 năm 2024\n"
            "KẾ HOẠCH\nthực hiện Chỉ thị số 03-CT/TW ngày 19/5/2021 của Ban Bí thư\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.")
    (doc,) = parse(text)
    assert (doc.issuer, doc.number, doc.place, doc.page_type) == ("Ban Thường vụ Tỉnh ủy Yên Bái", "12-KH/TU", "Yên Bái", "plan")
    assert doc.title == "Kế hoạch 12-KH/TU thực hiện Chỉ thị số 03-CT/TW của Ban Bí thư"


def test_capital_subject_in_sentence_case_keeps_abbreviations_only():
    from cms.importer.parser import normalize_case

    assert normalize_case("ỨNG DỤNG CHÍNH QUYỀN ĐIỆN TỬ TẠI UBND TỈNH HÀ TĨNH VÀ HĐND HUYỆN") == (
        "Ứng dụng chính quyền điện tử tại UBND tỉnh Hà Tĩnh và HĐND huyện")


def test_h6_record_with_the_capacity_in_words():
    text = ("1180/BCT-TTTN\nKT. Bộ trưởng, Thứ trưởng Lương Văn Khải Theo BỘ CÔNG THƯƠNG -\n"
            "Công văn Về việc tổ chức tuần lễ hàng Việt tại các chợ truyền thống.\n"
            "Kính gửi: Sở Công Thương các tỉnh, thành phố\nBộ đề nghị các Sở tổ chức tuần lễ hàng Việt.")
    (doc,) = parse(text)
    assert (doc.number, doc.issuer, doc.signer) == ("1180/BCT-TTTN", "Bộ Công Thương", "Lương Văn Khải")
    assert doc.subject == "Tổ chức tuần lễ hàng Việt tại các chợ truyền thống"


def test_h7_issuer_named_only_where_it_draws_up_the_plan():
    text = ("KẾ HOẠCH Tổ chức phiên chợ hàng Việt năm 2024\n"
            "Căn cứ Kế hoạch số 19-KH/TU ngày 02/01/2024 của Ban Thường vụ Tỉnh ủy;\n"
            "Ủy ban MTTQ Việt Nam huyện Đức Thọ lập kế hoạch tổ chức phiên chợ như sau:\n\u00a0I. MỤC ĐÍCH YÊU CẦU")
    (doc,) = parse(text)
    assert doc.issuer == "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Đức Thọ"
    assert (doc.level, doc.regions) == ("huyen", ["ha-tinh-duc-tho"])


def test_a_capital_subject_keeps_the_capitals_of_the_party_and_of_hang_viet():
    text = ("TỈNH ỦY BẮC GIANG\n*\nSố 12-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nBắc Giang, ngày 5 tháng 6 năm 2023\n"
            "CHỈ THỊ\nVỀ SỰ LÃNH ĐẠO CỦA ĐẢNG ĐỐI VỚI VIỆC ĐƯA HÀNG VIỆT VỀ NÔNG THÔN\n"
            "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt.")
    (doc,) = parse(text)
    assert doc.subject == "Về sự lãnh đạo của Đảng đối với việc đưa hàng Việt về nông thôn"
