"""vietnamese.gazetteer, and the importer reading with the text core rather than copies of it.

Runs without Django: ``pytest tests/vietnamese -p no:django``.
"""

from __future__ import annotations

from cms.importer import parser
from cms.importer.parser import parse
from vietnamese import numbers, text
from vietnamese.gazetteer import gazetteer
from vietnamese.text import slugify


def test_one_implementation_of_each_helper():
    assert parser.fold is text.fold
    assert parser.fix_tones is text.fix_tones
    assert parser.clean_number is numbers.clean_number
    for name in ("_TONE_FIXES", "_TONE_FIX_RE", "_FOLD_TABLE", "_build_fold_table", "_NUM_CORE", "_old_style"):
        assert not hasattr(parser, name), name


def test_gazetteer_slugs_are_the_region_tree_slugs():
    gaz = gazetteer()
    assert gaz.province("Bà Rịa - Vũng Tàu").slug == "ba-ria-vung-tau"
    assert gaz.province("Bà Rịa – Vũng Tàu").slug == "ba-ria-vung-tau"  # en dash folds to "-"
    assert gaz.province("  Thừa Thiên  Huế ").slug == "hue"  # alias, spacing collapsed
    assert gaz.province("TP.HCM").name == "Hồ Chí Minh"
    assert gaz.province("Hoà Bình").name == "Hòa Bình"
    for place in gaz.provinces.values():
        assert place.slug == slugify(place.name)
    for places in gaz.districts.values():
        for place in places:
            assert place.slug == f"{slugify(place.province)}-{slugify(place.name)}"


BODY = "\n\nKính gửi: Các sở, ngành\n\nNội dung thuỷ sản, hàng hoá, hòan thành.\n\nNơi nhận:\n- Như trên.\n\nBÍ THƯ\n\nNguyễn Văn A\n"


def test_tone_placement_of_metadata_uses_fix_tones():
    doc = parse("TỈNH UỶ BẮC GIANG\n\nSố 1-CV/TU\nV/v hàng hoá" + BODY)[0]
    assert doc.issuer == "Tỉnh ủy Bắc Giang"
    assert parser.suggest_themes("", "nuôi trồng thuỷ sản") == parser.suggest_themes("", "nuôi trồng thủy sản")
    assert "nong-san" in parser.suggest_themes("", "NUÔI TRỒNG THUỶ SẢN")
