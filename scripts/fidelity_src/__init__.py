"""Sources of the fidelity fixtures (``tests/fixtures/fidelity/``): a small typesetter, the
fictional prose, and one module per family of documents. See
``scripts/make_fidelity_fixtures.py``."""
