"""The mails: one per page at once, or one daily digest per reader; each item
carries the link that cancels what caused it (signed, no login needed)."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import tokens

logger = logging.getLogger(__name__)
SUBJECT_PREFIX = "[Cuộc vận động] "


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_url(notification) -> str:
    if notification.subscription_id:
        token = tokens.for_subscription(notification.subscription)
    else:
        token = tokens.for_rule(notification.rule, notification.user)
    return absolute(reverse("subscriptions:unsubscribe", args=[token]))


def _item(notification) -> dict:
    page = notification.page.specific
    return {
        "title": page.title,
        "url": absolute(page.url or "/"),
        "summary": getattr(page, "summary", ""),
        "reason": notification.reason,
        "unsubscribe_url": unsubscribe_url(notification),
    }


def _message(user, subject, template, context, unsubscribe, connection):
    context = {"user": user, "notifications_url": absolute(reverse("subscriptions:notifications")), **context}
    message = EmailMultiAlternatives(
        SUBJECT_PREFIX + subject,
        render_to_string(f"subscriptions/mail/{template}.txt", context),
        to=[user.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>"},
        connection=connection,
    )
    message.attach_alternative(render_to_string(f"subscriptions/mail/{template}.html", context), "text/html")
    return message


def send_one(notification, connection=None) -> bool:
    """Mail one notification at once; False (and logged) when the mail server refused."""
    item = _item(notification)
    message = _message(notification.user, item["title"], "notification", {"item": item}, item["unsubscribe_url"], connection)
    return _send([message], [notification])


def send_digest(user, notifications, connection=None) -> bool:
    items = [_item(n) for n in notifications]
    subject = f"{len(items)} nội dung mới bạn theo dõi"
    message = _message(user, subject, "digest", {"items": items}, items[0]["unsubscribe_url"], connection)
    return _send([message], notifications)


def _send(messages, notifications) -> bool:
    try:
        (messages[0].connection or get_connection()).send_messages(messages)
    except Exception:  # noqa: BLE001 - a mail server down must never fail a publish; send_digests retries
        logger.exception("notification mail not sent")
        return False
    now = timezone.now()
    for notification in notifications:
        notification.emailed_at = now
        notification.save(update_fields=["emailed_at"])
    return True
