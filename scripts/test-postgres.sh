#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 for the test suite and prints its URL.
# Usage: scripts/test-postgres.sh [port]   (needs Debian's postgresql package; run as root or as postgres)
#        scripts/test-postgres.sh stop DIR  stops a cluster this script started (DIR is in $PG_DIR_FILE, if set)
set -euo pipefail
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if [ "${1:-}" = stop ]; then
  run "'$pgbin/pg_ctl' -D '$2/data' -m fast stop" >/dev/null
  exit 0
fi
port="${1:-54329}"
dir="$(mktemp -d /tmp/dateline-pg.XXXXXX)"
[ -n "${PG_DIR_FILE:-}" ] && echo "$dir" > "$PG_DIR_FILE"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "'$pgbin/initdb' -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
run "'$pgbin/pg_ctl' -D '$dir/data' -l '$dir/log' -w start -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\"" >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres"
