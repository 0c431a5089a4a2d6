"""Link integrity: deleting, unpublishing or moving a document that others cite
warns first with the citing pages, then lets the editor go on; citations are in
Wagtail's reference index (its usage view shows them); a citation to a deleted
page reads "(chưa có trong kho)"."""

import pytest
from wagtail.models import Page, ReferenceIndex

from cms.directives.models import DocumentCitation, OfficialDocumentPage
from home.models import SectionPage

pytestmark = pytest.mark.django_db

CITED = "351-CV/TU"  # the demo's Bắc Ninh letter 1557/UBND-KTN implements it


@pytest.fixture
def cited():
    return OfficialDocumentPage.objects.get(number=CITED)


@pytest.fixture
def citing(cited):
    return DocumentCitation.objects.get(target=cited).page


def referencing_ids(page):
    return {ref.object_id for ref in ReferenceIndex.get_references_to(page)}


def test_citations_are_in_the_reference_index(client, login, cited, citing):
    assert str(citing.pk) in referencing_ids(cited)
    login("quantri")
    usage = client.get(f"/admin/pages/{cited.pk}/usage/").content.decode()
    assert citing.title in usage


def test_a_citation_resolved_when_its_document_arrives_is_indexed(cited):
    section = cited.get_parent()
    waiting = OfficialDocumentPage(title="Kế hoạch thực hiện 77-CT/TW LINKMARK", slug="ke-hoach-77-linkmark", kind="ke_hoach")
    section.add_child(instance=waiting)
    DocumentCitation.objects.create(page=waiting, cited_number="77-CT/TW")
    arriving = OfficialDocumentPage(title="Chỉ thị 77-CT/TW LINKMARK", slug="chi-thi-77-linkmark", kind="chi_thi", number="77-CT/TW")
    section.add_child(instance=arriving)
    assert DocumentCitation.objects.get(page=waiting).target_id == arriving.pk
    assert str(waiting.pk) in referencing_ids(arriving)


def test_deleting_a_cited_page_shows_the_citing_pages_first(client, login, cited, citing):
    login("quantri")
    url = f"/admin/pages/{cited.pk}/delete/"
    warning = client.get(url)
    html = warning.content.decode()
    assert warning.status_code == 200 and "đang dẫn chiếu hoặc liên kết tới trang này" in html
    assert citing.title in html and f"/admin/pages/{citing.pk}/edit/" in html
    assert "Vẫn xoá" in html and "lien_ket=da_xem" in html
    # Going on shows Wagtail's own confirmation, which deletes.
    confirm = client.get(url + "?lien_ket=da_xem")
    assert "đang dẫn chiếu" not in confirm.content.decode() and confirm.status_code == 200
    assert client.post(url).status_code == 302
    assert not Page.objects.filter(pk=cited.pk).exists()
    # The citation stays, by number, and the citing page says the document is missing.
    citation = DocumentCitation.objects.get(page=citing, cited_number=CITED)
    assert citation.target_id is None
    login("canbo")
    page = client.get(citing.url)
    assert page.status_code == 200
    assert f"{CITED} <span class=\"muted small\">(chưa có trong kho)</span>" in page.content.decode()


def test_an_uncited_page_goes_straight_to_the_confirmation(client, login, cited):
    alone = OfficialDocumentPage(title="Công văn không ai dẫn LINKMARK", slug="cong-van-khong-ai-dan", kind="cong_van")
    cited.get_parent().add_child(instance=alone)
    login("quantri")
    html = client.get(f"/admin/pages/{alone.pk}/delete/").content.decode()
    assert "đang dẫn chiếu" not in html and "form" in html


def test_unpublishing_a_cited_page_warns_then_goes_on(client, login, cited, citing):
    login("quantri")
    url = f"/admin/pages/{cited.pk}/unpublish/"
    warning = client.post(url, {"include_descendants": ""})
    html = warning.content.decode()
    assert "Ngừng đăng trang" in html and citing.title in html and 'name="lien_ket" value="da_xem"' in html
    assert OfficialDocumentPage.objects.get(pk=cited.pk).live
    client.post(url, {"lien_ket": "da_xem"})
    assert not OfficialDocumentPage.objects.get(pk=cited.pk).live


def test_moving_a_cited_page_warns_first(client, login, cited, citing):
    login("quantri")
    destination = SectionPage.objects.filter(content_kind="van_ban").exclude(pk=cited.get_parent().pk).first()
    url = f"/admin/pages/{cited.pk}/move/{destination.pk}/confirm/"
    html = client.get(url).content.decode()
    assert "Chuyển trang" in html and citing.title in html
    assert "đang dẫn chiếu" not in client.get(url + "?lien_ket=da_xem").content.decode()
