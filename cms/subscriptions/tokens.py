"""Signed unsubscribe tokens: a link in a mail works without logging in, and
names only what it cancels (one subscription, or one rule for one reader)."""

from django.core import signing

SALT = "cms.subscriptions.unsubscribe"


def for_subscription(subscription) -> str:
    return signing.dumps({"s": subscription.pk, "u": subscription.user_id}, salt=SALT, compress=True)


def for_rule(rule, user) -> str:
    return signing.dumps({"r": rule.pk, "u": user.pk}, salt=SALT, compress=True)


def read(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return data if isinstance(data, dict) and "u" in data and ("s" in data or "r" in data) else None
