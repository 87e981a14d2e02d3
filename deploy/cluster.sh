#!/usr/bin/env bash
# Runs a local Tokencast simulation cluster: PostgreSQL plus N silos on loopback ports.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: deploy/cluster.sh start N | stop | status

start N   Starts a local cluster of N silos (1 to 50) on 127.0.0.1 and prints the connection
          string to pass to `tokencast forecast FILE --cluster ...`. Steps:
            1. When no PostgreSQL server answers on 127.0.0.1:$TOKENCAST_PG_PORT, creates (once) and
               starts a private server whose data lives in $TOKENCAST_RUN_DIR/postgres.
            2. Creates the database $TOKENCAST_PG_DATABASE if missing and applies deploy/sql with
               deploy/create-schema.sh (safe to repeat).
            3. Builds src/Tokencast.Cli once with `dotnet build -c Release`.
            4. Starts silo i (i = 0..N-1) with silo port 11111+i and gateway port 30000+i in the
               background, logging to $TOKENCAST_RUN_DIR/silo-i.log, and waits until all N are
               Active in the membership table.
stop      Stops the silos started here (SIGTERM, then SIGKILL after 30 s) and the PostgreSQL
          server if this script started it.
status    Lists the silos started here, whether PostgreSQL answers, and the membership table.

Environment:
  TOKENCAST_RUN_DIR       state folder (default: deploy/.run in the repository)
  TOKENCAST_PG_PORT       PostgreSQL port on 127.0.0.1 (default 15432)
  TOKENCAST_PG_USER       PostgreSQL user (default postgres)
  TOKENCAST_PG_DATABASE   database of the cluster (default tokencast)
  PGPASSWORD              password of TOKENCAST_PG_USER, for an existing server that needs one
  TOKENCAST_CLUSTER_ID    cluster id passed to the silos (default tokencast)
  TOKENCAST_SERVICE_ID    service id passed to the silos (default tokencast)
  TOKENCAST_CLI_DLL       an already built tokencast.dll to run; skips the build in step 3

The private server trusts every local connection; it is meant for a developer machine. When the
script runs as root it runs the PostgreSQL server as the postgres system user, because initdb
refuses to run as root.
USAGE
}

repo_dir="$(cd "$(dirname "$0")/.." && pwd)"
run_dir="${TOKENCAST_RUN_DIR:-$repo_dir/deploy/.run}"
pg_port="${TOKENCAST_PG_PORT:-15432}"
pg_user="${TOKENCAST_PG_USER:-postgres}"
pg_database="${TOKENCAST_PG_DATABASE:-tokencast}"
cluster_id="${TOKENCAST_CLUSTER_ID:-tokencast}"
service_id="${TOKENCAST_SERVICE_ID:-tokencast}"
pg_dir="$run_dir/postgres"
pg_data="$pg_dir/data"
first_silo_port=11111
first_gateway_port=30000
cli_dll="${TOKENCAST_CLI_DLL:-$repo_dir/src/Tokencast.Cli/bin/Release/net10.0/tokencast.dll}"

fail() {
  echo "error: $*" >&2
  exit 1
}

admin_uri() { echo "postgresql://$pg_user@127.0.0.1:$pg_port/postgres"; }
database_uri() { echo "postgresql://$pg_user@127.0.0.1:$pg_port/$pg_database"; }

# The Npgsql connection string that silos (--postgres) and clients (--cluster) use. It carries
# PGPASSWORD only when asked to, so that printing it never shows the password.
npgsql_connection_string() {
  local value="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=$pg_database"
  if [ "${1:-}" = "with-password" ] && [ -n "${PGPASSWORD:-}" ]; then
    value="$value;Password=$PGPASSWORD"
  fi
  echo "$value"
}

server_answers() {
  pg_isready -q -h 127.0.0.1 -p "$pg_port" -t 3
}

# Runs a PostgreSQL server binary, as the postgres system user when this script runs as root.
run_server_binary() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

