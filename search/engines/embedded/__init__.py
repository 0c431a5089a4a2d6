"""The embedded engine (``engine``) and what only it uses: the database's
full-text index (``postings``) and the in-memory facet table (``facets``)."""
