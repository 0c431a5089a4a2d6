"""PDFs written by hand for the reader's tests: Helvetica with a ToUnicode map, so any
character (Vietnamese letters included) gets a one-byte code the text layer reads back."""

from collections.abc import Callable

Literal = Callable[[str], bytes]


def handmade_pdf(draw: Callable[[Literal], list[bytes]]) -> bytes:
    """A PDF with one page per content stream that ``draw`` returns; ``draw`` writes its
    text with the ``literal`` it is given (a PDF string in the font's codes)."""
    codes: dict[str, int] = {}

    def literal(text: str) -> bytes:
        data = [ord(ch) if 32 <= ord(ch) < 127 else codes.setdefault(ch, 0x80 + len(codes)) for ch in text]
        return b"(" + b"".join(bytes([c]) if 32 <= c < 127 and c not in b"()\\" else b"\\%03o" % c for c in data) + b")"

    contents = draw(literal)
    entries = [(code, ch) for ch, code in codes.items()] + [(i, chr(i)) for i in range(32, 127)]
    cmap = [
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        b"1 begincodespacerange <00> <FF> endcodespacerange",
    ]
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        cmap.append(b"%d beginbfchar" % len(chunk))
        cmap += [b"<%02X> <%s>" % (c, ch.encode("utf-16-be").hex().upper().encode()) for c, ch in chunk]
        cmap.append(b"endbfchar")
    cmap.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    cmap_stream = b"\n".join(cmap)

    kids = b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(len(contents)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(contents),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap_stream) + cmap_stream + b"\nendstream",
    ]
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (6 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
