from django.db import migrations

from cms.taxonomy.themes import CURATED_THEMES


def create_themes(apps, schema_editor):
    Theme = apps.get_model("taxonomy", "Theme")
    for slug, name, description in CURATED_THEMES:
        Theme.objects.update_or_create(slug=slug, defaults={"name": name, "description": description, "curated": True})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
