"""Section listings: filters, pagination and every kind of bad input."""

import pytest

from home.models import SectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(login):
    return login("canbo")


def listing(client, slug="van-ban-chi-dao", **params):
    section = SectionPage.objects.get(slug=slug, depth=3)
    response = client.get(section.url, params)
    assert response.status_code == 200
    return response


def numbers(response):
    return sorted(item.number for item in response.context["items"])


def test_section_lists_its_documents(client, reader):
    assert numbers(listing(client)) == sorted(["06/CV-BCĐ", "1557/UBND-KTN", "14-TT/QU", "351-CV/TU", "610-CV/TU"])


def test_filter_by_kind(client, reader):
    assert numbers(listing(client, kind="thong_tri")) == ["14-TT/QU"]


def test_filter_by_theme(client, reader):
    response = listing(client, theme="ocop")
    assert response.context["filters"].theme.slug == "ocop"
    for item in response.context["items"]:
        assert "ocop" in {t.slug for t in item.themes.all()}
    assert response.context["items"]


def test_filter_by_region_includes_everything_beneath_it(client, reader):
    # Today's Bắc Ninh includes the old Bắc Giang province.
    assert numbers(listing(client, region="bac-ninh")) == ["610-CV/TU"]
    # Hà Tĩnh includes its old district Đức Thọ.
    assert numbers(listing(client, region="ha-tinh")) == ["06/CV-BCĐ"]
    assert numbers(listing(client, region="ha-tinh-duc-tho")) == ["06/CV-BCĐ"]
    # The nation includes everything.
    assert len(numbers(listing(client, region="viet-nam"))) == 5


def test_filter_by_year(client, reader):
    assert numbers(listing(client, year="2022")) == ["1557/UBND-KTN", "351-CV/TU"]


def test_filters_combine_and_chips_show(client, reader):
    response = listing(client, year="2022", region="ha-noi", kind="cong_van")
    assert numbers(response) == ["1557/UBND-KTN", "351-CV/TU"]
    assert "Bỏ lọc" in response.text


def test_filter_options_only_offer_values_in_the_section(client, reader):
    options = listing(client).context["filter_options"]
    assert {value for value, _ in options["kinds"]} == {"cong_van", "thong_tri"}
    assert 2021 in options["years"] and 2024 in options["years"]
    assert "bac-giang" in {r.slug for r, _indent in options["regions"]}


@pytest.mark.parametrize(
    "params, message",
    [
        ({"theme": "khong-co"}, "Không tìm thấy chủ đề “khong-co”"),
        # every filter's problems: tests/cms/content/test_filters.py (one parser for every channel)
        ({"year": "20215"}, "Năm “20215” không hợp lệ"),
        ({"page": "abc"}, "Số trang “abc” không hợp lệ"),
        ({"page": "-1"}, "Số trang “-1” không hợp lệ"),
        ({"page": "999"}, "Trang 999 vượt quá số trang hiện có"),
    ],
)
def test_bad_input_renders_with_a_vietnamese_message(client, reader, params, message):
    response = listing(client, **params)
    assert message in response.text
    # The listing falls back to everything rather than to nothing.
    assert len(response.context["items"]) == 5


def test_pagination_splits_long_listings(client, reader, settings):
    settings.LISTING_PAGE_SIZE = 2
    first = listing(client)
    assert len(first.context["items"]) == 2
    assert first.context["page_obj"].paginator.num_pages == 3
    last = listing(client, page="3")
    assert len(last.context["items"]) == 1
    assert not set(numbers(first)) & set(numbers(last))


def test_regional_section_lists_only_its_pages(client, reader):
    section = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    response = client.get(section.url)
    assert numbers(response) == ["1557/UBND-KTN", "351-CV/TU"]


def test_document_page_shows_the_metadata_block(client, reader):
    from cms.directives.models import OfficialDocumentPage

    page = OfficialDocumentPage.objects.get(number="1557/UBND-KTN")
    text = client.get(page.url).text
    for label in ["Số hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành", "Trích yếu", "Người ký", "Nơi nhận", "Tình trạng"]:
        assert label in text
    assert "24/05/2022" in text and "Nguyễn Mạnh Quyền" in text
    assert "?theme=" in text and "?region=ha-noi" in text
    assert "351-CV/TU" in text and "Văn bản gốc" in text
