"""Theme suggestions from the subject and the body."""

from __future__ import annotations


from vietnamese.text import fix_tones
from vietnamese.vocabulary import THEMES


# both in one tone placement (``fix_tones``: "thuỷ sản" and "thủy sản" are one spelling).
_THEME_KEYS = [(t, sorted({fix_tones(k).lower() for k in t.keywords})) for t in THEMES]


def suggest_themes(subject: str, body: str) -> list[str]:
    """Theme slugs whose keywords occur often enough; subject hits weigh three times."""
    subject_l = fix_tones(subject or "").lower()
    body_l = fix_tones(body or "").lower()  # paragraphs are already single-spaced
    scored = []
    for theme, keys in _THEME_KEYS:
        score = 0
        for key in keys:
            score += 3 * subject_l.count(key) + body_l.count(key)
        if score >= theme.min_score:
            scored.append((score, theme.slug))
    order = {t.slug: i for i, t in enumerate(THEMES)}
    scored.sort(key=lambda x: (-x[0], order[x[1]]))
    return [slug for _score, slug in scored]
