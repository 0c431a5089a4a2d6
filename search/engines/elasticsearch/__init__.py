"""The Elasticsearch engine (``engine``), its index definition
(``documents``) and its queries (``queries``)."""
