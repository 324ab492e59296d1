# Two commands do all set-up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench screenshots corpus clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py

test: $(STAMP)
	$(BIN)/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/ruff check reader tests scripts main.py

lint: $(STAMP)
	$(BIN)/ruff check reader tests scripts main.py
	$(BIN)/lint-imports --no-cache

bench: $(STAMP)
	$(BIN)/python tests/bench/extract.py
	$(BIN)/python tests/bench/search.py
	$(BIN)/python tests/bench/annotations.py
	$(BIN)/python tests/bench/brief.py
	$(BIN)/python tests/bench/faults.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/gui.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

corpus: $(STAMP)
	$(BIN)/python scripts/make_corpus.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
