"""Login throttling (django-axes) recorded in Wagtail's audit log.

Axes counts failed logins per (username, client address) and refuses that
pair once AXES_FAILURE_LIMIT is reached, until the cool-off passes or an
administrator unlocks it (``manage.py unlock_login``). Each lockout and each
unlock is a Wagtail log entry ("Lịch sử thao tác" in the admin), so who was
locked, from where, and who unlocked them, can be read back.
"""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from wagtail.log_actions import log

LOCKED_OUT = "accounts.login_locked_out"
UNLOCKED = "accounts.login_unlocked"


def _subject(username):
    """What the entry is about: the account, or the attempt row for a name no account has."""
    user = get_user_model().objects.filter(username=username).first()
    if user is not None:
        return user
    return AccessAttempt.objects.filter(username=username).order_by("-attempt_time").first()


def on_locked_out(sender, request, username, ip_address, **kwargs):
    subject = _subject(username)
    if subject is not None:
        log(subject, LOCKED_OUT, user=None, data={"username": username, "ip_address": ip_address})


def unlock(username=None, ip_address=None, by=None):
    """Lift the lockouts of ``username`` (and/or ``ip_address``); returns how many were lifted."""
    account = get_user_model().objects.filter(username=username).first() if username else None
    count = reset(username=username, ip=ip_address)
    if count and account is not None:
        log(account, UNLOCKED, user=by, data={"username": username, "ip_address": ip_address or "", "count": count})
    return count


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the Vietnamese page (429) instead of axes' English one."""
    context = {
        "username": (credentials or {}).get("username") or request.POST.get("username", ""),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return TemplateResponse(request, "accounts/locked.html", context, status=429).render()
