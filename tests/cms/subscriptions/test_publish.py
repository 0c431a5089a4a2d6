"""Publishing notifies exactly the readers whose subscription or rule matches and
who may see the page: in the site, and by a mail the real SMTP server receives."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.subscriptions.models import DAILY, Notification, NotificationRule, Subscription
from cms.subscriptions.notify import announce_due
from home.models import SectionPage

from .conftest import body_of

pytestmark = pytest.mark.django_db


def follow(user, label, frequency="ngay", page=None, text="", **filters):
    return Subscription.objects.create(user=user, page=page, filters=filters, text=text, label=label, frequency=frequency)


def told(page):
    return set(Notification.objects.filter(page=page).values_list("user__username", flat=True))


@pytest.fixture
def readers(reader, materials_section):
    people = {
        "tet": reader("theo_tet"),
        "hatinh": reader("theo_ha_tinh"),  # today's Hà Tĩnh includes huyện Đức Thọ beneath it
        "hanoi": reader("theo_ha_noi"),
        "ocop": reader("theo_ocop"),
        "section": reader("theo_chuyen_muc"),
        "other_section": reader("theo_chuyen_muc_khac"),
        "press": reader("phong_vien", groups=("Báo chí",)),
        "nobody": reader("khong_theo_doi"),
    }
    follow(people["tet"], "Chủ đề: Tết", theme="tet")
    follow(people["hatinh"], "Địa bàn: Hà Tĩnh", region="ha-tinh")
    follow(people["hanoi"], "Địa bàn: Hà Nội", region="ha-noi")
    follow(people["ocop"], "Từ khoá OCOP", text="ocop")
    follow(people["section"], "Chuyên mục tài liệu", page=materials_section)
    follow(people["other_section"], "Chuyên mục văn bản", page=SectionPage.objects.get(slug="van-ban-chi-dao", depth=3))
    NotificationRule.objects.create(name="Tài liệu cho báo chí", section=materials_section, group=Group.objects.get(name="Báo chí"))
    return people


def test_publishing_notifies_exactly_the_matching_readers(readers, new_material, publish, smtp_server):
    page = publish(new_material("Đức Thọ đón Tết với hàng OCOP SUBSMARK"))
    mailed_readers = {"theo_tet", "theo_ha_tinh", "theo_ocop", "theo_chuyen_muc", "phong_vien"}
    # The demo's baochi is in Báo chí too: told in the site, not mailed (no address).
    assert told(page) == mailed_readers | {"baochi"}
    mailed = {u + "@example.vn" for u in mailed_readers}
    assert set(smtp_server.recipients) == mailed
    for message in smtp_server.messages:
        assert "SUBSMARK" in message["Subject"]
        text = body_of(message)
        assert page.url in text and "Huỷ nhận thông báo này" in text
        assert re.search(r"/theo-doi/huy/[^/\s]+/", text)
        assert message["List-Unsubscribe"].strip().startswith("<http")
    assert "Tết" in body_of(smtp_server.to("theo_tet@example.vn")[0])


def test_an_edit_republished_is_not_news(readers, new_material, publish, smtp_server):
    page = publish(new_material("Tài liệu Tết SUBSMARK2"))
    count = len(smtp_server.messages)
    page.title = "Tài liệu Tết SUBSMARK2 (sửa)"
    page.save_revision()
    publish(page)
    assert len(smtp_server.messages) == count and Notification.objects.filter(page=page).count() == len(told(page))


def test_nothing_for_a_page_the_reader_may_not_see(reader, new_material, publish, smtp_server, materials_section):
    reader_ = reader("can_bo_tet")
    editor = reader("bien_tap_tet", groups=("Biên tập",))
    follow(reader_, "Chủ đề: Tết", theme="tet")
    follow(editor, "Chủ đề: Tết", theme="tet")
    page = new_material("Tài liệu nội bộ Tết HIDDENSUBS")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Biên tập")])
    publish(page)
    assert told(page) == {"bien_tap_tet"}
    assert smtp_server.recipients == ["bien_tap_tet@example.vn"]


def test_an_embargoed_page_notifies_on_its_go_live_date_not_before(reader, new_material, django_capture_on_commit_callbacks, smtp_server):
    follow(reader("cho_tet"), "Chủ đề: Tết", theme="tet")
    page = new_material("Tài liệu Tết hẹn giờ EMBARGOSUBS")
    page.go_live_at = timezone.now() + timedelta(days=1)
    revision = page.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()  # scheduled: Wagtail keeps it unpublished until the date
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and told(page) == set() and smtp_server.messages == []
    # The date comes: publish_scheduled publishes it and fires page_published.
    # The date comes (moved back, since the clock cannot be moved on): the page's and the revision's.
    revision.refresh_from_db()
    past = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live and told(page) == {"cho_tet"}
    assert smtp_server.recipients == ["cho_tet@example.vn"]


def test_a_live_page_with_its_date_ahead_waits_for_the_cron(reader, new_material, publish, smtp_server):
    follow(reader("cho_tet2"), "Chủ đề: Tết", theme="tet")
    page = new_material("Tài liệu Tết nhập sẵn IMPORTSUBS")
    ahead = timezone.now() + timedelta(hours=2)
    page.get_latest_revision().publish()
    type(page).objects.filter(pk=page.pk).update(go_live_at=ahead)  # as an import may leave it
    page.refresh_from_db()
    from cms.subscriptions.notify import announce

    assert announce(page) == [] and told(page) == set()
    announce_due()
    assert told(page) == set()
    # The date comes (moved, since the clock cannot be): the cron job announces it.
    type(page).objects.filter(pk=page.pk).update(go_live_at=timezone.now() - timedelta(minutes=1))
    announce_due()
    assert told(page) == {"cho_tet2"} and smtp_server.recipients == ["cho_tet2@example.vn"]


def test_daily_digest_through_the_in_memory_backend(reader, new_material, publish):
    digest_reader = reader("tong_hop")
    follow(digest_reader, "Chủ đề: Tết", frequency=DAILY, theme="tet")
    first = publish(new_material("Tài liệu Tết thứ nhất DIGESTA"))
    second = publish(new_material("Tài liệu Tết thứ hai DIGESTB"))
    assert told(first) == told(second) == {"tong_hop"}
    assert mail.outbox == []  # nothing at once
    call_command("send_digests", stdout=open("/dev/null", "w"))
    assert [m.to for m in mail.outbox] == [["tong_hop@example.vn"]]
    text = mail.outbox[0].body
    assert "DIGESTA" in text and "DIGESTB" in text and "Huỷ nhận" in text
    call_command("send_digests", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1  # each notification mailed once


def test_a_mail_server_down_never_fails_a_publish(reader, new_material, publish, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 2579  # nothing listens there
    follow(reader("may_chu_hong"), "Chủ đề: Tết", theme="tet")
    page = publish(new_material("Tài liệu Tết khi máy chủ thư hỏng DOWNSUBS"))
    assert page.live and told(page) == {"may_chu_hong"}
    notification = Notification.objects.get(page=page)
    assert notification.emailed_at is None  # left for send_digests to retry
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_digests", stdout=open("/dev/null", "w"))
    assert [m.to for m in mail.outbox] == [["may_chu_hong@example.vn"]]
