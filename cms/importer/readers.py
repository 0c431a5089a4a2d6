"""Read uploaded files into Unicode text for the parser.  Pure Python, no Django.

    >>> result = read_text("/path/to/cong-van.docx")
    >>> result.text, result.encoding, result.warnings

Supported: .txt / .md in UTF-8 (with or without BOM), UTF-16/32 (with BOM), and the legacy
Vietnamese 8-bit encodings TCVN3 (ABC, the ".VnTime" fonts) and VNI (the "VNI-Times" fonts),
Windows-1258; .docx (paragraphs and table cells in document order, the header table above the
text column by column, a title over several centred paragraphs as one block, runs in legacy fonts
converted); .pdf (the text layer; columns read across the page are put back by the parser).  Everything else, and anything unreadable, raises
:class:`ReaderError` with a Vietnamese message an editor can act on.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import IO, Union

__all__ = [
    "ReadResult",
    "ReaderError",
    "read_text",
    "decode_text",
    "tcvn3_to_unicode",
    "unicode_to_tcvn3",
    "vni_to_unicode",
    "unicode_to_vni",
    "detect_legacy",
    "vietnamese_score",
    "SUPPORTED_EXTENSIONS",
]

SUPPORTED_EXTENSIONS = (".txt", ".md", ".markdown", ".text", ".docx", ".pdf")
_TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".text")


class ReaderError(Exception):
    """A file that cannot be read; ``str(error)`` is a Vietnamese message for the editor."""


@dataclass
class ReadResult:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


# ============================================================================================
# Legacy encodings
# ============================================================================================

# TCVN 5712:1993 VN3 ("ABC", fonts .VnTime, .VnArial...): one byte per precomposed lower-case
# letter; upper-case letters with tone marks do not exist: headings are typed in lower case and
# shown in capitals by the "H" fonts (.VnTimeH).  Byte -> character, from the published chart.
TCVN3_TABLE: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

# VNI Windows (fonts VNI-Times, VNI-Helve...): a base letter followed by a mark byte
# ("aù" = á, "eä" = ệ); ơ, ư, đ, the toned i and ỵ are single bytes.  Characters are written as
# the Windows-1252 glyphs of the bytes, as in the published chart.  Lower case; upper case is
# the same with both bytes in upper case ("AÙ" = Á).
_VNI_LOWER: dict[str, str] = {
    "á": "aù", "à": "aø", "ả": "aû", "ã": "aõ", "ạ": "aï",
    "ă": "aê", "ắ": "aé", "ằ": "aè", "ẳ": "aú", "ẵ": "aü", "ặ": "aë",
    "â": "aâ", "ấ": "aá", "ầ": "aà", "ẩ": "aå", "ẫ": "aã", "ậ": "aä",
    "é": "eù", "è": "eø", "ẻ": "eû", "ẽ": "eõ", "ẹ": "eï",
    "ê": "eâ", "ế": "eá", "ề": "eà", "ể": "eå", "ễ": "eã", "ệ": "eä",
    "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò",
    "ó": "où", "ò": "oø", "ỏ": "oû", "õ": "oõ", "ọ": "oï",
    "ô": "oâ", "ố": "oá", "ồ": "oà", "ổ": "oå", "ỗ": "oã", "ộ": "oä",
    "ơ": "ô", "ớ": "ôù", "ờ": "ôø", "ở": "ôû", "ỡ": "ôõ", "ợ": "ôï",
    "ú": "uù", "ù": "uø", "ủ": "uû", "ũ": "uõ", "ụ": "uï",
    "ư": "ö", "ứ": "öù", "ừ": "öø", "ử": "öû", "ữ": "öõ", "ự": "öï",
    "ý": "yù", "ỳ": "yø", "ỷ": "yû", "ỹ": "yõ", "ỵ": "î",
    "đ": "ñ",
}
VNI_TABLE: dict[str, str] = {**_VNI_LOWER, **{c.upper(): s.upper() for c, s in _VNI_LOWER.items()}}

_VNI_DECODE: dict[str, str] = {}
for _char, _seq in VNI_TABLE.items():
    _VNI_DECODE[_seq] = _char
for _char, _seq in _VNI_LOWER.items():
    if len(_seq) == 2:  # "Aù" (upper-case letter, lower-case mark) is seen in the wild
        _VNI_DECODE.setdefault(_seq[0].upper() + _seq[1], _char.upper())
_VNI_RE = re.compile("|".join(re.escape(s) for s in sorted(_VNI_DECODE, key=len, reverse=True)))

_TCVN3_ENCODE: dict[str, int] = {c: b for b, c in TCVN3_TABLE.items()}


def _bytes_to_cp1252(data: bytes) -> str:
    """Bytes as the Windows-1252 glyphs a legacy font file is written in (undefined bytes kept)."""
    return data.decode("cp1252", errors="strict") if _cp1252_ok(data) else "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data
    )


def _cp1252_ok(data: bytes) -> bool:
    return not any(b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in data)


def _glyphs_to_bytes(text: str) -> bytes:
    """Inverse of :func:`_bytes_to_cp1252`: Unicode glyphs of a legacy font back to its bytes."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:
                out.append(ord(ch))
            else:
                out += b"?"
    return bytes(out)


