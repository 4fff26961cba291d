#!/bin/sh
# Back up the platform's PostgreSQL database: a compressed custom-format dump, consistent while
# the service keeps serving (pg_dump reads one snapshot). Files under FILE_DIR are backed up
# separately (rsync or the storage's own snapshots) — rows name them by key.
#
#   ops/backup.sh postgres://user@host:5432/credit_bank backups/credit_bank-$(date +%F).dump
set -eu
url=${1:?usage: backup.sh DATABASE_URL FILE}
file=${2:?usage: backup.sh DATABASE_URL FILE}
mkdir -p "$(dirname "$file")"
pg_dump --format=custom --compress=6 --no-owner --dbname="$url" --file="$file.partial"
mv "$file.partial" "$file"
pg_restore --list "$file" > /dev/null   # the dump is readable
echo "backup written: $file ($(wc -c < "$file") bytes)"
