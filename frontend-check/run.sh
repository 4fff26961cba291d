#!/usr/bin/env bash
# The front-end check of CI: GraphQL Codegen (typescript + typescript-operations, versions pinned in
# package-lock.json) types every operation of docs/operations against schema/schema.graphql, and
# `tsc --noEmit` compiles the small typed client src/client.ts with those types.
# Needs Node 20+ and npm (and the npm registry the first time). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

# npm ci from the lock file, unless node_modules already holds exactly that lock's install.
stamp=node_modules/.installed-lock.sha256
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$wanted" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$wanted" > "$stamp"
fi

node generate.mjs
node_modules/.bin/tsc --noEmit -p tsconfig.json
echo "frontend check passed: the operations are typed by GraphQL Codegen and the typed client compiles"
