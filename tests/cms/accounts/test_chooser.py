"""The admin page chooser shows an editor only what their page permissions allow."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from cms.directives.models import OfficialDocumentPage
from home.models import SectionPage
from vietnamese.vocabulary import SECTION_SLUGS

pytestmark = pytest.mark.django_db


@pytest.fixture
def hatinh_pages():
    """In Hà Tĩnh's section of official documents: a draft and a page restricted to the Duyệt group."""
    section = SectionPage.objects.get(slug="ha-tinh", depth=4, url_path__contains=f"/{SECTION_SLUGS['van_ban']}/")
    draft = OfficialDocumentPage(title="Bản nháp XCHOOSERDRAFT", slug="xchooserdraft", live=False)
    section.add_child(instance=draft)
    draft.save_revision()
    restricted = OfficialDocumentPage(title="Văn bản mật XCHOOSERSECRET", slug="xchoosersecret")
    section.add_child(instance=restricted)
    restricted.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Duyệt")])
    return section


def _chooser_texts(username, section):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    texts = []
    for url in (f"/admin/choose-page/{section.pk}/", "/admin/choose-page/search/?q=XCHOOSER"):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        # The browse view answers JSON (its HTML inside, non-ASCII escaped), the search view HTML.
        texts.append(json.loads(text)["html"] if text.startswith("{") else text)
    return "\n".join(texts)


def test_an_editor_of_another_region_does_not_see_drafts_or_restricted_titles(hatinh_pages):
    text = _chooser_texts("bientap", hatinh_pages)
    assert "XCHOOSERDRAFT" not in text and "XCHOOSERSECRET" not in text
    # The section's published, open documents are still there to link to.
    open_doc = OfficialDocumentPage.objects.live().descendant_of(hatinh_pages).exclude(slug__startswith="xchooser").first()
    assert open_doc is not None and open_doc.title[:40] in text


def test_the_regions_own_editor_and_the_administrator_see_them(hatinh_pages):
    for username in ("bientap_hatinh", "quantri"):
        text = _chooser_texts(username, hatinh_pages)
        assert "XCHOOSERDRAFT" in text and "XCHOOSERSECRET" in text, username
