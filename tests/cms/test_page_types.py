"""Page types are offered only under sections of their own kind; every department
has a regional section of each of the four kinds."""

import pytest

from cms.cases.models import ExemplaryCasePage
from cms.directives.models import OfficialDocumentPage, PlanPage
from cms.materials.models import PropagandaMaterialPage
from home.models import SectionPage

pytestmark = pytest.mark.django_db

KIND_MODELS = {"van_ban": OfficialDocumentPage, "ke_hoach": PlanPage, "guong": ExemplaryCasePage, "tai_lieu": PropagandaMaterialPage}


def test_each_page_type_is_creatable_only_under_its_own_kind_of_section():
    for section in SectionPage.objects.filter(depth__gte=3):
        for kind, model in KIND_MODELS.items():
            assert model.can_create_at(section) == (section.content_kind == kind), (section, model)


def test_an_editor_is_not_offered_an_exemplary_case_under_hanoi_directives(client, login):
    login("bientap")
    directives = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    text = client.get(f"/admin/pages/{directives.pk}/add_subpage/").content.decode()
    assert "/add/directives/officialdocumentpage/" in text
    assert "/add/cases/exemplarycasepage/" not in text and "/add/materials/" not in text
    refused = client.get(f"/admin/pages/add/cases/exemplarycasepage/{directives.pk}/")
    assert refused.status_code in (302, 403)


def test_every_department_has_a_regional_section_of_each_kind(client, login):
    for region_slug in ("ha-noi", "bac-ninh", "lang-son", "ha-tinh", "ho-chi-minh"):
        kinds = set(SectionPage.objects.filter(slug=region_slug, depth=4).values_list("content_kind", flat=True))
        assert kinds == set(KIND_MODELS), region_slug
    login("bientap")
    cases = SectionPage.objects.get(slug="ha-noi", content_kind="guong")
    assert client.get(f"/admin/pages/add/cases/exemplarycasepage/{cases.pk}/").status_code == 200
