"""Editors build a collection in the admin: pickers for themes, regions and issuers, the
saved query checked by the filter parser, and a live preview of the results."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.collections.models import CollectionPage
from home.models import HomePage, SectionPage

pytestmark = pytest.mark.django_db

ADD = ("collections", "collectionpage")


def form(**fields):
    return nested_form_data({"title": "Bộ sưu tập thử", "slug": "bo-suu-tap-thu", "comments": inline_formset([]), **fields})


def test_collections_may_be_added_under_the_home_page_and_sections_only():
    home = HomePage.objects.get()
    section = SectionPage.objects.filter(depth=3).first()
    assert CollectionPage.can_create_at(home) and CollectionPage.can_create_at(section)
    document = section.get_descendants().filter(depth__gte=5).first().specific
    assert not CollectionPage.can_create_at(document)
    assert CollectionPage.allowed_subpage_models() == []


def test_the_add_form_offers_pickers_in_vietnamese(client, login):
    login("quantri")
    response = client.get(reverse("wagtailadmin_pages:add", args=[*ADD, HomePage.objects.get().pk]))
    assert response.status_code == 200
    text = response.text
    for label in ("Từ khoá", "Loại nội dung", "Chủ đề", "Địa bàn", "Cơ quan ban hành", "Cấp ban hành", "Năm", "Từ ngày"):
        assert label in text, label
    assert '<option value="ocop">OCOP</option>' in text
    assert 'value="bac-giang"' in text  # historical units can be chosen (what lies beneath today's)


def test_the_preview_lists_the_results_of_the_unsaved_query(client, login):
    login("quantri")
    url = reverse("wagtailadmin_pages:preview_on_add", args=[*ADD, HomePage.objects.get().pk])
    response = client.post(url, form(theme="ocop"))
    assert response.status_code == 200 and response.json()["is_valid"], response.content[:500]
    preview = client.get(url)
    assert preview.status_code == 200
    search = client.get(reverse("search"), {"theme": "ocop"})
    hits = preview.context["results"].hits
    assert hits and [h.page_id for h in hits] == [h.page_id for h in search.context["results"].hits]
    assert "Chủ đề: OCOP" in preview.text


def test_a_bad_value_is_refused_in_vietnamese(client, login):
    login("quantri")
    url = reverse("wagtailadmin_pages:add", args=[*ADD, HomePage.objects.get().pk])
    response = client.post(url, form(year="20x4", region="khong-co"))
    assert response.status_code == 200  # the form again, with its errors
    errors = response.context["form"].errors
    assert "Năm “20x4” không hợp lệ" in errors["year"][0]
    assert "khong-co" in errors["region"][0]
    assert not CollectionPage.objects.filter(slug="bo-suu-tap-thu").exists()


def test_dates_the_wrong_way_round_are_refused(client, login):
    login("quantri")
    url = reverse("wagtailadmin_pages:add", args=[*ADD, HomePage.objects.get().pk])
    response = client.post(url, form(date_from="2025-01-01", date_to="2024-01-01"))
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.context["form"].errors["date_to"][0]


def test_a_good_collection_is_saved(client, login):
    login("quantri")
    url = reverse("wagtailadmin_pages:add", args=[*ADD, HomePage.objects.get().pk])
    response = client.post(url, form(theme="ocop", region="ha-noi", year="2024"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = CollectionPage.objects.get(slug="bo-suu-tap-thu")
    assert page.saved_params() == {"theme": "ocop", "region": "ha-noi", "year": "2024"}
