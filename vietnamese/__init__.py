"""Vietnamese text and the campaign's vocabulary: the layer beneath all others.

``text`` (normalisation, tone placement, folding, syllables), ``numbers`` (the
one grammar of document numbers), ``highlight`` (snippets), ``abbreviations``
(query expansion), ``gazetteer`` (place names for reading documents) and
``vocabulary`` (every term list: document kinds, content kinds and their
sections, levels, validity, themes, abbreviations). Standard library only
(plus the region data package for the gazetteer); imports nothing of the
project, so every layer may import it.
"""
