"""Backup and restore: one archive (database + media) restored into an empty site gives
back the same page count, metadata, files (by hash) and search answers."""

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cms.backup.summary import site_summary

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


def _manage(tmp_path, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ELASTICSEARCH")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "restored-media"),
        SEARCH_ENGINE="embedded",
    )
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    return result


SUMMARY = "import json; from cms.backup.summary import site_summary; print(json.dumps(site_summary()))"


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "sao-luu.tar.gz"
    call_command("backup_site", str(path), stdout=open(os.devnull, "w"))
    return path


def test_round_trip_into_an_empty_site(tmp_path, archive):
    before = site_summary()
    assert before["pages"] > 20 and len(before["files"]) > 3
    assert all(before["search"].values()), before["search"]  # the probes find something: a real comparison

    assert _manage(tmp_path, "migrate", "--noinput").returncode == 0
    restored = _manage(tmp_path, "restore_site", str(archive))
    assert restored.returncode == 0, restored.stderr[-3000:]
    assert "khớp bản sao lưu" in restored.stdout

    shell = _manage(tmp_path, "shell", "-c", SUMMARY)
    assert shell.returncode == 0, shell.stderr[-3000:]
    after = json.loads(shell.stdout.strip().splitlines()[-1])
    assert after["pages"] == before["pages"]
    assert after["metadata"] == before["metadata"]
    assert after["files"] == before["files"]
    assert after["search"] == before["search"]


def test_restore_refuses_a_site_that_is_not_empty(archive):
    with pytest.raises(CommandError, match="Trang đích đã có nội dung"):
        call_command("restore_site", str(archive))


def test_restore_refuses_a_path_outside_media(tmp_path, archive):
    evil = tmp_path / "xau.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(evil, "w:gz") as target:
        for member in source.getmembers():
            target.addfile(member, source.extractfile(member))
        payload = tmp_path / "x.txt"
        payload.write_text("x")
        target.add(payload, arcname="media/../../thoat-ra.txt")
    assert _manage(tmp_path, "migrate", "--noinput").returncode == 0
    result = _manage(tmp_path, "restore_site", str(evil))
    assert result.returncode != 0 and "đường dẫn tệp không hợp lệ" in result.stderr
    assert not (tmp_path / "thoat-ra.txt").exists()
