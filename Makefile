# Two commands: `make run` opens the tool, `make test` runs the whole test suite.
# Each creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pytest workers: one more than the cores, since many tests wait on child processes, timers and the
# disk (measured on 2 cores: 150 s with 3 workers, 180 s with 2, 156 s with 4).
JOBS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
# The suite starts many Python processes (team consoles, the command line); let them reuse compiled
# bytecode, Python's default, where the environment turns that off (130 s instead of 150 s here).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test bench clean

$(STAMP): pyproject.toml hatch_build.py $(wildcard wargame/locale/*/LC_MESSAGES/*.po)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/wargame

test: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n $(JOBS) --dist worksteal

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist .pytest_cache
