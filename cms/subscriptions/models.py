"""What readers follow, what administrators route, and what each reader was told.

A subscription is a saved query in the archive's own terms: the accepted filter
values of ``cms.content.filters`` (theme, region with what lies beneath it,
issuer, kind, ...), optional free text, and optionally a page (a section:
what is published beneath it; a collection: its own saved query).
"""

import hashlib
import json

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from wagtail.admin.panels import FieldPanel, PageChooserPanel

IMMEDIATE, DAILY = "ngay", "hang_ngay"
FREQUENCIES = [(IMMEDIATE, "Gửi thư ngay"), (DAILY, "Thư tổng hợp hằng ngày")]


def subscription_key(page_id, filters, text):
    """One key per distinct query, so following the same thing twice keeps one row."""
    canonical = json.dumps({"page": page_id, "filters": filters, "text": text.strip().lower()}, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Subscription(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Trang", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    filters = models.JSONField("Bộ lọc", default=dict, blank=True)
    text = models.CharField("Từ khoá", max_length=200, blank=True)
    label = models.CharField("Nội dung theo dõi", max_length=400)
    frequency = models.CharField("Cách nhận thư", max_length=10, choices=FREQUENCIES, default=IMMEDIATE)
    key = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField("Ngày theo dõi", auto_now_add=True)

    class Meta:
        verbose_name = "Mục theo dõi"
        verbose_name_plural = "Mục theo dõi"
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_subscription_per_query")]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        self.key = subscription_key(self.page_id, self.filters, self.text)
        super().save(*args, **kwargs)


class NotificationRule(models.Model):
    """A content rule: on publish under ``section``, notify ``group``."""

    name = models.CharField("Tên quy tắc", max_length=200)
    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Khi đăng dưới chuyên mục",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Áp dụng cho trang được đăng tại chuyên mục này và mọi trang con của nó.",
    )
    group = models.ForeignKey(Group, verbose_name="Thông báo cho nhóm", on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField("Cách gửi thư", max_length=10, choices=FREQUENCIES, default=IMMEDIATE)
    active = models.BooleanField("Đang áp dụng", default=True)

    panels = [
        FieldPanel("name"),
        PageChooserPanel("section"),
        FieldPanel("group"),
        FieldPanel("frequency"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = "Quy tắc thông báo"
        verbose_name_plural = "Quy tắc thông báo"
        ordering = ["name"]

    def __str__(self):
        return self.name


class RuleOptOut(models.Model):
    """A member of a rule's group who unsubscribed from its mail and notifications."""

    rule = models.ForeignKey(NotificationRule, on_delete=models.CASCADE, related_name="opt_outs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["rule", "user"], name="one_opt_out_per_rule")]


class Announcement(models.Model):
    """A page whose publication was announced: each page is announced once, when it is first visible."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    announced_at = models.DateTimeField(auto_now_add=True)


class Notification(models.Model):
    """One reader told of one page (in the site at once; by mail at once or in the daily digest)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField("Lý do", max_length=600)
    subscription = models.ForeignKey(Subscription, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    rule = models.ForeignKey(NotificationRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    digest = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "Thông báo"
        verbose_name_plural = "Thông báo"
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="one_notification_per_page")]
