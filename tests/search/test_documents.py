"""The tokens a document is indexed under."""

import datetime as dt

from search.documents import SearchDocument, fingerprint, index_tokens


def doc(**kw):
    base = dict(page_id=1, url="/x/", title="Công văn về hàng giả", content="van_ban", body="Kiểm tra hàng giả, hàng giả, hàng giả.")
    base.update(kw)
    return SearchDocument(**base)


def tokens(**kw):
    return set(index_tokens(doc(**kw)).split())


def test_folded_and_exact_tokens_and_pairs():
    t = tokens()
    assert {"hang", "gia", "hang_gia", "_x_hàng", "_x_giả", "_x_hàng_giả"} <= t
    # Exact forms only where folding changes something.
    assert "_x_kiem" not in t and "kiem" in t


def test_head_holds_number_title_issuer_and_place():
    t = tokens(number="03-CT/TW", issuer="Ban Bí thư", place="Hà Nội")
    assert {"_h_cong", "_h_van", "_hx_công", "_h_ban_bi", "_h_ha_noi", "_h_03"} <= t
    assert "_h_kiem" not in t  # body words stay out of the head


def test_repeated_terms_are_marked():
    t = tokens()
    assert "_f_hang_gia" in t
    assert "_f_kiem" not in t


def test_tokens_have_no_spaces_and_never_start_with_a_separator_unless_prefixed():
    for token in tokens(title="“Người Việt Nam” - 03/CT-TW (2021)"):
        assert token and " " not in token
        assert not token.startswith("_") or token.split("_")[1] in {"x", "h", "hx", "f", "n"}


def test_fingerprint_follows_every_field():
    a = doc(date=dt.date(2024, 1, 1))
    assert fingerprint(a) == fingerprint(doc(date=dt.date(2024, 1, 1)))
    assert fingerprint(a) != fingerprint(doc(date=dt.date(2024, 1, 2)))
    assert fingerprint(a) != fingerprint(doc(date=dt.date(2024, 1, 1), restrictions=[3]))
