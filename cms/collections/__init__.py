"""Collections (Bộ sưu tập): pages that are a saved archive search."""
