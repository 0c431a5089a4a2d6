"""What an editor's import leaves behind: drafts in the review queue, article pages of the right
type, skips on re-upload, and a rerun that goes on after a stopped import."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, WorkflowState

from cms.cases.models import ExemplaryCasePage
from cms.directives.models import OfficialDocumentPage
from cms.importer.models import ImportedFile
from cms.importer.parser import parse
from cms.importer.service import CREATED, SKIPPED, Source, import_source, save_document, save_guarded
from cms.materials.models import PropagandaMaterialPage

pytestmark = pytest.mark.django_db

LETTER = """TỈNH ỦY HÀ TĨNH

Số 77-CV/TU

V/v tổ chức phiên chợ hàng Việt dịp cuối năm

ĐẢNG CỘNG SẢN VIỆT NAM

Hà Tĩnh, ngày 2 tháng 12 năm 2024

Kính gửi: Các huyện ủy, thành ủy, thị ủy.

Thực hiện Chỉ thị số 03-CT/TW ngày 19/5/2021 của Ban Bí thư, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tổ chức phiên chợ hàng Việt.

Nơi nhận:
- Như trên,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Văn Minh
"""

NEWS = """Thứ hai, 02/12/2024
Hợp tác xã Thạch Hà: gương điển hình đưa nông sản sạch vào siêu thị
03/12/2024 09:15
(HTO) - Hợp tác xã nông nghiệp Thạch Hà được tỉnh tuyên dương vì đưa nông sản sạch vào hệ thống siêu thị, học tập cách làm nêu trong Công văn số 610-CV/TU ngày 19/8/2021 của Tỉnh ủy Bắc Giang.
Năm 2024, hợp tác xã có ba sản phẩm đạt chuẩn OCOP ba sao và tham gia nhiều phiên chợ hàng Việt về nông thôn.
Thu Hà
"""


@pytest.fixture
def editor():
    return get_user_model().objects.get(username="bientap_hatinh")


def test_an_editors_import_is_submitted_to_the_review_workflow(editor):
    [outcome] = import_source(Source("77.txt", LETTER.encode()), user=editor)
    assert outcome.status == CREATED and "gửi duyệt" in outcome.reason
    page = OfficialDocumentPage.objects.get(pk=outcome.page_id)
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor and not page.live
    # the reviewer finds it in the queue of the workflow's current task
    assert page.current_workflow_task is not None


def test_the_command_without_a_user_leaves_a_draft():
    [outcome] = import_source(Source("77.txt", LETTER.encode()))
    page = Page.objects.get(pk=outcome.page_id)
    assert outcome.status == CREATED and page.workflow_in_progress is False


def test_the_same_file_again_is_skipped_and_adds_nothing(editor):
    import_source(Source("77.txt", LETTER.encode()), user=editor)
    pages = Page.objects.count()
    [again] = import_source(Source("77-copy.txt", LETTER.encode()), user=editor)
    assert again.status == SKIPPED and again.reason == "Đã có trong kho, nội dung không đổi."
    assert Page.objects.count() == pages


def test_a_news_page_becomes_an_exemplary_case_in_its_section():
    admin = get_user_model().objects.filter(is_superuser=True).first()
    text = NEWS.replace("Năm 2024,", "Năm 2024, tại huyện Thạch Hà,")
    [outcome] = import_source(Source("tin.txt", text.encode()), user=admin)
    assert outcome.status == CREATED, outcome.reason
    page = ExemplaryCasePage.objects.get(pk=outcome.page_id)
    assert page.title == "Hợp tác xã Thạch Hà: gương điển hình đưa nông sản sạch vào siêu thị"
    assert page.subject_kind == "hop_tac_xa" and page.issued_date.isoformat() == "2024-12-03"
    assert "/guong-dien-hinh/" in page.url_path  # the exemplary cases' section
    assert [r.slug for r in page.regions.all()] == ["ha-tinh-thach-ha"]
    assert page.summary.startswith("Hợp tác xã nông nghiệp Thạch Hà")
    # the letter it names is archived: a related link, never the page's own number
    assert [link.target.specific.number for link in page.related_links.all()] == ["610-CV/TU"]


def test_a_news_page_without_praise_is_a_propaganda_material():
    text = NEWS.replace("gương điển hình đưa", "đưa").replace("được tỉnh tuyên dương vì đưa", "đưa")
    [outcome] = import_source(Source("tin2.txt", text.encode()))
    assert PropagandaMaterialPage.objects.get(pk=outcome.page_id).form == "bai_viet"


def test_dry_run_json_gives_title_and_page_type():
    [outcome] = import_source(Source("tin.txt", NEWS.encode()), dry_run=True)
    assert outcome.metadata["page_type"] == "exemplary_case"
    assert outcome.metadata["title"] == "Hợp tác xã Thạch Hà: gương điển hình đưa nông sản sạch vào siêu thị"
    assert outcome.metadata["provenance"]["date"]["source"]


def test_a_short_reference_is_resolved_against_the_archive():
    text = LETTER.replace("Thực hiện Chỉ thị số 03-CT/TW ngày 19/5/2021 của Ban Bí thư,", "Thực hiện Công văn 610 của Tỉnh ủy Bắc Giang,")
    [outcome] = import_source(Source("78.txt", text.replace("77-CV", "78-CV").encode()))
    page = OfficialDocumentPage.objects.get(pk=outcome.page_id)
    assert [c.cited_number for c in page.citations.all()] == ["610-CV/TU"]  # the archived letter


def test_a_stopped_import_leaves_no_half_page_and_a_rerun_goes_on():
    """The second document fails mid-save (as if the process died): nothing of it remains;
    the rerun skips the first, saved one and imports the second."""
    source = Source("two.txt", (LETTER + "\n" + LETTER.replace("77-CV", "79-CV").replace("phiên chợ", "hội chợ")).encode())
    first, second = parse(source.data.decode())
    pages = Page.objects.count()
    assert save_guarded(source, lambda files: save_document(first, source, files)).status == CREATED

    def dies(files):
        save_document(second, source, files)
        raise KeyboardInterrupt  # stopped after the page was written, before the transaction ended

    with pytest.raises(KeyboardInterrupt):
        save_guarded(source, dies)
    assert Page.objects.count() == pages + 1
    assert not OfficialDocumentPage.objects.filter(number="79-CV/TU").exists()
    assert ImportedFile.objects.filter(part=1).count() == 0
    statuses = [o.status for o in import_source(source)]
    assert statuses == [SKIPPED, CREATED]
    assert OfficialDocumentPage.objects.filter(number="79-CV/TU").exists()
