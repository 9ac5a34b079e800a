#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: `bash scripts/with-postgres.sh npm test`.
# Installs PostgreSQL from Debian if missing, starts it in a temporary folder on a free loopback
# port (POSTGRES_PORT chooses one), exports DATABASE_URL (the server's `postgres` database; tests
# make their own databases in it), runs the command, and stops and deletes the server however the command ends.
set -euo pipefail

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [[ -z "$(pgbin)" ]]; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(pgbin)"

# PostgreSQL refuses to run as root: as root, run it as the `postgres` user on a folder it owns.
as_pg() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

DIR="$(mktemp -d /tmp/counterpoint-pg.XXXXXX)"
[[ "$(id -u)" == 0 ]] && chown postgres "$DIR"
stop() {
	as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$DIR"
}
trap stop EXIT

PORT="${POSTGRES_PORT:-}"
[[ -n "$PORT" ]] || PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres >"$DIR/initdb.log" 2>&1 ||
	{ cat "$DIR/initdb.log"; exit 1; }
as_pg "$BIN/pg_ctl" -D "$DIR/data" -w -l "$DIR/log" \
	-o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null ||
	{ cat "$DIR/log"; exit 1; }

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') for this run: $DATABASE_URL"
"$@"