find_server_binaries() {
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

start_postgres() {
  if server_answers; then
    echo "PostgreSQL answers on 127.0.0.1:$pg_port; using it"
    return
  fi

  local bin
  if ! bin="$(find_server_binaries)"; then
    fail "no PostgreSQL server answers on 127.0.0.1:$pg_port and no server binaries were found" \
      "in /usr/lib/postgresql/VERSION/bin; install the Debian package postgresql"
  fi

  mkdir -p "$pg_dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$pg_dir"
    runuser -u postgres -- test -w "$pg_dir" \
      || fail "the postgres system user cannot write to $pg_dir;" \
        "set TOKENCAST_RUN_DIR to a folder it can reach"
  fi

  if [ ! -f "$pg_data/PG_VERSION" ]; then
    echo "creating a PostgreSQL data folder in $pg_data"
    run_server_binary "$bin/initdb" -D "$pg_data" -U "$pg_user" --auth=trust -E UTF8 \
      >"$pg_dir/initdb.log" 2>&1 \
      || fail "initdb failed; see $pg_dir/initdb.log"
  fi

  echo "starting PostgreSQL on 127.0.0.1:$pg_port"
  # TCP on loopback only; no Unix socket, so the socket folder's path length and permissions do
  # not matter.
  run_server_binary "$bin/pg_ctl" start -D "$pg_data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=''" >/dev/null \
    || fail "PostgreSQL did not start; see $pg_dir/server.log"
  echo "$bin" >"$pg_dir/started-by-cluster-sh"
}

create_database() {
  local exists
  # SQL goes through stdin because psql expands variables such as :'name' only there, not in -c.
  exists="$(psql -X -At -d "$(admin_uri)" -v name="$pg_database" \
    <<<"SELECT 1 FROM pg_database WHERE datname = :'name'")" \
    || fail "cannot query the databases on 127.0.0.1:$pg_port as $pg_user"
  if [ "$exists" != "1" ]; then
    echo "creating database $pg_database"
    psql -X -q -v ON_ERROR_STOP=1 -d "$(admin_uri)" -v name="$pg_database" \
      <<<'CREATE DATABASE :"name"' \
      || fail "cannot create database $pg_database"
  fi
  "$repo_dir/deploy/create-schema.sh" "$(database_uri)" >/dev/null
}

build_cli() {
  if [ -n "${TOKENCAST_CLI_DLL:-}" ]; then
    [ -f "$cli_dll" ] || fail "TOKENCAST_CLI_DLL names $cli_dll, which does not exist"
    echo "using $cli_dll (TOKENCAST_CLI_DLL); skipping the build"
    return
  fi
  echo "building src/Tokencast.Cli (Release)"
  dotnet build "$repo_dir/src/Tokencast.Cli" -c Release -nologo -v quiet >"$run_dir/build.log" 2>&1 \
    || fail "dotnet build failed; see $run_dir/build.log"
  [ -f "$cli_dll" ] || fail "the build did not produce $cli_dll"
}

silo_pid() {
  local pid_file="$run_dir/silo-$1.pid"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    cat "$pid_file"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

active_silo_count() {
  psql -X -At -d "$(database_uri)" -v cluster="$cluster_id" \
    <<<"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = :'cluster' AND Status = 3" \
    2>/dev/null || echo 0
}

start_silos() {
  local count="$1" i silo_port gateway_port
  for ((i = 0; i < count; i++)); do
    silo_port=$((first_silo_port + i))
    gateway_port=$((first_gateway_port + i))
    if port_in_use "$silo_port" || port_in_use "$gateway_port"; then
      fail "port $silo_port or $gateway_port on 127.0.0.1 is in use; run '$0 stop' or free it"
    fi
  done

  for ((i = 0; i < count; i++)); do
    silo_port=$((first_silo_port + i))
    gateway_port=$((first_gateway_port + i))
    # The connection string goes through the environment so that a password does not show in ps.
    TOKENCAST_POSTGRES="$(npgsql_connection_string with-password)" nohup dotnet "$cli_dll" silo \
      --silo-port "$silo_port" --gateway-port "$gateway_port" \
      --cluster-id "$cluster_id" --service-id "$service_id" \
      >"$run_dir/silo-$i.log" 2>&1 </dev/null &
    echo $! >"$run_dir/silo-$i.pid"
    echo "started silo $i (pid $!, silo port $silo_port, gateway port $gateway_port)"
  done

  # Silos start in parallel; each is ready when the membership table lists it as Active (3).
  local deadline=$((SECONDS + 120)) active
  while true; do
    for ((i = 0; i < count; i++)); do
      [ -n "$(silo_pid "$i")" ] \
        || fail "silo $i exited during startup; see $run_dir/silo-$i.log"
    done
    active="$(active_silo_count)"
    if [ "$active" -ge "$count" ]; then
      break
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      fail "only $active of $count silos became active within 120 s; see $run_dir/silo-*.log"
    fi
    sleep 1
  done
  echo "$count silos are active in cluster '$cluster_id'"
}

command_start() {
  local count="${1:-}"
  [[ "$count" =~ ^[0-9]+$ ]] && [ "$count" -ge 1 ] && [ "$count" -le 50 ] \
    || fail "start needs a silo count from 1 to 50, got '${count}'; see --help"
  command -v dotnet >/dev/null 2>&1 || fail "dotnet is not on PATH; install the .NET SDK named in global.json"
  command -v psql >/dev/null 2>&1 || fail "psql is not on PATH; install the Debian package postgresql-client"

  mkdir -p "$run_dir"
  for pid_file in "$run_dir"/silo-*.pid; do
    [ -e "$pid_file" ] || continue
    if kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      fail "silos from an earlier start still run; run '$0 stop' first"
    fi
    rm -f "$pid_file"
  done

  start_postgres
  create_database
  build_cli
  start_silos "$count"
  echo
  echo "Connection string for 'tokencast forecast FILE --cluster':"
  echo "  $(npgsql_connection_string)"
  if [ -n "${PGPASSWORD:-}" ]; then
    echo "  (add ;Password=... with the password from PGPASSWORD)"
  fi
}

command_stop() {
  local pid_file pid i
  for pid_file in "$run_dir"/silo-*.pid; do
    [ -e "$pid_file" ] || continue
    pid="$(cat "$pid_file")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      # A silo leaves the cluster gracefully on SIGTERM; give it 30 s.
      for ((i = 0; i < 30; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      if kill -0 "$pid" 2>/dev/null; then
        echo "silo pid $pid did not stop within 30 s; killing it"
        kill -KILL "$pid"
      fi
      echo "stopped $(basename "$pid_file" .pid) (pid $pid)"
    fi
    rm -f "$pid_file"
  done

  if [ -f "$pg_dir/started-by-cluster-sh" ]; then
    local bin
    bin="$(cat "$pg_dir/started-by-cluster-sh")"
    if [ -f "$pg_data/postmaster.pid" ]; then
      run_server_binary "$bin/pg_ctl" stop -D "$pg_data" -m fast -w >/dev/null
      echo "stopped PostgreSQL on 127.0.0.1:$pg_port (data kept in $pg_data)"
    fi
    rm -f "$pg_dir/started-by-cluster-sh"
  fi
}

command_status() {
  local pid_file pid name found=0
  for pid_file in "$run_dir"/silo-*.pid; do
    [ -e "$pid_file" ] || continue
    found=1
    name="$(basename "$pid_file" .pid)"
    pid="$(cat "$pid_file")"
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name: running (pid $pid)"
    else
      echo "$name: not running (pid $pid exited; see $run_dir/$name.log)"
    fi
  done
  [ "$found" -eq 1 ] || echo "no silos were started from $run_dir"

  if ! server_answers; then
    echo "PostgreSQL: no server answers on 127.0.0.1:$pg_port"
    return
  fi
  echo "PostgreSQL: answers on 127.0.0.1:$pg_port"
  echo "membership of cluster '$cluster_id' (status 3 = Active, 6 = Dead):"
  psql -X -d "$(database_uri)" -v cluster="$cluster_id" <<<"
    SELECT Address, Port, ProxyPort AS gateway_port, Generation, Status, IAmAliveTime
    FROM OrleansMembershipTable WHERE DeploymentId = :'cluster' ORDER BY Port, Generation" \
    || echo "(cannot read the membership table of database $pg_database)"
}

case "${1:-}" in
  start) command_start "${2:-}" ;;
  stop) command_stop ;;
  status) command_status ;;
  -h | --help) usage ;;
  *)
    echo "error: expected 'start N', 'stop' or 'status'; see --help" >&2
    exit 2
    ;;
esac
