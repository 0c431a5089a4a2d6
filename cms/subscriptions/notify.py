"""Announcing a published page: find who follows it, keep those who may see it,
tell each once in the site and by mail (at once, or left for the digest)."""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.content.models import ContentPage
from cms.content.visibility import is_published

from . import mail
from .audience import may_see, visible_page_ids
from .matching import rule_matches, subscription_matches
from .models import IMMEDIATE, Announcement, Notification, NotificationRule, RuleOptOut, Subscription

logger = logging.getLogger(__name__)
# Pages that became visible on their own clock (a go-live date set by an import)
# are looked for this far back by send_digests.
CATCH_UP = dt.timedelta(days=7)


@dataclass
class _Reader:
    user: object
    reasons: list[str] = field(default_factory=list)
    subscription: Subscription | None = None
    rule: NotificationRule | None = None
    immediate: bool = False

    def add(self, reason, frequency, subscription=None, rule=None):
        self.reasons.append(reason)
        self.subscription = self.subscription or subscription
        self.rule = self.rule or rule
        self.immediate = self.immediate or frequency == IMMEDIATE


def readers_of(page) -> list[_Reader]:
    """Everyone whose subscription or rule matches ``page`` and who may see it."""
    found: dict[int, _Reader] = {}
    for subscription in Subscription.objects.select_related("user", "page"):
        if subscription_matches(subscription, page):
            reader = found.setdefault(subscription.user_id, _Reader(subscription.user))
            reader.add(f"Bạn theo dõi: {subscription.label}", subscription.frequency, subscription=subscription)
    rules = [rule for rule in NotificationRule.objects.select_related("section", "group") if rule_matches(rule, page)]
    for rule in rules:
        opted_out = set(RuleOptOut.objects.filter(rule=rule).values_list("user_id", flat=True))
        for user in rule.group.user_set.exclude(pk__in=opted_out):
            reader = found.setdefault(user.pk, _Reader(user))
            reader.add(f"Quy tắc “{rule.name}”: đăng tại {rule.section.title}", rule.frequency, rule=rule)
    return [reader for reader in found.values() if may_see(reader.user, page)]


def announce(page) -> list[Notification]:
    """Tell the readers of ``page`` once, when it is first visible (never before its go-live date)."""
    page = page.specific
    if not isinstance(page, ContentPage) or not is_published(page):
        return []
    try:
        with transaction.atomic():
            Announcement.objects.create(page=page)
    except IntegrityError:
        return []  # announced already: an edit republished is not news
    created = []
    for reader in readers_of(page):
        notification, new = Notification.objects.get_or_create(
            user=reader.user,
            page=page,
            defaults={
                "reason": "; ".join(reader.reasons)[:600],
                "subscription": reader.subscription,
                "rule": reader.rule,
                "digest": not reader.immediate,
            },
        )
        if new:
            created.append(notification)
    for notification in created:
        if not notification.digest and notification.user.email:
            mail.send_one(notification)
    return created


def announce_safely(page_id):
    """After the publish commits; a failure is logged, never raised into the publish."""
    try:
        page = ContentPage.objects.filter(pk=page_id).first()
        if page is not None:
            announce(page)
    except Exception:  # noqa: BLE001
        logger.exception("announcing page %s failed", page_id)


def announce_due(now=None) -> int:
    """Pages that are visible now but were not announced (live already when their
    go-live date was still ahead): announced on that date, by the cron job."""
    now = now or timezone.now()
    due = (
        ContentPage.objects.live()
        .filter(go_live_at__lte=now, go_live_at__gt=now - CATCH_UP)
        .exclude(pk__in=Announcement.objects.values("page_id"))
    )
    count = 0
    for page in due:
        announce(page)
        count += 1
    return count


def send_pending(now=None) -> tuple[int, int]:
    """One mail per reader with every notification not mailed yet (the daily digest,
    and immediate mails the server refused earlier), only pages still visible to them.
    Returns (mails sent, notifications in them)."""
    pending = (
        Notification.objects.filter(emailed_at__isnull=True)
        .exclude(user__email="")
        .select_related("user", "page", "subscription", "rule")
        .order_by("user_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = {}
    for notification in pending:
        by_user.setdefault(notification.user_id, []).append(notification)
    mails = items = 0
    for notifications in by_user.values():
        user = notifications[0].user
        visible = visible_page_ids(user, [n.page_id for n in notifications])
        shown = [n for n in notifications if n.page_id in visible]
        if shown and mail.send_digest(user, shown):
            mails, items = mails + 1, items + len(shown)
    return mails, items

