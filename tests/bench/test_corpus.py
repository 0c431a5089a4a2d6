"""The synthetic benchmark archive (bench/corpus.py): deterministic, valid, realistic enough.

Checks the generator's promises on a 2,000-document sample: the same seed gives the same
documents (in this process and in another with a different hash seed), every field holds a
value the site itself could hold, lengths and spellings look like the seeds, and the fixed
benchmark queries have something to find. Needs no database.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import hashlib
import inspect
import os
import re
import statistics
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from bench import corpus
from cms.taxonomy.regions import build_region_tree
from vietnamese.numbers import doc_number_matches, normalize_doc_number, parse_number_query
from vietnamese.text import fold, tokenize
from vietnamese.vocabulary import KIND_LABELS, LEVELS, THEME_SLUGS, VALIDITY

ROOT = Path(__file__).resolve().parents[2]
N = 2000
SECTIONS = {"van_ban": "van-ban-chi-dao", "ke_hoach": "ke-hoach", "guong": "guong-dien-hinh", "tai_lieu": "tai-lieu-tuyen-truyen"}
TEXT_FIELDS = ("title", "subject", "summary", "body", "extra", "issuer", "number")


@pytest.fixture(scope="module")
def docs():
    return list(corpus.generate(N))


@pytest.fixture(scope="module")
def tree():
    nodes = build_region_tree()
    by_path = {n.path: n for n in nodes}
    by_slug = {n.slug: n for n in nodes}
    chains = {n.slug: [by_path[n.path[:i]].slug for i in range(len(n.path), 0, -4)] for n in nodes}
    return by_slug, chains


@pytest.fixture(scope="module")
def choices():
    """The site's own choice lists: the vocabulary the page models take them from."""
    return {"kind": set(KIND_LABELS), "validity": set(VALIDITY), "level": set(LEVELS)}


def digest(documents) -> str:
    return hashlib.sha256(repr([dataclasses.astuple(d) for d in documents]).encode()).hexdigest()


def words(text: str) -> int:
    return len(text.split())


# --- determinism -----------------------------------------------------------------------------


def test_generate_is_a_lazy_iterator():
    assert inspect.isgenerator(corpus.generate(10))


def test_same_seed_same_documents(docs):
    assert list(corpus.generate(200)) == docs[:200]
    assert list(corpus.generate(50, seed=7)) == list(corpus.generate(50, seed=7))
    assert list(corpus.generate(50, seed=7)) != docs[:50]


def test_a_document_depends_only_on_seed_and_page_id(docs):
    assert list(corpus.generate(30, start_id=101)) == docs[100:130]
    assert [d.page_id for d in corpus.generate(3, start_id=5000)] == [5000, 5001, 5002]
    assert corpus.document(117) == docs[116] and corpus.document(117, seed=7) != docs[116]


def test_same_documents_in_another_process_with_another_hash_seed(docs):
    script = "import hashlib, dataclasses; from bench import corpus; " \
             "print(hashlib.sha256(repr([dataclasses.astuple(d) for d in corpus.generate(300)]).encode()).hexdigest())"
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == digest(docs[:300])


# --- field validity ---------------------------------------------------------------------------


def test_ids_and_urls(docs):
    assert [d.page_id for d in docs] == list(range(1, N + 1))
    for d in docs:
        assert re.fullmatch(rf"/{SECTIONS[d.content]}/[a-z0-9]+(-[a-z0-9]+)*-{d.page_id}/", d.url), d.url


def test_choice_fields(docs, choices):
    for d in docs:
        assert d.content in SECTIONS
        if d.content in ("van_ban", "ke_hoach"):
            assert d.kind in choices["kind"]
            assert (d.kind in ("ke_hoach", "chuong_trinh")) == (d.content == "ke_hoach"), (d.kind, d.content)
            assert d.validity in choices["validity"]
            assert d.level in choices["level"] and d.issuer
        else:
            assert d.kind == "" and d.number == "" and d.validity == ""
            assert d.level in choices["level"] | {""}
        assert 1 <= len(d.themes) <= 3 and len(set(d.themes)) == len(d.themes)
        assert set(d.themes) <= set(THEME_SLUGS)
        assert d.restrictions in ([], [1], [2])
        assert d.title and d.summary and d.body and d.extra


