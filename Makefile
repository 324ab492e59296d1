# Two commands do all set-up: `make run` and `make test`. Both install the versions pinned
# in constraints.txt (every package of '.[test]', direct and transitive); `make lock`
# refreshes that file (see README, "Reproducible installs").
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := constraints.txt

.PHONY: run test lint bench screenshots corpus clean lock dist dist-smoke

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto
	$(MAKE) --no-print-directory lint

# ruff, then mypy over the core and scripts (what it checks: [tool.mypy] in pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check reader tests scripts main.py
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: $(STAMP)
	$(BIN)/python tests/bench/extract.py --generate 110
	$(BIN)/python tests/bench/search.py
	$(BIN)/python tests/bench/annotations.py
	$(BIN)/python tests/bench/compare.py
	$(BIN)/python tests/bench/brief.py
	$(BIN)/python tests/bench/faults.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/gui.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/gui_compare.py
	$(BIN)/python tests/bench/statutes.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/watch.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/bench/pageview.py
	$(BIN)/python tests/bench/ocr.py
	$(BIN)/python tests/bench/fidelity.py

# the README's pictures (1280x800, light), then the library, a memo with highlights and the
# brief dialog dark, and both on a small laptop screen (1366x768)
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py --core --dark --out docs/screenshots/1280x800-dark
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py --core --size 1366x768 --out docs/screenshots/1366x768
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py --core --size 1366x768 --dark --out docs/screenshots/1366x768-dark

corpus: $(STAMP)
	$(BIN)/python scripts/make_corpus.py

# Refresh constraints.txt in a throw-away venv (so it holds what '.[test]' needs, not what
# happens to be installed here): every package at its newest version; `make lock KEEP=1`
# keeps the current pins and adds only what is new (a dependency added to pyproject.toml).
lock:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/python" -m pip install --quiet --upgrade pip; \
	"$$tmp/venv/bin/python" -m pip install --quiet $(if $(KEEP),-c $(LOCK)) -e '.[test,dist]'; \
	{ echo "# Every package '.[test,dist]' installs, pinned: used by make run/test, make dist and CI"; \
	  echo "# (pip install -c $(LOCK) -e '.[test]'). Made by 'make lock' on Python $$("$$tmp/venv/bin/python" -c 'import platform; print(platform.python_version())'); do not edit."; \
	  "$$tmp/venv/bin/python" -m pip freeze --exclude-editable; } > "$$tmp/$(LOCK)"; \
	mv "$$tmp/$(LOCK)" $(LOCK); echo "$(LOCK): $$(grep -vc '^#' $(LOCK)) packages pinned"

# The desktop bundle (PyInstaller, the `dist` extra): dist/policy-reader/ and, on Linux,
# dist/policy-reader-VERSION-linux-ARCH.tar.gz. Uses the environment as it is (no install).
dist: $(BIN)/python
	$(BIN)/python packaging/build_dist.py

# Runs the bundle's own executable: version, index, search, brief, window, a missing file.
dist-smoke: $(BIN)/python
	$(BIN)/python packaging/smoke.py dist/policy-reader

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist
