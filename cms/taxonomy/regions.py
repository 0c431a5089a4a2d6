"""The region tree, built from the vietnamadminunits package (no Django).

On 1 July 2025 Vietnam went from 63 provinces to 34 and abolished districts.
The archive holds documents of both eras, so the tree is:

    Việt Nam
      └─ today's province (34)
           ├─ the pre-2025 province(s) merged into it (historical), each with
           │  its districts (historical)
           └─ or, for a province that was not merged, its districts directly

A filter on a node then includes everything beneath it: filtering by today's
Bắc Ninh finds documents of the old Bắc Giang and its districts as well.
Paths follow django-treebeard's materialised path (4 base-36 characters a
level), so the whole tree can be bulk-inserted in one query.
"""

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from vietnamese.text import slugify
from vietnamese.vocabulary import DISTRICT, NATION, PROVINCE

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4

HISTORICAL_SUFFIX = "-truoc-2025"


def ancestor_paths(path, from_depth=1):
    """``path`` and the paths of the units above it, from ``from_depth`` down:
    a document of a district is also one of its province (and of today's
    province above an old one), so filtering by a unit finds what lies beneath."""
    return [path[:end] for end in range(from_depth * STEPLEN, len(path) + 1, STEPLEN)]


@dataclass
class RegionNode:
    path: str
    name: str
    full_name: str
    slug: str
    level: str
    code: str = ""
    historical: bool = False

    @property
    def depth(self):
        return len(self.path) // STEPLEN


def _step(number):
    """The 1-based child number in treebeard's base-36, STEPLEN wide."""
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def _package_data_dir():
    import vietnamadminunits

    return Path(vietnamadminunits.__file__).parent / "data"


def _load_units():
    """Old provinces with their districts, and the 2025 merge table."""
    data_dir = _package_data_dir()
    with sqlite3.connect(data_dir / "dataset.db") as conn:
        legacy = conn.execute(
            "SELECT DISTINCT province, provinceShort, provinceKey, provinceCode,"
            " district, districtShort, districtCode FROM admin_units_legacy"
            " ORDER BY provinceCode, districtCode"
        ).fetchall()
        current = conn.execute(
            "SELECT DISTINCT province, provinceShort, provinceKey, provinceCode"
            " FROM admin_units ORDER BY provinceCode"
        ).fetchall()
    merges = json.loads((data_dir / "converter_2025.json").read_text("utf-8"))["DICT_PROVINCE"]
    return legacy, current, merges


def build_region_tree():
    """Every region node, parents before children, with treebeard paths."""
    legacy, current, merges = _load_units()
    old_provinces = {}
    districts = {}
    for province, short, key, code, district, district_short, district_code in legacy:
        old_provinces.setdefault(key, (province, short, code))
        if district:
            districts.setdefault(key, []).append((district, district_short, district_code))

    nodes = [RegionNode(_step(1), "Việt Nam", "Việt Nam", "viet-nam", NATION, "VN")]
    for p_index, (province, short, key, code) in enumerate(current, start=1):
        p_path = nodes[0].path + _step(p_index)
        p_slug = slugify(short)
        nodes.append(RegionNode(p_path, short, province, p_slug, PROVINCE, code))
        predecessors = merges.get(key, [key])
        if predecessors == [key]:
            nodes.extend(_district_nodes(p_path, p_slug, districts.get(key, [])))
            continue
        for o_index, old_key in enumerate(predecessors, start=1):
            old_name, old_short, old_code = old_provinces[old_key]
            o_path = p_path + _step(o_index)
            base_slug = slugify(old_short)
            o_slug = base_slug + HISTORICAL_SUFFIX if old_key == key else base_slug
            label = f"{old_short} (trước 01/7/2025)" if old_key == key else old_short
            nodes.append(RegionNode(o_path, label, old_name, o_slug, PROVINCE, old_code, True))
            nodes.extend(_district_nodes(o_path, base_slug, districts.get(old_key, [])))
    return nodes


def _district_nodes(parent_path, province_slug, rows):
    return [
        RegionNode(
            parent_path + _step(index),
            short,
            name,
            f"{province_slug}-{slugify(short)}",
            DISTRICT,
            code,
            True,
        )
        for index, (name, short, code) in enumerate(rows, start=1)
    ]
