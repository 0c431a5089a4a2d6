from django.db import migrations

from cms.taxonomy.regions import STEPLEN, build_region_tree


def load_regions(apps, schema_editor):
    """Bulk-insert the region tree from vietnamadminunits (see regions.py)."""
    Region = apps.get_model("taxonomy", "Region")
    if Region.objects.exists():
        return
    nodes = build_region_tree()
    children = {}
    for node in nodes:
        if node.depth > 1:
            parent = node.path[:-STEPLEN]
            children[parent] = children.get(parent, 0) + 1
    Region.objects.bulk_create(
        [
            Region(
                path=node.path,
                depth=node.depth,
                numchild=children.get(node.path, 0),
                name=node.name,
                full_name=node.full_name,
                slug=node.slug,
                level=node.level,
                code=node.code,
                historical=node.historical,
            )
            for node in nodes
        ],
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_curated_themes")]
    operations = [migrations.RunPython(load_regions, migrations.RunPython.noop)]
