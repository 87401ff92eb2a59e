#!/usr/bin/env bash
# Compares npgov's GET /api/v1/health with a bare cpp-httplib server (bench/http_hello.cpp) on
# this machine, in one run, with wrk. Builds nothing: pass the binaries.
#
#   NPGOV_BIN=build/bench/apps/npgov/npgov HELLO_BIN=build/bench/bench/npgov_http_hello \
#     bench/http_health.sh
#
# Environment (defaults): NPGOV_BIN (build/release/apps/npgov/npgov), HELLO_BIN
# (build/release/bench/npgov_http_hello), DURATION (10s per wrk run), THREADS (16 server
# threads), CONNECTIONS ("16 64"), OUT (bench/results/http_health.md).
#
# Everything binds and targets 127.0.0.1 on ports the kernel picks; the database is a temporary
# SQLite file; every step is bounded in time, and both servers are stopped (SIGTERM) on exit.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
npgov_bin="${NPGOV_BIN:-$repo/build/release/apps/npgov/npgov}"
hello_bin="${HELLO_BIN:-$repo/build/release/bench/npgov_http_hello}"
duration="${DURATION:-10s}"
threads="${THREADS:-16}"
connections="${CONNECTIONS:-16 64}"
out="${OUT:-$repo/bench/results/http_health.md}"
path="/api/v1/health"

for tool in wrk curl timeout; do
    command -v "$tool" >/dev/null || { echo "http_health.sh: $tool is required" >&2; exit 2; }
done
for bin in "$npgov_bin" "$hello_bin"; do
    [[ -x "$bin" ]] || { echo "http_health.sh: not an executable: $bin (build it first)" >&2; exit 2; }
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/npgov-bench.XXXXXX")"
pids=()

# Stops a server: SIGTERM, then up to 10 s for it to exit, then SIGKILL.
stop_server() {
    local pid="$1"
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    for pid in "${pids[@]}"; do stop_server "$pid"; done
    rm -rf "$tmp"
}
trap cleanup EXIT

# write_config FILE LOG_LEVEL
write_config() {
    cat >"$1" <<EOF
log_level = "$2"
data_dir = "$repo/data"

[database]
url = "sqlite:$tmp/npgov.db"

[server]
host = "127.0.0.1"
port = 0
threads = $threads
web_root = "$repo/web/dist"
EOF
}

# start_server NAME STDERR_FILE COMMAND... — starts a server, waits (at most 30 s) for its
# "listening on http://127.0.0.1:PORT" line, and sets $started_pid and $started_port.
start_server() {
    local name="$1" err="$2"
    shift 2
    local stdout_file="$tmp/$name.stdout"
    "$@" >"$stdout_file" 2>"$err" &
    started_pid=$!
    pids+=("$started_pid")
    started_port=""
    for _ in $(seq 300); do
        started_port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$stdout_file" | head -n1)"
        [[ -n "$started_port" ]] && break
        kill -0 "$started_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z "$started_port" ]]; then
        echo "http_health.sh: $name did not start; stdout and stderr:" >&2
        cat "$stdout_file" "$err" >&2
        exit 1
    fi
    # One request first: the endpoint must answer 200 before it is measured.
    local status
    status="$(curl -s -o "$tmp/$name.body" -w '%{http_code}' --max-time 5 "http://127.0.0.1:$started_port$path" || true)"
    if [[ "$status" != 200 ]]; then
        echo "http_health.sh: $name answered $status on $path" >&2
        exit 1
    fi
    echo "$name: pid $started_pid, http://127.0.0.1:$started_port$path -> $(cat "$tmp/$name.body")" >&2
}

# to_ms VALUE — wrk latency ("812.00us", "1.23ms", "2.01s") in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.2f", n }'
}

# measure NAME PORT CONNECTIONS — runs wrk, appends "name c rps p99_ms timeouts errors" to
# $tmp/rows (errors: connect/read/write socket errors plus non-2xx responses).
measure() {
    local name="$1" port="$2" c="$3"
    local log="$tmp/wrk-$name-c$c.txt"
    echo "wrk -t2 -c$c -d$duration --latency http://127.0.0.1:$port$path  ($name)" >&2
    timeout 120 wrk -t2 -c"$c" -d"$duration" --latency "http://127.0.0.1:$port$path" >"$log"
    local rps p99 timeouts errors non2xx
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$log")"
    p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$log")")"
    timeouts="$(awk '/Socket errors:/ {print $NF}' "$log")"
    errors="$(awk '/Socket errors:/ {print $4 + $6 + $8}' "$log")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$log")"
    errors="$(( ${errors:-0} + ${non2xx:-0} ))"
    [[ -n "$rps" ]] || { echo "http_health.sh: cannot parse wrk output:" >&2; cat "$log" >&2; exit 1; }
    echo "$name $c $rps $p99 ${timeouts:-0} $errors" >>"$tmp/rows"
}

