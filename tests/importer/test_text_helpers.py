"""The importer uses the project's text helpers rather than copies of its own.

Runs without Django: ``pytest tests/importer -p no:django``.
"""

from __future__ import annotations

import pytest

from cms.importer import parser, vocabulary
from cms.importer.parser import find_numbers, number_key, parse
from cms.taxonomy.regions import slugify_vi
from search import analysis


def test_one_implementation_of_each_helper():
    assert vocabulary.fold is analysis.fold
    assert vocabulary.slugify_vi is slugify_vi
    assert parser.fold is analysis.fold
    assert parser.fix_tones is analysis.fix_tones
    for name in ("_TONE_FIXES", "_TONE_FIX_RE", "_FOLD_TABLE", "_build_fold_table", "_build_tone_fixes"):
        assert not hasattr(vocabulary, name), name
    assert not hasattr(parser, "_old_style")


def test_gazetteer_slugs_are_the_region_tree_slugs():
    gaz = vocabulary.gazetteer()
    assert gaz.province("Bà Rịa - Vũng Tàu").slug == "ba-ria-vung-tau"
    assert gaz.province("Bà Rịa – Vũng Tàu").slug == "ba-ria-vung-tau"  # en dash folds to "-"
    assert gaz.province("  Thừa Thiên  Huế ").slug == "hue"  # alias, spacing collapsed
    assert gaz.province("TP.HCM").name == "Hồ Chí Minh"
    assert gaz.province("Hoà Bình").name == "Hòa Bình"
    for place in gaz.provinces.values():
        assert place.slug == slugify_vi(place.name)
    for places in gaz.districts.values():
        for place in places:
            assert place.slug == f"{slugify_vi(place.province)}-{slugify_vi(place.name)}"


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("03-CT/TW", "3-ct-tw"),
        ("03/CT-TW", "3-ct-tw"),
        ("3-CT/TW", "3-ct-tw"),
        ("386/QĐ-TTg", "386-qd-ttg"),
        ("30/2020/NĐ-CP", "30-2020-nd-cp"),
        ("1557/UBND-KTN", "1557-ubnd-ktn"),
        # not a number to normalize_doc_number: folded letters and digits, leading zeros kept
        ("12/BC-BCĐ389", "12bcbcd389"),
        ("012/BC-BCĐ389", "012bcbcd389"),
        ("", ""),
    ],
)
def test_number_key_is_the_archive_key(number, key):
    assert number_key(number) == key
    if analysis.normalize_doc_number(number):
        assert number_key(number) == analysis.normalize_doc_number(number)


def test_find_numbers_merges_spellings_of_one_number():
    text = "Chỉ thị số 03-CT/TW, Chỉ thị 3-CT/TW và 03/CT-TW; Chỉ thị 30-CT/TW; Báo cáo 12/BC-BCĐ389"
    assert find_numbers(text) == ["03-CT/TW", "30-CT/TW", "12/BC-BCĐ389"]


BODY = "\n\nKính gửi: Các sở, ngành\n\nNội dung thuỷ sản, hàng hoá, hòan thành.\n\nNơi nhận:\n- Như trên.\n\nBÍ THƯ\n\nNguyễn Văn A\n"


def test_tone_placement_of_metadata_uses_fix_tones():
    doc = parse("TỈNH UỶ BẮC GIANG\n\nSố 1-CV/TU\nV/v hàng hoá" + BODY)[0]
    assert doc.issuer == "Tỉnh ủy Bắc Giang"
    assert parser.suggest_themes("", "nuôi trồng thuỷ sản") == parser.suggest_themes("", "nuôi trồng thủy sản")
    assert "nong-san" in parser.suggest_themes("", "NUÔI TRỒNG THUỶ SẢN")
