"""How well the importer's parser recovers the metadata an editor checked by hand.

    .venv/bin/python -m bench.import_accuracy [FOLDER TRUTH.json] [--json]

Every file in FOLDER goes through the same path as an upload (``read_text`` then ``parse``);
the documents found are paired with the truth entries by (file name, part) and compared field
by field.  The result is a report, not a test: the exit code is 0 whatever the accuracy, and 2
only when the arguments are unusable.

The truth file may be written in any of three shapes, which all load the same:

1. ``{"documents": [{"source": "a.txt", "part": 0, ...}, ...]}``  (seed_metadata.json)
2. ``[{"source": "a.txt", "part": 0, ...}, ...]``
3. ``{"a.txt": {...}, "b.txt": [{...}, {...}]}``: file name -> one entry or a list of entries;
   "source" is the key, "part" defaults to the position in the list (0 for a single entry).

Only the fields an entry holds are scored, so a truth file may check a few fields only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from cms.importer.parser import parse
from cms.importer.readers import ReaderError, read_text
from vietnamese.numbers import normalize_doc_number
from vietnamese.text import fix_tones

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = ROOT / "cms" / "demo" / "fixtures" / "seeds"
DEFAULT_TRUTH = ROOT / "cms" / "demo" / "fixtures" / "seed_metadata.json"

# Compared after normalisation (strings) or element by element in order (lists).
PLAIN_FIELDS = (
    "page_type", "title", "kind", "number", "issuer", "level", "place", "date", "subject", "recipients",
    "signing_capacity", "signer_title", "signer", "distribution",
)
# Bench field name -> key in the truth entry and in ParsedDocument.to_dict().
SET_FIELDS = {"cited_numbers": "cited", "themes": "themes", "regions": "regions"}
FIELDS = PLAIN_FIELDS + tuple(SET_FIELDS) + ("document_count",)
MISS_WIDTH = 120
MISSING = "(no such document)"


class TruthError(ValueError):
    """The truth file cannot be used; the message says why."""


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def load_truth(path: str | Path) -> dict[tuple[str, int], dict[str, Any]]:
    """Truth entries keyed by (file name, part), whichever of the three shapes the file uses."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TruthError(f"cannot read truth file {path}: {exc}") from exc
    return truth_entries(data)


def truth_entries(data: Any) -> dict[tuple[str, int], dict[str, Any]]:
    """Flatten any accepted shape to {(source, part): entry}; see the module docstring."""
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    if isinstance(data, list):
        pairs = [(_require_source(entry), entry) for entry in data]
    elif isinstance(data, dict):
        pairs = [(name, entry) for name, value in data.items() for entry in _as_list(value, name)]
    else:
        raise TruthError("truth file must hold a JSON object or list")
    result: dict[tuple[str, int], dict[str, Any]] = {}
    positions: dict[str, int] = {}
    for source, entry in pairs:
        position = positions.get(source, 0)
        positions[source] = position + 1
        key = (source, _part(entry.get("part", position), source))
        if key in result:
            raise TruthError(f"two truth entries for {key[0]} part {key[1]}")
        result[key] = {**entry, "source": source, "part": key[1]}
        if "cited_numbers" in entry and "cited" not in entry:  # the corpus's spelling of the key
            result[key]["cited"] = entry["cited_numbers"]
    return result


