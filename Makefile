# Wijkengids — two commands do all set-up on a fresh machine: `make serve` and `make test`.
SHELL := /bin/bash
# Any Python from 3.11 on (`make pythons` builds the site with each one found); packages are pinned.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Byte-identical builds: dates in the sitemap follow the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export PYTHONDONTWRITEBYTECODE := 1
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lint check bench audit offline system-deps pythons clean editor fuzz

# The web editor (Decap CMS) and its local backend (decap-server) come from npm, pinned by
# tools/editor/package-lock.json and installed beside it; `scripts.editor bundel` copies the editor's files
# into the (git-ignored) docs/redactie/bewerken/decap/, so the site serves them itself.
EDITOR_STAMP := tools/editor/node_modules/.installed
EDITOR_BUNDLE := docs/redactie/bewerken/decap/decap-cms.js
LINT_STAMP := tools/lint/node_modules/.installed

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
	  { echo "Python 3.11 of nieuwer is nodig ($(PYTHON) is $$($(PYTHON) --version 2>&1))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

# Browser tests use Debian's Chromium; the spell check uses hunspell with the Dutch dictionary.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v hunspell >/dev/null || missing="$$missing hunspell"; \
	[ -f /usr/share/hunspell/nl.dic ] || [ -f /usr/share/hunspell/nl_NL.dic ] || missing="$$missing hunspell-nl"; \
	if [ -n "$$missing" ]; then \
	  echo "Installeren:$$missing"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

serve: $(STAMP) $(EDITOR_BUNDLE)
	$(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP) $(EDITOR_BUNDLE)
	$(BIN)/python -m mkdocs build --strict --clean

# A zip of the site that works opened from disk (file://), search included: see mkdocs.offline.yml.
offline: $(STAMP)
	$(BIN)/python -m scripts.offline

check: $(STAMP)
	$(BIN)/python -m scripts.check

# Lint and type check first: any finding fails the run (fix most with `$(BIN)/ruff check --fix macros scripts tests`).
# ESLint checks the site's own JavaScript (tools/lint/eslint.config.js), including that the offline copy can
# bundle it (scripts/js_bundle.py).
lint: $(STAMP) $(LINT_STAMP)
	$(BIN)/ruff check macros scripts tests
	$(BIN)/mypy
	tools/lint/node_modules/.bin/eslint --config tools/lint/eslint.config.js --max-warnings 0 docs/assets/js docs/redactie/bewerken

# Tests run in one pytest-xdist worker per core (TEST_WORKERS=0: in this process), a test file per worker
# at a time, so a module's fixtures are made once; the workers share one build of the real site.
TEST_WORKERS ?= auto
test: $(STAMP) system-deps lint $(EDITOR_BUNDLE)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# The unit tier alone: no MkDocs build, no browser (tests/build and tests/browser are the slow tiers).
test-fast: $(STAMP)
	$(BIN)/python -m pytest tests/unit -q -n $(TEST_WORKERS) --dist loadfile

# Property-based fuzzing (tests/unit/test_fuzz.py): 10,000 fresh random examples, 5,000 mutated records and
# 5,000 mutated reading lists, through the loader and `controleer`. `make test` runs a small fixed set of them.
fuzz: $(STAMP)
	WIJKENGIDS_FUZZ=5000 $(BIN)/python -m pytest tests/unit/test_fuzz.py -q -p no:cacheprovider -p no:logging --durations=0

# A strict build under every Python 3.11+ on this machine (PATH and pyenv), each in its own venv in tmp/.
pythons:
	$(PYTHON) -m scripts.pythons

bench: $(STAMP) system-deps
	$(BIN)/python -m scripts.bench

# ESLint comes from npm, pinned by tools/lint/package-lock.json and installed beside it, never globally
# (LINT_STAMP is set at the top).
$(LINT_STAMP): tools/lint/package-lock.json
	@command -v npm >/dev/null || { echo "Installeren: nodejs npm"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q nodejs npm; }
	cd tools/lint && npm ci --no-audit --no-fund --loglevel=error
	touch $(LINT_STAMP)

# Lighthouse comes from npm, pinned by tools/audit/package-lock.json and installed beside it, never
# globally; the stamp re-runs npm ci only when the lock file changes.
AUDIT_STAMP := tools/audit/node_modules/.installed
$(AUDIT_STAMP): tools/audit/package-lock.json
	@command -v npm >/dev/null || { echo "Installeren: nodejs npm"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q nodejs npm; }
	cd tools/audit && npm ci --no-audit --no-fund --loglevel=error
	touch $(AUDIT_STAMP)

audit: $(STAMP) system-deps $(AUDIT_STAMP)
	$(BIN)/python -m scripts.audit

$(EDITOR_STAMP): tools/editor/package-lock.json
	@command -v npm >/dev/null || { echo "Installeren: nodejs npm"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q nodejs npm; }
	cd tools/editor && npm ci --no-audit --no-fund --loglevel=error
	touch $(EDITOR_STAMP)

$(EDITOR_BUNDLE): $(EDITOR_STAMP) $(STAMP)
	$(BIN)/python -m scripts.editor bundel

# The web editor on this machine: builds the site and serves it at http://127.0.0.1:8100/redactie/bewerken/
# with the local backend, which writes straight into data/ (see docs/redactie.md, "De web-editor").
editor: $(STAMP) $(EDITOR_BUNDLE)
	$(BIN)/python -m scripts.editor start

clean:
	rm -rf site .pytest_cache tests/output
