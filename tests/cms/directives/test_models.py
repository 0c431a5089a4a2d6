"""Official documents: number keys and citation links."""

import pytest

from cms.directives.models import DocumentCitation, OfficialDocumentPage
from home.models import SectionPage

pytestmark = pytest.mark.django_db


def test_number_key_matches_any_spelling():
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    from vietnamese.numbers import normalize_doc_number

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


def test_choices_come_from_the_vocabulary():
    from cms.importer.forms import DocumentForm
    from cms.taxonomy.models import IssuingBody, Theme
    from vietnamese.vocabulary import CONTENT_KIND_LABELS, KIND_CHOICES, LEVEL_CHOICES, THEMES

    assert OfficialDocumentPage._meta.get_field("kind").choices == KIND_CHOICES
    assert DocumentCitation._meta.get_field("cited_kind").choices == KIND_CHOICES
    assert OfficialDocumentPage._meta.get_field("level").choices == LEVEL_CHOICES
    assert IssuingBody._meta.get_field("level").choices == LEVEL_CHOICES
    assert dict(SectionPage._meta.get_field("content_kind").choices) == CONTENT_KIND_LABELS
    assert [c for c in DocumentForm.base_fields["kind"].choices if c[0]] == KIND_CHOICES
    names = dict(Theme.objects.filter(curated=True).values_list("slug", "name"))
    assert names == {t.slug: t.name for t in THEMES}
