# hkwrap developer tasks. Everything installs itself into .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test lint bench bench-store fuzz data clean

install: $(STAMP)

# editable_mode=compat: the install puts the project folder on sys.path with a one-line .pth
# instead of setuptools' import-hook finder, which imports pathlib, importlib.util and more at
# every start of Python, hkwrap's or not (python -c pass 35 -> 15 ms here).
$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		--config-settings editable_mode=compat -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/hkwrap extract --format table samples/

lint: install
	$(BIN)/ruff check hkwrap tests $(wildcard bench docs/*.py)

test: install lint
	$(BIN)/python -m pytest -q

# Every Hypothesis property 10,000 times (tests/conftest.py, profile "thorough"); minutes, not
# seconds, so not part of `make test`.
FUZZ_TESTS := tests/test_hostile_properties.py tests/test_properties.py tests/test_readers.py

fuzz: install
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -q -p no:cacheprovider $(FUZZ_TESTS)

bench: install
	$(BIN)/python bench/bench.py; status=$$?; $(BIN)/python bench/shapes.py || status=1; \
	$(BIN)/python bench/store_bench.py || status=1; \
	$(BIN)/python bench/memory.py || status=1; exit $$status

bench-store: install
	$(BIN)/python bench/store_bench.py

data: install
	$(BIN)/python -m hkwrap.data.build

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache bench/out
