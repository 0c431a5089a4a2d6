"""Feed keys: the per-user secret that lets a feed reader fetch RSS/Atom.

Personal API keys are Wagtail's own ``wagtail.models.APIToken`` (hashed,
revocable, last-use tracked); see tokens.py. A feed link, though, must be
shown again on every page, so its secret cannot be a one-time hash: it is
an HMAC of the user and a random nonce. Only the nonce is stored, and a
new nonce revokes every old link at once.
"""

import secrets

from django.conf import settings
from django.db import models


def new_nonce():
    return secrets.token_hex(16)


class FeedToken(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="Người dùng", on_delete=models.CASCADE, related_name="feed_token"
    )
    nonce = models.CharField(max_length=64, default=new_nonce, editable=False)
    created = models.DateTimeField("Tạo lúc", auto_now_add=True)
    last_used_at = models.DateTimeField("Dùng lần cuối", null=True, blank=True)

    class Meta:
        verbose_name = "Mã nhận tin RSS"
        verbose_name_plural = "Mã nhận tin RSS"
        # Who may hold API keys and feed links (granted to Báo chí and Cán bộ).
        permissions = [("use_api", "Dùng API, tin RSS và tải về bằng khoá cá nhân")]

    def __str__(self):
        return f"Mã RSS của {self.user}"
