"""The body-text cleaner (pure functions)."""

from cms.content.bodytext import body_blocks, clean_line, slice_body


def test_clean_line_drops_markdown_and_stray_asterisks():
    assert clean_line("**1.** Tổ chức phổ biến") == "1. Tổ chức phổ biến"
    assert clean_line("(*viết tắt là Chỉ thị số 03-CT/TW*);") == "(viết tắt là Chỉ thị số 03-CT/TW);"
    assert clean_line("- Kinh gửi:*") == "- Kinh gửi:"
    assert clean_line("\\*") == ""


def test_body_blocks_splits_numbered_sections_and_headings():
    text = "Mở đầu văn bản.\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n\n**1.** Tuyên truyền.\n- Ý một;\n- Ý hai.\n\nTiếp theo mục 1.\n\n2. Kiểm tra."
    blocks = body_blocks(text)
    kinds = [kind for kind, _ in blocks]
    assert kinds == ["paragraph", "heading", "section", "section"]
    assert blocks[1][1] == "I. MỤC ĐÍCH, YÊU CẦU"
    first = blocks[2][1]
    assert first["number"] == "1."
    assert "<li>Ý một;</li>" in first["content"] and "Tiếp theo mục 1." in first["content"]
    assert blocks[3][1]["number"] == "2."


def test_body_blocks_escape_html():
    assert "&lt;script&gt;" in body_blocks("<script>x</script>")[0][1]


def test_slice_body_takes_whole_lines():
    text = "đầu\nMở đầu: nội dung\ngiữa\nkết thúc ở đây.\nNơi nhận"
    assert slice_body(text, "nội dung", "kết thúc") == "Mở đầu: nội dung\ngiữa\nkết thúc ở đây."
