"""The intranet's four groups, their permissions and the review workflow.

Wagtail's own "Editors" group may edit the whole tree, which would let any
editor touch every department's section; it and the default workflow are
replaced. Page permissions for editors are granted per section instead
(see cms.accounts.permissions.grant_section).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS, REVIEWERS, READERS, PRESS = "Biên tập", "Duyệt", "Cán bộ", "Báo chí"
TASK_NAME = "Duyệt nội dung"
WORKFLOW_NAME = "Quy trình duyệt nội dung"

# (app_label, codename) granted globally. Image permissions stay on
# wagtailimages.Image even with a custom image model (Wagtail checks them there).
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("taxonomy", "add_issuingbody"),
    ("taxonomy", "change_issuingbody"),
    ("taxonomy", "view_issuingbody"),
    ("taxonomy", "view_region"),
]
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def _permission(apps, app_label, codename):
    """The permission, created if missing (Wagtail's "choose_*" ones may be)."""
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    model = codename.split("_", 1)[1]
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {codename.replace('_', ' ')}"}
    )
    return permission


def setup(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    Workflow.objects.filter(name="Moderators approval").delete()
    GroupApprovalTask.objects.filter(name="Moderators approval").delete()
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    Group.objects.get_or_create(name=READERS)
    Group.objects.get_or_create(name=PRESS)

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for group in (editors, reviewers):
        for app_label, codename in EDITOR_PERMISSIONS:
            group.permissions.add(_permission(apps, app_label, codename))
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, app_label, codename)
            )
    for codename in REVIEWER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=reviewers, page=root_page, permission=_permission(apps, "wagtailcore", codename)
        )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([reviewers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("taxonomy", "0001_initial"),
        ("content", "0001_initial"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
