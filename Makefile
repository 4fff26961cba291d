# The two commands of the README: `make run` (demo on SQLite) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test migrate seed serve schema migrations lock clean

# Every install takes the exact versions (and hashes) of requirements.lock; pyproject.toml keeps
# the lower bounds. `make lock` re-resolves them after a dependency changes.
$(INSTALLED): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(INSTALLED)

lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet pip-tools
	$(VENV)-lock/bin/pip-compile --quiet --extra test --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
	  -o requirements.lock pyproject.toml
	rm -rf $(VENV)-lock

run: $(INSTALLED)
	$(PY) -m server migrate
	$(PY) -m server seed-demo
	$(PY) -m server serve

test: $(INSTALLED)
	$(PY) -m pytest $(PYTEST_ARGS)

migrate: $(INSTALLED)
	$(PY) -m server migrate

schema: $(INSTALLED)
	$(PY) -m server export-schema

# Generate a migration for both dialects from the current models: make migrations name=add_x
migrations: $(INSTALLED)
	$(PY) -m server make-migrations $(name)

clean:
	rm -rf $(VENV) data