def test_metadata_spread(docs, choices):
    content = collections.Counter(d.content for d in docs)
    assert content["van_ban"] > content["ke_hoach"] > content["guong"] + content["tai_lieu"] > 0
    kinds = collections.Counter(d.kind for d in docs if d.kind)
    assert kinds.most_common(2)[0][0] in ("cong_van", "ke_hoach") and len(kinds) == len(choices["kind"])
    assert set(collections.Counter(d.level for d in docs if d.level)) == choices["level"]
    restricted = sum(bool(d.restrictions) for d in docs) / N
    assert 0.01 < restricted < 0.06


def test_regions_carry_every_ancestor(docs, tree):
    by_slug, chains = tree
    for d in docs:
        assert d.regions[-1] == "viet-nam"
        assert d.regions == chains[d.regions[0]], d.regions
        if d.level == "trung_uong":
            assert d.regions == ["viet-nam"]
        if d.level == "huyen":
            assert by_slug[d.regions[0]].level == "huyen"
        if d.level == "tinh":
            assert by_slug[d.regions[0]].level == "tinh"
        if d.date and d.date >= corpus.MERGER_DATE:  # districts and old provinces are gone
            assert not by_slug[d.regions[0]].historical, (d.date, d.regions)


def test_issuers_match_level(docs):
    central = {i.name for i in corpus.ISSUERS if i.level == "trung_uong"} | {"Ban Tuyên giáo Trung ương",
                                                                             "Ban Tuyên giáo và Dân vận Trung ương"}
    for d in docs:
        if not d.issuer:
            continue
        if d.level == "trung_uong":
            assert d.issuer in central
        else:
            place = d.extra.splitlines()[-1]
            assert d.issuer.endswith(place), (d.issuer, place)
        if d.level == "huyen":
            assert re.search(r"\b(huyện|quận|thị xã|thành phố|Huyện ủy|Quận ủy|Thị ủy|Thành ủy|Quận \d+)\b", d.issuer), d.issuer
        if d.issuer.startswith(("Ban Thường vụ", "Tỉnh ủy", "Huyện ủy", "Quận ủy", "Đảng ủy")) and d.number:
            assert re.fullmatch(r"\d+-[A-Za-zĐ]+/[A-ZĐ]+", d.number), d.number  # Party style: 45-KH/TU


def test_number_keys_and_formats(docs):
    for d in docs:
        assert d.number_key == (normalize_doc_number(d.number) or "")
        if d.number:
            assert d.number_key
            assert re.fullmatch(r"\d+-[A-Za-zĐ]+/[A-ZĐa-z]+|\d+(/\d{4})?/[A-ZĐa-z]+(-[A-ZĐa-z]+)*", d.number), d.number
    official = [d for d in docs if d.content in ("van_ban", "ke_hoach")]
    assert sum(bool(d.number) for d in official) / len(official) > 0.9
    landmarks = {d.page_id: d.number for d in docs[:5]}
    assert landmarks == {1: "264-TB/TW", 2: "107-KL/TW", 3: "03-CT/TW", 4: "386/QĐ-TTg", 5: "28/CT-TTg"}
    keys = collections.Counter(d.number_key for d in docs if d.number_key)
    assert all(keys[normalize_doc_number(n)] == 1 for n in landmarks.values())
    unique = sum(1 for d in docs if d.number_key and keys[d.number_key] == 1) / sum(keys.values())
    assert unique > 0.6  # at 2,000 documents; serials of small registers collide across issuers
    shared = [k for k, n in keys.items() if n > 1]
    assert any(len({d.issuer for d in docs if d.number_key == k}) > 1 for k in shared)


def test_dates(docs):
    dates = [d.date for d in docs if d.date]
    assert len(dates) > 0.99 * N
    assert all(corpus.FIRST_DATE <= x <= corpus.LAST_DATE for x in dates)
    years = collections.Counter(x.year for x in dates)
    assert set(years) == set(range(2009, 2027))
    assert sum(years[y] for y in range(2021, 2027)) > 2 * sum(years[y] for y in range(2009, 2015))
    assert docs[2].date == dt.date(2021, 5, 19)  # Chỉ thị 03-CT/TW
    assert all(d.date < corpus.MERGER_DATE for d in docs if d.level == "huyen" and d.date)


# --- text -------------------------------------------------------------------------------------


