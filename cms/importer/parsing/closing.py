"""The closing block: "Nơi nhận", signing capacity, title and signer."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from vietnamese.text import fold

from .lines import BULLET_RE, CAPACITY_RE, NOI_NHAN_RE, SIGNED_MARK_RE, TITLE_RE, collapse, collect_list, is_capacity, is_caps, is_noi_nhan, word_count


_SURNAMES = {
    fold(s)
    for s in (
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Triệu Đinh Lâm Mai "
        "Trương Tạ Hà Đào Cao Lương Quách Lưu Chu Trịnh Đoàn Vương Kiều Thái Tô Khổng Lã La Phùng "
        "Châu Tăng Giang Lại Nông Lò Sầm Hứa Từ Tôn Thân Mạc Diệp Âu Ông Cù Phí Đàm Doãn Khúc Kim "
        "Nghiêm Quan Bạch Viên Vi Hầu Lục Mã Thạch Ninh Tống Văn Khuất Lương Đồng Hàn Khương Bế Hoàng "
        "Ma Mông Lưu Giáp Thiều Âu Dư Yên Quang Bùi Đậu Chế Uông Ung Trình Thiệu Lò Tòng"
    ).split()
}

_ORG_WORDS = (
    "ủy ban", "uỷ ban", "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy", "ban ",
    "sở ", "bộ ", "phòng ", "hội ", "mặt trận", "ubnd", "hđnd", "mttq", "văn phòng", "đảng",
    "chính phủ", "thủ tướng", "trung ương", "cục ", "chi cục", "đoàn ", "liên đoàn", "hợp tác xã",
    "trường ", "viện ", "trung tâm", "công ty", "tổng cục", "quốc hội",
)


# ============================================================================================
# Small helpers


@lru_cache(maxsize=8192)
def is_person_name(line: str, strict: bool = False) -> bool:
    s = line.strip().strip(".")
    if not s or any(ch.isdigit() for ch in s) or re.search(r"[:;,()/\"“”]", s):
        return False
    words = s.split()
    if not 2 <= len(words) <= 6:
        return False
    if not all(w[0].isupper() for w in words):
        return False
    low = s.lower() + " "
    if any(low.startswith(o) or f" {o}" in f" {low}" for o in _ORG_WORDS if o.strip() not in {"hội", "đoàn"}):
        return False
    if CAPACITY_RE.match(s) or TITLE_RE.match(s.upper()):
        return False
    if strict or is_caps(s):
        return fold(words[0]) in _SURNAMES
    return True


def find_body_end(lines: list[str], start: int) -> int:
    n = len(lines)
    for i in range(start, n):
        s = lines[i].strip()
        if not s:
            continue
        if is_noi_nhan(s) or is_capacity(s):
            return i
        # a bare title block ("CHỦ TỊCH" + name) without "TM."/"KT." before it
        if TITLE_RE.match(s) and is_caps(s) and word_count(s) <= 6:
            rest = [l.strip() for l in lines[i + 1 : i + 6] if l.strip()]
            if rest and any(is_person_name(r) for r in rest[:2]):
                return i
    return n


def _is_signature_line(line: str) -> bool:
    """A line of the right-hand signature column: capacity, title, "(Đã ký)", the name."""
    return is_capacity(line) or (is_caps(line) and bool(TITLE_RE.match(line))) or bool(SIGNED_MARK_RE.match(line)) or (
        is_person_name(line) and not BULLET_RE.match(line)
    )


def separate_columns(lines: list[str]) -> list[str]:
    """The "Nơi nhận" list and the signature beside it, read across the page line by line (PDF
    text: "Nơi nhận:", "KT. CHỦ TỊCH", "- Như trên;", "PHÓ CHỦ TỊCH", …), put back one after the
    other: the list first, then the signature. Only a closing where the heading or an item of
    the list stands between two signature lines is touched."""
    if not any(is_noi_nhan(line.strip()) for line in lines):
        return lines
    sides = [
        ("right" if _is_signature_line(line.strip()) else "left", line) for line in lines if line.strip()
    ]
    rights = [i for i, (side, _) in enumerate(sides) if side == "right"]
    if len(rights) < 2 or not any(
        side == "left" and (is_noi_nhan(line.strip()) or BULLET_RE.match(line)) and rights[0] < i < rights[-1]
        for i, (side, line) in enumerate(sides)
    ):
        return lines
    return [line for side, line in sides if side == "left"] + [""] + [line for side, line in sides if side == "right"]


def parse_closing(lines: list[str], warnings: list[str]) -> dict[str, Any]:
    lines = separate_columns(lines)
    out: dict[str, Any] = {
        "distribution": [],
        "signing_capacity": None,
        "signer_title": None,
        "signer": None,
        "noi_nhan": False,
        "leftover": [],
        "after_name": [],
    }
    i = 0
    n = len(lines)
    capacity: list[str] = []
    titles: list[str] = []
    while i < n:
        s = lines[i].strip()
        if not s:
            i += 1
            continue
        if is_noi_nhan(s):
            out["noi_nhan"] = True
            rest = NOI_NHAN_RE.sub("", s, count=1).lstrip(" :.")
            out["distribution"], i = collect_list(
                lines,
                i + 1,
                lambda x: is_capacity(x) or (is_caps(x) and bool(TITLE_RE.match(x))),
                inline=rest,
            )
            continue
        if is_capacity(s) or (is_caps(s) and TITLE_RE.match(s) and out["signer"] is None):
            while i < n and lines[i].strip() and is_caps(lines[i]) and not is_person_name(lines[i], strict=True):
                t = lines[i].strip()
                if CAPACITY_RE.match(t):
                    capacity.append(t)
                else:
                    titles.append(t)
                i += 1
            # the name follows after the space left for the signature and stamp
            while i < n:
                t = lines[i].strip()
                if not t or SIGNED_MARK_RE.match(t):
                    i += 1
                    continue
                if is_person_name(t):
                    out["signer"] = collapse(t)
                    i += 1
                    # lines right under the name: the signer's other post ("Chủ tịch Ủy ban MTTQ...")
                    while i < n and lines[i].strip() and not is_noi_nhan(lines[i]) and not is_capacity(lines[i]):
                        out["after_name"].append(lines[i].strip())
                        i += 1
                break
            continue
        out["leftover"].append(s)
        i += 1
    if capacity:
        out["signing_capacity"] = collapse(" ".join(capacity))
    if titles:
        out["signer_title"] = collapse(" ".join(titles))
    return out


# ---------------------------------------------------------------------------- body
