"""The Ban Chỉ đạo's dashboard on the home page: for editors and reviewers only."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from wagtail.models import Workflow

from cms.directives.models import OfficialDocumentPage
from cms.tracking.dashboard import dashboard

pytestmark = pytest.mark.django_db

HEADING = "Bảng theo dõi của Ban Chỉ đạo"


def _request(username):
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username=username)
    return request


@pytest.mark.parametrize("username, shown", [("bientap", True), ("duyet", True), ("canbo", False), ("baochi", False)])
def test_only_editors_and_reviewers_see_it(client, login, username, shown):
    login(username)
    assert (HEADING in client.get("/").text) is shown


def test_published_this_week_and_by_month():
    data = dashboard(_request("duyet"))
    # The demo was just loaded: every page was published this week, this month.
    total = data["week"]["total"]
    assert total >= 10 and len(data["week"]["pages"]) == 8
    assert data["activity"]["months"][-1]["total"] == total
    provinces = {row["region"].slug: row["total"] for row in data["activity"]["provinces"]}
    assert provinces["ha-noi"] >= 2 and provinces["bac-ninh"] >= 1


def test_an_unpublished_page_is_not_counted():
    before = dashboard(_request("duyet"))["week"]["total"]
    OfficialDocumentPage.objects.get(number="610-CV/TU").unpublish()
    assert dashboard(_request("duyet"))["week"]["total"] == before - 1


def test_what_awaits_review_is_what_the_user_may_act_on(client, login):
    editor = get_user_model().objects.get(username="bientap")
    page = OfficialDocumentPage.objects.get(number="351-CV/TU")
    page.title = "Công văn 351-CV/TU (sửa)"
    page.save_revision(user=editor)
    (page.get_workflow() or Workflow.objects.get()).start(page, editor)
    reviewer = dashboard(_request("duyet"))["review"]
    assert reviewer["total"] == 1 and reviewer["states"][0].revision.content_object.pk == page.pk
    assert dashboard(_request("bientap"))["review"]["total"] == 0  # editors submit, they do not approve
    login("duyet")
    assert "Công văn 351-CV/TU (sửa)" in client.get("/").text


def test_a_few_queries_whatever_awaits_review(django_assert_max_num_queries):
    editor = get_user_model().objects.get(username="bientap")
    for page in OfficialDocumentPage.objects.all()[:3]:
        page.save_revision(user=editor)
        Workflow.objects.get().start(page, editor)
    request = _request("duyet")
    request.user.has_perm("wagtailadmin.access_admin")  # the permission cache, as in a request
    with django_assert_max_num_queries(12):
        data = dashboard(request)
    assert data["review"]["total"] == 3
