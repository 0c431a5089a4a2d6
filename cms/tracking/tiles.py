"""A tile map of today's 34 provinces: one square each, placed roughly where it lies.

(column, row, label) by the province's slug; columns run west to east, rows
north to south. Labels are short enough for a tile; the full name is in each
tile's title and in the table beside the map.
"""

TILE = 62
GAP = 4
PAD = 2

LAYOUT = {
    "lai-chau": (1, 0, "Lai Châu"),
    "lao-cai": (2, 0, "Lào Cai"),
    "tuyen-quang": (3, 0, "Tuyên Quang"),
    "cao-bang": (4, 0, "Cao Bằng"),
    "dien-bien": (0, 1, "Điện Biên"),
    "son-la": (1, 1, "Sơn La"),
    "phu-tho": (2, 1, "Phú Thọ"),
    "thai-nguyen": (3, 1, "Thái Nguyên"),
    "lang-son": (4, 1, "Lạng Sơn"),
    "ha-noi": (2, 2, "Hà Nội"),
    "bac-ninh": (3, 2, "Bắc Ninh"),
    "quang-ninh": (4, 2, "Quảng Ninh"),
    "ninh-binh": (2, 3, "Ninh Bình"),
    "hung-yen": (3, 3, "Hưng Yên"),
    "hai-phong": (4, 3, "Hải Phòng"),
    "thanh-hoa": (2, 4, "Thanh Hóa"),
    "nghe-an": (2, 5, "Nghệ An"),
    "ha-tinh": (3, 5, "Hà Tĩnh"),
    "quang-tri": (3, 6, "Quảng Trị"),
    "hue": (4, 6, "Huế"),
    "da-nang": (4, 7, "Đà Nẵng"),
    "quang-ngai": (4, 8, "Quảng Ngãi"),
    "gia-lai": (4, 9, "Gia Lai"),
    "dak-lak": (4, 10, "Đắk Lắk"),
    "lam-dong": (3, 11, "Lâm Đồng"),
    "khanh-hoa": (4, 11, "Khánh Hòa"),
    "tay-ninh": (1, 12, "Tây Ninh"),
    "ho-chi-minh": (2, 12, "TP HCM"),
    "dong-nai": (3, 12, "Đồng Nai"),
    "an-giang": (0, 13, "An Giang"),
    "dong-thap": (1, 13, "Đồng Tháp"),
    "vinh-long": (2, 13, "Vĩnh Long"),
    "ca-mau": (0, 14, "Cà Mau"),
    "can-tho": (1, 14, "Cần Thơ"),
}
COLUMNS = 1 + max(col for col, _row, _label in LAYOUT.values())
ROWS = 1 + max(row for _col, row, _label in LAYOUT.values())


def tiles(provinces):
    """Each ProvinceStatus with its tile's position; a province missing from LAYOUT
    (a change of the region package) goes to a row of its own below the map."""
    placed, extra = [], 0
    for status in provinces:
        col, row, label = LAYOUT.get(status.region.slug) or (extra % COLUMNS, ROWS + extra // COLUMNS, status.region.name)
        if status.region.slug not in LAYOUT:
            extra += 1
        placed.append(
            {
                "status": status,
                "label": label,
                "x": PAD + col * (TILE + GAP),
                "y": PAD + row * (TILE + GAP),
                "cx": PAD + col * (TILE + GAP) + TILE // 2,
            }
        )
    rows = ROWS + (extra + COLUMNS - 1) // COLUMNS
    return placed, {"width": 2 * PAD + COLUMNS * (TILE + GAP) - GAP, "height": 2 * PAD + rows * (TILE + GAP) - GAP, "tile": TILE}
