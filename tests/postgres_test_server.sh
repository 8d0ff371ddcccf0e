#!/bin/sh
# A private PostgreSQL server for the tests: its own cluster in DIR, on 127.0.0.1 and a free
# port, with its socket directory inside DIR, trusting local connections. Nothing outside DIR
# is touched, so it runs beside any system PostgreSQL and leaves nothing behind.
#
#   postgres_test_server.sh start DIR    a fresh cluster, started; prints its URL, also in DIR/url
#   postgres_test_server.sh stop DIR     stops it and removes DIR
#   postgres_test_server.sh restart DIR  restarts it on the same port (pg_ctl restart)
#   postgres_test_server.sh down DIR     stops it, keeping its data and port
#   postgres_test_server.sh up DIR       starts it again after down
#
# PostgreSQL refuses to run as root, so as root the server runs as an unprivileged user:
# `postgres` (made by Debian's postgresql package) or one created here.
set -eu

die() { printf 'postgres_test_server: %s\n' "$*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: $0 start|stop|restart|down|up DIR"
command=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
data="$dir/data"

# Debian's server binaries (not on PATH); the newest version installed, else PATH's.
find_bindir() {
  for d in $(printf "%s\n" /usr/lib/postgresql/*/bin | sort -t/ -k5 -n -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  initdb=$(command -v initdb 2>/dev/null) && { dirname "$initdb"; return; }
  die "PostgreSQL server binaries (initdb, pg_ctl) not found: install the postgresql package" \
      "(deploy/packages/test.txt)"
}
bindir=$(find_bindir)

server_user() {
  for u in postgres culturetrade-pg; do
    id -u "$u" >/dev/null 2>&1 && { echo "$u"; return; }
  done
  useradd --system --no-create-home --shell /usr/sbin/nologin culturetrade-pg >&2
  echo culturetrade-pg
}

# Runs a server binary as the unprivileged user when root, else as ourselves.
as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

pg_ctl() { as_server_user "$bindir/pg_ctl" -D "$data" -l "$dir/log" -w -t 60 "$@" >/dev/null; }

random_port() { echo $((20000 + $(od -An -N2 -tu2 /dev/urandom) % 30000)); }

# Settings for a throwaway server: reachable only from this machine, and fast rather than
# durable (no fsync), since the data dies with the test run.
configure() {
  cat >>"$data/postgresql.conf" <<EOF
port = $1
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/socket'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

start() {
  if [ -f "$data/postmaster.pid" ]; then pg_ctl stop -m immediate || true; fi
  rm -rf "$data" "$dir/socket" "$dir/url" "$dir/log"
  mkdir -p "$data" "$dir/socket"
  if [ "$(id -u)" = 0 ]; then
    chown -R "$user" "$dir"
    as_server_user test -w "$data" ||
      die "$user cannot reach $dir: every directory above it must be searchable (chmod o+x)"
  fi
  as_server_user "$bindir/initdb" -D "$data" -U culturetrade --auth=trust --encoding=UTF8 \
    --locale=C -N >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  cp "$data/postgresql.conf" "$dir/postgresql.conf.orig"
  # A port may be taken between choosing and binding it: try a few.
  for _ in 1 2 3 4 5 6 7 8; do
    port=$(random_port)
    cp "$dir/postgresql.conf.orig" "$data/postgresql.conf"
    configure "$port"
    if pg_ctl start; then
      url="postgresql://culturetrade@127.0.0.1:$port/postgres"
      echo "$url" >"$dir/url"
      echo "$url"
      return
    fi
  done
  cat "$dir/log" >&2
  die "the server did not start"
}

stop() {
  if [ -f "$data/postmaster.pid" ]; then pg_ctl stop -m fast || pg_ctl stop -m immediate || true; fi
  rm -rf "$dir"
}

if [ "$(id -u)" = 0 ]; then user=$(server_user); else user=$(id -un); fi
case "$command" in
  start) start ;;
  stop) stop ;;
  restart) pg_ctl restart -m fast ;;
  down) pg_ctl stop -m fast ;;
  up) pg_ctl start ;;
  *) die "unknown command $command: start|stop|restart|down|up" ;;
esac
