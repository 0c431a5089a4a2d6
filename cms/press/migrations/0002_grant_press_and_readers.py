"""Báo chí (press) and Cán bộ (readers) may hold API keys and feed links."""

from django.db import migrations

GROUPS = ["Báo chí", "Cán bộ"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    # Permissions are normally created after all migrations; create this one now.
    content_type, _ = ContentType.objects.get_or_create(app_label="press", model="feedtoken")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="use_api",
        defaults={"name": "Dùng API, tin RSS và tải về bằng khoá cá nhân"},
    )
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(content_type__app_label="press", codename="use_api").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0001_initial"),
        ("accounts", "0001_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
