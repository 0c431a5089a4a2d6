"""What the archive search stores for one page, and the tokens it indexes.

A ``SearchDocument`` is plain data: the indexing code builds one from a page,
the benchmarks build them from a synthetic corpus, and every engine (the
embedded one, Elasticsearch) indexes the same thing. Pure Python, no Django.

Tokens. The embedded engine only asks "which documents contain this token in
this field", so each document is stored as one set of unique tokens, field
prefixed:

    hang, hang_gia        folded syllable / syllable pair (within a phrase), anywhere
    ubmttq, mttq          the parts and glued runs of abbreviations ("UBMTTQVN", "UB MTTQ")
    _x_hàng, _x_hàng_giả  exact form, anywhere (only where it differs from folded)
    _h_hang, _hx_hàng     the same two in the head (number, title, subject)
    _f_hang_gia           a folded syllable or pair the text repeats (3+ times)
    _n_3-ct-tw, _n_ct:3   the document-number key and its partial forms

Tokens never contain "_" at the start and syllables never contain "_", so the
prefixes cannot collide with text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field, fields

from vietnamese.abbreviations import text_compound_extras
from vietnamese.numbers import number_keys
from vietnamese.text import Analysis, analyze

FREQUENT = "_f_"
FREQUENT_AT = 3  # occurrences that make a term one of the text's subjects
HEAD_FOLDED = "_h_"
HEAD_EXACT = "_hx_"
ALL_EXACT = "_x_"
NUMBER = "_n_"
# Bumped when the tokens of a document change shape: every fingerprint
# changes with it, so ``rebuild_search_index --reconcile`` re-indexes all.
ANALYSIS_VERSION = 2


@dataclass
class SearchDocument:
    """One page as the search sees it: display fields, facets and texts."""

    page_id: int
    url: str
    title: str
    content: str  # the four kinds: van_ban, ke_hoach, guong, tai_lieu
    kind: str = ""  # document kind code (chi_thi, cong_van, ...), blank when none
    number: str = ""
    number_key: str = ""
    issuer: str = ""
    level: str = ""
    validity: str = ""
    date: dt.date | None = None
    themes: list[str] = field(default_factory=list)  # theme slugs
    regions: list[str] = field(default_factory=list)  # region slugs, with every ancestor
    restrictions: list[int] = field(default_factory=list)  # PageViewRestriction ids that apply
    subject: str = ""
    summary: str = ""
    body: str = ""
    place: str = ""  # "Lạng Sơn" in "Lạng Sơn, ngày ...": where it was issued
    extra: str = ""  # signer, recipients, tasks...: findable, not shown

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def head_text(self) -> str:
        # Who issued it and where count with the title: a Bình Thạnh
        # directive is about Bình Thạnh more than a text that mentions it.
        return "\n".join(filter(None, (self.number, self.title, self.subject, self.issuer, self.place)))

    @property
    def all_text(self) -> str:
        return "\n".join(filter(None, (self.head_text, self.summary, self.body, self.extra)))


_FIELDS = fields(SearchDocument)


def fingerprint(doc: SearchDocument) -> str:
    """A digest of everything indexed: reconcile compares it to find stale entries."""
    # The fields' own tuple, not ``astuple``: same repr (no field is a dataclass),
    # without its deep copy of every list.
    values = tuple(getattr(doc, f.name) for f in _FIELDS)
    return hashlib.sha1(repr((ANALYSIS_VERSION, values)).encode()).hexdigest()


def _add(tokens: set[str], words, exact_words, folded_prefix: str, exact_prefix: str) -> None:
    """Each folded word, and each exact word that differs from its folded form.
    A word differs from its fold iff no folded word equals it (folding is
    idempotent), so the difference of two sets says which: no loop per word."""
    folded = set(words)
    tokens.update(map(folded_prefix.__add__, folded) if folded_prefix else folded)
    tokens.update(map(exact_prefix.__add__, set(exact_words).difference(folded)))


def abbreviation_extras(analysis: Analysis) -> tuple[list[str], list[str]]:
    """Folded and exact tokens a text holds through glued or spaced
    abbreviations, phrase by phrase (``vietnamese.abbreviations.text_compound_extras``)."""
    extras = text_compound_extras(analysis.tokens, analysis.folded_tokens, analysis.phrase_starts)
    return [f for f, _ in extras], [x for _, x in extras]


def repeated_terms(analysis: Analysis) -> list[str]:
    """The folded syllables and pairs a text holds ``FREQUENT_AT`` times or more.
    Presence alone can't tell a text about Bình Thạnh from one naming it once;
    a step for repeated terms is the cheap stand-in for term frequency."""
    counts = Counter(analysis.folded_tokens + analysis.folded_bigrams)
    return [t for t, n in counts.items() if n >= FREQUENT_AT]


def index_tokens(doc: SearchDocument) -> str:
    """The document's unique index tokens, space separated, in no particular order."""
    tokens: set[str] = set()
    head = analyze(doc.head_text)
    text = analyze(doc.all_text)
    _add(tokens, text.folded_tokens, text.tokens, "", ALL_EXACT)
    _add(tokens, text.folded_bigrams, text.bigrams, "", ALL_EXACT)
    _add(tokens, *abbreviation_extras(text), "", ALL_EXACT)
    _add(tokens, head.folded_tokens, head.tokens, HEAD_FOLDED, HEAD_EXACT)
    _add(tokens, head.folded_bigrams, head.bigrams, HEAD_FOLDED, HEAD_EXACT)
    _add(tokens, *abbreviation_extras(head), HEAD_FOLDED, HEAD_EXACT)
    tokens.update(map(FREQUENT.__add__, repeated_terms(text)))
    tokens.update(NUMBER + key for key in number_keys(doc.number_key))
    return " ".join(tokens)