# The database: migrated, reference data, synthetic demo city (health then reports demo=true).
write_config "$tmp/warn.toml" warn
write_config "$tmp/info.toml" info
for verb in migrate seed-reference seed-demo; do
    timeout 600 "$npgov_bin" --config "$tmp/warn.toml" db "$verb" >"$tmp/db-$verb.log" 2>&1 ||
        { echo "http_health.sh: npgov db $verb failed:" >&2; cat "$tmp/db-$verb.log" >&2; exit 1; }
done

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
: >"$tmp/rows"

# Both servers up, measured alternately at each connection count.
start_server hello "$tmp/hello.stderr" "$hello_bin" 0 "$threads"
hello_pid=$started_pid hello_port=$started_port
start_server npgov-warn "$tmp/npgov-warn.stderr" "$npgov_bin" --config "$tmp/warn.toml" serve
npgov_pid=$started_pid npgov_port=$started_port
for c in $connections; do
    measure hello "$hello_port" "$c"
    measure npgov-warn "$npgov_port" "$c"
done
stop_server "$npgov_pid"

# npgov again with log_level = "info": one access-log line per request, written to a file.
start_server npgov-info "$tmp/npgov-info.stderr" "$npgov_bin" --config "$tmp/info.toml" serve
npgov_pid=$started_pid npgov_port=$started_port
for c in $connections; do
    measure npgov-info "$npgov_port" "$c"
done
stop_server "$npgov_pid"
stop_server "$hello_pid"
access_lines="$(grep -c 'event=access' "$tmp/npgov-info.stderr" || true)"

# The report.
mkdir -p "$(dirname "$out")"
{
    echo "# GET $path: npgov vs bare cpp-httplib"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(uname -sr);" \
         "load average before the run $load_before"
    echo "- wrk $(wrk -v 2>&1 | head -n1 | awk '{print $2}'): \`wrk -t2 -c<C> -d$duration --latency\`, on the same" \
         "machine as the servers (wrk's 2 threads compete with the server for the 2 cores)"
    echo "- Both servers: $threads worker threads, TCP_NODELAY, keep-alive up to 1000 requests per connection."
    echo "  npgov: SQLite database (migrated, reference data, synthetic demo city); its health handler runs one"
    echo "  database query (does synthetic demo data exist?) and renders a 4-field JSON object, adds security"
    echo "  headers and calls the access logger. The hello server answers a constant \`{\"status\":\"ok\"}\`:"
    echo "  no query, no logging, no extra headers."
    echo "- npgov-warn: \`log_level = \"warn\"\` (access log filtered out); npgov-info: \`log_level = \"info\"\`,"
    echo "  stderr redirected to a file ($access_lines access-log lines written)."
    echo "- cpp-httplib holds one pool thread per keep-alive connection: when connections exceed the $threads"
    echo "  threads (e.g. -c64: 48 connections), the extra connections wait in the queue until a served"
    echo "  connection closes (after 1000 requests), so p99 there measures that queueing, not request cost."
    echo "  wrk counts a request unanswered after 2 s as a timeout."
    echo
    echo "| server | connections | requests/s | p99 latency (ms) | timeouts | errors | req/s ratio npgov/hello | p99 ratio npgov/hello |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    # shellcheck disable=SC2094  # $tmp/rows is only read here, by the loop and by awk
    while read -r name c rps p99 timeouts errors; do
        ratio="" p99_ratio=""
        if [[ "$name" != hello ]]; then
            read -r hello_rps hello_p99 < <(awk -v c="$c" '$1 == "hello" && $2 == c {print $3, $4}' "$tmp/rows")
            ratio="$(awk -v a="$rps" -v b="$hello_rps" 'BEGIN {printf "%.2f", a / b}')"
            p99_ratio="$(awk -v a="$p99" -v b="$hello_p99" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}')"
        fi
        printf '| %s | %s | %.0f | %s | %s | %s | %s | %s |\n' "$name" "$c" "$rps" "$p99" "$timeouts" "$errors" "$ratio" "$p99_ratio"
    done <"$tmp/rows"
    echo
    echo "timeouts = wrk requests unanswered after 2 s; errors = socket connect/read/write errors + non-2xx responses."
} >"$out"
cat "$out"
