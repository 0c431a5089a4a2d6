"""The reader's side: the "Theo dõi" button on filtered listings, the search page
and collections; the bell; the notification list; unsubscribing from a mail's
link without logging in; the admin's content rules. Bad input gets Vietnamese."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.subscriptions import tokens
from cms.subscriptions.models import Notification, NotificationRule, RuleOptOut, Subscription
from cms.subscriptions.notify import readers_of
from home.models import SectionPage

pytestmark = pytest.mark.django_db


def section():
    return SectionPage.objects.get(slug="tai-lieu-tuyen-truyen", depth=3)


def test_a_filtered_listing_offers_to_follow_it(client, login):
    user = login("canbo")
    html = client.get(section().url + "?theme=tet&region=ha-tinh").content.decode()
    assert "Theo dõi" in html and 'name="theme" value="tet"' in html and 'name="region" value="ha-tinh"' in html
    response = client.post(
        "/theo-doi/them/",
        {"page": section().pk, "theme": "tet", "region": "ha-tinh", "frequency": "hang_ngay", "next": section().url + "?theme=tet"},
    )
    assert response.status_code == 302 and response["Location"] == section().url + "?theme=tet"
    subscription = Subscription.objects.get(user=user)
    assert subscription.filters == {"theme": "tet", "region": "ha-tinh"} and subscription.page_id == section().pk
    assert subscription.frequency == "hang_ngay"
    assert "Chủ đề" in subscription.label and "Địa bàn" in subscription.label
    # Following again keeps one row; the page now says so.
    client.post("/theo-doi/them/", {"page": section().pk, "theme": "tet", "region": "ha-tinh"})
    assert Subscription.objects.filter(user=user).count() == 1
    assert "Đang theo dõi" in client.get(section().url + "?theme=tet&region=ha-tinh").content.decode()


def test_the_search_page_offers_to_follow_a_search(client, login):
    user = login("canbo")
    html = client.get("/tim-kiem/?q=OCOP&theme=tet").content.decode()
    assert 'action="/theo-doi/them/"' in html and 'name="q" value="OCOP"' in html
    client.post("/theo-doi/them/", {"q": "OCOP", "theme": "tet", "next": "/tim-kiem/?q=OCOP"})
    subscription = Subscription.objects.get(user=user)
    assert subscription.text == "OCOP" and subscription.page_id is None
    assert "/theo-doi/them/" not in client.get("/tim-kiem/").content.decode()  # nothing to follow yet


@pytest.mark.parametrize(
    "data",
    [{}, {"theme": "khong-co-chu-de"}, {"page": "abc"}, {"page": "999999999"}, {"region": "x" * 5000}, {"next": "https://evil.example/"}],
)
def test_bad_follow_requests_get_a_vietnamese_message(client, login, data):
    login("canbo")
    response = client.post("/theo-doi/them/", data, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0] == "/"  # never off-site
    html = response.content.decode()
    assert "Chưa có gì để theo dõi" in html or "Không tìm thấy trang" in html
    assert not Subscription.objects.exists()


def test_a_collection_is_followed_as_saved(client, login, new_material, publish):
    from cms.collections.models import CollectionPage

    home = section().get_parent()
    collection = CollectionPage(title="Tài liệu dịp Tết", slug="bo-suu-tap-tet-subs", theme="tet")
    home.add_child(instance=collection)
    collection.save_revision().publish()
    user = login("canbo")
    html = client.get(collection.url + "?region=ha-noi").content.decode()
    form = re.search(r'<form method="post" action="/theo-doi/them/".*?</form>', html, re.S).group(0)
    # The collection as saved, not as the reader narrowed it.
    assert f'name="page" value="{collection.pk}"' in form and 'name="region"' not in form
    client.post("/theo-doi/them/", {"page": collection.pk})
    assert Subscription.objects.get(user=user).label == "Bộ sưu tập: Tài liệu dịp Tết"
    tet = new_material("Tài liệu Tết COLLSUBS", themes=("tet",))
    other = new_material("Tài liệu OCOP COLLSUBS2", themes=("ocop",))
    assert [r.user for r in readers_of(publish(tet))] == [user]
    assert readers_of(publish(other)) == []


def test_the_bell_and_the_notification_list(client, login, new_material, publish):
    user = login("canbo")
    Subscription.objects.create(user=user, filters={"theme": "tet"}, label="Chủ đề: Tết")
    page = publish(new_material("Tài liệu Tết BELLSUBS"))
    home = client.get("/").content.decode()
    assert re.search(r'class="bell has-unread"[^>]*aria-label="Thông báo: 1 chưa đọc"', home)
    listing = client.get("/thong-bao/").content.decode()
    assert "BELLSUBS" in listing and "Bạn theo dõi: Chủ đề: Tết" in listing
    notification = Notification.objects.get(user=user)
    response = client.get(f"/thong-bao/{notification.pk}/")
    assert response.status_code == 302 and response["Location"] == page.url
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert "không có thông báo mới" in client.get("/").content.decode()
    # Another reader's notification is not theirs to open.
    login("baochi")
    assert client.get(f"/thong-bao/{notification.pk}/").status_code == 404
    assert client.get("/thong-bao/?page=abc").status_code == 200


def test_unsubscribing_from_a_mail_link_needs_no_login(client, reader):
    user = reader("huy_theo_doi")
    subscription = Subscription.objects.create(user=user, filters={"theme": "tet"}, label="Chủ đề: Tết")
    url = f"/theo-doi/huy/{tokens.for_subscription(subscription)}/"
    page = client.get(url)
    assert page.status_code == 200 and "Bỏ theo dõi “Chủ đề: Tết”?" in page.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()  # a GET (a mail scanner) changes nothing
    done = client.post(url)
    assert "Đã bỏ theo dõi" in done.content.decode() and not Subscription.objects.filter(pk=subscription.pk).exists()
    forged = client.get("/theo-doi/huy/eyJzIjoxLCJ1IjoxfQ:forged/")
    assert forged.status_code == 404 and "Đường dẫn huỷ không hợp lệ" in forged.content.decode()


def test_a_rule_is_unsubscribed_per_reader(client, reader):
    user = reader("bao_chi_huy", groups=("Báo chí",))
    rule = NotificationRule.objects.create(name="Tài liệu mới", section=section(), group=Group.objects.get(name="Báo chí"))
    client.post(f"/theo-doi/huy/{tokens.for_rule(rule, user)}/")
    assert RuleOptOut.objects.filter(rule=rule, user=user).exists()


def test_administrators_define_rules_in_the_admin(client, login):
    login("quantri")
    listing = client.get("/admin/snippets/subscriptions/notificationrule/")
    assert listing.status_code == 200 and "Quy tắc thông báo" in listing.content.decode()
    add = client.post(
        "/admin/snippets/subscriptions/notificationrule/add/",
        {"name": "Văn bản mới cho cán bộ", "section": section().pk, "group": Group.objects.get(name="Cán bộ").pk, "frequency": "ngay", "active": "on"},
    )
    assert add.status_code == 302, add.content.decode()[:2000]
    rule = NotificationRule.objects.get(name="Văn bản mới cho cán bộ")
    assert rule.section_id == section().pk
    # A reader cannot reach the rules.
    login("canbo")
    assert client.get("/admin/snippets/subscriptions/notificationrule/").status_code in (302, 403)


def test_the_subscription_list_changes_and_removes(client, login):
    user = login("canbo")
    item = Subscription.objects.create(user=user, filters={"theme": "tet"}, label="Chủ đề: Tết")
    assert "Chủ đề: Tết" in client.get("/theo-doi/").content.decode()
    client.post("/theo-doi/", {"id": item.pk, "action": "tan_suat", "frequency": "hang_ngay"})
    item.refresh_from_db()
    assert item.frequency == "hang_ngay"
    bad = client.post("/theo-doi/", {"id": "abc", "action": "xoa"}, follow=True)
    assert "Thao tác không hợp lệ" in bad.content.decode()
    client.post("/theo-doi/", {"id": item.pk, "action": "xoa"})
    assert not Subscription.objects.filter(pk=item.pk).exists()
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_a_page_restricted_since_leaves_the_list_and_the_bell(client, login, new_material, publish):
    from wagtail.models import PageViewRestriction

    user = login("canbo")
    Subscription.objects.create(user=user, filters={"theme": "tet"}, label="Chủ đề: Tết")
    page = publish(new_material("Tài liệu Tết LATERHIDDEN"))
    assert "LATERHIDDEN" in client.get("/thong-bao/").content.decode()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Biên tập")])
    assert "LATERHIDDEN" not in client.get("/thong-bao/").content.decode()
    assert "không có thông báo mới" in client.get("/").content.decode()
    assert client.get(f"/thong-bao/{Notification.objects.get(user=user).pk}/").status_code == 404
