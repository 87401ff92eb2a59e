#!/usr/bin/env bash
# The npgov command line end to end on a fresh SQLite database: validate exit codes and JSON,
# migrations, seeding, users, audit verification catching a tampered row, clear errors for a
# bad configuration, and a server killed (SIGKILL) in the middle of concurrent writes
# leaving a consistent, verifiable database.
# Usage: cli_test.sh NPGOV_BIN REPO_ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$@"

cat >"$tmp/npgov.toml" <<TOML
log_level = "warn"
[database]
url = "sqlite:$tmp/npgov.db"
[server]
host = "127.0.0.1"
port = 0
threads = 8
TOML
run() { "$bin" --config "$tmp/npgov.toml" "$@"; }

# validate: exit 0 valid, 65 invalid, JSON with the error.
expect_exit "validate cas valid" 0 "$bin" validate cas 335-67-1 --json
expect_out "validate cas valid json" '"valid": true'
expect_exit "validate cas check digit" 65 "$bin" validate cas 335-67-2 --json
expect_out "validate cas error reason" '"reason": "cas.check_digit"'
expect_exit "validate cas garbage" 65 "$bin" validate cas "not-a-cas" --json
expect_out "validate cas format" '"code": "invalid_argument"'
expect_exit "validate uscc valid" 0 "$bin" validate uscc 91350100M000100Y43 --json
expect_exit "validate uscc wrong check char" 65 "$bin" validate uscc 91350100M000100Y44 --json
expect_out "validate uscc reason" '"reason": "uscc.check_char"'
expect_exit "validate uscc forbidden letter" 65 "$bin" validate uscc 91350100M000100I43 --json
expect_exit "validate plain text" 0 "$bin" validate cas 1763-23-1
expect_exit "usage error" 64 "$bin" validate
expect_exit "version" 0 "$bin" --version
expect_out "version text" '^npgov [0-9]+\.[0-9]+\.[0-9]+'
expect_exit "help of a verb" 0 "$bin" db seed-demo --help
expect_out "help text" 'seed'

# configuration errors
expect_exit "missing config file" 65 "$bin" --config "$tmp/none.toml" db migrate
printf '[server]\nport = "x"\n' >"$tmp/bad.toml"
expect_exit "bad config value" 65 "$bin" --config "$tmp/bad.toml" db migrate
printf '[database]\nurl = "sqlite:%s/no/such/dir/x.db"\n' "$tmp" >"$tmp/nodir.toml"
expect_exit "database directory missing" 69 "$bin" --config "$tmp/nodir.toml" db migrate

# serve refuses an unmigrated database
expect_exit "serve before migrate" 65 run serve
expect_exit "migrate" 0 run db migrate
expect_out "migrate applies all" 'schema version [0-9]+ \([0-9]+ migration'
expect_exit "migrate again" 0 run db migrate
expect_out "migrate is idempotent" '\(0 migration'
expect_exit "seed reference" 0 run db seed-reference
expect_exit "seed demo" 0 run db seed-demo --seed 7 --enterprises 30
expect_out "demo accounts printed" 'admin \(admin\)'
expect_exit "seed demo twice" 65 run db seed-demo

# users
expect_exit "user add without password" 65 run user add zhou --name 周 --role analyst
NPGOV_NEW_PASSWORD=long-enough-pw expect_exit "user add" 0 run user add zhou --name 周 --role analyst --json
expect_out "user add json" '"username": "zhou"'
echo long-enough-pw | expect_exit "user add from stdin" 0 run user add wu --name 吴 --role officer --department sthjj --password-stdin
NPGOV_NEW_PASSWORD=long-enough-pw expect_exit "user add bad role" 65 run user add zheng --name 郑 --role root
NPGOV_NEW_PASSWORD=long-enough-pw expect_exit "user add unknown region" 65 run user add zheng --name 郑 --role analyst --region 999999
expect_exit "user disable" 0 run user disable zhou
expect_exit "user list" 0 run user list --json
expect_out "user list shows disabled" '"disabled": true'
expect_exit "user disable unknown" 65 run user disable nobody

# audit verify catches a tampered row and names it
expect_exit "audit verify intact" 0 run audit verify --json
expect_out "audit verify ok" '"ok": true'
sql "UPDATE audit_log SET actor = 'mallory' WHERE seq = 10"
expect_exit "audit verify tampered" 65 run audit verify --json
expect_out "audit verify names the row" '"first_broken_seq": 10'
sql "UPDATE audit_log SET actor = (SELECT actor FROM audit_log WHERE seq = 11) WHERE seq = 10"
run audit verify >/dev/null 2>&1 || true
sql "DELETE FROM audit_log WHERE seq = 20"
expect_exit "audit verify deleted" 65 run audit verify
expect_out "audit verify deleted message" 'BROKEN at entry (10|21)'

# A server killed with SIGKILL during concurrent writes leaves every write whole: each
# user row has its audit entry, and the chain verifies.
rm -f "$tmp"/npgov.db*
run db migrate >/dev/null && run db seed-reference >/dev/null && run db seed-demo --enterprises 5 >/dev/null
mkfifo "$tmp/serve.out"
"$bin" --config "$tmp/npgov.toml" serve >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
exec 3<"$tmp/serve.out"  # held open for the server's whole life: it never writes to a closed pipe
read -r line <&3
port=$(echo "$line" | sed -E 's#.*http://127\.0\.0\.1:([0-9]+).*#\1#')
token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/token" -d '{"username":"admin","password":"npgov-demo"}' \
        | sed -E 's/.*"token":"([^"]+)".*/\1/')
writer() {  # writer PREFIX COUNT
    for i in $(seq 1 "$2"); do
        curl -s -o /dev/null -H "Authorization: Bearer $token" -X POST "http://127.0.0.1:$port/api/v1/users" \
            -d "{\"username\":\"$1$i\",\"display_name\":\"w\",\"password\":\"long-enough-pw\",\"role\":\"analyst\"}" || return 0
    done
}
writer wa 200 &
writer wb 200 &
writer wc 10  # the third writer's tenth answer is the moment to kill, mid-stream of the other two
kill -9 "$server"
wait 2>/dev/null
exec 3<&-
users=$(sql "SELECT COUNT(*) FROM users WHERE username GLOB 'w[abc][0-9]*'")
entries=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'user.create' AND actor = 'admin'")
if [ "$users" -ge 10 ] && [ "$users" -lt 410 ] && [ "$users" -eq "$entries" ]; then
    ok "killed server: $users users, $entries audit entries"
else
    fail "killed server: $users users vs $entries audit entries"
fi
expect_exit "killed server: chain verifies" 0 run audit verify
expect_exit "killed server: database integrity" 0 sqlite3 "$tmp/npgov.db" "PRAGMA integrity_check"
expect_out "integrity ok" '^ok$'

finish
