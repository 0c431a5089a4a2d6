"""The Wagtail admin: every page type's edit and create forms render, in Vietnamese."""

import json

import pytest
from django.apps import apps
from wagtail.models import Page

from home.models import SectionPage
from vietnamese.vocabulary import SECTION_SLUGS

pytestmark = pytest.mark.django_db



def test_edit_form_renders_for_every_page_type(client, login):
    login("quantri")
    seen = set()
    for page in Page.objects.filter(depth__gt=1).specific():
        model = type(page).__name__
        if model in seen:
            continue
        seen.add(model)
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, model
    assert {"HomePage", "SectionPage", "OfficialDocumentPage", "PlanPage", "ExemplaryCasePage", "PropagandaMaterialPage"} <= seen


@pytest.mark.parametrize(
    "app, model",
    [
        ("directives", "officialdocumentpage"),
        ("directives", "planpage"),
        ("cases", "exemplarycasepage"),
        ("materials", "propagandamaterialpage"),
        ("home", "sectionpage"),
    ],
)
def test_create_form_renders_with_vietnamese_labels(client, login, app, model):
    login("quantri")
    # Each page type under a section of its own kind (cms/content can_create_at).
    kind = "van_ban" if model == "sectionpage" else apps.get_model(app, model).content_kind
    section = SectionPage.objects.get(slug=SECTION_SLUGS[kind], depth=3)
    response = client.get(f"/admin/pages/add/{app}/{model}/{section.pk}/")
    assert response.status_code == 200
    assert "Tóm tắt (sapo)" in response.text or model == "sectionpage"
    assert 'lang="vi"' in response.text


def test_regional_editor_can_create_a_draft_in_own_section(client, login):
    login("bientap")
    section = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    response = client.get(f"/admin/pages/add/directives/officialdocumentpage/{section.pk}/")
    assert response.status_code == 200
    other = SectionPage.objects.get(slug="ha-tinh", content_kind="van_ban")
    response = client.get(f"/admin/pages/add/directives/officialdocumentpage/{other.pk}/")
    assert response.status_code in (302, 403)


def test_admin_menu_is_in_vietnamese(client, login):
    login("quantri")
    text = client.get("/admin/").text
    # The sidebar menu is embedded as JSON (non-ASCII escaped).
    for label in ("Ảnh", "Tệp tài liệu", "Danh mục", "Báo cáo", "Nhập văn bản"):
        assert f'"label": {json.dumps(label)}' in text, label
    assert '"label": "Images"' not in text and '"label": "Documents"' not in text
