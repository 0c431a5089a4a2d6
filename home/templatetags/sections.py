"""{% top_section page as section %}: the top-level section a content page sits in
(content pages know nothing of sections; the sections app does)."""

from django import template

from home.models import SectionPage

register = template.Library()


@register.simple_tag
def top_section(page):
    return SectionPage.top_of(page)
