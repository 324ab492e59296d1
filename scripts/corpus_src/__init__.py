"""Sources and builders for the generated part of the sample corpus (see make_corpus.py)."""