def test_lengths_by_kind(docs):
    def spread(selected):
        counts = sorted(words(d.body) for d in selected)
        return counts[len(counts) // 20], statistics.median(counts), counts[len(counts) * 19 // 20]

    low, median, high = spread(d for d in docs if d.kind == "cong_van")
    assert 150 <= low and 250 <= median <= 400 and high <= 520
    low, median, high = spread(d for d in docs if d.kind in ("chi_thi", "thong_tri", "ke_hoach"))
    assert 600 <= low and 1000 <= median <= 1500 and high <= 2100
    low, median, high = spread(d for d in docs if d.content in ("guong", "tai_lieu"))
    assert 250 <= low and 400 <= median <= 650 and high <= 900


def test_text_is_vietnamese_nfc(docs):
    vietnamese = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
    for d in docs:
        for name in TEXT_FIELDS:
            value = getattr(d, name)
            assert unicodedata.is_normalized("NFC", value), (d.page_id, name)
            assert "{" not in value and "}" not in value, (d.page_id, name, value[:200])
        assert len(vietnamese.findall(d.body)) > words(d.body) / 4, d.page_id


def test_summary_is_one_to_three_sentences(docs):
    ends = [len(re.findall(r"[.!?](?=\s+[A-ZĐÀ-Ỹ“]|$)", d.summary)) for d in docs]
    assert all(1 <= n <= 3 for n in ends), collections.Counter(ends)


def test_sample_has_both_tone_placements_and_abbreviations(docs):
    def docs_with(pattern):
        return sum(1 for d in docs if re.search(pattern, d.all_text))

    for traditional, reform in (("hóa", "hoá"), ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("thủy", "thuỷ")):
        assert docs_with(rf"\b{traditional}\b") > 20 and docs_with(rf"\b{reform}\b") > 20, (traditional, reform)
    for short, long in (("UBND", "Ủy ban nhân dân"), ("MTTQ", "Mặt trận Tổ quốc"), ("HĐND", "Hội đồng nhân dân"),
                        ("BCĐ", "Ban Chỉ đạo"), ("TMĐT", "thương mại điện tử"), ("CVĐ", "Cuộc vận động"), ("OCOP", "OCOP")):
        assert docs_with(rf"\b{short}\b") > 20 and docs_with(long) > 20, short
    # a single document mixes the forms once it has introduced the abbreviation
    assert docs_with(r"thương mại điện tử \(TMĐT\)") > 20


def test_seed_vocabulary_is_recombined(docs):
    seeds = "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "cms/demo/fixtures/seeds").glob("*.txt")))
    phrase = "khơi dậy tinh thần yêu nước"  # a seed phrase
    assert phrase in seeds and sum(phrase in d.body for d in docs) > 50
    bodies = collections.Counter(d.body for d in docs)
    assert bodies.most_common(1)[0][1] == 1  # no two bodies alike


# --- queries ----------------------------------------------------------------------------------


def test_queries_are_fixed_and_valid(tree, choices):
    by_slug, _chains = tree
    first = corpus.queries()
    first[0]["text"] = "changed"
    assert corpus.queries() != first and corpus.queries() == corpus.queries()
    qs = corpus.queries()
    assert 20 <= len(qs) <= 30
    for q in qs:
        assert set(q) <= {"text", "content", "kind", "theme", "region", "year"} and q["text"]
        assert q.get("content", "van_ban") in SECTIONS
        assert q.get("kind", "cong_van") in choices["kind"]
        assert q.get("theme", "ocop") in THEME_SLUGS
        assert q.get("region", "viet-nam") in by_slug
        assert 2009 <= q.get("year", 2021) <= 2026
    texts = [q["text"] for q in qs]
    assert sum(parse_number_query(t) in ("3-ct-tw", "ct:3") for t in texts) >= 4
    assert any(t.isascii() and not parse_number_query(t) for t in texts)
    assert any("hóa" in t for t in texts) and any("hoá" in t for t in texts)
    assert {"MTTQ", "TMĐT"} <= {w for t in texts for w in t.split()}
    assert sum(len(q) > 1 for q in qs) >= 4


def test_every_query_finds_something(docs):
    folded = [set(tokenize(fold(d.all_text))) for d in docs]
    for q in corpus.queries():
        key = parse_number_query(q["text"])
        if key:
            hits = [d for d in docs if doc_number_matches(key, d.number_key)]
        else:
            terms = set(tokenize(fold(q["text"])))
            hits = [d for d, tokens in zip(docs, folded) if terms <= tokens]
        hits = [d for d in hits if all((
            q.get("content") in (None, d.content), q.get("kind") in (None, d.kind), q.get("theme") in (None, *d.themes),
            q.get("region") in (None, *d.regions), q.get("year") in (None, d.year)))]
        assert hits, q
