"""Personal keys for the press channels: API keys and feed links.

Two kinds, one check:

- API keys are Wagtail's ``APIToken`` (``wagtail_...``): only a salted hash is
  stored, the secret is shown once, revoking sets ``revoked_at``.
- Feed keys (``rss_<user id>_<hmac>``) are derived from the user's FeedToken
  nonce so every page can show the same link again; rotating the nonce
  revokes them.

Either is accepted by the API, the feeds and the downloads, as
``Authorization: Bearer <key>`` or ``?token=<key>``. A key only ever grants
what its owner may read, and only while the owner may use the press channels.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from wagtail.models import APIToken

from .models import FeedToken, new_nonce

FEED_PREFIX = "rss_"
PERMISSION = "press.use_api"
# Touch last_used_at at most this often, so busy feed readers do not write on every poll.
LAST_USED_INTERVAL = 60
MAX_TOKEN_LENGTH = 200


class InvalidToken(Exception):
    """A key was presented and is wrong, revoked, or belongs to someone who may no longer use it."""

    def __init__(self, message, code="invalid_token"):
        super().__init__(message)
        self.message = message
        self.code = code


INVALID = "Khoá API không hợp lệ hoặc đã bị thu hồi. Tạo khoá mới tại /tai-khoan/khoa-api/."
NOT_ALLOWED = "Tài khoản của khoá này không được dùng API và tin RSS (chỉ nhóm Báo chí và Cán bộ)."


def can_use_tokens(user):
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(PERMISSION))


def token_from_request(request):
    """The key a request presents (Bearer header first, then ?token=), or None."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() == "bearer":
            return value.strip()
    if "token" in request.GET:
        return request.GET["token"].strip()
    return None


def _touch(model, pk, last_used_at):
    now = timezone.now()
    if last_used_at is None or (now - last_used_at).total_seconds() >= LAST_USED_INTERVAL:
        model.objects.filter(pk=pk).update(last_used_at=now)


def authenticate_token(raw):
    """The user a key stands for; raises InvalidToken for anything else."""
    if not raw or len(raw) > MAX_TOKEN_LENGTH:
        raise InvalidToken(INVALID)
    if raw.startswith(FEED_PREFIX):
        user, record = _feed_token_user(raw)
    else:
        if not APIToken.validate_token_format(raw):
            raise InvalidToken(INVALID)
        record = (
            APIToken.objects.select_related("user")
            .filter(key_hash__in=APIToken.candidate_key_hashes(raw), revoked_at__isnull=True)
            .first()
        )
        if record is None:
            raise InvalidToken(INVALID)
        user = record.user
    if not can_use_tokens(user):
        raise InvalidToken(NOT_ALLOWED, code="not_allowed")
    _touch(type(record), record.pk, record.last_used_at)
    return user


def authenticate_request(request):
    """(user, presented) for a request: the key's owner if a key is presented, else the session user.

    Raises InvalidToken when a key is presented and refused, even if the
    session is logged in: a wrong key must never silently fall back.
    """
    raw = token_from_request(request)
    if raw is None:
        return getattr(request, "user", AnonymousUser()), False
    return authenticate_token(raw), True


# Feed keys ---------------------------------------------------------------


def _feed_digest(user_pk, nonce):
    return salted_hmac("press.feedtoken", f"{user_pk}:{nonce}", algorithm="sha256").hexdigest()[:40]


def _feed_token_user(raw):
    user_pk, _, digest = raw[len(FEED_PREFIX) :].partition("_")
    if not (user_pk.isascii() and user_pk.isdigit() and len(user_pk) < 19) or not digest:
        raise InvalidToken(INVALID)
    record = FeedToken.objects.select_related("user").filter(user_id=int(user_pk)).first()
    if record is None or not constant_time_compare(digest, _feed_digest(record.user_id, record.nonce)):
        raise InvalidToken(INVALID)
    return record.user, record


def feed_token_for(user):
    """The user's feed key, created on first use; None for users without the permission."""
    if not can_use_tokens(user):
        return None
    record, _ = FeedToken.objects.get_or_create(user=user)
    return f"{FEED_PREFIX}{user.pk}_{_feed_digest(user.pk, record.nonce)}"


def rotate_feed_token(user):
    """A new feed key for ``user``; every earlier feed link stops working."""
    record, created = FeedToken.objects.get_or_create(user=user)
    if not created:
        record.nonce = new_nonce()
        record.created = timezone.now()
        record.last_used_at = None
        record.save(update_fields=["nonce", "created", "last_used_at"])
    return feed_token_for(user)


# API keys ------------------------------------------------------------------


def create_api_token(user, name):
    """(APIToken, plaintext): the plaintext exists only in this return value."""
    return APIToken.create_token(user=user, name=name)


def user_api_tokens(user):
    return APIToken.objects.filter(user=user).order_by("revoked_at", "-created")


def revoke_api_token(user, token_id):
    """Revoke one of ``user``'s own keys; False when it is not theirs or already revoked."""
    token = APIToken.objects.filter(user=user, pk=token_id, revoked_at__isnull=True).first()
    if token is None:
        return False
    token.revoke()
    return True
