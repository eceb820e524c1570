# The two set-up commands are `make run` and `make test`; the rest are habits.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STORE ?= build/store
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test check bench build serve clean web

# The venv is (re)installed when pyproject.toml changes. torch is installed first, pinned
# to the CPU build, so that nothing later pulls a multi-GB CUDA wheel.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/.installed web
	$(BIN)/graphbuilder build corpora --store $(STORE)
	$(BIN)/graphbuilder serve --store $(STORE) --host $(HOST) --port $(PORT)

test: $(BIN)/.installed tools/cypher-lint/node_modules web
	$(BIN)/python -m pytest -q

# The web page (web/, npm packages only) built into api/web, which the server serves at /.
web: api/web/index.html
api/web/index.html: web/package.json web/package-lock.json web/build.mjs $(wildcard web/src/*) $(wildcard web/licenses/*)
	cd web && npm ci --no-audit --no-fund && npm run build

# Neo4j's own Cypher parser, for the tests that lint every statement graphbuilder sends.
tools/cypher-lint/node_modules: tools/cypher-lint/package-lock.json
	cd tools/cypher-lint && npm ci --no-audit --no-fund
	touch $@

check: $(BIN)/.installed
	$(BIN)/ruff check graphbuilder api tests benchmarks scripts
	$(BIN)/ruff format --check graphbuilder api tests benchmarks scripts
	$(BIN)/mypy

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/build_vs_jieba.py

clean:
	rm -rf build
