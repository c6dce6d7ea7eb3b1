#!/usr/bin/env bash
# A plain install works: build the wheel from this checkout, install it (not editable) with the
# locked set into a throwaway venv, and run `demo`, `results` and `--self-test` from outside the
# checkout, so nothing can come from the source tree, then `serve` for the phone page. Exit 0 when
# all pass (~1 min).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY_SYS=${PYTHON:-python3}
log() { printf '[wheel] %s\n' "$*" >&2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
"$PY_SYS" -m venv "$WORK/venv"
# translations are generated (.qm not committed): build them so the wheel carries them
[ -x "$ROOT/.venv/bin/python" ] && "$ROOT/.venv/bin/python" scripts/build_translations.py >/dev/null || true
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
"$WORK/venv/bin/python" -m pip wheel -q --disable-pip-version-check --no-deps -w "$WORK/dist" "$ROOT" >/dev/null
WHEEL=$(ls "$WORK"/dist/fazhi_review-*.whl)
log "built $(basename "$WHEEL") ($(du -k "$WHEEL" | cut -f1) KB)"
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check -c "$ROOT/constraints.txt" "$WHEEL"
cd "$WORK"  # away from the checkout: only the installed package can answer
BIN="$WORK/venv/bin/fazhi-review"
DB="$WORK/wheel.db"
"$BIN" --db "$DB" demo >/dev/null
"$BIN" --db "$DB" results --session 1 --json | "$WORK/venv/bin/python" -c \
  'import json,sys; r=json.load(sys.stdin); assert r["units"][0]["final"] is not None, r; print("[wheel] results ok:", len(r["units"]), "units")'
QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" "$BIN" --self-test | tail -1
# the experts' scoring server from the installed copy: the phone page comes from share/fazhi-review/serve
"$BIN" --db "$DB" serve --session 2 --port 0 > "$WORK/serve.out" 2>/dev/null &
SERVE=$!
for _ in $(seq 1 100); do grep -qx ready "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(sed -n '/^expert=[^ ]* url=/{s///p;q}' "$WORK/serve.out")
"$WORK/venv/bin/python" -c 'import sys, urllib.request as u; p = u.urlopen(sys.argv[1], timeout=10).read().decode()
assert "expert.js" in p, p[:200]; u.urlopen(sys.argv[1] + "/expert.js", timeout=10).read()
print("[wheel] serve ok: the phone page and its script")' "$URL" || { kill "$SERVE"; exit 1; }
kill -TERM "$SERVE"; wait "$SERVE"
log "the installed wheel runs demo, results, --self-test and serve"
