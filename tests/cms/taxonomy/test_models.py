"""The region tree, themes and what "a unit includes what lies beneath it" means."""

import pytest

from cms.taxonomy.models import Region, Theme
from cms.taxonomy.regions import ancestor_paths
from vietnamese.vocabulary import THEME_SLUGS

pytestmark = pytest.mark.django_db


def test_region_tree_holds_old_and_new_provinces():
    current = Region.objects.filter(level="tinh", historical=False)
    assert current.count() == 34
    # A province that was not merged in 2025 is its own successor: one node.
    unchanged = [p for p in current if not p.get_children().filter(level="tinh").exists()]
    assert len(unchanged) == 11
    old_merged = Region.objects.filter(level="tinh", historical=True).count()
    assert old_merged + len(unchanged) == 63
    assert Region.objects.filter(level="huyen").count() > 690
    slugs = list(Region.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))


def test_old_units_sit_under_todays_province():
    bac_giang = Region.objects.get(slug="bac-giang")
    assert bac_giang.historical
    assert bac_giang.current_unit().slug == "bac-ninh"
    duc_tho = Region.objects.get(slug="ha-tinh-duc-tho")
    assert duc_tho.level == "huyen" and duc_tho.historical
    assert duc_tho.current_unit().slug == "ha-tinh"
    binh_thanh = Region.objects.get(slug="ho-chi-minh-binh-thanh")
    assert binh_thanh.current_unit().slug == "ho-chi-minh"
    assert Region.objects.get(slug="ho-chi-minh-truoc-2025").get_parent().slug == "ho-chi-minh"
    assert Region.objects.get(slug="bac-ninh").subtree().filter(slug="bac-giang").exists()


def test_curated_themes_are_created_by_migration():
    curated = set(Theme.objects.filter(curated=True).values_list("slug", flat=True))
    assert curated == set(THEME_SLUGS)


def test_theme_slug_keeps_vietnamese_letters_readable():
    theme = Theme.objects.create(name="Đưa hàng Việt về nông thôn")
    assert theme.slug == "dua-hang-viet-ve-nong-thon"


def test_beneath_and_with_ancestors_are_one_rule():
    bac_ninh = Region.objects.get(slug="bac-ninh")
    district = Region.objects.filter(path__startswith=Region.objects.get(slug="bac-giang").path, level="huyen").first()
    assert Region.objects.filter(bac_ninh.beneath()).filter(pk=district.pk).exists()
    above = list(Region.with_ancestors([district.path]).values_list("slug", flat=True))
    assert above == ["bac-ninh", "bac-giang", district.slug]  # today's province, the old one, the district
    assert ancestor_paths(district.path) == [district.path[:end] for end in range(4, len(district.path) + 1, 4)]
