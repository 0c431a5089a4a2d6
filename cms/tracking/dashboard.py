"""The Ban Chỉ đạo's dashboard on the home page, for editors and reviewers.

A few aggregate queries, whatever the size of the archive: pages published by
month and by today's province, the review tasks the user may act on, and what
was published this week. Counts are of what the user may see (visibility.py).
"""

from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import Substr, TruncMonth
from django.utils import timezone
from wagtail.models import TaskState

from cms.content.models import ContentPage
from cms.content.visibility import visible_pages
from cms.taxonomy.models import Region
from vietnamese.vocabulary import PROVINCE

from .tree import PROVINCE_PATH_LEN

MONTHS = 6
TOP_PROVINCES = 6
BAR_WIDTH = 120


def may_see_dashboard(user):
    """Editors and reviewers: whoever may enter the admin (plain readers may not)."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def _month_starts(now, months):
    first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    starts = [first]
    for _ in range(months - 1):
        starts.append((starts[-1] - timedelta(days=1)).replace(day=1))
    return list(reversed(starts))


def by_month_and_region(visible, months=MONTHS):
    """Pages first published in each of the last ``months`` months, in total and by province."""
    now = timezone.localtime()
    starts = _month_starts(now, months)
    pages = visible.filter(first_published_at__gte=starts[0])
    totals = {
        row["month"].date() if hasattr(row["month"], "date") else row["month"]: row["n"]
        for row in pages.annotate(month=TruncMonth("first_published_at")).values("month").annotate(n=Count("pk", distinct=True)).order_by()
    }
    cells = {}
    for row in (
        pages.filter(regions__depth__gte=2)
        .annotate(month=TruncMonth("first_published_at"), province=Substr("regions__path", 1, PROVINCE_PATH_LEN))
        .values("month", "province")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    ):
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        cells.setdefault(row["province"], {})[month] = row["n"]
    names = {r.path: r for r in Region.objects.filter(path__in=cells, level=PROVINCE)}
    ranked = sorted(cells, key=lambda path: (-sum(cells[path].values()), path))[:TOP_PROVINCES]
    month_keys = [start.date() for start in starts]
    peak = max(totals.values(), default=0) or 1
    return {
        "months": [
            {"start": key, "total": totals.get(key, 0), "bar": round(BAR_WIDTH * totals.get(key, 0) / peak)}
            for key in month_keys
        ],
        "provinces": [
            {"region": names[path], "counts": [cells[path].get(key, 0) for key in month_keys], "total": sum(cells[path].values())}
            for path in ranked
            if path in names
        ],
        "bar_width": BAR_WIDTH,
    }


def awaiting_review(user, limit=8):
    """The review tasks in progress that ``user`` may approve or reject (Wagtail's workflow)."""
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("revision__user", "task", "workflow_state")
        .prefetch_related("revision__content_object")
        .order_by("-started_at")
    )
    total = states.count()
    return {"total": total, "states": [s for s in states[:limit] if s.revision and s.revision.content_object]}


def published_this_week(visible, limit=8):
    """Pages first published since Monday of this week."""
    now = timezone.localtime()
    monday = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    pages = visible.filter(first_published_at__gte=monday)
    return {"since": monday, "total": pages.count(), "pages": list(pages.order_by("-first_published_at")[:limit])}


def dashboard(request):
    if not may_see_dashboard(request.user):
        return None
    # One privacy look-up for both counts (visible_pages reads the restrictions once).
    visible = visible_pages(ContentPage.objects.all(), request)
    return {
        "activity": by_month_and_region(visible),
        "review": awaiting_review(request.user),
        "week": published_this_week(visible),
    }
