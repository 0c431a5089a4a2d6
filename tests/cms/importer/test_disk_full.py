"""The media disk full during an import: the document fails with a message, leaves no page,
no document row and no half-written file, and the next import works once there is room.

The disk is a real one that fills up: a tiny tmpfs when this process may mount one (root),
else a folder whose storage refuses writes with ENOSPC, as a full disk does.
"""

import errno
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.importer.service import CREATED, FAILED, Source, import_all

from .test_service import NEW_LETTER

pytestmark = pytest.mark.django_db


class FullDisk(FileSystemStorage):
    """Where no tmpfs can be mounted: every write fails as on a full disk."""

    full = True

    def _save(self, name, content):
        if FullDisk.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super()._save(name, content)


@pytest.fixture
def full_media(tmp_path, settings):
    root = tmp_path / "media"
    root.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(root)], capture_output=True).returncode == 0
    settings.MEDIA_ROOT = str(root)
    try:
        yield from _filled(root, mounted, settings)
    finally:
        FullDisk.full = True
        if mounted:
            subprocess.run(["umount", str(root)], check=False)
        shutil.rmtree(root, ignore_errors=True)


def _filled(root, mounted, settings):
    if mounted:
        ballast = root / "ballast"
        with ballast.open("wb", buffering=0) as handle:  # fill the disk
            try:
                while True:
                    handle.write(b"\0" * 4096)
            except OSError as error:
                assert error.errno == errno.ENOSPC

        def free():
            ballast.unlink()
    else:
        settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.FullDisk"}}

        def free():
            FullDisk.full = False

    yield root, free


def test_disk_full_during_an_import_leaves_nothing_half_done(full_media):
    root, free = full_media
    pages, documents = Page.objects.count(), get_document_model().objects.count()
    [outcome] = import_all([Source("cong-van-dia-day.txt", NEW_LETTER.encode())])
    assert outcome.status == FAILED
    assert "Lỗi khi lưu văn bản" in outcome.reason and "No space left" in outcome.reason
    assert Page.objects.count() == pages
    assert get_document_model().objects.count() == documents
    assert not list(Path(root).rglob("cong-van-dia-day*"))

    free()
    [outcome] = import_all([Source("cong-van-dia-day.txt", NEW_LETTER.encode())])
    assert outcome.status == CREATED, outcome.reason
    assert Page.objects.count() == pages + 1
    assert list(Path(root).rglob("cong-van-dia-day*")) and default_storage.location == str(root)
