"""The collection's admin form: themes, regions and issuers to pick from, and the
saved query checked by the one filter parser (a bad value is refused in Vietnamese)."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from cms.content.filters import PAGE_PARAMS, parse_filters
from cms.taxonomy.models import IssuingBody, Region, Theme

EMPTY = [("", "— Tất cả —")]


def theme_choices():
    return EMPTY + list(Theme.objects.order_by("-curated", "name").values_list("slug", "name"))


def region_choices():
    """Every unit in tree order, indented one step per level below today's provinces."""
    units = Region.objects.filter(depth__gte=2).order_by("path").values_list("slug", "full_name", "depth")
    return EMPTY + [(slug, "— " * (depth - 2) + name) for slug, name, depth in units]


def issuer_choices():
    return EMPTY + [(name, name) for name in IssuingBody.objects.order_by("name").values_list("name", flat=True)]


class CollectionPageForm(WagtailAdminPageForm):
    PICKERS = {"theme": theme_choices, "region": region_choices, "issuer": issuer_choices}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in self.PICKERS.items():
            if name in self.fields:
                field = self.fields[name]
                options = choices()
                current = self.initial.get(name) or ""
                # A saved value that no longer exists stays visible (and is refused on save).
                if current and current not in {value for value, _label in options}:
                    options.append((current, f"{current} (không còn trong danh mục)"))
                field.widget = forms.Select(choices=options)
        # Django's "---------" for an empty choice says nothing: here it means no filter.
        for name in ("content", "kind", "level", "validity"):
            if name in self.fields:
                self.fields[name].choices = EMPTY + [c for c in self.fields[name].choices if c[0]]

    def clean(self):
        cleaned = super().clean()
        params = {}
        for name in ("content", "kind", "theme", "region", "issuer", "level", "validity", "year"):
            params[PAGE_PARAMS[name]] = cleaned.get(name) or ""
        _filters, problems = parse_filters(params)
        for problem in problems:
            field = next((name for name, param in PAGE_PARAMS.items() if param == problem.param), None)
            message = problem.error
            if field in self.fields:
                self.add_error(field, message)
            else:
                self.add_error(None, message)
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "Ngày kết thúc phải sau ngày bắt đầu.")
        return cleaned
