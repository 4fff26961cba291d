# The two commands of the README: `make run` (demo on SQLite) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test migrate seed serve schema migrations clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

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
