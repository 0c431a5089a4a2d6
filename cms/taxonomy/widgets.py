"""The region field as a searchable tree: a filter box over the units in tree order,
each indented under the unit it belongs to, with its level and "old unit" marked.
Without JavaScript it is a plain list of checkboxes."""

from django import forms


class RegionTreeWidget(forms.CheckboxSelectMultiple):
    """For a model field of regions: the choices' values are primary keys."""

    template_name = "taxonomy/widgets/region_tree.html"
    option_template_name = "taxonomy/widgets/region_tree_option.html"
    key = "pk"

    class Media:
        js = ["js/region-tree.js"]
        css = {"all": ["css/admin.css"]}

    def optgroups(self, name, value, attrs=None):
        # Tree order: a unit right after the unit it belongs to.
        from .models import Region

        units = {str(getattr(unit, self.key)): unit for unit in Region.objects.order_by("path")}
        if not self.choices:
            self.choices = [(key, unit.full_name) for key, unit in units.items()]
        self.choices = sorted(self.choices, key=lambda choice: units[str(choice[0])].path if str(choice[0]) in units else "")
        self._units = units
        return super().optgroups(name, value, attrs)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        unit = self._units.get(str(value))
        if unit is not None:
            option["label"] = unit.full_name
            option["depth"] = unit.depth - 2
            option["historical"] = unit.historical
            option["attrs"]["data-depth"] = unit.depth - 2
        return option


class RegionSlugTreeWidget(RegionTreeWidget):
    """For a text field of comma-separated region slugs ("ha-tinh, ha-tinh-duc-tho"), as
    the import review form has: the same tree, posting the ticked slugs joined by commas."""

    key = "slug"

    def format_value(self, value):
        if isinstance(value, str):
            value = [slug.strip() for slug in value.split(",")]
        return [str(slug) for slug in (value or []) if str(slug).strip()]

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        if isinstance(values, str):
            values = [values]
        return ", ".join(slug for slug in values if slug)
