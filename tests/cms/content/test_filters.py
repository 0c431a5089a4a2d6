"""The one archive filter parser: values and problems, under each channel's names."""

import datetime as dt

import pytest
from django.http import QueryDict

from cms.content.filters import API_PARAMS, bounded_int, filter_pages, parse_filters
from cms.content.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("7", 7), ("0007", 7), ("0", None), ("11", None), ("²", None), ("-3", None), ("1.5", None), ("", None), ("9" * 5000, None)],
)
def test_bounded_int(raw, expected):
    assert bounded_int(raw, 1, 10) == expected


def test_page_names_and_api_names_read_the_same_filters():
    page, problems = parse_filters(QueryDict("content=van_ban&kind=chi_thi&theme=tet&region=ha-noi&year=2021&from=01/02/2021&to=2021-12-31"))
    api, api_problems = parse_filters(
        QueryDict("kind=van_ban&doc_kind=chi_thi&theme=tet&region=ha-noi&year=2021&date_from=01/02/2021&date_to=2021-12-31"), API_PARAMS
    )
    assert problems == api_problems == []
    assert page.values == api.values == {"content": "van_ban", "kind": "chi_thi", "theme": "tet", "region": "ha-noi", "year": "2021"}
    assert (page.date_from, page.date_to) == (api.date_from, api.date_to) == (dt.date(2021, 2, 1), dt.date(2021, 12, 31))
    assert page.region.slug == "ha-noi" and page.theme.slug == "tet"
    assert [label for _name, label in page.chips()][:2] == ["Văn bản chỉ đạo", "Chỉ thị"]


def test_problems_leave_the_value_out_and_say_why():
    filters, problems = parse_filters(QueryDict("kind=sac-lenh&theme=khong-co&year=²&level=x&from=32/13/2020"))
    assert filters.values == {} and filters.date_from is None
    notices = [p.notice for p in problems]
    assert "Không có loại văn bản “sac-lenh”; đã bỏ qua bộ lọc này." in notices
    assert "Không tìm thấy chủ đề “khong-co”; đã bỏ qua bộ lọc này." in notices
    assert "Năm “²” không hợp lệ; đã bỏ qua bộ lọc này." in notices
    assert any(p.param == "level" and "Dùng một trong: trung_uong" in p.error for p in problems)
    assert any(p.param == "from" for p in problems)


@pytest.mark.parametrize(
    "params, notice",
    [
        ("kind=xyz", "Không có loại văn bản “xyz”; đã bỏ qua bộ lọc này."),
        ("content=xyz", "Không có loại nội dung “xyz”; đã bỏ qua bộ lọc này."),
        ("theme=khong-co", "Không tìm thấy chủ đề “khong-co”; đã bỏ qua bộ lọc này."),
        ("region=atlantis", "Không tìm thấy địa bàn “atlantis”; đã bỏ qua bộ lọc này."),
        ("issuer=Bộ Không Tồn Tại", "Không tìm thấy cơ quan ban hành “Bộ Không Tồn Tại”; đã bỏ qua bộ lọc này."),
        ("level=x", "Không có cấp ban hành “x”; đã bỏ qua bộ lọc này."),
        ("validity=x", "Không có tình trạng hiệu lực “x”; đã bỏ qua bộ lọc này."),
        ("year=abc", "Năm “abc” không hợp lệ; đã bỏ qua bộ lọc này."),
        ("year=99999", "Năm “99999” không hợp lệ; đã bỏ qua bộ lọc này."),
        ("year=-2022", "Năm “-2022” không hợp lệ; đã bỏ qua bộ lọc này."),
        ("from=32/13/2020", "Từ ngày “32/13/2020” không đúng dạng ngày/tháng/năm (ví dụ 05/09/2024); đã bỏ qua."),
    ],
)
def test_each_problem_is_a_vietnamese_notice(params, notice):
    filters, problems = parse_filters(QueryDict(params))
    assert [p.notice for p in problems] == [notice]
    assert filters.values == {} and filters.date_from is None


def test_dates_the_wrong_way_round_are_swapped_with_a_problem():
    filters, problems = parse_filters(QueryDict("date_from=2024-02-01&date_to=2024-01-01"), API_PARAMS)
    assert (filters.date_from, filters.date_to) == (dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    assert [p.notice for p in problems] == ["Ngày bắt đầu sau ngày kết thúc; đã đổi chỗ hai ngày."]


def test_a_region_includes_what_lies_beneath_it():
    # Today's Bắc Ninh holds the old Bắc Giang: its documents are Bắc Ninh's too.
    filters, _ = parse_filters(QueryDict("region=bac-ninh"))
    old, _ = parse_filters(QueryDict("region=bac-giang"))
    pages = ContentPage.objects.live()
    under_old = set(filter_pages(pages, old).values_list("pk", flat=True))
    assert under_old and under_old <= set(filter_pages(pages, filters).values_list("pk", flat=True))
