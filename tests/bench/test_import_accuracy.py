"""The accuracy bench's own logic: loading, pairing, comparing, reporting.

Not a test of the parser's accuracy (tests/importer does that): a synthetic truth derived from
the parser's own output makes every field right, so one deliberate change must give exactly one
miss.  Runs without Django: ``pytest tests/bench -p no:django``.
"""

from __future__ import annotations

import copy
import json
import unicodedata

import pytest

from bench import import_accuracy as bench

SCORED = set(bench.FIELDS)


@pytest.fixture(scope="module")
def extracted():
    documents, errors = bench.extract_folder(bench.DEFAULT_FOLDER)
    assert errors == {}
    return documents


def truth_from(documents) -> list[dict]:
    """A truth list that agrees with the parser on every field: the baseline for one change."""
    return [copy.deepcopy(doc) for docs in documents.values() for doc in docs]


def write(tmp_path, data, name="truth.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_seed_report_structure():
    report = bench.run(bench.DEFAULT_FOLDER, bench.DEFAULT_TRUTH)
    assert set(report["fields"]) == SCORED
    for name, score in report["fields"].items():
        assert set(score) >= {"correct", "total", "accuracy"}, name
        assert 0 <= score["correct"] <= score["total"]
        assert score["accuracy"] == round(score["correct"] / score["total"], 4)
    truth = bench.load_truth(bench.DEFAULT_TRUTH)
    assert report["fields"]["kind"]["total"] == len(truth)
    assert report["fields"]["document_count"]["total"] == len({s for s, _ in truth})
    assert {"precision", "recall"} <= set(report["fields"]["themes"])
    for miss in report["misses"]:
        assert set(miss) >= {"file", "part", "field", "expected", "got"}
    assert report["errors"] == {} and report["unscored_files"] == []
    json.dumps(report)  # JSON-ready


def test_truth_equal_to_output_has_no_miss(extracted):
    report = bench.evaluate(extracted, bench.truth_entries(truth_from(extracted)))
    assert report["misses"] == []
    assert all(s["accuracy"] == 1.0 for s in report["fields"].values())
    assert report["fields"]["themes"]["precision"] == report["fields"]["themes"]["recall"] == 1.0


def test_one_wrong_field_gives_exactly_that_miss(extracted):
    truth = truth_from(extracted)
    target = truth[-1]
    target["signer"] = "Người Không Có"
    report = bench.evaluate(extracted, bench.truth_entries(truth))
    assert report["misses"] == [{
        "file": target["source"], "part": target["part"], "field": "signer",
        "expected": "Người Không Có", "got": extracted[target["source"]][target["part"]]["signer"],
    }]
    assert report["fields"]["signer"]["correct"] == report["fields"]["signer"]["total"] - 1


def test_pairing_is_by_file_and_part(extracted):
    """Two documents of one file swapped in the truth: both are misses, nothing else moves."""
    source = next(s for s, docs in extracted.items() if len(docs) > 1)
    truth = truth_from(extracted)
    first, second = (e for e in truth if e["source"] == source)
    first["part"], second["part"] = second["part"], first["part"]
    report = bench.evaluate(extracted, bench.truth_entries(truth))
    assert report["misses"]
    assert {(m["file"], m["part"]) for m in report["misses"]} == {(source, 0), (source, 1)}


def test_normalisation_and_empties(extracted):
    """Decomposed Unicode, stray spaces and null-versus-empty are not misses; number spellings
    of the same cited document are not either."""
    truth = truth_from(extracted)
    entry = next(e for e in truth if e["issuer"] and e["cited"])
    entry["issuer"] = unicodedata.normalize("NFD", "  " + entry["issuer"].replace(" ", "\n  ") + " ")
    entry["cited"] = [{"number": "số " + c["number"].replace("-", "/", 1)} for c in entry["cited"]]
    entry["themes"] = list(reversed(entry["themes"]))
    empty = {None: "", "": None, (): None}
    for e in truth:
        for name in ("number", "signer_title", "recipients", "distribution"):
            value = tuple(e[name]) if isinstance(e[name], list) else e[name]
            if value in empty:
                e[name] = empty[value]
    assert bench.evaluate(extracted, bench.truth_entries(truth))["misses"] == []


def test_null_truth_requires_an_empty_value():
    documents = {"a.txt": [{"number": "1-CV/TU", "recipients": []}]}
    truth = bench.truth_entries([{"source": "a.txt", "part": 0, "number": None, "recipients": None}])
    misses = bench.evaluate(documents, truth)["misses"]
    assert [(m["field"], m["got"]) for m in misses] == [("number", "1-CV/TU")]


def test_themes_precision_recall_and_set_diff():
    documents = {"a.txt": [{"themes": ["a", "b", "c"]}]}
    truth = bench.truth_entries([{"source": "a.txt", "themes": ["a", "d"]}])
    report = bench.evaluate(documents, truth)
    themes = report["fields"]["themes"]
    assert (themes["correct"], themes["total"]) == (0, 1)
    assert (themes["precision"], themes["recall"]) == (round(1 / 3, 4), 0.5)
    (miss,) = report["misses"]
    assert (miss["missing"], miss["extra"]) == (["d"], ["b", "c"])


def test_missing_document_and_count():
    documents = {"a.txt": [{"kind": "cong_van"}]}
    truth = bench.truth_entries({"a.txt": [{"kind": "cong_van"}, {"kind": "ke_hoach"}]})
    report = bench.evaluate(documents, truth)
    assert [(m["part"], m["field"], m["got"]) for m in report["misses"]] == [
        (1, "kind", bench.MISSING), (None, "document_count", 1)
    ]
    assert report["fields"]["kind"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    # only fields the truth holds are scored
    assert set(report["fields"]) == {"kind", "document_count"}


def test_three_truth_shapes_load_the_same(tmp_path):
    documents = json.loads(bench.DEFAULT_TRUTH.read_text(encoding="utf-8"))["documents"]
    by_file: dict[str, list] = {}
    for entry in documents:
        stripped = {k: v for k, v in entry.items() if k not in ("source", "part")}
        by_file.setdefault(entry["source"], []).append(stripped)
    mapping = {name: entries[0] if len(entries) == 1 else entries for name, entries in by_file.items()}
    shapes = [{"documents": documents}, documents, mapping]
    loaded = [bench.load_truth(write(tmp_path, shape, f"t{i}.json")) for i, shape in enumerate(shapes)]
    assert loaded[0] == loaded[1] == loaded[2]
    assert len(loaded[0]) == len(documents)


@pytest.mark.parametrize("data", [42, [{"part": 0}], {"a.txt": ["x"]}, [{"source": "a", "part": "one"}],
                                  [{"source": "a"}, {"source": "a", "part": 0}]])
def test_bad_truth_is_rejected(data):
    with pytest.raises(bench.TruthError):
        bench.truth_entries(data)


def test_cli(tmp_path, capsys):
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["field", "correct/total", "percent"]
    assert "misses (" in out

    assert bench.main(["--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) >= {"fields", "misses"}

    with pytest.raises(SystemExit) as exit_info:
        bench.main([str(tmp_path / "nope")])
    assert exit_info.value.code == 2
    not_json = tmp_path / "truth.json"
    not_json.write_text("{not json", encoding="utf-8")
    for truth in (not_json, tmp_path / "no.json"):
        with pytest.raises(SystemExit) as exit_info:
            bench.main([str(bench.DEFAULT_FOLDER), str(truth)])
        assert exit_info.value.code == 2


def test_unreadable_and_unscored_files(tmp_path):
    text = "TỈNH ỦY BẮC GIANG\nSố 1-CV/TU\nV/v thử\nNội dung."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.doc").write_bytes(b"\xd0\xcf")
    truth = write(tmp_path, {"b.doc": {"kind": "cong_van"}}, "truth.txt.json")
    report = bench.run(tmp_path, truth)
    assert set(report["errors"]) == {"b.doc"}  # the truth file itself is not read as a document
    assert report["unscored_files"] == ["a.txt"]
    assert [m["field"] for m in report["misses"]] == ["kind", "document_count"]


def test_long_values_are_cut():
    assert len(bench._cut("x" * 500)) == bench.MISS_WIDTH
    assert bench._cut("short") == "short"


def test_names_and_subjects_compare_as_words():
    """Capitals, old tone placement, the "V/v" label and a closing full stop are not misses;
    different words are."""
    truth = {("a.txt", 0): {"source": "a.txt", "part": 0, "issuer": "ỦY BAN NHÂN DÂN TỈNH HOÀ BÌNH",
                            "subject": "V/v tổ chức hội chợ."}}
    same = {"a.txt": [{"issuer": "Ủy ban nhân dân tỉnh Hòa Bình", "subject": "Tổ chức hội chợ"}]}
    other = {"a.txt": [{"issuer": "Ủy ban nhân dân tỉnh Hà Nam", "subject": "Tổ chức hội thảo"}]}
    assert bench.evaluate(same, truth)["misses"] == []
    misses = bench.evaluate(other, truth)["misses"]
    assert [m["field"] for m in misses] == ["issuer", "subject"]
    assert misses[0]["expected"] == "ỦY BAN NHÂN DÂN TỈNH HOÀ BÌNH"  # shown as printed
