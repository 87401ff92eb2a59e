#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL server for tests.
#
#   url=$(scripts/pg-temp.sh start DIR)   # prints only postgresql://postgres@127.0.0.1:PORT/postgres
#   scripts/pg-temp.sh stop DIR           # stops the server and removes DIR
#
# DIR must not exist or be empty. The server listens on a free loopback port with trust auth
# and fsync off (fast, not durable); its data is in DIR/data, its unix socket in DIR/s, its
# logs in DIR/log. PostgreSQL refuses to run as root, so as root the server runs as the
# `postgres` user; otherwise as the current user, with `postgres` as superuser name.
# PG_BINDIR overrides where initdb and pg_ctl are found.
set -euo pipefail

die() {
    echo "pg-temp.sh: $*" >&2
    exit 1
}

usage() {
    echo "usage: $0 start DIR | stop DIR" >&2
    exit 64
}

bindir() {
    if [[ -n "${PG_BINDIR:-}" ]]; then
        echo "$PG_BINDIR"
        return
    fi
    local v
    for v in 15 16 17 14 13; do
        if [[ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]]; then
            echo "/usr/lib/postgresql/$v/bin"
            return
        fi
    done
    if command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
        return
    fi
    die "PostgreSQL server binaries not found (Debian: apt-get install postgresql-15)"
}

# Runs a command as the user that owns the server.
as_server() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Prints a loopback TCP port that nothing listens on. Another process may take it before the
# server binds it; start() then retries with another port.
free_port() {
    local port
    if port=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])' 2>/dev/null) && [[ -n "$port" ]]; then
        echo "$port"
        return
    fi
    local _
    for _ in $(seq 100); do
        port=$((20000 + RANDOM % 40000))
        # A refused connection means the port is free.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "no free loopback port found"
}

show_log() {
    local file
    for file in "$@"; do
        if [[ -s "$file" ]]; then
            echo "--- $file" >&2
            tail -n 30 "$file" >&2
        fi
    done
}

start() {
    local dir=$1
    if [[ -e "$dir" && -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
        die "$dir exists and is not empty"
    fi
    local bin
    bin=$(bindir)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    touch "$dir/.pg-temp"  # stop removes only directories carrying this mark
    mkdir -p "$dir/log" "$dir/s"
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user to run the server"
        chown -R postgres: "$dir"
        runuser -u postgres -- test -w "$dir" ||
            die "user postgres cannot write $dir (are all its parent directories searchable?)"
    fi

    if ! as_server "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
        >"$dir/log/initdb.log" 2>&1; then
        show_log "$dir/log/initdb.log"
        die "initdb failed"
    fi
    # Unix socket paths are limited to ~107 bytes; with a long DIR use TCP only.
    local sockets="$dir/s"
    if ((${#sockets} > 90)); then
        sockets=""
    fi
    cat >>"$dir/data/postgresql.conf" <<CONF

# pg-temp.sh: a throwaway test server
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockets'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
logging_collector = off
CONF

    local attempt port
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        if as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/log/postgres.log" -o "-p $port" -w -t 60 \
            start >>"$dir/log/pg_ctl.log" 2>&1; then
            echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$dir/url"
            cat "$dir/url"
            return 0
        fi
        # Retry only if the port was taken meanwhile.
        grep -q "could not bind\|Address already in use" "$dir/log/postgres.log" 2>/dev/null || break
        echo "pg-temp.sh: port $port taken (attempt $attempt), retrying" >>"$dir/log/pg_ctl.log"
    done
    show_log "$dir/log/pg_ctl.log" "$dir/log/postgres.log"
    die "could not start PostgreSQL in $dir"
}

stop() {
    local dir=$1
    [[ -e "$dir" ]] || return 0
    [[ -f "$dir/.pg-temp" ]] || die "$dir was not made by pg-temp.sh; not removing it"
    local bin
    bin=$(bindir)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        if ! as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >>"$dir/log/pg_ctl.log" 2>&1; then
            as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >>"$dir/log/pg_ctl.log" 2>&1 || {
                show_log "$dir/log/pg_ctl.log"
                die "could not stop the server in $dir"
            }
        fi
    fi
    rm -rf "$dir"
}

[[ $# -eq 2 && -n "$2" ]] || usage
case "$1" in
    start) start "$2" ;;
    stop) stop "$2" ;;
    *) usage ;;
esac
