"""A small gazetteer for reading documents: the pre-2025 provinces and their districts.

The archive holds documents of the 63 provinces that existed before the
1 July 2025 reorganisation and of their ~700 districts (read from the
``vietnamadminunits`` package's data when it is installed; a few built in
otherwise). Deliberately small and replaceable: :func:`set_gazetteer` swaps
in another object offering the same methods. Pure Python.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from .text import fold, slugify

__all__ = ["Gazetteer", "Place", "gazetteer", "set_gazetteer"]

# The 63 provinces before 1 July 2025: short name, unit type.
_PROVINCES: tuple[tuple[str, str], ...] = (
    ("Hà Nội", "Thành phố"), ("Hà Giang", "Tỉnh"), ("Cao Bằng", "Tỉnh"), ("Bắc Kạn", "Tỉnh"),
    ("Tuyên Quang", "Tỉnh"), ("Lào Cai", "Tỉnh"), ("Điện Biên", "Tỉnh"), ("Lai Châu", "Tỉnh"),
    ("Sơn La", "Tỉnh"), ("Yên Bái", "Tỉnh"), ("Hòa Bình", "Tỉnh"), ("Thái Nguyên", "Tỉnh"),
    ("Lạng Sơn", "Tỉnh"), ("Quảng Ninh", "Tỉnh"), ("Bắc Giang", "Tỉnh"), ("Phú Thọ", "Tỉnh"),
    ("Vĩnh Phúc", "Tỉnh"), ("Bắc Ninh", "Tỉnh"), ("Hải Dương", "Tỉnh"), ("Hải Phòng", "Thành phố"),
    ("Hưng Yên", "Tỉnh"), ("Thái Bình", "Tỉnh"), ("Hà Nam", "Tỉnh"), ("Nam Định", "Tỉnh"),
    ("Ninh Bình", "Tỉnh"), ("Thanh Hóa", "Tỉnh"), ("Nghệ An", "Tỉnh"), ("Hà Tĩnh", "Tỉnh"),
    ("Quảng Bình", "Tỉnh"), ("Quảng Trị", "Tỉnh"), ("Huế", "Thành phố"), ("Đà Nẵng", "Thành phố"),
    ("Quảng Nam", "Tỉnh"), ("Quảng Ngãi", "Tỉnh"), ("Bình Định", "Tỉnh"), ("Phú Yên", "Tỉnh"),
    ("Khánh Hòa", "Tỉnh"), ("Ninh Thuận", "Tỉnh"), ("Bình Thuận", "Tỉnh"), ("Kon Tum", "Tỉnh"),
    ("Gia Lai", "Tỉnh"), ("Đắk Lắk", "Tỉnh"), ("Đắk Nông", "Tỉnh"), ("Lâm Đồng", "Tỉnh"),
    ("Bình Phước", "Tỉnh"), ("Tây Ninh", "Tỉnh"), ("Bình Dương", "Tỉnh"), ("Đồng Nai", "Tỉnh"),
    ("Bà Rịa - Vũng Tàu", "Tỉnh"), ("Hồ Chí Minh", "Thành phố"), ("Long An", "Tỉnh"),
    ("Tiền Giang", "Tỉnh"), ("Bến Tre", "Tỉnh"), ("Trà Vinh", "Tỉnh"), ("Vĩnh Long", "Tỉnh"),
    ("Đồng Tháp", "Tỉnh"), ("An Giang", "Tỉnh"), ("Kiên Giang", "Tỉnh"), ("Cần Thơ", "Thành phố"),
    ("Hậu Giang", "Tỉnh"), ("Sóc Trăng", "Tỉnh"), ("Bạc Liêu", "Tỉnh"), ("Cà Mau", "Tỉnh"),
)

_PROVINCE_ALIASES = {
    "Thừa Thiên Huế": "Huế",
    "Thừa Thiên - Huế": "Huế",
    "TP HCM": "Hồ Chí Minh",
    "TP.HCM": "Hồ Chí Minh",
    "TPHCM": "Hồ Chí Minh",
    "Sài Gòn": "Hồ Chí Minh",
    "Bà Rịa Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Đắc Lắc": "Đắk Lắk",
    "Đắk Lắc": "Đắk Lắk",
}

# Folded alias -> folded short name.
_ALIAS_KEYS = {fold(alias): fold(target) for alias, target in _PROVINCE_ALIASES.items()}

# Used when vietnamadminunits is not installed: the seeds' districts and a few more.
_BUILTIN_DISTRICTS: tuple[tuple[str, str, str], ...] = (
    # (province short name, district short name, unit type)
    ("Hà Tĩnh", "Đức Thọ", "Huyện"),
    ("Hà Tĩnh", "Hà Tĩnh", "Thành phố"),
    ("Hồ Chí Minh", "Bình Thạnh", "Quận"),
    ("Hồ Chí Minh", "Thủ Đức", "Thành phố"),
    ("Bắc Giang", "Bắc Giang", "Thành phố"),
    ("Lạng Sơn", "Lạng Sơn", "Thành phố"),
    ("Hà Nội", "Hoàn Kiếm", "Quận"),
    ("Hà Nội", "Ba Đình", "Quận"),
)


@dataclass(frozen=True)
class Place:
    name: str  # short name: "Bắc Giang", "Đức Thọ"
    kind: str  # "province" | "district"
    unit_type: str  # "Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã"
    slug: str  # "bac-giang", "ha-tinh-duc-tho"
    province: str  # short name of the province (itself for a province)

    @property
    def province_slug(self) -> str:
        return slugify(self.province)


@dataclass
class Gazetteer:
    """Place names by folded key; districts may share a name across provinces."""

    provinces: dict[str, Place] = field(default_factory=dict)
    districts: dict[str, list[Place]] = field(default_factory=dict)

    def add_province(self, name: str, unit_type: str) -> None:
        self.provinces[fold(name)] = Place(name, "province", unit_type, slugify(name), name)

    def add_district(self, province: str, name: str, unit_type: str) -> None:
        place = Place(name, "district", unit_type, f"{slugify(province)}-{slugify(name)}", province)
        bucket = self.districts.setdefault(fold(name), [])
        if place not in bucket:
            bucket.append(place)

    def province(self, name: str) -> Place | None:
        key = fold(name)
        if key in self.provinces:
            return self.provinces[key]
        target = _ALIAS_KEYS.get(key)
        return self.provinces.get(target) if target else None

    def district(self, name: str, province: str | None = None) -> list[Place]:
        found = self.districts.get(fold(name), [])
        if province:
            pkey = fold(province)
            found = [p for p in found if fold(p.province) == pkey]
        return list(found)


def _dataset_path() -> str | None:
    try:
        import vietnamadminunits  # noqa: F401
    except Exception:  # pragma: no cover - optional dependency
        return None
    path = os.path.join(os.path.dirname(vietnamadminunits.__file__), "data", "dataset.db")
    return path if os.path.exists(path) else None


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for name, unit_type in _PROVINCES:
        gaz.add_province(name, unit_type)
    path = _dataset_path()
    rows: list[tuple[str, str, str]] = []
    if path:
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
                rows = conn.execute(
                    "SELECT DISTINCT provinceShort, districtShort, districtType "
                    "FROM admin_units_legacy WHERE districtShort IS NOT NULL"
                ).fetchall()
        except sqlite3.Error:  # pragma: no cover - broken optional data
            rows = []
    for province, district, unit_type in rows or _BUILTIN_DISTRICTS:
        if gaz.province(province) is None:
            continue
        gaz.add_district(gaz.province(province).name, district, unit_type or "Huyện")
    return gaz


_override: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The gazetteer in use (the built-in one unless :func:`set_gazetteer` replaced it)."""
    return _override if _override is not None else _default_gazetteer()


def set_gazetteer(gaz: Gazetteer | None) -> None:
    """Replace the gazetteer (e.g. by one built from the region tree); None restores the default."""
    global _override
    _override = gaz
