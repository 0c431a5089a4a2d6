from django.db import migrations

from vietnamese.vocabulary import THEMES


def create_themes(apps, schema_editor):
    Theme = apps.get_model("taxonomy", "Theme")
    for theme in THEMES:
        Theme.objects.update_or_create(
            slug=theme.slug, defaults={"name": theme.name, "description": theme.description, "curated": True}
        )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
