"""vietnamese.highlight: snippets marked in the original spelling."""

import html
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.vietnamese.strategies import any_text, viet_text
from vietnamese.highlight import highlight
from vietnamese.text import tokenize

SEEDS = Path(__file__).resolve().parents[2] / "cms" / "demo" / "fixtures" / "seeds"


# ---------------------------------------------------------------------------
# highlight
# ---------------------------------------------------------------------------

SEED_PARAGRAPH = (
    "Tuy nhiên, vẫn còn một vài cấp ủy đảng, chính quyền chưa tập trung trong công tác lãnh đạo, chỉ đạo "
    "thực hiện Cuộc vận động; công tác quản lý nhà nước chưa có giải pháp hữu hiệu về xử lý tình trạng "
    "hàng gian, hàng giả, hàng kém chất lượng; việc quản lý các sàn thương mại điện tử chưa chặt chẽ; "
    "hình thức tuyên truyền, vận động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội chưa hiệu quả."
)


def _unmarked(snippet):
    return snippet.replace("<mark>", "").replace("</mark>", "")


def test_highlight_unaccented_query_marks_accented_text():
    snippet = highlight(SEED_PARAGRAPH, ["hang", "gia"])
    assert "<mark>hàng giả</mark>" in snippet
    assert "<mark>hàng</mark> gian" in snippet


def test_highlight_accepts_a_query_string():
    snippet = highlight(SEED_PARAGRAPH, "Thương mại điện tử")
    assert "<mark>thương mại điện tử</mark>" in snippet


def test_highlight_uppercase_and_d():
    text = "**TỈNH ỦY BẮC GIANG**\n\nSố 610-CV/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM"
    assert "<mark>ĐẢNG</mark>" in highlight(text, ["dang"])
    assert "<mark>ỦY</mark>" in highlight(text, ["uy"])
    assert "<mark>ỦY</mark>" in highlight(text, ["uỷ"])


def test_highlight_document_number_is_one_mark():
    text = "Ngày 19/5/2021, Ban Bí thư ban hành Chỉ thị số 03-CT/TW về tăng cường"
    assert "<mark>03-CT/TW</mark>" in highlight(text, tokenize("03 ct tw"))


def test_highlight_snippet_is_short_and_centered():
    text = (SEEDS / "004_951de74d9d9f30de.txt").read_text(encoding="utf-8")
    snippet = highlight(text, ["san", "thuong", "mai", "dien", "tu"])
    assert "<mark>sàn thương mại điện tử</mark> chưa chặt chẽ" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(_unmarked(snippet)) <= 200 + 2
    assert "\n" not in snippet


def test_highlight_prefers_window_with_most_terms():
    text = "hàng " * 100 + "Cuộc vận động ưu tiên dùng hàng Việt Nam. " + "Việt " * 100
    snippet = highlight(text, ["hang", "viet"])
    assert "<mark>hàng Việt</mark> Nam" in snippet


def test_highlight_without_match_returns_beginning():
    snippet = highlight(SEED_PARAGRAPH, ["xyz"])
    assert snippet.startswith("Tuy nhiên, vẫn còn")
    assert "<mark>" not in snippet
    assert highlight("", ["hang"]) == ""


def test_highlight_escapes_html():
    text = "Ghi chú <script>alert('hàng giả')</script> & “hàng Việt”"
    snippet = highlight(text, ["hang", "script"])
    assert "<script>" not in snippet
    assert "&lt;<mark>script</mark>&gt;" in snippet
    assert "&amp;" in snippet


def test_highlight_decomposed_original():
    text = unicodedata.normalize("NFD", "Người Việt Nam ưu tiên dùng hàng Việt Nam")
    assert "<mark>hàng Việt</mark>" in highlight(text, ["hàng", "việt"])


@given(
    st.one_of(viet_text, any_text, st.text(alphabet="<>&\"' ab/àđ\u0301", max_size=40)),
    st.one_of(st.lists(st.one_of(any_text, viet_text), max_size=4), any_text),
    st.integers(min_value=-5, max_value=400),
)
@settings(max_examples=300)
def test_highlight_never_raises_and_is_escaped(text, query, max_chars):
    snippet = highlight(text, query, max_chars=max_chars)
    plain = _unmarked(snippet)
    assert "<" not in plain and ">" not in plain
    # what's left is escaped text: unescaping and re-escaping is stable
    assert html.escape(html.unescape(plain)) == plain


def test_highlight_accented_term_marks_its_spelling_only():
    text = "Tư tưởng tự lực, từ nay dùng hàng Việt."
    assert highlight(text, ["tư"]) == "<mark>Tư</mark> tưởng tự lực, từ nay dùng hàng Việt."
    # Typed without diacritics: every folded match.
    assert highlight(text, ["tu"]).count("<mark>") == 3


def test_highlight_falls_back_to_folded_when_the_spelling_is_absent():
    assert highlight("Hội nghị tại Ha Noi", ["hà", "nội"]) == "Hội nghị tại <mark>Ha Noi</mark>"


def test_highlight_never_marks_inside_a_number_the_query_did_not_name():
    text = "Thực hiện Công văn số 351-CV/TU của Thành ủy; tự giác, từ nay. Xem thêm 610-CV/TU."
    # The query's own number is marked whole; its syllables nowhere else.
    marked = highlight(text, [], number_key="351-cv-tu", max_chars=400)
    assert marked.count("<mark>") == 1 and "<mark>351-CV/TU</mark>" in marked
    # A syllable typed on its own is not marked inside another number.
    marked = highlight(text, ["tu"], max_chars=400)
    assert "610-CV/<mark>" not in marked and "351-CV/<mark>" not in marked
    assert "<mark>tự</mark>" in marked
