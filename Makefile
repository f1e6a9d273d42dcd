# Two commands do all set-up on a fresh machine with Python 3.11 and pip:
#   make demo   creates .venv, installs govkg, builds the bundled graph into out/
#   make test   the same install, then the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-scale lint format clean bench serve test-remote test-owl docs screenshot

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/govkg build -o out
	@echo "Outputs in out/: govkg.ttl, govkg-inferred.ttl, govkg.trig, store/, network.html"

# The suite on every CPU (pytest-xdist); tests that read the corpus build share one worker.
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Generated docs: ontology reference (docs/ontology/), docs/cli.md, docs/queries.md; the generator
# lives in tools/govkg_tools/docs/ (beside the package, not shipped in it).
docs: $(STAMP)
	PYTHONPATH=tools $(BIN)/python -m govkg_tools.docs

# The README's picture of the network page, taken by headless Chromium (Debian's chromium).
screenshot: $(STAMP)
	@test -f out/network.html || $(BIN)/govkg build -o out
	$(BIN)/python scripts/screenshot.py out/network.html docs/images/network.png

clean:
	rm -rf out .pytest_cache .ruff_cache .hypothesis

# The suite's checks at benchmark scale (owlrl against the fast reasoner on 100k triples, ~4 min);
# make test runs the same checks on smaller data.
test-scale: $(STAMP)
	cd benchmarks && ../$(BIN)/python -m pytest -p no:cacheprovider test_scale.py

bench: $(STAMP)
	cd benchmarks && ../$(BIN)/python bench_build.py && ../$(BIN)/python bench_queries.py

serve: $(STAMP)
	@test -d out/store || $(BIN)/govkg build -o out
	$(BIN)/govkg serve --data out $(SERVE_ARGS)

# Remote tests against a private Virtuoso on loopback (installs Debian's package if missing).
test-remote: $(STAMP)
	scripts/install-virtuoso.sh
	GOVKG_REMOTE_TESTS=1 $(BIN)/python -m pytest tests/remote

# The OWL API's OWL 2 DL and RL profile check of the ontology, and HermiT and Pellet (owlready2's
# jars) on the ontology, the seed and the corpus (installs Debian's OWL API and a JDK if missing).
# Without them, tests/ontology/test_owl_profile.py and test_owl_reasoners.py skip and say why.
test-owl: $(STAMP)
	scripts/install-owlapi.sh
	$(BIN)/python -m pytest tests/ontology/test_owl_profile.py tests/ontology/test_owl_reasoners.py
