#!/usr/bin/env bash
# Alliance Atlas on loopback: K Streamlit replicas behind nginx with sticky sessions.
#
#   deploy/run_replicas.sh start [K]        start K replicas (default 2) and nginx, wait until healthy
#   deploy/run_replicas.sh status           show what runs
#   deploy/run_replicas.sh kill-replica I   kill replica I (1..K) with SIGKILL, as a crash would
#   deploy/run_replicas.sh stop             stop everything this script started
#
# Everything listens on 127.0.0.1 only. Settings (environment):
#   ATLAS_REPLICAS           replicas to start when start gets no K (default 2)
#   ATLAS_LB_PORT            nginx's port (default 8610); replica I listens on ATLAS_LB_PORT + I
#   ATLAS_LB_DIR             state directory: rendered nginx.conf, pid files, logs
#                            (default ${TMPDIR:-/tmp}/alliance-atlas-lb)
#   ATLAS_START_TIMEOUT      seconds to wait for the replicas and nginx to be healthy (default 90)
#   STREAMLIT_SERVER_COOKIE_SECRET  shared by every replica; a random one is generated when unset
#   PYTHON                   the interpreter that has the app's requirements (default python3)
#   NGINX                    the nginx binary (default: nginx on PATH or /usr/sbin/nginx; Debian's
#                            package is installed with apt-get when missing and we are root)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEMPLATE="$ROOT/deploy/nginx.conf.template"
HOST=127.0.0.1
LB_PORT="${ATLAS_LB_PORT:-8610}"
DIR="${ATLAS_LB_DIR:-${TMPDIR:-/tmp}/alliance-atlas-lb}"
START_TIMEOUT="${ATLAS_START_TIMEOUT:-90}"
PYTHON="${PYTHON:-python3}"

say() { printf '[run_replicas] %s\n' "$*"; }
die() { printf '[run_replicas] error: %s\n' "$*" >&2; exit 1; }

is_int() { [[ "$1" =~ ^[0-9]+$ ]]; }

# A pid we recorded, still alive and still the program we started (guards against pid reuse).
alive_as() {
  local pid="$1" name="$2"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$name"
}

http_ok() {
  "$PYTHON" - "$1" <<'PY' >/dev/null 2>&1
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
    sys.exit(0 if response.status == 200 else 1)
PY
}

port_free() {
  "$PYTHON" - "$HOST" "$1" <<'PY' >/dev/null 2>&1
import socket, sys
with socket.socket() as sock:
    # As servers do: a port whose old connections linger in TIME_WAIT is free to listen on.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((sys.argv[1], int(sys.argv[2])))
PY
}

