from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import IssuingBody, Region


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = "Cơ quan ban hành"
    list_display = ["name", "abbreviation", "level", "region"]
    list_filter = ["level"]
    search_fields = ["name", "abbreviation"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = "Địa bàn"
    list_display = ["name", "full_name", "level", "historical", "slug"]
    list_filter = ["level", "historical"]
    search_fields = ["name", "full_name", "slug"]


register_snippet(IssuingBodyViewSet)
register_snippet(RegionViewSet)
