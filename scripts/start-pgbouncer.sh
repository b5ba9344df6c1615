#!/usr/bin/env bash
# Starts PgBouncer (Debian's package) in transaction pooling mode in front of the PostgreSQL at
# 127.0.0.1:5432, every database passed through, trust auth as the CI PostgreSQL has.
# Prints the pooler's address and its process id: "postgres://postgres@127.0.0.1:6432 1234".
# Usage: scripts/start-pgbouncer.sh   (the first free port from 6432 on)
set -euo pipefail
port=6432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
dir="$(mktemp -d /tmp/pgbouncer.XXXXXX)"
cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=5432

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 40
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
echo '"postgres" ""' >"$dir/users.txt"
# PgBouncer refuses to run as root: it runs as postgres, which must read its folder.
if [ "$(id -u)" = 0 ]; then
  chown -R postgres "$dir"
  pgbouncer -d -u postgres "$dir/pgbouncer.ini"
else
  pgbouncer -d "$dir/pgbouncer.ini"
fi
for _ in $(seq 1 50); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.1
done
pg_isready -q -h 127.0.0.1 -p "$port" || { cat "$dir/pgbouncer.log" >&2; exit 1; }
echo "postgres://postgres@127.0.0.1:$port $(cat "$dir/pgbouncer.pid")"
