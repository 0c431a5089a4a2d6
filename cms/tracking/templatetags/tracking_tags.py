"""{% tracking_dashboard %}: the editors' and reviewers' dashboard (nothing for plain readers)."""

from django import template

from ..dashboard import dashboard

register = template.Library()


@register.inclusion_tag("tracking/dashboard.html", takes_context=True)
def tracking_dashboard(context):
    request = context["request"]
    return {"dashboard": dashboard(request), "request": request}