find_nginx() {
  local candidate="${NGINX:-}"
  if [[ -z "$candidate" ]]; then
    candidate="$(command -v nginx 2>/dev/null || true)"
    [[ -z "$candidate" && -x /usr/sbin/nginx ]] && candidate=/usr/sbin/nginx
  fi
  if [[ -z "$candidate" || ! -x "$candidate" ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
      say "installing Debian's nginx package" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null
      # policy-rc.d usually stops the package from starting the system service; we never use it.
      apt-get install -y -qq nginx >/dev/null
      candidate="$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)"
    fi
  fi
  [[ -x "$candidate" ]] || die "nginx not found: install Debian's package (apt-get install -y nginx) or set NGINX"
  printf '%s\n' "$candidate"
}

replica_count() {
  local n=0
  while [[ -f "$DIR/replica-$((n + 1)).pid" ]]; do n=$((n + 1)); done
  printf '%s\n' "$n"
}

stop_pid() {
  local pid="$1" name="$2" signal="${3:-TERM}"
  alive_as "$pid" "$name" || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}

do_stop() {
  [[ -d "$DIR" ]] || { say "nothing to stop ($DIR does not exist)"; return 0; }
  if [[ -f "$DIR/nginx.pid" ]]; then
    stop_pid "$(cat "$DIR/nginx.pid")" nginx QUIT
    rm -f "$DIR/nginx.pid"
  fi
  local i n
  n="$(replica_count)"
  for ((i = 1; i <= n; i++)); do
    stop_pid "$(cat "$DIR/replica-$i.pid")" streamlit TERM
    rm -f "$DIR/replica-$i.pid" "$DIR/replica-$i.port"
  done
  say "stopped (logs kept in $DIR)"
}

do_status() {
  [[ -d "$DIR" ]] || { say "not running"; return 0; }
  local i n pid port state
  n="$(replica_count)"
  for ((i = 1; i <= n; i++)); do
    pid="$(cat "$DIR/replica-$i.pid")"
    port="$(cat "$DIR/replica-$i.port")"
    state=dead
    alive_as "$pid" streamlit && state=running
    printf 'replica %s  http://%s:%s  pid %s  %s\n' "$i" "$HOST" "$port" "$pid" "$state"
  done
  if [[ -f "$DIR/nginx.pid" ]] && alive_as "$(cat "$DIR/nginx.pid")" nginx; then
    printf 'nginx      http://%s:%s  pid %s  running\n' "$HOST" "$(cat "$DIR/lb.port" 2>/dev/null || echo "$LB_PORT")" "$(cat "$DIR/nginx.pid")"
  else
    printf 'nginx      not running\n'
  fi
}

do_kill_replica() {
  local i="${1:-}"
  is_int "$i" && [[ -f "$DIR/replica-$i.pid" ]] || die "no replica '$i' (see: $0 status)"
  local pid
  pid="$(cat "$DIR/replica-$i.pid")"
  alive_as "$pid" streamlit || die "replica $i (pid $pid) is not running"
  kill -KILL "$pid"
  say "killed replica $i (pid $pid, port $(cat "$DIR/replica-$i.port"))"
}

fail_start() {
  printf '[run_replicas] error: %s\n' "$*" >&2
  local log
  for log in "$DIR"/replica-*.log "$DIR/error.log"; do
    [[ -s "$log" ]] && { printf -- '--- %s (tail)\n' "$log" >&2; tail -n 20 "$log" >&2; }
  done
  do_stop >&2
  exit 1
}

do_start() {
  local count="${1:-${ATLAS_REPLICAS:-2}}"
  is_int "$count" && ((count >= 1 && count <= 16)) || die "replica count must be 1..16, got '$count'"
  is_int "$LB_PORT" && ((LB_PORT >= 1024 && LB_PORT + count <= 65535)) || die "bad ATLAS_LB_PORT '$LB_PORT'"
  is_int "$START_TIMEOUT" || die "bad ATLAS_START_TIMEOUT '$START_TIMEOUT'"
  [[ -f "$TEMPLATE" ]] || die "missing $TEMPLATE"

  if [[ -d "$DIR" ]]; then
    local n i
    n="$(replica_count)"
    for ((i = 1; i <= n; i++)); do
      alive_as "$(cat "$DIR/replica-$i.pid")" streamlit && die "already running in $DIR: run '$0 stop' first"
    done
    [[ -f "$DIR/nginx.pid" ]] && alive_as "$(cat "$DIR/nginx.pid")" nginx && die "nginx already running in $DIR: run '$0 stop' first"
  fi

  local nginx_bin
  nginx_bin="$(find_nginx)"

  local port
  for ((port = LB_PORT; port <= LB_PORT + count; port++)); do
    port_free "$port" || die "port $HOST:$port is in use (set ATLAS_LB_PORT)"
  done

  rm -rf "$DIR"
  mkdir -p "$DIR"
  # nginx's workers drop root for an unprivileged user and must reach their temp directories here.
  chmod 755 "$DIR"
  printf '%s\n' "$LB_PORT" >"$DIR/lb.port"

  local secret="${STREAMLIT_SERVER_COOKIE_SECRET:-}"
  if [[ -z "$secret" ]]; then
    secret="$("$PYTHON" -c 'import secrets; print(secrets.token_hex(32))')"
    say "generated a shared cookie secret (set STREAMLIT_SERVER_COOKIE_SECRET to choose one)"
  fi

  local i servers=""
  for ((i = 1; i <= count; i++)); do
    port=$((LB_PORT + i))
    (
      cd "$ROOT"
      STREAMLIT_SERVER_COOKIE_SECRET="$secret" exec "$PYTHON" -m streamlit run app.py \
        --server.address "$HOST" --server.port "$port" --server.headless true \
        --server.fileWatcherType none --browser.gatherUsageStats false
    ) </dev/null >"$DIR/replica-$i.log" 2>&1 &
    printf '%s\n' "$!" >"$DIR/replica-$i.pid"
    printf '%s\n' "$port" >"$DIR/replica-$i.port"
    servers+="        server $HOST:$port max_fails=1 fail_timeout=10s;"$'\n'
  done

  local conf
  conf="$(<"$TEMPLATE")"
  conf="${conf//'{{PREFIX}}'/$DIR}"
  conf="${conf//'{{LISTEN}}'/$HOST:$LB_PORT}"
  conf="${conf//'{{SERVERS}}'/${servers%$'\n'}}"
  printf '%s\n' "$conf" >"$DIR/nginx.conf"
  "$nginx_bin" -t -q -p "$DIR" -e "$DIR/error.log" -c "$DIR/nginx.conf" || fail_start "nginx -t rejected $DIR/nginx.conf"

  local deadline=$((SECONDS + START_TIMEOUT))
  for ((i = 1; i <= count; i++)); do
    port="$(cat "$DIR/replica-$i.port")"
    until http_ok "http://$HOST:$port/_stcore/health"; do
      alive_as "$(cat "$DIR/replica-$i.pid")" streamlit || fail_start "replica $i exited during start"
      ((SECONDS < deadline)) || fail_start "replica $i not healthy after ${START_TIMEOUT}s"
      sleep 0.3
    done
    say "replica $i healthy on http://$HOST:$port"
  done

  "$nginx_bin" -p "$DIR" -e "$DIR/error.log" -c "$DIR/nginx.conf" || fail_start "nginx did not start"
  until http_ok "http://$HOST:$LB_PORT/nginx-health" && http_ok "http://$HOST:$LB_PORT/_stcore/health"; do
    ((SECONDS < deadline)) || fail_start "nginx not healthy after ${START_TIMEOUT}s"
    sleep 0.2
  done

  say "nginx (pid $(cat "$DIR/nginx.pid")) on http://$HOST:$LB_PORT/ -> $count replica(s), sticky cookie atlas_route"
  local stop_command="$0 stop"
  [[ -n "${ATLAS_LB_DIR:-}" ]] && stop_command="ATLAS_LB_DIR=$DIR $stop_command"
  say "open http://$HOST:$LB_PORT/   state, config and logs: $DIR   stop: $stop_command"
}

case "${1:-start}" in
  start) do_start "${2:-}" ;;
  stop) do_stop ;;
  status) do_status ;;
  kill-replica) do_kill_replica "${2:-}" ;;
  -h | --help | help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
  *) die "unknown command '$1' (start [K] | status | kill-replica I | stop)" ;;
esac
