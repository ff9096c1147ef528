# The README's two commands: `make build` and `make test`. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: help build serve test lint check bench clean publish

help: ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade -c constraints.txt pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[site,dev,pdf]'
	touch $(STAMP)

STRICT ?= --strict

build: $(STAMP) ## build the example Thai site into site/ (STRICT= builds despite warnings)
	$(BIN)/mkdocs build $(STRICT)

serve: $(STAMP) ## preview the site, pending posts included, at http://127.0.0.1:8000
	$(BIN)/mkdocs serve

check: $(STAMP) ## the gate's decision for every post
	$(BIN)/gate check

publish: $(STAMP) ## check, build, report and commit taken-down posts as CI does (DRY_RUN=1: no commit)
	BIN=$(BIN) DRY_RUN=$(DRY_RUN) scripts/publish-local

test: $(STAMP) ## run the whole test suite
	$(BIN)/python -m pytest

lint: $(STAMP) ## ruff and mypy --strict
	$(BIN)/ruff check plugin tests
	$(BIN)/ruff format --check plugin tests
	$(BIN)/mypy

bench: $(STAMP) ## measure the gate, write bench/RESULTS.md
	$(BIN)/python bench/run.py

clean: ## remove the built site and the virtual environment
	rm -rf site $(VENV)