def tcvn3_to_unicode(data: bytes | str) -> str:
    """TCVN3 (ABC) bytes, or their Windows-1252 glyphs, to Unicode NFC."""
    if isinstance(data, str):
        data = _glyphs_to_bytes(data)
    out = []
    for b in data:
        ch = TCVN3_TABLE.get(b)
        if ch is None:
            ch = bytes([b]).decode("cp1252", errors="ignore") or chr(b)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def unicode_to_tcvn3(text: str) -> bytes:
    """Unicode to TCVN3 bytes.  Upper-case toned letters have no code: they are written in lower
    case, as typists did with the .VnTimeH fonts."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch])
        elif ch.lower() in _TCVN3_ENCODE and ch not in "ĂÂÊÔƠƯĐ":
            out.append(_TCVN3_ENCODE[ch.lower()])
        else:
            out += _glyphs_to_bytes(ch)
    return bytes(out)


def vni_to_unicode(data: bytes | str) -> str:
    """VNI Windows bytes, or their Windows-1252 glyphs, to Unicode NFC."""
    text = _bytes_to_cp1252(data) if isinstance(data, bytes) else data
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: _VNI_DECODE[m.group(0)], text))


def unicode_to_vni(text: str) -> bytes:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(VNI_TABLE.get(ch, ch))
    return _glyphs_to_bytes("".join(out))


# ---------------------------------------------------------------------------- detection

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
_NUCLEI = (
    "iêu yêu uyê uya oai oay oao oeo uây uôi ươi ươu uyu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE_RE = re.compile(
    "^" + _ONSET + "(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + ")(?:ch|ng|nh|c|m|n|p|t)?$"
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def _is_syllable(word: str) -> bool:
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = sum(nfd.count(t) for t in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return bool(_SYLLABLE_RE.match(bare))


def vietnamese_score(text: str) -> float:
    """Share of the words with non-ASCII letters that are well-formed Vietnamese syllables.

    A text decoded with the wrong table gives letters in impossible places ("ViÖt", "Vieọt");
    ASCII-only words say nothing about the encoding and are not counted.  1.0 when no word has a
    non-ASCII letter.
    """
    words = [w for w in _WORD_RE.findall(text) if not w.isascii()]
    if not words:
        return 1.0
    good = sum(1 for w in words if _is_syllable(w))
    return good / len(words)


def _cp1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


_LEGACY_DECODERS = (
    ("tcvn3", tcvn3_to_unicode),
    ("vni", vni_to_unicode),
    ("windows-1258", _cp1258),
)


def detect_legacy(data: bytes) -> tuple[str, str, float]:
    """(encoding, text, score) of the best legacy decoding of ``data``."""
    best = ("", "", -1.0)
    for name, decoder in _LEGACY_DECODERS:
        text = decoder(data)
        score = vietnamese_score(text)
        if score > best[2]:
            best = (name, text, score)
    return best


_LEGACY_GLYPHS = re.compile(r"[\u0080-\u00ff]")
_VIETNAMESE_ONLY = re.compile(r"[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def fix_legacy_glyphs(text: str) -> tuple[str, str | None]:
    """Text typed in a legacy font but stored as Unicode (a .docx in .VnTime, a PDF, a copy and
    paste): its letters are Latin-1 glyphs ("ViÖt Nam", "Vieät Nam").  Returns (text, encoding
    used or None)."""
    if _VIETNAMESE_ONLY.search(text) or len(_LEGACY_GLYPHS.findall(text)) < 3:
        return text, None
    current = vietnamese_score(text)
    if current >= 0.9:
        return text, None
    name, fixed, score = detect_legacy(_glyphs_to_bytes(text))
    if score >= 0.8 and score > current:
        return fixed, name
    return text, None


# ============================================================================================
# Plain text
# ============================================================================================

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A))
    return controls > max(2, len(sample) // 200)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    for codec, nul in (("utf-16-le", odd_nul), ("utf-16-be", even_nul)):
        if nul > half * 0.3:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text.encode("utf-8")):
                return codec
    return None


def decode_text(data: bytes, filename: str = "") -> ReadResult:
    """Decode the bytes of a .txt/.md file (see the module docstring for what is recognised)."""
    warnings: list[str] = []
    name = filename or "tệp"
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReaderError(f"Tệp rỗng: “{name}” không có nội dung.")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReaderError(
                    f"Tệp “{name}” có dấu BOM {codec.upper()} nhưng nội dung không đúng mã {codec.upper()} "
                    f"(lỗi ở byte {exc.start})."
                ) from exc
            return _finish(text, codec.replace("-sig", "") if codec == "utf-8-sig" else codec, warnings, name)
    if _looks_binary(data):
        codec = _utf16_without_bom(data)
        if codec:
            warnings.append(f"Bảng mã: tệp {codec.upper()} không có BOM, đã đọc được")
            return _finish(data.decode(codec), "utf-16", warnings, name)
        raise ReaderError(
            f"Tệp “{name}” không phải văn bản thuần (có dữ liệu nhị phân). "
            "Hãy tải lên tệp .txt, .md, .docx hoặc .pdf."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        fixed, legacy = fix_legacy_glyphs(text)
        if legacy:
            warnings.append(
                f"Bảng mã: chữ gõ bằng phông {legacy.upper()} đã được chuyển sang Unicode"
            )
            return _finish(fixed, f"utf-8+{legacy}", warnings, name)
        return _finish(text, "utf-8", warnings, name)

    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    if broken and broken * 200 < len(lenient) and vietnamese_score(lenient) >= 0.9:
        warnings.append(
            f"Bảng mã: tệp UTF-8 có {broken} ký tự lỗi, đã thay bằng dấu “\ufffd”: kiểm tra lại"
        )
        return _finish(lenient, "utf-8", warnings, name)

    encoding, text, score = detect_legacy(data)
    if score >= 0.75:
        label = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "windows-1258": "Windows-1258"}[encoding]
        warnings.append(f"Bảng mã: đã chuyển từ bảng mã {label} sang Unicode")
        if encoding == "tcvn3":
            warnings.append(
                "Bảng mã: TCVN3 không có chữ hoa có dấu; tiêu đề gõ bằng phông .VnTimeH sẽ thành chữ thường"
            )
        return _finish(text, encoding, warnings, name)
    high = sum(1 for b in data if b >= 0x80)
    if high <= max(3, len(data) * 3 // 10):  # a Western text with a few accents, not junk
        warnings.append(
            "Bảng mã: không nhận ra bảng mã tiếng Việt, đã đọc theo Windows-1252: kiểm tra lại dấu"
        )
        return _finish(_bytes_to_cp1252(data), "windows-1252", warnings, name)
    raise ReaderError(
        f"Không nhận ra bảng mã của tệp “{name}” (không phải UTF-8, TCVN3, VNI hay Windows-1258). "
        "Hãy mở tệp và lưu lại dưới dạng UTF-8."
    )


def _finish(text: str, encoding: str, warnings: list[str], name: str) -> ReadResult:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    if not text.strip():
        raise ReaderError(f"Tệp rỗng: “{name}” không có nội dung.")
    return ReadResult(text, encoding, warnings)


# ============================================================================================
# .docx
# ============================================================================================

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _font_of(run, paragraph) -> str:
    """The font name a run is shown in (its own, else its paragraph style's, else ""), lower case."""
    try:
        if run.font is not None and run.font.name:
            return run.font.name.lower()
        style = paragraph.style
        while style is not None:
            if style.font is not None and style.font.name:
                return style.font.name.lower()
            style = style.base_style
    except Exception:  # pragma: no cover - malformed styles
        return ""
    return ""


def _legacy_font(font: str) -> str | None:
    if font.startswith(".vn"):
        return "tcvn3"
    if font.startswith("vni-") or font.startswith("vni "):
        return "vni"
    return None


def _paragraph_text(paragraph, used: set[str]) -> str:
    parts = []
    runs = list(paragraph.runs)
    if not runs:
        return paragraph.text
    for run in runs:
        text = run.text
        if not text:
            continue
        legacy = _legacy_font(_font_of(run, paragraph))
        if legacy == "tcvn3":
            text = tcvn3_to_unicode(text)
            if _font_of(run, paragraph).rstrip().endswith("h"):  # .VnTimeH: the capitals font
                text = text.upper()
            used.add("tcvn3")
        elif legacy == "vni":
            text = vni_to_unicode(text)
            used.add("vni")
        parts.append(text)
    text = "".join(parts)
    # hyperlinks and fields hold runs python-docx does not list in .runs
    full = paragraph.text
    if not used and len(full) > len(text):
        return full
    return text


# What the XML inside a .docx may expand to; the import sets it from its settings.
MAX_EXPANDED_BYTES = 100 * 1024 * 1024


def expanded_size(data: bytes) -> int:
    """The size a zip container (.zip, .docx) expands to, read from its directory before any
    member is inflated."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(member.file_size for member in archive.infolist())


def check_expanded(data: bytes, name: str, limit: int | None = None) -> None:
    limit = MAX_EXPANDED_BYTES if limit is None else limit
    try:
        size = expanded_size(data)
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ReaderError(f"Tệp “{name}” bị hỏng (không đọc được mục lục tệp nén).") from exc
    if size > limit:
        raise ReaderError(
            f"Tệp “{name}” khi giải nén chiếm {size / 1048576:.0f} MB, vượt giới hạn {limit / 1048576:.0f} MB; "
            "không đọc tệp này (có thể là tệp nén bất thường)."
        )


_HEADER_GRID_ROWS = 6


def _is_header_grid(rows) -> bool:
    """A small table of two or more columns with no cell spanning columns (cells spanning rows
    are fine): the layout of the header block above a document's text."""
    if not rows or len(rows) > _HEADER_GRID_ROWS:
        return False
    width = len(rows[0])
    return width >= 2 and all(
        len(row) == width and len({id(cell._tc) for cell in row}) == width for row in rows
    )


def _is_centred(paragraph) -> bool:
    """Centred by the paragraph itself or by its style (the kind and title lines of a document)."""
    alignment = paragraph.paragraph_format.alignment
    style = paragraph.style
    while alignment is None and style is not None:
        alignment = style.paragraph_format.alignment
        style = style.base_style
    return alignment is not None and int(alignment) == 1  # WD_ALIGN_PARAGRAPH.CENTER


def _read_docx(data: bytes, name: str) -> ReadResult:
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - dependency missing
        raise ReaderError("Máy chủ thiếu thư viện python-docx: không đọc được tệp .docx.") from exc
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReaderError(f"Tệp “{name}” không phải tệp .docx hợp lệ (tệp hỏng hoặc sai định dạng).")
    check_expanded(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ReaderError(
            f"Tệp “{name}” bị hỏng, không mở được như tài liệu Word (.docx): {type(exc).__name__}."
        ) from exc

    used: set[str] = set()
    blocks: list[str] = []

    centred = [False]  # was the last paragraph of the body centred?

    def walk(container, parent) -> None:
        for child in container.iterchildren():
            if child.tag == _W + "p":
                paragraph = Paragraph(child, parent)
                text = _paragraph_text(paragraph, used)
                centre = bool(text.strip()) and _is_centred(paragraph)
                if centre and centred[0] and blocks and blocks[-1] == "":
                    blocks.pop()  # a title typed over several centred paragraphs stays one block
                blocks.append(text)
                blocks.append("")
                centred[0] = centre
            elif child.tag == _W + "tbl":
                centred[0] = False
                table(child, parent)
            elif child.tag == _W + "sdt":  # content controls wrap paragraphs
                content = child.find(_W + "sdtContent")
                if content is not None:
                    walk(content, parent)

    def table(element, parent) -> None:
        rows = [row.cells for row in Table(element, parent).rows]
        if not any(block.strip() for block in blocks) and _is_header_grid(rows):
            # the two-column header: each column read down, the left one first, as it is printed
            rows = [list(column) for column in zip(*rows)]
        seen = set()  # the cell elements themselves: kept alive, so never mistaken for another
        for row in rows:
            for cell in row:
                if cell._tc in seen:
                    continue  # a merged cell is listed once per column and row it spans
                seen.add(cell._tc)
                lines = []
                for grandchild in cell._tc.iterchildren():
                    if grandchild.tag == _W + "p":
                        lines.append(_paragraph_text(Paragraph(grandchild, cell), used))
                    elif grandchild.tag == _W + "tbl":
                        blocks.append("\n".join(lines))
                        lines = []
                        table(grandchild, cell)
                blocks.append("\n".join(lines))
                blocks.append("")

    try:
        walk(document.element.body, document)
    except Exception as exc:
        raise ReaderError(f"Tệp “{name}” có cấu trúc .docx không đọc được: {type(exc).__name__}.") from exc

    text = "\n".join(blocks)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    warnings: list[str] = []
    encoding = "docx"
    if used:
        labels = ", ".join(sorted(u.upper() for u in used))
        warnings.append(f"Bảng mã: đã chuyển phông {labels} sang Unicode")
        encoding = "docx+" + "+".join(sorted(used))
    else:
        fixed, legacy = fix_legacy_glyphs(text)
        if legacy:
            text = fixed
            warnings.append(
                f"Bảng mã: văn bản gõ bằng phông {legacy.upper()} đã được chuyển sang Unicode"
            )
            encoding = f"docx+{legacy}"
    if not text.strip():
        raise ReaderError(f"Tệp “{name}” không có nội dung chữ.")
    return ReadResult(unicodedata.normalize("NFC", text), encoding, warnings)


# ============================================================================================
# .pdf
# ============================================================================================


def _read_pdf(data: bytes, name: str) -> ReadResult:
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
    except ImportError as exc:  # pragma: no cover - dependency missing
        raise ReaderError("Máy chủ thiếu thư viện pypdf: không đọc được tệp .pdf.") from exc
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReaderError(f"Tệp “{name}” không phải tệp PDF hợp lệ.")
    warnings: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise ReaderError(
                    f"Tệp PDF “{name}” được mã hóa; máy chủ không giải mã được. "
                    "Hãy gỡ mật khẩu/mã hóa rồi tải lên lại."
                ) from exc
            if not ok:
                raise ReaderError(
                    f"Tệp PDF “{name}” được bảo vệ bằng mật khẩu nên không đọc được nội dung. "
                    "Hãy gỡ mật khẩu rồi tải lên lại."
                )
            warnings.append("Tệp PDF: có mã hóa nhưng không có mật khẩu mở, đã đọc được")
        pages = []
        empty = []
        for number, page in enumerate(reader.pages, start=1):
            page_text = page.extract_text() or ""
            if not page_text.strip():
                empty.append(number)
            pages.append(page_text)
    except ReaderError:
        raise
    except FileNotDecryptedError as exc:
        raise ReaderError(
            f"Tệp PDF “{name}” được bảo vệ bằng mật khẩu nên không đọc được nội dung. Hãy gỡ mật khẩu rồi tải lên lại."
        ) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise ReaderError(f"Tệp PDF “{name}” bị hỏng, không đọc được: {type(exc).__name__}.") from exc

    text = "\n\n".join(p.strip("\n") for p in pages).strip()
    if not pages or not text:
        warnings.append("Bản quét: cần nhập nội dung (PDF không có lớp chữ, có thể là bản quét)")
        return ReadResult("", "pdf", warnings)
    if empty:
        warnings.append(
            "Bản quét: các trang " + ", ".join(map(str, empty)) + " không có lớp chữ, cần nhập nội dung"
        )
    encoding = "pdf"
    fixed, legacy = fix_legacy_glyphs(text)
    if legacy:
        text = fixed
        encoding = f"pdf+{legacy}"
        warnings.append(f"Bảng mã: chữ phông {legacy.upper()} đã chuyển sang Unicode")
    return ReadResult(unicodedata.normalize("NFC", text.replace("\r\n", "\n")), encoding, warnings)


# ============================================================================================
# Entry point
# ============================================================================================

PathOrBytes = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]


def read_text(path_or_bytes: PathOrBytes, filename: str | None = None) -> ReadResult:
    """Read a file (a path, its bytes, or a binary file object) into Unicode text.

    ``filename`` gives the extension when bytes are passed (and the name used in messages).
    Raises :class:`ReaderError` with a Vietnamese message when the file cannot be read.
    """
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(path_or_bytes)
        if not filename:
            raise ReaderError("Thiếu tên tệp: không biết định dạng của dữ liệu tải lên.")
    elif hasattr(path_or_bytes, "read"):
        data = path_or_bytes.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        filename = filename or os.path.basename(getattr(path_or_bytes, "name", "") or "")
        if not filename:
            raise ReaderError("Thiếu tên tệp: không biết định dạng của dữ liệu tải lên.")
    else:
        path = os.fspath(path_or_bytes)
        filename = filename or os.path.basename(path)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except FileNotFoundError as exc:
            raise ReaderError(f"Không tìm thấy tệp “{filename}”.") from exc
        except IsADirectoryError as exc:
            raise ReaderError(f"“{filename}” là thư mục, không phải tệp.") from exc
        except OSError as exc:
            raise ReaderError(f"Không đọc được tệp “{filename}”: {exc.strerror or exc}.") from exc

    name = os.path.basename(filename)
    ext = os.path.splitext(name)[1].lower()
    if ext == ".doc":
        raise ReaderError(
            f"Tệp “{name}” là định dạng Word cũ (.doc), chưa được hỗ trợ. Hãy mở bằng Word và lưu lại thành .docx."
        )
    if ext not in SUPPORTED_EXTENSIONS:
        shown = ext or "(không có phần mở rộng)"
        raise ReaderError(
            f"Định dạng tệp {shown} của “{name}” không được hỗ trợ. Chỉ nhận các tệp .txt, .md, .docx và .pdf."
        )
    if not data:
        raise ReaderError(f"Tệp rỗng: “{name}” không có nội dung.")
    if ext in _TEXT_EXTENSIONS:
        return decode_text(data, name)
    if ext == ".docx":
        return _read_docx(data, name)
    return _read_pdf(data, name)
