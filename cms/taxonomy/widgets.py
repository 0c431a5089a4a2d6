"""The region field as a searchable tree: a filter box over the units in tree order,
each indented under the unit it belongs to, with its level and "old unit" marked.
Without JavaScript it is a plain list of checkboxes."""

from django import forms


class RegionTreeWidget(forms.CheckboxSelectMultiple):
    template_name = "taxonomy/widgets/region_tree.html"
    option_template_name = "taxonomy/widgets/region_tree_option.html"

    class Media:
        js = ["js/region-tree.js"]
        css = {"all": ["css/admin.css"]}

    def optgroups(self, name, value, attrs=None):
        # Tree order: a unit right after the unit it belongs to.
        from .models import Region

        units = {unit.pk: unit for unit in Region.objects.all()}
        self.choices = sorted(self.choices, key=lambda choice: units[int(str(choice[0]))].path if str(choice[0]).isdigit() else "")
        self._units = units
        return super().optgroups(name, value, attrs)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        unit = self._units.get(int(str(value))) if str(value).isdigit() else None
        if unit is not None:
            option["label"] = unit.full_name
            option["depth"] = unit.depth - 2
            option["historical"] = unit.historical
            option["attrs"]["data-depth"] = unit.depth - 2
        return option
