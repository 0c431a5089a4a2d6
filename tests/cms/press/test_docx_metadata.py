"""A downloaded .docx describes itself: author the issuer (or the site), title the page's."""

import io

import pytest
from docx import Document

from cms.directives.models import OfficialDocumentPage
from cms.materials.models import PropagandaMaterialPage

pytestmark = pytest.mark.django_db


def properties(client, page):
    return Document(io.BytesIO(client.get(f"/tai-ve/{page.pk}/van-ban.docx").content)).core_properties


def test_an_official_documents_author_is_its_issuer(client, login):
    login("canbo")
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    props = properties(client, page)
    assert props.author == str(page.issuer) and props.last_modified_by == str(page.issuer)
    assert props.title == page.title and props.language == "vi-VN"
    assert props.created.year >= 2024 and "python-docx" not in (props.author, props.last_modified_by)
    assert props.comments == f"Nguồn: http://testserver{page.url}"


def test_a_material_without_issuer_is_authored_by_the_site(client, login):
    login("baochi")
    page = PropagandaMaterialPage.objects.live().first()
    props = properties(client, page)
    assert props.author == page.get_site().site_name == "Cổng thông tin Cuộc vận động"
    assert props.title == page.title
