# The two commands of the README: `make run` (demo on SQLite) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test migrate seed serve schema check-schema release-schema errors-doc migrations lock clean

# Every install takes the exact versions (and hashes) of uv.lock; pyproject.toml keeps the lower
# bounds. uv itself (pinned) lives in .tools/, installed with pip on first use, so the machine
# needs only Python 3.11 and make. `make lock` re-resolves uv.lock after a dependency changes.
TOOLS := .tools
UV := $(TOOLS)/bin/uv
UV_VERSION := 0.13.9

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

$(INSTALLED): pyproject.toml uv.lock | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --quiet --frozen --extra test --python $(PYTHON)
	touch $(INSTALLED)

lock: $(UV)
	$(UV) lock

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

# Breaking changes against schema/released.graphql, deprecation dates, the changelog's entries.
check-schema: $(INSTALLED)
	$(PY) -m server check-schema

# Release the current schema: docs/SCHEMA_CHANGELOG.md's Unreleased entries get today's date and
# schema/schema.graphql becomes schema/released.graphql (refused while check-schema fails).
release-schema: $(INSTALLED)
	$(PY) -m server release-schema

# Rewrite docs/ERRORS.md from the error codes and their guidance (server/errors_doc/).
errors-doc: $(INSTALLED)
	$(PY) -m server errors-doc

# Generate a migration for both dialects from the current models: make migrations name=add_x
migrations: $(INSTALLED)
	$(PY) -m server make-migrations $(name)

clean:
	rm -rf $(VENV) $(TOOLS) data
