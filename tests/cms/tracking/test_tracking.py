"""Implementation tracking: who implemented a document, where, when, and who has not."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cms.directives.models import DocumentCitation, OfficialDocumentPage
from cms.taxonomy.models import Region
from cms.tracking.coverage import ISSUED, NOT_APPLICABLE, NOT_YET
from cms.tracking.report import report_for_number
from home.models import SectionPage

pytestmark = pytest.mark.django_db

BAC_GIANG_LETTER = "610-CV/TU"
DIRECTIVE_03 = reverse("tracking:number", args=["3-ct-tw"])


def _status(report, slug):
    return next(p for p in report.coverage.provinces if p.region.slug == slug)


@pytest.fixture
def reader(client, login):
    login("canbo")
    return client


def _report(rf, user, key):
    request = rf.get("/")
    request.user = user
    return report_for_number(request, key)


def add_document(number, title, region_slug, cites, level="huyen", relation="thuc_hien", publish=True):
    region = Region.objects.get(slug=region_slug)
    section = SectionPage.for_content("van_ban", [region])
    page = OfficialDocumentPage(title=title, number=number, level=level, kind="cong_van", live=publish)
    section.add_child(instance=page)
    page.regions.set([region])
    page.citations = [DocumentCitation(cited_number=cites, relation=relation)]
    page.save()  # a draft's citations are in the database too: only ``live`` keeps it out
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def test_03_ct_tw_lists_the_implementing_documents_by_todays_province(reader):
    response = reader.get(DIRECTIVE_03)
    assert response.status_code == 200
    text = response.text
    assert "Theo dõi thực hiện" in text and "03-CT/TW" in text
    # The Bắc Giang letter is under today's Bắc Ninh, in the unit of the old Bắc Giang.
    group = text.split('id="dia-ban-bac-ninh"')[1].split('class="province-group"')[0]
    assert "Tỉnh Bắc Ninh" in group and '<h4 class="unit-label">Bắc Giang</h4>' in group
    assert BAC_GIANG_LETTER in group
    for slug in ("lang-son", "ha-noi", "ho-chi-minh"):
        assert f'id="dia-ban-{slug}"' in text
    # The tile map marks those provinces, in words as well as colour.
    assert 'class="tile tile-da_ban_hanh" aria-label="Tỉnh Bắc Ninh: đã ban hành, văn bản đầu tiên ngày 19/08/2021"' in text
    assert 'class="tile tile-chua_ban_hanh" aria-label="Tỉnh Hà Tĩnh: chưa ban hành"' in text


def test_coverage_of_a_central_directive(rf, django_user_model):
    report = _report(rf, django_user_model.objects.get(username="canbo"), "3-ct-tw")
    issued = {p.region.slug for p in report.coverage.provinces if p.status == ISSUED}
    assert issued == {"bac-ninh", "lang-son", "ha-noi", "ho-chi-minh"}
    assert report.coverage.count(NOT_APPLICABLE) == 0  # central: all 34 apply
    assert report.coverage.count(NOT_YET) == 30
    assert _status(report, "bac-ninh").first_date.isoformat() == "2021-08-19"
    # Issued before the 2025 merge: the provinces of that time beneath today's are expected too.
    missing = {unit.slug for unit, _province in report.coverage.missing}
    assert "bac-ninh-truoc-2025" in missing and "bac-giang" not in missing
    assert "ha-tinh" in missing and "ha-noi" not in missing


def test_an_unpublished_implementing_document_neither_appears_nor_counts(reader):
    letter = OfficialDocumentPage.objects.get(number=BAC_GIANG_LETTER)
    letter.unpublish()
    text = reader.get(DIRECTIVE_03).text
    assert BAC_GIANG_LETTER not in text and 'id="dia-ban-bac-ninh"' not in text
    assert 'aria-label="Tỉnh Bắc Ninh: chưa ban hành"' in text


def test_the_tree_goes_down_every_level(rf, django_user_model):
    district = Region.objects.filter(path__startswith=Region.objects.get(slug="bac-giang").path, level="huyen").first()
    child = add_document("55-CV/HU", "Công văn 55-CV/HU thực hiện Công văn 610-CV/TU", district.slug, BAC_GIANG_LETTER)
    grandchild = add_document("7/CV-UBND", "Công văn 7/CV-UBND thực hiện Công văn 55-CV/HU", district.slug, "55-CV/HU")
    add_document("8-CV/HU", "Một văn bản chỉ dẫn chiếu", district.slug, BAC_GIANG_LETTER, relation="dan_chieu")
    add_document("9-CV/HU", "Bản nháp chưa đăng", district.slug, BAC_GIANG_LETTER, publish=False)
    report = _report(rf, django_user_model.objects.get(username="canbo"), "3-ct-tw")
    letter = next(root for root in report.roots if root.page.number == BAC_GIANG_LETTER)
    assert [n.page.pk for n in letter.children] == [child.pk]
    assert [(n.page.pk, n.depth) for n in letter.children[0].children] == [(grandchild.pk, 3)]
    units = {g.label: [n.page.number for n in g.nodes] for g in _status(report, "bac-ninh").units}
    assert units["Bắc Giang"] == [BAC_GIANG_LETTER]
    assert units[f"Bắc Giang › {district.name}"] == ["55-CV/HU", "7/CV-UBND"]
    assert report.total == 7  # the five seeds' documents implementing 03-CT/TW, and two beneath


def test_a_provincial_document_applies_to_its_province_only(rf, django_user_model):
    # 12-CT/TU (Hà Tĩnh) is not in the archive; Đức Thọ's letter implements it.
    report = _report(rf, django_user_model.objects.get(username="canbo"), "12-ct-tu")
    assert report.subject.scope_inferred
    assert _status(report, "ha-tinh").status == ISSUED
    assert _status(report, "ha-noi").status == NOT_APPLICABLE
    assert report.coverage.count(NOT_APPLICABLE) == 33


def test_a_province_document_in_the_archive_expects_its_districts(client, login):
    hatinh = Region.objects.get(slug="ha-tinh")
    directive = add_document("20-CT/TU", "Chỉ thị 20-CT/TU của Tỉnh ủy Hà Tĩnh", "ha-tinh", "03-CT/TW", level="tinh")
    directive.issued_date = "2022-03-01"
    directive.save_revision().publish()
    add_document("21-CV/HU", "Huyện Đức Thọ thực hiện 20-CT/TU", "ha-tinh-duc-tho", "20-CT/TU")
    login("canbo")
    response = client.get(reverse("tracking:page", args=[directive.pk]))
    text = response.text
    assert 'aria-label="Tỉnh Hà Tĩnh: đã ban hành' in text
    assert 'aria-label="Thành phố Hà Nội: không áp dụng"' in text
    missing = response.context["report"].coverage.missing
    assert missing and all(u.path.startswith(hatinh.path) and u.level == "huyen" for u, _p in missing)
    assert "ha-tinh-duc-tho" not in {u.slug for u, _p in missing}
    # The number of a document in the archive leads to its own tracking page.
    assert client.get(reverse("tracking:number", args=["20-ct-tu"])).url == reverse("tracking:page", args=[directive.pk])


def test_the_report_exports_as_xlsx(reader):
    response = reader.get(reverse("tracking:number_xlsx", args=["3-ct-tw"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Văn bản thực hiện", "Độ bao phủ", "Chưa ban hành"]
    documents = list(workbook["Văn bản thực hiện"].values)
    assert any(row[0] == "Bắc Ninh" and row[1] == "Bắc Giang" and row[3] == BAC_GIANG_LETTER for row in documents)
    coverage = {row[0]: row[1:3] for row in workbook["Độ bao phủ"].values}
    assert coverage["Bắc Ninh"] == ("Đã ban hành", "19/08/2021") and coverage["Hà Tĩnh"][0] == "Chưa ban hành"
    assert len(coverage) == 35  # the header and the 34 provinces


def test_reachable_from_the_document_page(reader):
    letter = OfficialDocumentPage.objects.get(number=BAC_GIANG_LETTER)
    text = reader.get(letter.url).text
    assert reverse("tracking:page", args=[letter.pk]) in text
    assert DIRECTIVE_03 in text  # the cited directive, not in the archive, by its number


def test_unknown_documents_get_a_vietnamese_404(reader):
    for url in (reverse("tracking:number", args=["999-xx-yy"]), reverse("tracking:page", args=[999999])):
        response = reader.get(url)
        assert response.status_code == 404


def test_a_draft_document_has_no_tracking_page(reader):
    draft = add_document("30-CT/TU", "Bản nháp", "ha-noi", "03-CT/TW", level="tinh", publish=False)
    assert reader.get(reverse("tracking:page", args=[draft.pk])).status_code == 404


def test_few_queries_whatever_the_width(rf, django_user_model, django_assert_max_num_queries):
    user = django_user_model.objects.get(username="canbo")
    with django_assert_max_num_queries(20):
        _report(rf, user, "3-ct-tw")


def test_reachable_from_search_results(reader):
    letter = OfficialDocumentPage.objects.get(number=BAC_GIANG_LETTER)
    text = reader.get("/tim-kiem/", {"q": BAC_GIANG_LETTER}).text
    assert f'href="{reverse("tracking:page", args=[letter.pk])}"' in text


def test_a_document_under_page_privacy_neither_appears_nor_counts(client, login):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    letter = OfficialDocumentPage.objects.get(number=BAC_GIANG_LETTER)
    restriction = PageViewRestriction.objects.create(page=letter.get_parent(), restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Duyệt")])
    login("canbo")
    text = client.get(DIRECTIVE_03).text
    assert BAC_GIANG_LETTER not in text and 'aria-label="Tỉnh Bắc Ninh: chưa ban hành"' in text
    login("duyet")
    assert BAC_GIANG_LETTER in client.get(DIRECTIVE_03).text
