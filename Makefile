# eventwire: the two set-up commands of the README, and the developer's helpers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-stamp
DB ?= eventwire.db

.PHONY: demo test lint typecheck clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

## demo: install, run the bundled sample corpus into eventwire.db, print a summary of events
demo: $(INSTALLED)
	$(BIN)/eventwire run examples/corpus --db $(DB)
	$(BIN)/eventwire events --db $(DB) --format table --limit 25

## test: install, lint and run the whole test suite
test: $(INSTALLED)
	$(BIN)/ruff check src tests
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(INSTALLED)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache .mypy_cache
