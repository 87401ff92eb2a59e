#!/usr/bin/env bash
# Runs every npgov test: C++ unit/module tests on SQLite and on a throwaway PostgreSQL server,
# API and CLI integration tests, the web app's unit tests and the browser tests in Chromium.
# Expects a built tree (make test builds first). Env: BUILD_DIR, NPGOV_BIN.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BUILD_DIR=${BUILD_DIR:-build/release}
NPGOV_BIN=$(realpath "${NPGOV_BIN:-$BUILD_DIR/apps/npgov/npgov}")

pgdir=$(mktemp -d -u "${TMPDIR:-/tmp}/npgov-pg.XXXXXX")
NPGOV_TEST_PG_URL=$(scripts/pg-temp.sh start "$pgdir")
export NPGOV_TEST_PG_URL NPGOV_BIN
trap 'scripts/pg-temp.sh stop "$pgdir" || true' EXIT
echo "npgov: PostgreSQL for tests at $NPGOV_TEST_PG_URL"

start=$(date +%s)
scripts/check-includes.sh
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 600
(cd web && npm test --silent)
(cd web && npm run e2e --silent)
echo "npgov: all tests passed in $(( $(date +%s) - start )) s"
