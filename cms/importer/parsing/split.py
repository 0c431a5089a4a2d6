"""Splitting a file into its documents."""

from __future__ import annotations



from .attachment import attachment_start, is_attached_line
from .header import is_pre_header
from .kind import kind_title
from .lines import BULLET_RE, is_blank, is_capacity, is_caps, is_header_marker, is_noi_nhan, word_count
from .subject import SUBJECT_LINE_RE


def split_documents(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line ranges of the documents in a file.

    A new document starts where a header marker (motto, "Số", date line, "Kính gửi", signature
    stamp) follows body text or a closing block; its issuer lines above the marker go with it.
    Header parts that can be long (the V/v subject, the title under "KẾ HOẠCH", list items)
    are not taken for body text.
    """
    starts = [0]
    seen_body = False
    closing = False
    in_header_field = False  # inside a V/v subject or the title under a kind line
    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            if in_header_field and i < len(lines) and not lines[i].strip():
                in_header_field = False
            continue
        if not seen_body and (SUBJECT_LINE_RE.match(s) or (is_caps(s) and kind_title(s)[0] is not False)):
            in_header_field = True
            i += 1
            continue
        if in_header_field and not seen_body and not is_header_marker(s):
            i += 1
            continue
        in_header_field = False
        if BULLET_RE.match(s) and not seen_body:
            i += 1
            continue
        if len(s) > 160:  # header parts and signing lines are short: this is body text
            if is_noi_nhan(s):
                closing = True
            else:
                seen_body = True
            i += 1
            continue
        if (seen_body or closing) and is_header_marker(s):
            j = i
            while j - 1 > starts[-1] and is_pre_header(lines[j - 1]):
                j -= 1
            while j < i and is_blank(lines[j]):
                j += 1
            starts.append(j)
            seen_body = closing = False
            i += 1
            continue
        if is_noi_nhan(s) or is_capacity(s):
            closing = True
        elif not is_caps(s) and word_count(s) >= 12 and not is_header_marker(s):
            seen_body = True
        i += 1
    for k, line in enumerate(lines):
        if k > starts[-1] and is_attached_line(line):
            j = attachment_start(lines, k, starts[-1])
            if j > starts[-1] and any(x.strip() for x in lines[starts[-1]:j]):
                starts.append(j)
    starts.sort()
    bounds = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        if any(l.strip() for l in lines[start:end]):
            bounds.append((start, end))
    return bounds


# ============================================================================================
# One document
# ============================================================================================
