"""A collection's results as a table: CSV (UTF-8 with a BOM, which Excel needs) and .xlsx (openpyxl)."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from cms.content.filters import FILTER_LABELS

HEADERS = ["STT", "Tiêu đề", "Số hiệu", FILTER_LABELS["content"], FILTER_LABELS["kind"], FILTER_LABELS["issuer"], "Ngày ban hành", "Địa chỉ"]


def rows(hits, absolute_url):
    """One row per hit, in the collection's order."""
    for number, hit in enumerate(hits, start=1):
        yield [
            number,
            hit.title,
            hit.number,
            hit.content_label,
            hit.kind_label,
            hit.issuer,
            f"{hit.date:%d/%m/%Y}" if hit.date else "",
            absolute_url(hit.url),
        ]


def csv_bytes(hits, absolute_url):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows(hits, absolute_url))
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(title, hits, absolute_url):
    workbook = Workbook()
    sheet = workbook.active
    # Excel refuses sheet titles over 31 characters or with []:*?/\ in them.
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Bộ sưu tập"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(hits, absolute_url):
        sheet.append(row)
    for column, width in zip("ABCDEFGH", (6, 70, 18, 18, 16, 36, 14, 50)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    workbook.properties.title = title
    workbook.properties.language = "vi-VN"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
