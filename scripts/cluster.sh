#!/usr/bin/env bash
# A local cluster on 127.0.0.1: PostgreSQL (conversations, suggestions), Redis (Rasa's
# lock store), two Rasa servers, one action server, nginx in front, the help page.
#
#   scripts/cluster.sh start    installs what is missing (apt, as root), starts what is not
#                               running (all, the first time), waits until all answer
#   scripts/cluster.sh stop     stops all; the data stays in the cluster dir
#   scripts/cluster.sh status   which processes run
#
# Everything lives under AIDN_CLUSTER_DIR (default var/cluster). Ports count up from
# AIDN_CLUSTER_PORT (default 5100): nginx +0, Rasa +1 and +2, actions +3, PostgreSQL +4,
# Redis +5, help page +6. Each process is an ordinary server started with its own
# command line; nothing here supervises or restarts them (an orchestrator does that in
# production: README, "Production").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

DIR="${AIDN_CLUSTER_DIR:-$ROOT/var/cluster}"
BASE="${AIDN_CLUSTER_PORT:-5100}"
# AIDN_CLUSTER_INSTANCES Rasa servers (default 2; 1 for the benchmark's comparison).
INSTANCES="${AIDN_CLUSTER_INSTANCES:-2}"
NGINX_PORT=$BASE RASA_PORTS=($((BASE + 1)) $((BASE + 2))) ACTION_PORT=$((BASE + 3))
RASA_PORTS=("${RASA_PORTS[@]:0:$INSTANCES}")
PG_PORT=$((BASE + 4)) REDIS_PORT=$((BASE + 5)) WEB_PORT=$((BASE + 6))
PIDS="$DIR/pids"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_postgres() {  # PostgreSQL refuses to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_missing() {
  local missing=()
  [ -n "$(pg_bin)" ] || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v nginx >/dev/null || missing+=(nginx-light)
  [ ${#missing[@]} = 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "ERROR: the cluster needs ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "== Installing ${missing[*]} (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  # Debian starts the packaged services; the cluster runs its own.
  for service in postgresql redis-server nginx; do service "$service" stop >/dev/null 2>&1 || true; done
}

cluster_env() {  # what every Rasa and action process of the cluster shares
  export AIDN_DB_HOST=127.0.0.1 AIDN_DB_PORT=$PG_PORT AIDN_DB_NAME=aidn AIDN_DB_USER=aidn
  export AIDN_DB_PASSWORD="" AIDN_REDIS_HOST=127.0.0.1 AIDN_REDIS_PORT=$REDIS_PORT AIDN_REDIS_DB=0
  export AIDN_ACTION_ENDPOINT_URL="http://127.0.0.1:$ACTION_PORT/webhook"
  export AIDN_SESSION_SECRET="$(cat "$DIR/session_secret")"
  export AIDN_WEB_PORT=$WEB_PORT AIDN_SOCKET_URL="http://127.0.0.1:$NGINX_PORT"
  export AIDN_ALLOWED_ORIGINS="http://127.0.0.1:$WEB_PORT http://localhost:$WEB_PORT"
}

alive() {  # pidfile: its process runs (a zombie, killed but not yet reaped, does not)
  local state
  [ -f "$1" ] && state=$(ps -o stat= -p "$(cat "$1")" 2>/dev/null) && [ "${state:0:1}" != Z ]
}

spawn() {  # name, log, command...: a process in a session of its own, its pid recorded
  local name=$1 log=$2
  shift 2
  alive "$PIDS/$name.pid" && return 0
  setsid "$@" >>"$log" 2>&1 < /dev/null &
  echo $! >"$PIDS/$name.pid"
}

wait_for() {  # url, name, seconds
  for _ in $(seq "$3"); do
    if "$VENV/bin/python" -c "import urllib.request as u; u.urlopen('$1', timeout=2)" \
        >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "ERROR: $2 did not answer within $3 s; logs in $DIR" >&2
  exit 1
}

start_postgres() {
  local bin
  bin=$(pg_bin)
  mkdir -p "$DIR/pg"
  if [ "$(id -u)" = 0 ]; then chown postgres "$DIR/pg"; fi
  if [ ! -f "$DIR/pg/data/PG_VERSION" ]; then
    as_postgres "$bin/initdb" -D "$DIR/pg/data" -U postgres --auth=trust -E UTF8 >"$DIR/pg/initdb.log"
  fi
  as_postgres "$bin/pg_ctl" -D "$DIR/pg/data" status >/dev/null 2>&1 ||
  as_postgres "$bin/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/postgres.log" -w start \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $DIR/pg -c max_connections=200" >/dev/null
  local psql=("$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtA)
  if [ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname='aidn'")" ]; then
    "${psql[@]}" -c "CREATE ROLE aidn LOGIN" -c "CREATE DATABASE aidn OWNER aidn"
  fi
}

nginx_conf() {
  mkdir -p "$DIR/nginx"
  cat >"$DIR/nginx/nginx.conf" <<CONF
# Made by scripts/cluster.sh. REST turns go round robin to the Rasa servers (they share
# the conversations through PostgreSQL and Redis); a socket.io connection stays with one.
worker_processes 1;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log $DIR/nginx/access.log;
  client_body_temp_path $DIR/nginx/body;
  proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  client_max_body_size 1m;
  # No keepalive to the upstreams: a turn sent to a server that has just died then fails
  # to connect and goes to the other one (a POST is never sent twice).
  upstream rasa { least_conn;$(for port in "${RASA_PORTS[@]}"; do printf ' server 127.0.0.1:%s max_fails=1 fail_timeout=10s;' "$port"; done) }
  upstream rasa_sticky { hash \$remote_addr;$(for port in "${RASA_PORTS[@]}"; do printf ' server 127.0.0.1:%s;' "$port"; done) }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /socket.io/ {
      proxy_pass http://rasa_sticky;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection "upgrade";
      proxy_set_header Origin \$http_origin;
    }
    location / {
      proxy_pass http://rasa;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_read_timeout 60s;
    }
  }
}
CONF
}

start() {
  install_missing
  mkdir -p "$DIR" "$PIDS"
  if [ ! -s "$DIR/session_secret" ]; then
    (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$DIR/session_secret")
  fi
  start_postgres
  alive "$DIR/redis.pid" || redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" \
    --appendonly no --dir "$DIR" --daemonize yes --pidfile "$DIR/redis.pid" \
    --logfile "$DIR/redis.log"
  cluster_env
  AIDN_VAR_DIR="$DIR/actions" AIDN_ACTION_PORT=$ACTION_PORT \
    spawn actions "$DIR/actions.log" scripts/action_server.sh
  for ((i = 0; i < ${#RASA_PORTS[@]}; i++)); do
    AIDN_VAR_DIR="$DIR/rasa-$((i + 1))" AIDN_RASA_PORT=${RASA_PORTS[$i]} \
      spawn "rasa-$((i + 1))" "$DIR/rasa-$((i + 1)).log" scripts/rasa_server.sh
  done
  AIDN_VAR_DIR="$DIR/web" spawn web "$DIR/web.log" "$VENV/bin/python" -m web.app
  nginx_conf
  alive "$DIR/nginx/nginx.pid" || nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx"
  wait_for "http://127.0.0.1:$ACTION_PORT/health" "action server" 120
  for port in "${RASA_PORTS[@]}"; do wait_for "http://127.0.0.1:$port/" "Rasa on $port" 300; done
  wait_for "http://127.0.0.1:$NGINX_PORT/" "nginx" 30
  wait_for "http://127.0.0.1:$WEB_PORT/health" "help page" 60
  cat <<MSG

The cluster is running (data and logs in $DIR).
  REST through nginx:  http://127.0.0.1:$NGINX_PORT/webhooks/rest/webhook
  Help page:           http://127.0.0.1:$WEB_PORT/
  Rasa servers:        ${RASA_PORTS[*]}; action server $ACTION_PORT
  PostgreSQL:          127.0.0.1:$PG_PORT (database aidn); Redis 127.0.0.1:$REDIS_PORT
Stop it with: scripts/cluster.sh stop
MSG
}

stop() {
  [ -f "$DIR/nginx/nginx.pid" ] && nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" -s quit 2>/dev/null || true
  for pidfile in "$PIDS"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill -TERM -- "-$(cat "$pidfile")" 2>/dev/null || true
  done
  for pidfile in "$PIDS"/*.pid; do
    [ -f "$pidfile" ] || continue
    for _ in $(seq 30); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  [ -f "$DIR/redis.pid" ] && kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
  if [ -f "$DIR/pg/data/postmaster.pid" ]; then
    as_postgres "$(pg_bin)/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null || true
  fi
  echo "The cluster is stopped (data kept in $DIR)."
}

status() {
  for pidfile in "$PIDS"/*.pid; do
    [ -f "$pidfile" ] || continue
    name=$(basename "$pidfile" .pid)
    if alive "$pidfile"; then echo "$name: running"; else echo "$name: stopped"; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: scripts/cluster.sh start|stop|status" >&2; exit 2 ;;
esac
