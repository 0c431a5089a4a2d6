"""The archive's Elasticsearch index, defined with elasticsearch-dsl.

The Vietnamese analysis is done once, in Python (``vietnamese.text``), exactly
as for the embedded engine: each text reaches the cluster as its syllables,
normalised (NFC, one tone placement, lower case) or folded (no diacritics,
đ -> d), joined by single spaces. The index then needs nothing but the core's
whitespace tokenizer, so it works on any cluster, even one without
analysis-common, and both engines see the same tokens.

- ``head_*`` (number, title, subject) and ``text_*`` (everything findable), each
  exact and folded: a syllable pair ("hàng giả") is a phrase query on positions.
  Phrases of the text (``Analysis.phrase_slices``) are joined with ``BREAK``,
  a token no query holds, so no pair spans punctuation or a line break, as in
  the embedded index; the abbreviations' parts and glued runs
  (``abbreviation_extras``) follow, each between breaks. (One string with
  breaks, not one value per phrase: hundreds of values per page slow bulk
  indexing.)
- Scoring is "presence": BM25 with k1 = 0 and b = 0 is idf times the query's
  boost, the embedded engine's formula, so both rank alike.
- ``frequent``: the folded syllables and pairs the text repeats
  (``documents.repeated_terms``), the embedded engine's stand-in
  for term frequency.
- Every token field also holds ``EVERY``, a token no query has: Lucene's idf
  counts the documents *with the field*, the embedded engine all pages.
- ``number_key`` is the normalised document number, ``number_keys`` also its
  partial forms ("ct:3" for "chỉ thị 03"), as in ``vietnamese.numbers.number_keys``.
- A keyword field per facet, the date, and a completion field for numbers
  in autocomplete (``head_folded`` indexes syllable prefixes for the titles).
- ``original``: the summary, body and subject as written, never indexed, for
  snippets with their diacritics.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain

import orjson
from elasticsearch_dsl import (
    Completion,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    MetaField,
    Object,
    Text,
)

from vietnamese.numbers import number_keys
from vietnamese.text import analyze

from search.documents import SearchDocument, abbreviation_extras, fingerprint, repeated_terms
from cms.parallel import chunks_mapped

# Tokens come pre-analysed: split on the spaces we put between them, nothing
# else. The built-in "whitespace" analyzer is core; a custom analyzer cannot
# be, since even the whitespace tokenizer is configurable only with
# analysis-common. (It cuts tokens at 255 characters: no syllable is that long.)
SYLLABLES = "whitespace"

EVERY = "_"  # never a syllable: tokens are runs of letters and digits
BREAK = "\u00b6"  # between phrases: never a token either, so no phrase query crosses it
SUGGEST_MAX_CHARS = 50  # a completion input longer than this is cut (Elasticsearch's default, made explicit)
PRESENCE = {"default": {"type": "BM25", "k1": 0, "b": 0}}
TOKEN_FIELDS = ("head_exact", "head_folded", "text_exact", "text_folded")


def _shown():
    """Shown or compared by us, never searched: kept in _source only."""
    return Keyword(index=False, doc_values=False)


def _tokens(**extra):
    # Pairs are phrase queries on positions: ``index_phrases`` would make
    # them one term each, but halves the bulk load's throughput (measured,
    # bench/README.md) for a few milliseconds per search.
    return Text(analyzer=SYLLABLES, norms=False, **extra)


class ArchiveEntry(Document):
    page_id = Integer()
    url = _shown()
    title = _shown()
    number = _shown()
    number_key = Keyword()
    number_keys = Keyword(multi=True)
    content = Keyword()
    kind = Keyword()
    issuer = Keyword()
    level = Keyword()
    validity = Keyword()
    year = Keyword()
    theme = Keyword(multi=True)
    region = Keyword(multi=True)
    restrictions = Integer(multi=True)
    date = Date(format="strict_date")
    head_exact = _tokens()
    # Autocomplete looks the last syllable typed up as a prefix: indexed ones are quick.
    head_folded = _tokens(index_prefixes={"min_chars": 1, "max_chars": 8})
    text_exact = _tokens()
    text_folded = _tokens()
    frequent = Keyword(multi=True)
    suggest = Completion(analyzer=SYLLABLES, max_input_length=SUGGEST_MAX_CHARS)
    original = Object(enabled=False)
    fingerprint = _shown()

    class Meta:
        dynamic = MetaField("strict")
        # No _source excludes: with them the node keeps a second, full
        # recovery copy of every document; searches fetch only ``SHOWN``.


def _suggest_inputs(doc: SearchDocument) -> list[dict]:
    """Completion input: the number key, so "6-cv" completes "06/CV-BCĐ".
    Newer documents weigh more: numbers come newest first, as in the embedded
    engine. Titles are matched by a query instead (``ElasticsearchEngine.suggest``):
    a completion input per head syllable would miss words past the first few
    dozen and any words typed out of order."""
    if not doc.number_key:
        return []
    weight = max(doc.date.toordinal() - 693_595, 1) if doc.date else 1  # days since 1900
    return [{"input": [doc.number_key[:SUGGEST_MAX_CHARS]], "weight": weight}]


def _phrases(analysis, extras: list[str], folded: bool) -> str:
    """The phrases, then the abbreviation ``extras``, then ``EVERY``, between breaks."""
    tokens = analysis.folded_tokens if folded else analysis.tokens
    values = [" ".join(tokens[part]) for part in analysis.phrase_slices()]
    return f" {BREAK} ".join([*values, *extras, EVERY])


def _exact_and_folded(analysis) -> tuple[str, str]:
    """Both token fields of one text. The abbreviation extras are found once
    for both: they were half the Python analysis when found per field."""
    extra_folded, extra_exact = abbreviation_extras(analysis)
    return _phrases(analysis, extra_exact, folded=False), _phrases(analysis, extra_folded, folded=True)


def facet_values(doc: SearchDocument) -> dict:
    """The values a page is faceted by; blank ones None, so no facet bucket for "none"."""
    return {
        "content": doc.content,
        "kind": doc.kind or None,
        "issuer": doc.issuer or None,
        "level": doc.level or None,
        "validity": doc.validity or None,
        "year": str(doc.year) if doc.year else None,
        "theme": list(doc.themes),
        "region": list(doc.regions),
    }


def source_of(doc: SearchDocument) -> dict:
    """The index source of one search document: ``ArchiveEntry``'s fields as
    a plain dict, blank values (None, empty lists) left out as its
    ``to_dict`` leaves them. Not built through the Document: its
    construction and ``to_dict`` cost a fifth of the analysis of a page."""
    head_exact, head_folded = _exact_and_folded(analyze(doc.head_text))
    text = analyze(doc.all_text)
    text_exact, text_folded = _exact_and_folded(text)
    source = {
        "page_id": doc.page_id,
        "url": doc.url,
        "title": doc.title,
        "number": doc.number,
        # Blank values stay out of the index: no facet bucket for "none".
        "number_key": doc.number_key or None,
        "number_keys": number_keys(doc.number_key),
        **facet_values(doc),
        "restrictions": list(doc.restrictions),
        "date": doc.date.isoformat() if doc.date else None,
        "head_exact": head_exact,
        "head_folded": head_folded,
        "text_exact": text_exact,
        "text_folded": text_folded,
        "frequent": [EVERY, *repeated_terms(text)],
        "suggest": _suggest_inputs(doc),
        "original": {"subject": doc.subject, "summary": doc.summary, "body": doc.body},
        "fingerprint": fingerprint(doc),
    }
    return {name: value for name, value in source.items() if value is not None and value != []}


ANALYSIS_BATCH = 250  # documents per chunk handed to the analysis processes


def encoded(docs: list[SearchDocument]) -> list[tuple[int, bytes]]:
    """(page id, source as JSON) of each document: serialised where it is
    analysed, so a rebuild's own process neither unpickles nor encodes the
    sources (20 KB each) and hands them to the bulk requests as they are."""
    return [(doc.page_id, orjson.dumps(source_of(doc))) for doc in docs]


@contextmanager
def analysed(docs: Iterable[SearchDocument]) -> Iterator[Iterator[tuple[int, bytes]]]:
    """(page id, JSON source) of each of ``docs``, in order (``encoded``); a
    large load (a rebuild) is analysed by one process per core
    (``cms.parallel``) while the caller sends what is done. The processes
    are forked on entry, before the caller starts threads of its own."""
    with chunks_mapped(encoded, docs, ANALYSIS_BATCH) as chunks:
        yield chain.from_iterable(chunks)


# What an index has once searched: a replica on a second node (when there is
# one), refreshed every second.
LIVE_SETTINGS = {"refresh_interval": "1s", "auto_expand_replicas": "0-1"}
# While a rebuild loads it nobody searches it: no refreshes, and no replica
# indexing every document a second time (it is copied, merged, at the end).
BUILDING_SETTINGS = {"refresh_interval": "-1", "auto_expand_replicas": "false", "number_of_replicas": 0}


def archive_index(name: str, building: bool = False) -> Index:
    """A new versioned index, with ``BUILDING_SETTINGS`` while ``building``
    (``LIVE_SETTINGS`` are put when the load is done)."""
    index = Index(name)
    index.settings(
        # One shard: the document frequencies are the whole archive's, as in
        # the embedded engine; 100,000 pages are far below a shard's comfort.
        number_of_shards=1,
        **(BUILDING_SETTINGS if building else LIVE_SETTINGS),
        similarity=PRESENCE,
        max_result_window=10_000,
    )
    index.document(ArchiveEntry)
    return index
