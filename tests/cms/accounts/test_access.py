"""Intranet access: login everywhere, groups see and do only what they may."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from cms.content.models import ContentPage
from cms.directives.models import OfficialDocumentPage
from home.models import SectionPage

pytestmark = pytest.mark.django_db


def all_page_urls():
    return [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]


def test_anonymous_users_are_sent_to_login_from_every_url(client):
    urls = all_page_urls() + ["/admin/", "/admin/pages/", "/documents/1/x.txt", "/khong-ton-tai/"]
    assert len(urls) > 15
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/dang-nhap/?next="), url


def test_original_attachments_need_login_too(client):
    document = OfficialDocumentPage.objects.get(number="610-CV/TU").attachments.first().document
    response = client.get(document.url)
    assert response.status_code == 302 and response.url.startswith("/dang-nhap/")


def test_login_page_is_public_and_in_vietnamese(client):
    response = client.get("/dang-nhap/")
    assert response.status_code == 200
    assert "Đăng nhập" in response.text and 'lang="vi"' in response.text


def test_wrong_password_gets_a_vietnamese_message(client):
    response = client.post("/dang-nhap/", {"username": "canbo", "password": "sai"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.text


def test_demo_user_logs_in_with_printed_password(client):
    from cms.demo.loader import DEMO_PASSWORD

    response = client.post("/dang-nhap/", {"username": "canbo", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("username", ["canbo", "baochi"])
def test_readers_and_press_see_pages_but_not_the_admin(client, login, username):
    login(username)
    for url in all_page_urls():
        assert client.get(url).status_code == 200, url
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    page = OfficialDocumentPage.objects.get(number="610-CV/TU")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in (302, 403)
    user = get_user_model().objects.get(username=username)
    assert not page.permissions_for_user(user).can_edit()


def test_regional_editor_edits_only_their_region():
    editor = get_user_model().objects.get(username="bientap")  # Hà Nội
    hanoi_doc = OfficialDocumentPage.objects.get(number="1557/UBND-KTN")
    bac_giang_doc = OfficialDocumentPage.objects.get(number="610-CV/TU")
    assert hanoi_doc.permissions_for_user(editor).can_edit()
    assert not hanoi_doc.permissions_for_user(editor).can_publish()
    assert not bac_giang_doc.permissions_for_user(editor).can_edit()
    hanoi_section = SectionPage.objects.get(slug="ha-noi", depth=4, content_kind="van_ban")
    assert hanoi_section.permissions_for_user(editor).can_add_subpage()
    other = SectionPage.objects.get(slug="bac-ninh", content_kind="van_ban")
    assert not other.permissions_for_user(editor).can_add_subpage()


def test_regional_editor_is_refused_by_the_admin_for_another_region(client, login):
    login("bientap")
    own = OfficialDocumentPage.objects.get(number="1557/UBND-KTN")
    foreign = OfficialDocumentPage.objects.get(number="610-CV/TU")
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{foreign.pk}/edit/")
    assert response.status_code in (302, 403)
    response = client.post(f"/admin/pages/{foreign.pk}/edit/", {"title": "Sửa trái phép"})
    assert response.status_code in (302, 403)
    foreign.refresh_from_db()
    assert foreign.title != "Sửa trái phép"


def test_reviewer_may_publish_everywhere():
    reviewer = get_user_model().objects.get(username="duyet")
    for page in ContentPage.objects.all():
        assert page.permissions_for_user(reviewer).can_publish()


def test_wagtails_default_groups_are_replaced():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Biên tập", "Duyệt", "Cán bộ", "Báo chí"} <= names
    assert not names & {"Editors", "Moderators"}


def test_editor_submission_goes_to_review_workflow():
    editor = get_user_model().objects.get(username="bientap")
    page = OfficialDocumentPage.objects.get(number="1557/UBND-KTN")
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == "Quy trình duyệt nội dung"
    task = workflow.tasks.first().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Duyệt"]
    page.title = page.title + " (sửa)"
    revision = page.save_revision(user=editor)
    state = workflow.start(page, editor)
    assert state.status == "in_progress"
    assert state.current_task_state.task.specific == task
    page.refresh_from_db()
    assert page.live and revision.pk


def test_restricted_page_is_hidden_from_listing_for_users_outside_the_group(client, login):
    page = OfficialDocumentPage.objects.get(number="14-TT/QU")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Duyệt")])
    section = SectionPage.objects.get(slug="van-ban-chi-dao")
    login("canbo")
    assert page.title not in client.get(section.url).text
    assert client.get(page.url).status_code in (302, 403)
    login("duyet")
    assert page.title in client.get(section.url).text
