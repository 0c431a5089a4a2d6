"""Theme suggestions from the subject and the body.

Keywords are counted as plain substrings of the lower-cased text, in one tone placement
(``fix_tones``: "thuỷ sản" and "thủy sản" are one spelling), as ``str.count`` would count them
(non-overlapping), but all of them in one pass of an Aho–Corasick automaton: a body is long and
most of the keywords are absent from it.
"""

from __future__ import annotations

import unicodedata

import ahocorasick

from vietnamese.text import _TONE_CANDIDATE_RE, _fix_tone, fix_tones
from vietnamese.vocabulary import THEMES


def _lower_tones(text: str) -> str:
    """``fix_tones(text).lower()`` in one regex pass (``fix_tones`` restores the case of each
    change, which a Python loop over the matches does; a body is long)."""
    low = unicodedata.normalize("NFC", text).lower()
    if len(low) != len(text):  # "İ" and the like: let fix_tones handle them
        return fix_tones(text).lower()
    return _TONE_CANDIDATE_RE.sub(_fix_tone, low)


_KEYS = sorted({fix_tones(k).lower() for theme in THEMES for k in theme.keywords})
_THEME_KEYS = [(theme, sorted({fix_tones(k).lower() for k in theme.keywords})) for theme in THEMES]
_ORDER = {theme.slug: i for i, theme in enumerate(THEMES)}


def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in _KEYS:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


_AUTOMATON = _automaton()


def keyword_counts(text: str) -> dict[str, int]:
    """{keyword: text.count(keyword)} for the keywords that occur in ``text`` (lower case)."""
    counts: dict[str, int] = {}
    free: dict[str, int] = {}  # where a keyword's next counted occurrence may start
    for end, key in _AUTOMATON.iter(text):
        start = end - len(key) + 1
        if start >= free.get(key, 0):  # non-overlapping, as str.count counts
            counts[key] = counts.get(key, 0) + 1
            free[key] = end + 1
    return counts


def suggest_themes(subject: str, body: str) -> list[str]:
    """Theme slugs whose keywords occur often enough; subject hits weigh three times."""
    in_subject = keyword_counts(_lower_tones(subject or ""))
    in_body = keyword_counts(_lower_tones(body or ""))  # paragraphs are already single-spaced
    scored = []
    for theme, keys in _THEME_KEYS:
        score = sum(3 * in_subject.get(key, 0) + in_body.get(key, 0) for key in keys)
        if score >= theme.min_score:
            scored.append((score, theme.slug))
    scored.sort(key=lambda x: (-x[0], _ORDER[x[1]]))
    return [slug for _score, slug in scored]
