"""The page editor's region field: every unit, in tree order, indented, old units marked."""

import re

import pytest

from cms.taxonomy.models import Region
from home.models import SectionPage

pytestmark = pytest.mark.django_db


def test_the_editor_offers_the_regions_as_a_searchable_tree(client, login):
    login("bientap")
    section = SectionPage.objects.get(slug="ha-noi", content_kind="van_ban")
    text = client.get(f"/admin/pages/add/directives/officialdocumentpage/{section.pk}/").content.decode()
    assert "data-region-tree-search" in text and "js/region-tree.js" in text
    units = re.findall(r'<li class="region-tree__unit depth-(-?\d+)" data-depth="-?\d+"><label><input type="checkbox" name="regions" value="(\d+)"', text)
    assert len(units) == Region.objects.count()
    paths = [Region.objects.get(pk=int(pk)).path for _depth, pk in units]
    assert paths == sorted(paths)  # a unit right after the unit it belongs to
    duc_tho = Region.objects.get(slug="ha-tinh-duc-tho")
    assert re.search(rf'value="{duc_tho.pk}"[^>]*> {duc_tho.full_name} <span class="region-tree__old">', text)
