"""Turning plain document text into StreamField blocks (no Django).

Documents come from scans and office files: markdown bold, escaped and stray
asterisks, lines wrapped mid-sentence. The body is kept as the document
wrote it, split into its numbered sections ("1.", "2.1.", "a)") under its
Roman-numbered headings ("I. MỤC ĐÍCH, YÊU CẦU").
"""

import html
import re
import unicodedata

ROMAN_HEADING = re.compile(r"^([IVX]{1,5})[.)]\s+(.+)$")
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s*(.*)$", re.S)
BULLET = re.compile(r"^[-–+•]\s+")


def clean_line(line):
    """One line without markdown emphasis, escapes or stray asterisks."""
    line = unicodedata.normalize("NFC", line)
    # Asterisks are never content in these documents: bold, emphasis, escapes, noise.
    line = line.replace("*", "").replace("\\", "")
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


def paragraphs(text):
    """Blank-line separated paragraphs, each a list of clean non-empty lines."""
    result, current = [], []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = clean_line(raw)
        if line:
            current.append(line)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def _html(lines):
    """Lines as HTML: bullet lines become a list, others a paragraph each."""
    parts, items = [], []
    for line in lines:
        if BULLET.match(line):
            items.append(f"<li>{html.escape(BULLET.sub('', line))}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        parts.append(f"<p>{html.escape(line)}</p>")
    if items:
        parts.append("<ul>" + "".join(items) + "</ul>")
    return "".join(parts)


def body_blocks(text):
    """StreamField data: ("heading", str), ("paragraph", html), ("section", dict)."""
    blocks = []
    section = None
    for para in paragraphs(text):
        first = para[0]
        roman = ROMAN_HEADING.match(first)
        if roman and roman.group(2).upper() == roman.group(2):
            blocks.append(("heading", f"{roman.group(1)}. {roman.group(2)}"))
            section = None
            rest = para[1:]
            if rest:
                blocks.append(("paragraph", _html(rest)))
            continue
        numbered = NUMBERED.match(first)
        if numbered:
            section = {"number": numbered.group(1), "heading": "", "lines": []}
            if numbered.group(2):
                section["lines"].append(numbered.group(2))
            section["lines"].extend(para[1:])
            blocks.append(("section", section))
            continue
        if section is not None:
            section["lines"].extend(para)
        else:
            blocks.append(("paragraph", _html(para)))
    return [
        (kind, {"number": value["number"], "heading": value["heading"], "content": _html(value["lines"])})
        if kind == "section"
        else (kind, value)
        for kind, value in blocks
    ]


def slice_body(text, start, end):
    """The text from the line holding ``start`` to the end of the line holding ``end``."""
    begin = text.index(start)
    begin = text.rfind("\n", 0, begin) + 1
    finish = text.index(end, begin) + len(end)
    newline = text.find("\n", finish)
    return text[begin : newline if newline != -1 else len(text)]
