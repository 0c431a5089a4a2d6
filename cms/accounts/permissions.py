"""Granting a department's editors their own section of the page tree."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]


def grant_section(group_name, section):
    """Let ``group_name`` add and edit pages under ``section`` (not publish: that is review)."""
    group, _ = Group.objects.get_or_create(name=group_name)
    for codename in EDITOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=permission)
    return group
