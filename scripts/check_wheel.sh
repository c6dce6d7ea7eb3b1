#!/usr/bin/env bash
# A plain install works: build the wheel from this checkout, install it (not editable) with the
# locked set into a throwaway venv, and run `demo`, `results` and `--self-test` from outside the
# checkout, so nothing can come from the source tree. Exit 0 when all three pass (~1 min).
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
log "the installed wheel runs demo, results and --self-test"
