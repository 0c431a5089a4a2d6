"""Models: the region tree, themes, document numbers and citation links."""

import pytest

from cms.directives.models import DocumentCitation, OfficialDocumentPage
from cms.taxonomy.models import Region, Theme
from cms.taxonomy.themes import CURATED_THEMES
from home.models import SectionPage

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
    assert curated == {slug for slug, _, _ in CURATED_THEMES}


def test_theme_slug_keeps_vietnamese_letters_readable():
    theme = Theme.objects.create(name="Đưa hàng Việt về nông thôn")
    assert theme.slug == "dua-hang-viet-ve-nong-thon"


def test_number_key_matches_any_spelling():
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    from search.analysis import normalize_doc_number

    assert page.number_key == normalize_doc_number("610/cv-tu") == normalize_doc_number("610 CV TU")


def test_citation_waits_for_a_document_that_arrives_later():
    citing = OfficialDocumentPage.objects.get(number="610-CV/TU")
    waiting = citing.citations.get(cited_number="03-CT/TW")
    assert waiting.target is None
    section = SectionPage.objects.get(slug="van-ban-chi-dao")
    directive = OfficialDocumentPage(
        title="Chỉ thị số 03-CT/TW của Ban Bí thư", kind="chi_thi", number="03/CT-TW", slug="03-ct-tw"
    )
    section.add_child(instance=directive)
    directive.save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.target_id == directive.pk
    assert citing in directive.cited_by
    # Every seed that cites 03-CT/TW is now linked to it.
    assert DocumentCitation.objects.filter(cited_number="03-CT/TW", target__isnull=True).count() == 0


def test_new_citation_resolves_at_once_when_the_document_exists():
    ubnd = OfficialDocumentPage.objects.get(number="1557/UBND-KTN")
    plan = OfficialDocumentPage.objects.get(number="14-TT/QU")
    citation = DocumentCitation(page=plan, cited_number="1557 / UBND - KTN")
    citation.save()
    assert citation.target_id == ubnd.pk
