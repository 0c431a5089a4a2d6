"""A tracking report as an .xlsx workbook (openpyxl): the implementing documents by
province, the coverage of the 34 provinces, and the units that have issued none."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from .coverage import ISSUED


def _date(value):
    return f"{value:%d/%m/%Y}" if value else ""


def _sheet(workbook, title, headers, rows, widths, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column, width in zip("ABCDEFGHIJ", widths):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"


def document_rows(report, absolute_url):
    for status in report.coverage.provinces:
        for group in status.units:
            for node in group.nodes:
                yield _document_row(status.region.name, group.label, node, absolute_url)
    for node in report.coverage.national:
        yield _document_row("Trung ương / toàn quốc", "", node, absolute_url)


def _document_row(province, unit, node, absolute_url):
    page = node.page
    return [
        province,
        unit,
        node.depth,
        page.number,
        page.title,
        str(page.issuer or ""),
        _date(node.date),
        node.parent.page.number or node.parent.page.title if node.parent else "",
        absolute_url(page.url or ""),
    ]


def xlsx_bytes(report, absolute_url):
    subject = report.subject
    workbook = Workbook()
    _sheet(
        workbook,
        "Văn bản thực hiện",
        ["Tỉnh, thành phố (hiện nay)", "Đơn vị", "Cấp", "Số hiệu", "Tiêu đề", "Cơ quan ban hành", "Ngày", "Thực hiện văn bản", "Địa chỉ"],
        document_rows(report, absolute_url),
        (24, 28, 6, 16, 70, 36, 12, 20, 50),
        first=True,
    )
    _sheet(
        workbook,
        "Độ bao phủ",
        ["Tỉnh, thành phố", "Tình trạng", "Văn bản đầu tiên", "Số văn bản"],
        (
            [p.region.name, p.status_label, _date(p.first_date), len(p.nodes) if p.status == ISSUED else ""]
            for p in report.coverage.provinces
        ),
        (28, 18, 16, 12),
    )
    _sheet(
        workbook,
        "Chưa ban hành",
        ["Đơn vị", "Thuộc tỉnh, thành phố (hiện nay)"],
        ([unit.full_name, province.name] for unit, province in report.coverage.missing),
        (40, 30),
    )
    workbook.properties.title = f"Theo dõi thực hiện {subject.title}"[:250]
    workbook.properties.language = "vi-VN"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
