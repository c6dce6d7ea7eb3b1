#!/usr/bin/env bash
# Show that the code runs on PySide6 6.9 (the oldest supported release; the last one whose Linux
# wheels need only glibc 2.28, as on Kylin V10 and UOS 20), not only on the newest.
#
#   bash scripts/check_pyside69.sh            throwaway venv in a temporary folder, removed after
#   FAZHI_PYSIDE69_VENV=DIR bash scripts/...  keep (and reuse) the venv in DIR
#
# It installs the locked set of constraints.txt with the Qt binding replaced by
# PySide6-Essentials 6.9.3 (exactly: the 6.9 release tested, like every other pin), then runs,
# offscreen: `main.py --self-test` (window, live console, icons, Chinese, export, the compact soak)
# and a fast subset of the tests (tests/ui and tests/core/test_cli.py). Exit 0 when all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY_SYS=${PYTHON:-python3}
log() { printf '[pyside69] %s\n' "$*" >&2; }

if [ -n "${FAZHI_PYSIDE69_VENV:-}" ]; then
  VENV=$FAZHI_PYSIDE69_VENV
else
  VENV=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-pyside69.XXXXXX")
  trap 'rm -rf "$VENV"' EXIT
fi
[ -x "$VENV/bin/python" ] || "$PY_SYS" -m venv "$VENV"

QT69=6.9.3
CONSTRAINTS="$VENV/constraints.txt"
# the one lock file, with only the Qt lines changed (pip normalises - and _ in names)
grep -v -i -E '^(pyside6|pyside6[-_]essentials|pyside6[-_]addons|shiboken6)==' constraints.txt > "$CONSTRAINTS"
printf 'PySide6-Essentials==%s\nshiboken6==%s\n' "$QT69" "$QT69" >> "$CONSTRAINTS"
log "installing PySide6-Essentials $QT69 and the locked dependencies into $VENV"
# Only the dependencies (read from pyproject.toml), not the project itself: nothing is built or
# written in the work tree, and the checkout's own code is what runs and is tested.
mapfile -t DEPS < <("$VENV/bin/python" installer/project_meta.py dependencies; "$VENV/bin/python" installer/project_meta.py extra dev)
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -c "$CONSTRAINTS" "${DEPS[@]}"
VERSION=$("$VENV/bin/python" -c 'import PySide6; print(PySide6.__version__)')
log "PySide6 $VERSION"
[ "$VERSION" = "$QT69" ] || { log "expected PySide6 $QT69, got $VERSION"; exit 1; }

export QT_QPA_PLATFORM=offscreen
SELFTEST=$(cd "$ROOT" && "$VENV/bin/python" main.py --self-test 2>/dev/null) || {
  log "self-test failed on PySide6 $VERSION"; (cd "$ROOT" && "$VENV/bin/python" main.py --self-test) || true; exit 1; }
printf '%s\n' "$SELFTEST"
log "self-test passed on PySide6 $VERSION; running tests/ui and tests/core/test_cli.py"
# on parallel workers like scripts/dev.sh test (pytest-xdist comes with the dev extra's pins)
CPUS=$(nproc 2>/dev/null || echo 1)
WORKERS=${FAZHI_TEST_WORKERS:-$([ "$CPUS" -ge 2 ] && echo 2 || echo 0)}
"$VENV/bin/python" -m pytest -n "$WORKERS" --dist loadgroup tests/ui tests/core/test_cli.py
log "PySide6 $VERSION: self-test and tests passed"
