# The README's two commands: `make build` and `make test`. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# The example site's reference instant (2026-11-25 17:00 in Bangkok, 10:00 UTC). `make build`,
# `make serve` and `make check` judge the example at this instant, so it builds the same
# whatever today's date is and a fresh clone stays clean (the example is shipped as this
# build leaves it: scripts/make_example.py). Your own site: set SOURCE_DATE_EPOCH to now
# (`make build SOURCE_DATE_EPOCH=$$(date +%s)`, as the publish workflow does), or delete this.
EXAMPLE_EPOCH := 1795600800
SOURCE_DATE_EPOCH ?= $(EXAMPLE_EPOCH)
build serve check: export SOURCE_DATE_EPOCH := $(SOURCE_DATE_EPOCH)

.PHONY: help build serve test lint check demo bench clean publish

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

test: $(STAMP) ## run the whole test suite: the quick set, then the slow cases (marker `slow`)
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest -m slow

lint: $(STAMP) ## ruff, mypy --strict and the import contracts (pyproject.toml)
	$(BIN)/ruff check plugin tests
	$(BIN)/ruff format --check plugin tests
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

demo: $(STAMP) ## a ten-minute guided walk through the workflow, with demo keys, in a throwaway folder
	$(BIN)/python scripts/demo.py

bench: $(STAMP) ## measure the gate: bench/RESULTS.md, gate watch's latency and the evidence pack's time (bench/*.json)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/watch_latency.py
	$(BIN)/python bench/evidence_pack.py

clean: ## remove the built site and the virtual environment
	rm -rf site $(VENV)
