#!/usr/bin/env bash
# Creates or refreshes the Orleans ADO.NET schema (deploy/sql/*.sql) in a PostgreSQL database.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: deploy/create-schema.sh [CONNECTION_URI]

Creates the tables, functions and stored queries that the Orleans ADO.NET providers (clustering,
grain storage, reminders; Orleans 10.4.2) need, by running deploy/sql/*.sql in file-name order with
psql. Each file runs in one transaction, so a failing file leaves nothing half-applied.

CONNECTION_URI  a libpq connection URI or key=value string, for example
                postgresql://tokencast@127.0.0.1:5432/tokencast
                When omitted, psql connects with the usual PG* environment variables
                (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE).

The database must exist and run PostgreSQL 15 or later. Running the script again is safe: it
creates only what is missing, replaces the functions and stored queries, and keeps every stored
row (membership, grain state, reminders).

Exit status: 0 on success; 1 when psql is missing, the server cannot be reached, the server is
older than 15, or a script fails; 2 for invalid arguments.
USAGE
}

# Replaces the password of a URI such as postgresql://user:secret@host/db with ***.
redact() {
  sed -E 's#(://[^:/@]*:)[^@]*@#\1***@#' <<<"$1"
}

if [ "$#" -gt 1 ]; then
  echo "error: expected at most one argument (a connection URI), got $#; see --help" >&2
  exit 2
fi
case "${1:-}" in
  -h | --help)
    usage
    exit 0
    ;;
  -*)
    echo "error: unknown option '$1'; see --help" >&2
    exit 2
    ;;
esac

if ! command -v psql >/dev/null 2>&1; then
  echo "error: psql is not on PATH; install the Debian package postgresql-client" >&2
  exit 1
fi

sql_dir="$(cd "$(dirname "$0")" && pwd)/sql"
shopt -s nullglob
scripts=("$sql_dir"/*.sql)
if [ "${#scripts[@]}" -eq 0 ]; then
  echo "error: no *.sql files found in $sql_dir" >&2
  exit 1
fi

# A re-run prints notices such as "relation already exists, skipping"; they are expected, so hide them.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
psql_args=(-X -q -v ON_ERROR_STOP=1)
if [ "$#" -eq 1 ]; then
  psql_args+=(-d "$1")
  target="$(redact "$1")"
else
  target="the database named by the PG* environment variables"
fi

if ! version=$(psql "${psql_args[@]}" -At -c 'SHOW server_version_num' 2>&1); then
  echo "error: cannot connect to $target:" >&2
  echo "$version" >&2
  exit 1
fi
if [ "$version" -lt 150000 ]; then
  echo "error: $target runs PostgreSQL server version $version; the schema needs 15 or later" >&2
  exit 1
fi

for script in "${scripts[@]}"; do
  echo "applying $(basename "$script")"
  if ! psql "${psql_args[@]}" --single-transaction -f "$script"; then
    echo "error: $(basename "$script") failed on $target; its changes were rolled back" >&2
    exit 1
  fi
done
echo "schema is up to date in $target"
