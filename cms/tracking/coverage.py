"""Where a document has been implemented: by today's province and the units beneath it.

What "not applicable" (không áp dụng) means: a document applies to the units
beneath its issuer. A central document (level Trung ương, or no region of its
own) applies to all 34 provinces; a document of a province, or of a unit
beneath one, applies to that province only, and every other province is "not
applicable". A local document cited by number but not in the archive has no
known place: its scope is the provinces where its implementing documents were
issued (the page says so).

Which units are expected to issue one: beneath a central document, today's
provinces, and for a document issued before 1 July 2025 (when 63 provinces
became 34) also the provinces of that time merged into them; beneath a
provincial document of that time, its districts (abolished since).
"""

from dataclasses import dataclass, field
from datetime import date

from cms.taxonomy.models import Region
from vietnamese.vocabulary import DISTRICT, PROVINCE

from .tree import PROVINCE_PATH_LEN, all_nodes, province_path

MERGE_DATE = date(2025, 7, 1)

ISSUED, NOT_YET, NOT_APPLICABLE = "da_ban_hanh", "chua_ban_hanh", "khong_ap_dung"
STATUS_LABELS = {
    ISSUED: "Đã ban hành",
    NOT_YET: "Chưa ban hành",
    NOT_APPLICABLE: "Không áp dụng",
}


@dataclass
class UnitGroup:
    """The implementing documents of one unit beneath a province (or of the province itself)."""

    label: str  # "" for the province as it is today
    nodes: list = field(default_factory=list)


@dataclass
class ProvinceStatus:
    region: Region
    status: str
    nodes: list = field(default_factory=list)
    units: list = field(default_factory=list)  # UnitGroups
    first_date: date | None = None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


@dataclass
class Coverage:
    provinces: list  # ProvinceStatus, in tree order (34)
    national: list  # nodes with no province (central bodies, unknown place)
    missing: list  # (unit Region, today's province Region) without an implementing document

    def count(self, status):
        return sum(1 for p in self.provinces if p.status == status)

    @property
    def issued(self):
        return [p for p in self.provinces if p.status == ISSUED]

    @property
    def counts(self):
        return [(code, label, self.count(code)) for code, label in STATUS_LABELS.items()]


def _unit_label(path, province, names):
    """The units between today's province and ``path``: "Bắc Giang", "Hà Tĩnh cũ › Đức Thọ"."""
    steps = [names[path[:end]] for end in range(PROVINCE_PATH_LEN + 4, len(path) + 1, 4) if path[:end] in names]
    return " › ".join(region.name for region in steps)


def coverage(subject, roots):
    nodes = all_nodes(roots)
    paths = {path for node in nodes for path in node.region_paths} | set(subject.scope_paths)
    names = {region.path: region for region in Region.with_ancestors(paths)}
    provinces = list(Region.objects.filter(depth=2, level=PROVINCE).order_by("path"))

    by_province, national = {}, []
    for node in nodes:
        placed = set()
        for path in node.region_paths:
            top = province_path(path)
            if top is None:
                continue
            groups = by_province.setdefault(top, {})
            label = _unit_label(path, top, names)
            if (top, label) not in placed:
                groups.setdefault(label, UnitGroup(label)).nodes.append(node)
                placed.add((top, label))
        if not placed:
            national.append(node)

    scope = {province_path(p) for p in subject.scope_paths}
    if subject.scope_inferred:
        scope = set(by_province)
    statuses = []
    for region in provinces:
        groups = by_province.get(region.path, {})
        found = list({id(n): n for g in groups.values() for n in g.nodes}.values())
        if found:
            status = ISSUED
        elif not scope or region.path in scope:
            status = NOT_YET
        else:
            status = NOT_APPLICABLE
        dates = [n.date for n in found if n.date]
        statuses.append(
            ProvinceStatus(
                region=region,
                status=status,
                nodes=found,
                units=sorted(groups.values(), key=lambda g: g.label),
                first_date=min(dates) if dates else None,
            )
        )
    return Coverage(statuses, national, _missing(subject, statuses, nodes))


def _missing(subject, statuses, nodes):
    """The units expected to issue an implementing document that have not (see the module)."""
    applicable = [p for p in statuses if p.status != NOT_APPLICABLE]
    issued_paths = {path for node in nodes for path in node.region_paths}

    def issued_beneath(region):
        return any(path.startswith(region.path) for path in issued_paths)

    before_merge = subject.issued_date is None or subject.issued_date < MERGE_DATE
    local_scope = [p for p in subject.scope_paths if len(p) >= PROVINCE_PATH_LEN]
    provincial = subject.level == "tinh" or (local_scope and not subject.level)
    if local_scope and provincial:
        if not before_merge:
            return [(p.region, p.region) for p in applicable if p.status == NOT_YET]
        units = Region.objects.none()
        for path in local_scope:
            units = units | Region.objects.filter(path__startswith=path, level=DISTRICT)
        by_path = {p.region.path: p.region for p in statuses}
        return [(u, by_path[u.path[:PROVINCE_PATH_LEN]]) for u in units.order_by("path") if not issued_beneath(u)]
    if local_scope:
        return [(p.region, p.region) for p in applicable if p.status == NOT_YET]
    missing = []
    old = {}
    if before_merge:
        for region in Region.objects.filter(depth=3, level=PROVINCE, historical=True).order_by("path"):
            old.setdefault(region.path[:PROVINCE_PATH_LEN], []).append(region)
    for status in applicable:
        if status.status == NOT_YET:
            missing.append((status.region, status.region))
        missing += [(unit, status.region) for unit in old.get(status.region.path, []) if not issued_beneath(unit)]
    return missing