def _part(value: Any, source: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TruthError(f"truth for {source}: \"part\" must be a whole number >= 0, not {value!r}")
    return value


def _require_source(entry: Any) -> str:
    if not isinstance(entry, dict) or not isinstance(entry.get("source"), str):
        raise TruthError(f"truth entry without a \"source\" file name: {str(entry)[:80]}")
    return entry["source"]


def _as_list(value: Any, name: str) -> list[dict[str, Any]]:
    entries = value if isinstance(value, list) else [value]
    if not all(isinstance(e, dict) for e in entries):
        raise TruthError(f"truth for {name} must be an object or a list of objects")
    return entries


def extract_folder(folder: str | Path, skip: tuple[str, ...] = ()) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """Parse every file of ``folder`` as an upload would be: file name -> documents as dicts.

    Unreadable files give no documents and an entry in the second dict (name -> message), so
    one bad file shows up in the report instead of stopping it.
    """
    documents: dict[str, list[dict[str, Any]]] = {}
    errors: dict[str, str] = {}
    for path in sorted(p for p in Path(folder).iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.name in skip or path.name.upper().startswith("README"):
            continue  # the truth file and the folder's description are not documents
        try:
            text = read_text(path).text
        except ReaderError as exc:
            errors[path.name] = str(exc)
            documents[path.name] = []
            continue
        documents[path.name] = [doc.to_dict() for doc in parse(text, path.name)]
    return documents, errors


# --------------------------------------------------------------------------------------------
# Comparing
# --------------------------------------------------------------------------------------------

_WS_RE = re.compile(r"\s+")


def normalize_text(value: Any) -> Any:
    """Whitespace collapsed, NFC; empties (None, "", []) all become None so they compare equal."""
    if isinstance(value, str):
        value = _WS_RE.sub(" ", unicodedata.normalize("NFC", value)).strip()
        return value or None
    if isinstance(value, (list, tuple)):
        items = [normalize_text(v) for v in value]
        return items or None
    return value


# Names and subjects compare as the same words: truth files print them as the page does (capitals,
# "HOÀ" or "HÒA") while the importer writes the house style ("Thành ủy Hà Nội", sentence case);
# the label "V/v" / "Về việc" before a subject is not part of the trích yếu, and a closing full
# stop is punctuation of the line, not of the subject.
WORD_FIELDS = ("title", "issuer", "subject", "place", "signer", "signer_title", "signing_capacity")
_SUBJECT_LABEL_RE = re.compile(r"^(?:v\s*/\s*v|vv|về\s+việc)\s*[:.]?\s*", re.I)


def comparable_words(value: Any) -> Any:
    value = normalize_text(value)
    if not isinstance(value, str):
        return value
    value = _SUBJECT_LABEL_RE.sub("", fix_tones(value).casefold()).rstrip(" .;,")
    return value or None


def same_value(expected: Any, got: Any) -> bool:
    return normalize_text(expected) == normalize_text(got)


def cited_numbers(cited: Any) -> set[str]:
    """Cited numbers as comparable keys: "03-CT/TW" and "3-CT/TƯ" are the same document."""
    keys = set()
    for item in cited or []:
        number = item.get("number") if isinstance(item, dict) else item
        if number:
            keys.add(normalize_doc_number(number) or normalize_text(number))
    return keys


def as_set(values: Any) -> set[str]:
    return {normalize_text(v) for v in values or [] if normalize_text(v)}


def field_values(name: str, truth: dict[str, Any], doc: dict[str, Any] | None) -> tuple[Any, Any]:
    """(expected, got) for one field, already in the form they are compared in."""
    key = SET_FIELDS.get(name, name)
    got = doc.get(key) if doc is not None else None
    if name == "cited_numbers":
        return cited_numbers(truth[key]), cited_numbers(got)
    if name in SET_FIELDS:
        return as_set(truth[key]), as_set(got)
    if name in WORD_FIELDS:
        return comparable_words(truth[key]), comparable_words(got)
    return normalize_text(truth[key]), normalize_text(got)


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def evaluate(
    documents: dict[str, list[dict[str, Any]]], truth: dict[tuple[str, int], dict[str, Any]]
) -> dict[str, Any]:
    """The report: {fields: {name: {correct, total, accuracy, ...}}, misses: [...]}.

    A truth entry with no parsed document counts as a miss on every field it holds; parsed
    documents with no truth entry only show in the per-file document count.
    """
    tally = {name: [0, 0] for name in FIELDS}
    themes = {"suggested": 0, "expected": 0, "common": 0}
    misses: list[dict[str, Any]] = []

    for (source, part), entry in sorted(truth.items()):
        docs = documents.get(source, [])
        doc = docs[part] if 0 <= part < len(docs) else None
        for name in FIELDS[:-1]:
            if SET_FIELDS.get(name, name) not in entry:
                continue
            expected, got = field_values(name, entry, doc)
            ok = doc is not None and expected == got
            tally[name][0] += ok
            tally[name][1] += 1
            if name == "themes":
                themes["suggested"] += len(got)
                themes["expected"] += len(expected)
                themes["common"] += len(expected & got)
            if not ok:
                if name in WORD_FIELDS:  # shown as printed, compared as words
                    key = SET_FIELDS.get(name, name)
                    expected, got = normalize_text(entry[key]), normalize_text(doc.get(key) if doc else None)
                misses.append(_miss(source, part, name, expected, got if doc is not None else MISSING))

    for source in sorted({s for s, _ in truth}):
        expected, got = sum(1 for s, _ in truth if s == source), len(documents.get(source, []))
        tally["document_count"][0] += expected == got
        tally["document_count"][1] += 1
        if expected != got:
            misses.append(_miss(source, None, "document_count", expected, got))

    fields = {name: _score(*counts) for name, counts in tally.items() if counts[1]}
    if "themes" in fields:
        fields["themes"]["precision"] = _ratio(themes["common"], themes["suggested"])
        fields["themes"]["recall"] = _ratio(themes["common"], themes["expected"])
    return {"fields": fields, "misses": misses}


def _score(correct: int, total: int) -> dict[str, Any]:
    return {"correct": correct, "total": total, "accuracy": _ratio(correct, total)}


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _miss(source: str, part: int | None, name: str, expected: Any, got: Any) -> dict[str, Any]:
    """One wrong field; for sets also what is missing and extra, which a cut line would hide."""
    miss = {"file": source, "part": part, "field": name, "expected": _plain(expected), "got": _plain(got)}
    if isinstance(expected, set) and isinstance(got, set):
        miss["missing"], miss["extra"] = sorted(expected - got), sorted(got - expected)
    return miss


def _plain(value: Any) -> Any:
    """Sets as sorted lists, so misses are JSON-ready and stable."""
    return sorted(value) if isinstance(value, set) else value


def run(folder: str | Path, truth_path: str | Path) -> dict[str, Any]:
    """Read, parse, compare: the whole bench as one call (used by the tests)."""
    truth = load_truth(truth_path)
    documents, errors = extract_folder(folder, skip=(Path(truth_path).name,))
    report = evaluate(documents, truth)
    report["errors"] = errors
    report["unscored_files"] = sorted(set(documents) - {s for s, _ in truth})
    return report


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def format_report(report: dict[str, Any]) -> str:
    """The table of fields, then one line per miss with values cut to MISS_WIDTH characters."""
    lines = [f"{'field':<18} {'correct/total':>13} {'percent':>8}"]
    for name, score in report["fields"].items():
        counts = f"{score['correct']}/{score['total']}"
        lines.append(f"{name:<18} {counts:>13} {_pct(score['accuracy']):>8}")
    themes = report["fields"].get("themes")
    if themes:
        lines.append(f"themes: precision {_pct(themes['precision'])}, recall {_pct(themes['recall'])}, "
                     "exact match above")
    for name, message in report.get("errors", {}).items():
        lines.append(f"unreadable: {name}: {message}")
    for name in report.get("unscored_files", []):
        lines.append(f"no truth for: {name}")
    lines.append("")
    lines.append(f"misses ({len(report['misses'])}):")
    for miss in report["misses"]:
        part = "-" if miss["part"] is None else miss["part"]
        lines.append(f"{miss['file']} part {part} {miss['field']}")
        lines.append(f"    expected: {_cut(miss['expected'])}")
        lines.append(f"    got:      {_cut(miss['got'])}")
        for key in ("missing", "extra"):
            if miss.get(key):
                lines.append(f"    {key + ':':<9} {_cut(miss[key])}")
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _cut(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= MISS_WIDTH else text[: MISS_WIDTH - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(prog="python -m bench.import_accuracy", description=__doc__.split("\n")[0])
    cli.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER), help="files to import")
    cli.add_argument("truth", nargs="?", default=str(DEFAULT_TRUTH), help="hand-checked truth (JSON)")
    cli.add_argument("--json", action="store_true", help="print the report as JSON")
    args = cli.parse_args(argv)
    if not Path(args.folder).is_dir():
        cli.error(f"not a folder: {args.folder}")
    try:
        report = run(args.folder, args.truth)
    except TruthError as exc:
        cli.error(str(exc))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
