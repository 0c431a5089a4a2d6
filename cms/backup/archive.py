"""One archive holds the site: the database (Django's portable JSON, so a backup of
SQLite restores into PostgreSQL and back), every file under MEDIA_ROOT, and a
manifest with the site's summary to verify a restore against.

Rows keep their ids (content types and permissions included: the restore
empties the target without letting ``migrate``'s signals recreate them, so
nothing can clash); foreign keys stay plain ids, as Wagtail's audit log keeps
entries of deleted pages. Left out, because they are rebuilt from the rest on
restore: sessions, login attempts, Wagtail's reference and admin search
indexes, and the archive search's own index.
"""

import io
import json
import os
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from cms.content.models import ContentPage

from .summary import differences, site_summary

FORMAT = 1
EXCLUDED = [
    "sessions",
    "admin.logentry",
    "axes",
    "archive_search",
    "wagtailsearch",
    "wagtailcore.referenceindex",
]
FIRST_MODELS = {"contenttypes.contenttype", "auth.permission"}
MEMBER_MANIFEST = "manifest.json"
MEMBER_DATABASE = "database.json"
MEDIA_PREFIX = "media/"


class BackupError(Exception):
    """A backup or restore refused, with a Vietnamese message."""


def write_backup(target):
    """Write the site to ``target`` (a .tar.gz path); returns the manifest."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / MEMBER_DATABASE
        call_command(
            "dumpdata", *sum((["--exclude", name] for name in EXCLUDED), []),
            "--indent", "0", "--output", str(dump), verbosity=0,
        )
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database_engine": settings.DATABASES["default"]["ENGINE"],
            "summary": site_summary(),
        }
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
            info = tarfile.TarInfo(MEMBER_MANIFEST)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=MEMBER_DATABASE)
            for relative in manifest["summary"]["files"]:
                tar.add(media_root / relative, arcname=MEDIA_PREFIX + relative)
        # Only a complete archive takes the name: a full disk leaves no half backup behind.
        os.replace(partial, target)
    return manifest


def _safe_media_path(name):
    relative = PurePosixPath(name[len(MEDIA_PREFIX):])
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupError(f"Bản sao lưu có đường dẫn tệp không hợp lệ: {name[:100]}")
    return relative


def read_manifest(source):
    with tarfile.open(source, "r:gz") as tar:
        try:
            return json.load(tar.extractfile(MEMBER_MANIFEST))
        except KeyError as error:
            raise BackupError("Tệp này không phải bản sao lưu của Cổng thông tin (thiếu manifest.json).") from error


def site_is_empty():
    from django.contrib.auth import get_user_model

    return not ContentPage.objects.exists() and not get_user_model().objects.exists()


def restore_backup(source, replace=False):
    """Restore ``source`` into this site; returns the differences found after (empty: identical)."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {source}.")
    manifest = read_manifest(source)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Bản sao lưu định dạng {manifest.get('format')} không đọc được (cần {FORMAT}).")
    if not replace and not site_is_empty():
        raise BackupError("Trang đích đã có nội dung hoặc tài khoản. Khôi phục vào một trang trống, hoặc dùng --replace để xoá hết rồi khôi phục.")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(source, "r:gz") as tar:
        scratch = Path(scratch)
        staged_media = scratch / "media"
        for member in tar.getmembers():
            if member.name == MEMBER_DATABASE:
                tar.extract(member, scratch, filter="data")
            elif member.name.startswith(MEDIA_PREFIX):
                if not member.isfile():
                    raise BackupError(f"Bản sao lưu có mục không phải tệp: {member.name[:100]}")
                relative = _safe_media_path(member.name)
                destination = staged_media / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as handle, destination.open("wb") as out:
                    shutil.copyfileobj(handle, out)
        # Content types first: loading other rows looks them up (and would create
        # missing ones under new ids, which the dump's own rows would then clash with).
        rows = json.loads((scratch / MEMBER_DATABASE).read_text("utf-8"))
        first = [row for row in rows if row["model"] in FIRST_MODELS]
        (scratch / "first.json").write_text(json.dumps(first), "utf-8")
        (scratch / "rest.json").write_text(json.dumps([row for row in rows if row["model"] not in FIRST_MODELS]), "utf-8")
        del rows, first
        with transaction.atomic():
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            ContentType.objects.clear_cache()
            call_command("loaddata", str(scratch / "first.json"), verbosity=0)
            call_command("loaddata", str(scratch / "rest.json"), verbosity=0)
        if staged_media.is_dir():
            for path in staged_media.rglob("*"):
                if path.is_file():
                    destination = media_root / path.relative_to(staged_media)
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, destination)
    call_command("rebuild_references_index", verbosity=0)
    call_command("update_index", verbosity=0)
    call_command("rebuild_search_index", "--no-progress", verbosity=0)
    return differences(manifest["summary"], site_summary(tuple(manifest["summary"]["search"])))
