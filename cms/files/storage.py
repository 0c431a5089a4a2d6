"""The media storage: Django's file system storage, minus half-written files.

A write that fails midway (the disk full, the quota reached) raises; Django's
storage leaves the bytes written so far under the file's name, and an import
or an upload that then rolls back its database rows would leave that stub in
MEDIA_ROOT for good. This one removes it before the error goes on.
"""

import os

from django.core.files.storage import FileSystemStorage


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        path = self.path(name)
        existed = os.path.lexists(path)
        try:
            return super()._save(name, content)
        except OSError:
            if not existed and os.path.lexists(path):
                os.remove(path)
            raise
