#!/usr/bin/env bash
# docs/openapi.yaml and the code agree: every route registered with
# Route(server, "METHOD", "PATTERN", ...) in src/http/*.cpp is documented, and every documented
# operation exists. The regex capture (\d+) in a pattern is the path parameter {id}.
# The YAML is read line by line (python3-yaml may be absent): under `paths:`, a path key is
# indented two spaces and an operation four — the formatting docs/openapi.yaml keeps.
# Usage: openapi_test.sh REPO_ROOT
set -uo pipefail
if [ $# -ne 1 ]; then
    echo "usage: $0 REPO_ROOT" >&2
    exit 64
fi
root=$1
exec python3 - "$root" <<'PY'
import glob
import os
import re
import sys

root = sys.argv[1]
spec_path = os.path.join(root, "docs", "openapi.yaml")
passed = 0
failed = 0


def ok(name):
    global passed
    passed += 1
    print(f"ok   {name}")


def fail(name, detail=""):
    global failed
    failed += 1
    print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def finish():
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


# ---- routes in the code ----
# Route(server, "GET", "/api/v1/x", ...) or Route(server, "POST", R"(/api/v1/users/(\d+)/disable)", ...)
ROUTE = re.compile(r'Route\(\s*server\s*,\s*"([A-Z]+)"\s*,\s*(?:R"\((.*?)\)"|"((?:[^"\\]|\\.)*)")', re.S)
code = set()
sources = sorted(glob.glob(os.path.join(root, "src", "http", "*.cpp")))
for path in sources:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for m in ROUTE.finditer(text):
        method = m.group(1).lower()
        pattern = m.group(2) if m.group(2) is not None else m.group(3)
        pattern = pattern.replace(r"(\d+)", "{id}")
        pattern = pattern.replace("([a-z0-9_]+)", "{id}")  # string ids, e.g. /lists/{id}
        code.add((method, pattern))
if sources and code:
    ok(f"found {len(code)} routes in {len(sources)} files under src/http")
else:
    fail("routes found in src/http/*.cpp", "none; has the Route(...) idiom changed?")
    finish()
leftover = sorted(p for _, p in code if re.search(r"[()\\\[\]*+?^$|]", p))
if leftover:
    fail("route patterns convert to OpenAPI paths", "unconverted regex in " + ", ".join(leftover))
else:
    ok("route patterns convert to OpenAPI paths")

# ---- operations in the document ----
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
if not os.path.isfile(spec_path):
    fail("docs/openapi.yaml exists", spec_path)
    finish()
with open(spec_path, encoding="utf-8") as f:
    lines = f.read().splitlines()


def key_of(line):
    """The mapping key of `line` (quotes removed), or None."""
    m = re.match(r"""^\s*(?:'([^']*)'|"([^"]*)"|([^\s'"#][^:#]*?))\s*:(?:\s|$)""", line)
    if not m:
        return None
    return next(g for g in m.groups() if g is not None)


base = ""
doc = set()
in_paths = False
in_servers = False
current = None
for number, raw in enumerate(lines, 1):
    line = raw.rstrip()
    if not line.strip() or line.lstrip().startswith("#"):
        continue
    indent = len(line) - len(line.lstrip(" "))
    if indent == 0:
        in_paths = line.startswith("paths:")
        in_servers = line.startswith("servers:")
        current = None
        continue
    if in_servers and not base:
        m = re.match(r"^\s*-?\s*url:\s*['\"]?([^'\"\s#]+)", line)
        if m:
            base = m.group(1).rstrip("/")
        continue
    if not in_paths:
        continue
    key = key_of(line)
    if indent == 2:
        current = key if key and key.startswith("/") else None
        if current is None:
            fail(f"openapi.yaml:{number} is a path key", line.strip())
    elif indent == 4 and current and key in METHODS:
        doc.add((key, base + current))

if not base.startswith("/"):
    fail("servers[0].url is a path such as /api/v1", repr(base))
if doc:
    ok(f"found {len(doc)} operations in docs/openapi.yaml (server base {base})")
else:
    fail("operations found in docs/openapi.yaml", "none; is `paths:` formatted with 2/4-space indents?")
    finish()

# ---- compare ----
undocumented = sorted(code - doc)
missing = sorted(doc - code)
if undocumented:
    fail("every route is documented",
         "; ".join(f"{m.upper()} {p}" for m, p in undocumented))
else:
    ok("every route is documented")
if missing:
    fail("every documented operation exists",
         "; ".join(f"{m.upper()} {p}" for m, p in missing))
else:
    ok("every documented operation exists")
for method, path in sorted(code & doc):
    ok(f"{method.upper()} {path}")
finish()
PY
