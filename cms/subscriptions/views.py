"""The reader's side: follow from a listing, the list of what one follows,
the notifications (the bell's list) and unsubscribing from a mail's link."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.models import Page

from cms.content.filters import bounded_int
from cms.content.visibility import visible_pages

from . import tokens
from .audience import visible_page_ids
from .follow import describe, existing, target_page, wanted
from .models import FREQUENCIES, IMMEDIATE, Notification, NotificationRule, RuleOptOut, Subscription

PER_PAGE = 20


def _next(request, fallback="/"):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return fallback


def _frequency(raw):
    return raw if raw in dict(FREQUENCIES) else IMMEDIATE


@require_POST
def subscribe(request):
    page = None
    page_id = bounded_int(request.POST.get("page"), 1, 2**31 - 1)
    if page_id:
        page = target_page(visible_pages(Page.objects.filter(pk=page_id), request).first())
        if page is None:
            messages.error(request, "Không tìm thấy trang cần theo dõi, hoặc bạn không có quyền xem trang đó.")
            return redirect(_next(request))
    page, filters, text, ok = wanted(request.POST, page)
    if not ok:
        messages.error(request, "Chưa có gì để theo dõi: hãy chọn chủ đề, địa bàn, cơ quan ban hành hoặc nhập từ khoá.")
        return redirect(_next(request))
    subscription = existing(request.user, page, filters, text)
    if subscription is None:
        subscription = Subscription.objects.create(
            user=request.user,
            page=page,
            filters=filters.values,
            text=text,
            label=describe(page, filters, text)[:400],
            frequency=_frequency(request.POST.get("frequency")),
        )
    messages.success(request, f"Đã theo dõi “{subscription.label}”. Bạn sẽ nhận thông báo khi có nội dung mới phù hợp.")
    return redirect(_next(request))


def _my_rules(user):
    return NotificationRule.objects.filter(active=True, group__in=user.groups.all()).select_related("section", "group")


def subscriptions(request):
    if request.method == "POST":
        action = request.POST.get("action", "")
        item = Subscription.objects.filter(user=request.user, pk=bounded_int(request.POST.get("id"), 1, 2**62)).first()
        rule = _my_rules(request.user).filter(pk=bounded_int(request.POST.get("rule"), 1, 2**62)).first()
        if action == "xoa" and item:
            item.delete()
            messages.success(request, f"Đã bỏ theo dõi “{item.label}”.")
        elif action == "tan_suat" and item:
            item.frequency = _frequency(request.POST.get("frequency"))
            item.save(update_fields=["frequency"])
            messages.success(request, f"Đã lưu cách nhận thư cho “{item.label}”.")
        elif action in ("tat_quy_tac", "bat_quy_tac") and rule:
            if action == "tat_quy_tac":
                RuleOptOut.objects.get_or_create(rule=rule, user=request.user)
                messages.success(request, f"Bạn sẽ không nhận thông báo theo quy tắc “{rule.name}” nữa.")
            else:
                RuleOptOut.objects.filter(rule=rule, user=request.user).delete()
                messages.success(request, f"Bạn sẽ lại nhận thông báo theo quy tắc “{rule.name}”.")
        else:
            messages.error(request, "Thao tác không hợp lệ hoặc mục này không còn.")
        return redirect("subscriptions:subscriptions")
    opted_out = set(RuleOptOut.objects.filter(user=request.user).values_list("rule_id", flat=True))
    return render(
        request,
        "subscriptions/subscriptions.html",
        {
            "items": request.user.subscriptions.select_related("page"),
            "rules": [(rule, rule.pk in opted_out) for rule in _my_rules(request.user)],
            "frequencies": FREQUENCIES,
        },
    )


def _visible_notifications(request, unread_only=False):
    """The reader's notifications of pages they may still see (a page restricted or
    unpublished since is no longer shown)."""
    mine = Notification.objects.filter(user=request.user)
    if unread_only:
        mine = mine.filter(read_at__isnull=True)
    visible = visible_page_ids(request.user, mine.values_list("page_id", flat=True))
    return mine.filter(page_id__in=visible)


def unread_count(request) -> int:
    """The bell's number, on every page: only the unread rows are looked at, and
    the visibility rule only when there are some (one query for most readers)."""
    if not Notification.objects.filter(user=request.user, read_at__isnull=True).exists():
        return 0
    return _visible_notifications(request, unread_only=True).count()


def notifications(request):
    if request.method == "POST":
        _visible_notifications(request, unread_only=True).update(read_at=timezone.now())
        messages.success(request, "Đã đánh dấu mọi thông báo là đã đọc.")
        return redirect("subscriptions:notifications")
    page_obj = Paginator(_visible_notifications(request).select_related("page"), PER_PAGE).get_page(
        bounded_int(request.GET.get("page"), 1, 10**6) or 1
    )
    return render(request, "subscriptions/notifications.html", {"page_obj": page_obj, "unread": unread_count(request)})


def open_notification(request, pk):
    notification = get_object_or_404(_visible_notifications(request), pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return HttpResponseRedirect(notification.page.url or "/")


@login_not_required
def unsubscribe(request, token):
    data = tokens.read(token)
    target = None
    if data and "s" in data:
        target = Subscription.objects.filter(pk=data["s"], user_id=data["u"]).first()
    elif data and get_user_model().objects.filter(pk=data["u"]).exists():
        target = NotificationRule.objects.filter(pk=data["r"]).first()
    done = False
    if target is not None and request.method == "POST":
        if isinstance(target, Subscription):
            target.delete()
        else:
            RuleOptOut.objects.get_or_create(rule=target, user_id=data["u"])
        done = True
    status = 200 if target is not None or done else 404
    return render(
        request,
        "subscriptions/unsubscribe.html",
        {"target": target, "is_rule": isinstance(target, NotificationRule), "done": done, "valid": data is not None},
        status=status,
    )

