#!/bin/sh
# Restore a dump made by ops/backup.sh into a NEW, empty database (never over a live one):
#
#   createdb -h host -U user credit_bank_restored
#   ops/restore.sh backups/credit_bank-2026-11-29.dump postgres://user@host:5432/credit_bank_restored
#
# then point DATABASE_URL at it and run `python -m server migrate` (applies nothing if the dump
# is current; brings an older dump up to date).
set -eu
file=${1:?usage: restore.sh FILE DATABASE_URL}
url=${2:?usage: restore.sh FILE DATABASE_URL}
pg_restore --no-owner --exit-on-error --single-transaction --dbname="$url" "$file"
echo "restored $file into $url"
