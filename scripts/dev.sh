#!/usr/bin/env bash
# One entry point for developers and CI. Idempotent: run it as often as you like.
#   bash scripts/dev.sh demo   set everything up, then open the window on the demo data
#   bash scripts/dev.sh test   set everything up, then run the whole test suite headless
#   bash scripts/dev.sh setup  only set up (.venv, system libraries, CJK font)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
PY_SYS=${PYTHON:-python3}

log() { printf '[dev] %s\n' "$*" >&2; }

# Debian packages the app needs at run time (Qt's shared libraries, CJK TrueType faces for the
# window and the PDF by role: AR PL UMing 宋/明, AR PL UKai 楷, WenQuanYi Micro Hei 黑) and for
# the tests (Xvfb, poppler's pdftotext/pdffonts, zbar's zbarimg to read printed QR codes back, Debian's chromium + chromedriver for the phone page).
APT_PKGS=(python3-venv libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
          libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
          libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0
          fonts-wqy-microhei fonts-arphic-uming fonts-arphic-ukai fonts-droid-fallback
          xvfb xauth xdotool poppler-utils zbar-tools chromium chromium-driver)

system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { log "not a Debian-like system: install a CJK font and Qt's libraries yourself"; return 0; }
  local missing=()
  for p in "${APT_PKGS[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" == *"install ok installed"* ]] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      log "missing system packages (no root, no sudo): ${missing[*]}"; return 0; fi
  fi
  log "installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

python_env() {
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating $VENV"
    "$PY_SYS" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed" want
  want=$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing Python packages (the locked set in constraints.txt)"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    # an older venv may hold the full PySide6 (Addons, WebEngine) of an unpinned install
    "$VENV/bin/python" -m pip uninstall -q -y PySide6 PySide6-Addons >/dev/null 2>&1 || true
    "$VENV/bin/python" -m pip install -q -c constraints.txt -e ".[dev]"
    echo "$want" > "$stamp"
  fi
  "$VENV/bin/python" scripts/build_translations.py >/dev/null
}

setup() { system_packages; python_env; }

test_workers() {
  local cpus
  cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
  echo "${FAZHI_TEST_WORKERS:-$([ "$cpus" -ge 2 ] && echo 2 || echo 0)}"
}

cmd=${1:-demo}; shift || true
case "$cmd" in
  setup) setup ;;
  demo)
    setup
    DB=${FAZHI_DEMO_DB:-"$("$VENV/bin/python" -c 'from fazhi_desktop.paths import default_data_dir; print(default_data_dir())')/demo.db"}
    "$VENV/bin/python" main.py --db "$DB" demo --if-empty >/dev/null
    log "demo database: $DB"
    exec "$VENV/bin/python" main.py --db "$DB" "$@"
    ;;
  test)
    setup
    export QT_QPA_PLATFORM=offscreen
    # pytest-xdist workers: FAZHI_TEST_WORKERS=N (0 = one process, as without xdist); default 2, or
    # 0 on a single CPU. A "-n N" among the arguments wins (pytest takes the last one). loadgroup:
    # tests marked @pytest.mark.xdist_group("name") run on one worker, the rest as they come.
    exec "$VENV/bin/python" -m pytest -n "$(test_workers)" --dist loadgroup "$@"
    ;;
  *) echo "usage: bash scripts/dev.sh [demo|test|setup]" >&2; exit 2 ;;
esac
