"""Hypothesis strategies for Vietnamese text and document numbers, shared by the text tests."""

import unicodedata

from hypothesis import strategies as st


TONES = "\u0300\u0301\u0309\u0303\u0323"
VOWELS = "aăâeêioôơuưy"
LOWER = sorted(
    set("bcdđghklmnpqrstvx" + VOWELS)
    | {unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES}
)
VIET_LETTERS = "".join(LOWER) + "".join(c.upper() for c in LOWER)
VIET_ALPHABET = VIET_LETTERS + "0123456789 \n\t-/.,;:!?()\"'“”‘’–—…"

viet_text = st.text(alphabet=VIET_ALPHABET, max_size=80)
any_text = st.text(max_size=60)

ONSETS = ["", "h", "th", "kh", "t", "l", "x", "ng", "tr", "s", "đ"]
OPEN_RHYMES = ["oa", "oe", "uy"]


@st.composite
def two_placements(draw):
    """The same open oa/oe/uy syllable with the tone on each vowel."""
    onset = draw(st.sampled_from(ONSETS))
    rhyme = draw(st.sampled_from(OPEN_RHYMES))
    tone = draw(st.sampled_from(TONES))
    upper = draw(st.booleans())
    old = unicodedata.normalize("NFC", onset + rhyme[0] + tone + rhyme[1])
    new = unicodedata.normalize("NFC", onset + rhyme + tone)
    return (old.upper(), new) if upper else (old, new)


CODES = ["CT", "TW", "TU", "UBND", "KTN", "QĐ", "TTg", "CV", "BCĐ", "NQ", "KL", "TB", "CTr", "QU", "HU", "VX"]
SEPARATORS = ["-", "/", " ", "–", " / ", " - "]


@st.composite
def doc_numbers(draw):
    """A number as printed, and the same number re-typed differently."""
    serial = draw(st.integers(min_value=0, max_value=99999))
    pad = draw(st.integers(min_value=0, max_value=2))
    codes = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=3))
    year = draw(st.one_of(st.none(), st.integers(min_value=1990, max_value=2030)))

    def spell(zero_pad, seps, case):
        head = "0" * zero_pad + str(serial) + (f"/{year}" if year else "")
        out = head
        for code, sep in zip(codes, seps):
            out += sep + case(code)
        return out

    def sep_list():
        return draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(codes), max_size=len(codes)))

    printed = spell(pad, sep_list(), str)
    case = draw(st.sampled_from([str.lower, str.upper, str, str.swapcase]))
    retyped = spell(draw(st.integers(min_value=0, max_value=2)), sep_list(), case)
    if draw(st.booleans()):
        retyped = draw(st.sampled_from(["số ", "Số: ", "SỐ "])) + retyped
    return printed, retyped


