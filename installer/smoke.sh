#!/usr/bin/env bash
# Frozen smoke test of what installer/build.sh made — the application as shipped, not the sources:
#
#   bash installer/smoke.sh
#
# 1. the bundle's own executable runs `--self-test` offscreen (window painted, live console,
#    icons drawn, Chinese rendered, minutes exported and checked, a compact scripted meeting typed
#    through the window without losing references: soak_ms) — once as is, once with no
#    system font visible at all, so the window's Chinese can only come from the bundled font, and
#    once on an X server (Xvfb) through Qt's xcb plugin;
# 2. the bundle's command line exports the demo minutes; every font in the PDF is embedded;
# 3. `dpkg-deb -c` lists the desktop entry, the launcher, the icon, the font and its licence; the
#    desktop entry is named 法治评议; the package version is pyproject.toml's;
# 4. the .deb installs into a scratch root (dpkg --root), the installed copy passes the
#    self-test run by an ordinary user (read-only program folder), and purging it removes the
#    program but leaves a user's data folder alone;
# 5. with makensis on PATH (Debian package nsis), the Windows installer script compiles (on a
#    stand-in bundle: the real one is built on Windows).
# Exit 0 when all pass. Every step prints what it saw.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
APP=fazhi-review
BUNDLE="$ROOT/dist/$APP"
T0=$(date +%s)
ok() { printf '[smoke] ok: %s\n' "$*"; }
fail() { printf '[smoke] FAIL: %s\n' "$*" >&2; exit 1; }
[ -x "$BUNDLE/$APP" ] || fail "no bundle at $BUNDLE: run bash installer/build.sh first"
PY=$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)
VERSION=$("$PY" installer/project_meta.py version)
DEB="$ROOT/dist/${APP}_${VERSION}_$(dpkg --print-architecture 2>/dev/null || echo amd64).deb"
[ -f "$DEB" ] || fail "no $DEB: run bash installer/build.sh first"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# The app must not write into the real user's folders; no display needed.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config"
export XDG_CACHE_HOME="$WORK/home/.cache" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
# A fontconfig that sees no font at all: only what the bundle carries can render Chinese.
mkdir -p "$WORK/nofonts/empty"
cat > "$WORK/nofonts/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$WORK/nofonts/empty</dir><cachedir>$WORK/nofonts/cache</cachedir></fontconfig>
EOF

WRAP=()  # a command to run the self-test under (xvfb-run)
self_test() {  # $1: label, $2: executable, rest: arguments of env (VAR=value, -u VAR)
  local label=$1 exe=$2; shift 2
  local out rc=0 t=$(date +%s%N)
  out=$("${WRAP[@]}" env "$@" "$exe" --self-test 2>"$WORK/selftest.err") || rc=$?
  printf '%s\n' "$out" | sed "s/^/[smoke]   $label: /"
  if [ $rc -ne 0 ]; then cat "$WORK/selftest.err" >&2; fail "$label: --self-test exited $rc"; fi
  grep -qx 'self_test=ok' <<<"$out" || fail "$label: no self_test=ok line"
  for step in startup_ms live_console_ms export_ms soak_ms; do
    grep -q "^$step=[0-9]" <<<"$out" || fail "$label: no $step line (export missing from the bundle?)"
  done
  ok "$label: --self-test exit 0 in $(( ($(date +%s%N) - t) / 1000000 )) ms"
}

echo "[smoke] 1. frozen self-test ($BUNDLE/$APP)"
self_test "bundle" "$BUNDLE/$APP"
self_test "bundle, no system fonts" "$BUNDLE/$APP" FONTCONFIG_FILE="$WORK/nofonts/fonts.conf"
# Under a real X server the window goes through Qt's xcb plugin and the bundle's X libraries.
if command -v xvfb-run >/dev/null; then
  WRAP=(xvfb-run -a -s "-screen 0 1366x768x24")
  self_test "bundle on X11 (Xvfb)" "$BUNDLE/$APP" -u QT_QPA_PLATFORM
  WRAP=()
else
  echo "[smoke]   xvfb-run not found (Debian packages xvfb, xauth): the X11 run was skipped"
fi

echo "[smoke] 2. frozen command line: demo data, minutes PDF with embedded fonts"
"$BUNDLE/$APP" --db "$WORK/cli.db" demo >/dev/null
FONTCONFIG_FILE="$WORK/nofonts/fonts.conf" "$BUNDLE/$APP" --db "$WORK/cli.db" export --session 1 --pdf "$WORK/minutes.pdf" --docx "$WORK/minutes.docx" --xlsx "$WORK/data.xlsx" >/dev/null
for f in minutes.pdf minutes.docx data.xlsx; do [ -s "$WORK/$f" ] || fail "export wrote no $f"; done
if command -v pdffonts >/dev/null; then
  pdffonts "$WORK/minutes.pdf" | sed 's/^/[smoke]   /'
  fonts=$(pdffonts "$WORK/minutes.pdf" | tail -n +3)
  [ -n "$fonts" ] || fail "the PDF has no fonts"
  awk '{ if ($(NF-4) != "yes") bad=1 } END { exit bad }' <<<"$fonts" || fail "a font in the PDF is not embedded"
  ok "every font in the minutes PDF is embedded"
else
  echo "[smoke]   pdffonts not found (Debian package poppler-utils): embedding not checked"
fi

echo "[smoke] 2b. frozen scoring server: serve on loopback, the phone page and a score through it"
"$BUNDLE/$APP" --db "$WORK/cli.db" serve --session 2 --port 0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVE=$!
for _ in $(seq 1 100); do grep -qx ready "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
grep -qx ready "$WORK/serve.out" || { kill "$SERVE" 2>/dev/null; cat "$WORK/serve.err" >&2; fail "serve did not print ready"; }
URL=$(sed -n '/^expert=[^ ]* url=/{s///p;q}' "$WORK/serve.out")
python3 - "$URL" <<'PY' || { kill "$SERVE" 2>/dev/null; fail "the frozen server did not serve the page or store a score"; }
import json, sys, urllib.request
url = sys.argv[1]
page = urllib.request.urlopen(url, timeout=10).read().decode()
assert "expert.js" in page, "no phone page"
js = urllib.request.urlopen(url + "/expert.js", timeout=10).read()
state = json.loads(urllib.request.urlopen(url + "/state", timeout=10).read())
unit, leaf = state["units"][0]["name"], state["criteria"][0]["path"]
req = urllib.request.Request(url + "/scores", data=json.dumps({"unit": unit, "criterion": leaf, "score": "8"}).encode(),
                             headers={"Content-Type": "application/json"}, method="POST")
assert json.loads(urllib.request.urlopen(req, timeout=10).read()) == {"ok": True}
print(f"[smoke]   page {len(page)} B, expert.js {len(js)} B, {state['expert']}: {unit} / {leaf} = 8 stored")
PY
kill -TERM "$SERVE"; wait "$SERVE" || fail "serve did not exit 0 on SIGTERM"
ok "the bundle serves the phone page and stores a score (waitress and resources/serve are in it)"

echo "[smoke] 3. $(basename "$DEB")"
dpkg-deb -c "$DEB" > "$WORK/contents.txt"
grep -v -e ' ./opt/' -e '^d' "$WORK/contents.txt" | awk '{print "[smoke]   " $1, $3, $6}'
grep -E ' ./opt/fazhi-review/(fazhi-review|_internal/resources/fonts/.*)$' "$WORK/contents.txt" | awk '{print "[smoke]   " $1, $3, $6}'
echo "[smoke]   … and $(grep -c ' ./opt/' "$WORK/contents.txt") entries under /opt/fazhi-review ($(awk '/ .\/opt\//{s+=$3} END {printf "%.0f MB", s/1e6}' "$WORK/contents.txt") unpacked)"
need() { grep -qE "$1" "$WORK/contents.txt" || fail "dpkg-deb -c lists no $2"; ok "lists $2"; }
need ' ./usr/share/applications/fazhi-review\.desktop$' "desktop entry"
need '^-rwxr-xr-x .* ./usr/bin/fazhi-review$' "launcher /usr/bin/fazhi-review (executable)"
need '^-rwxr-xr-x .* ./opt/fazhi-review/fazhi-review$' "bundle executable"
need ' ./usr/share/icons/hicolor/256x256/apps/fazhi-review\.png$' "icon"
need ' ./opt/fazhi-review/_internal/resources/fonts/(wqy-microhei\.ttc|DroidSansFallbackFull\.ttf|NotoSansSC-Regular\.ttf)$' "CJK font"
need ' ./opt/fazhi-review/_internal/resources/fonts/COPYRIGHT-.*$' "font licence"
need ' ./opt/fazhi-review/_internal/resources/fonts/uming\.ttc$' "宋/明 role face (AR PL UMing)"
need ' ./opt/fazhi-review/_internal/resources/fonts/ukai\.ttc$' "楷 role face (AR PL UKai)"
need ' ./usr/share/doc/fazhi-review/copyright$' "copyright file"
dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/applications/fazhi-review.desktop > "$WORK/entry.desktop"
grep -qx 'Name=法治评议' "$WORK/entry.desktop" || fail "the desktop entry is not named 法治评议"
grep -qx 'Icon=fazhi-review' "$WORK/entry.desktop" && grep -qx 'Exec=fazhi-review' "$WORK/entry.desktop" || fail "desktop entry Icon/Exec"
ok "desktop entry: Name=法治评议, Exec=fazhi-review, Icon=fazhi-review"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$WORK/entry.desktop" && ok "desktop-file-validate"; fi
[ "$(dpkg-deb -f "$DEB" Version)" = "$VERSION" ] || fail "package version $(dpkg-deb -f "$DEB" Version) is not pyproject's $VERSION"
ok "package $(dpkg-deb -f "$DEB" Package) $VERSION; Depends: $(dpkg-deb -f "$DEB" Depends)"

echo "[smoke] 4. install into a scratch root, run the installed copy, purge"
R="$WORK/root"
mkdir -p "$R/var/lib/dpkg/info" "$R/var/lib/dpkg/updates" "$R/usr/share/applications" "$R/usr/share/icons/hicolor"
touch "$R/var/lib/dpkg/status"
DPKG=(dpkg --root="$R" --log=/dev/null --force-depends --force-script-chrootless --force-not-root)
"${DPKG[@]}" -i "$DEB" >/dev/null 2>"$WORK/dpkg.err" || { cat "$WORK/dpkg.err" >&2; fail "dpkg -i"; }
[ -x "$R/usr/bin/fazhi-review" ] && [ -x "$R/opt/fazhi-review/fazhi-review" ] || fail "install: launcher or bundle missing"
grep -qx 'BUNDLE=/opt/fazhi-review' "$R/usr/bin/fazhi-review" || fail "the launcher does not run /opt/fazhi-review"
# the launcher, pointed at the scratch root, passes its arguments through
sed "s|^BUNDLE=/opt/|BUNDLE=$R/opt/|" "$R/usr/bin/fazhi-review" > "$WORK/launcher"
[ "$(sh "$WORK/launcher" --version 2>&1)" = "$("$BUNDLE/$APP" --version 2>&1)" ] || fail "the launcher does not pass --version through"
ok "launcher: $(sh "$WORK/launcher" --version 2>&1)"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  # as an ordinary user, for whom /opt/fazhi-review is read-only
  chmod 755 "$WORK" && mkdir -m 777 "$WORK/user"
  WRAP=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  self_test "installed copy, run by user nobody" "$R/opt/fazhi-review/fazhi-review" HOME="$WORK/user" \
    XDG_DATA_HOME="$WORK/user/.local/share" XDG_CONFIG_HOME="$WORK/user/.config" XDG_CACHE_HOME="$WORK/user/.cache"
  WRAP=()
else
  self_test "installed copy" "$R/opt/fazhi-review/fazhi-review"
fi
DATA="$R/home/chair/.local/share/fazhi-review"
mkdir -p "$DATA/fazhi-review-backups" && echo "meetings" > "$DATA/fazhi-review.db"
"${DPKG[@]}" --purge fazhi-review >/dev/null 2>"$WORK/dpkg.err" || { cat "$WORK/dpkg.err" >&2; fail "dpkg --purge"; }
[ ! -e "$R/opt/fazhi-review" ] && [ ! -e "$R/usr/bin/fazhi-review" ] && [ ! -e "$R/usr/share/applications/fazhi-review.desktop" ] \
  || fail "purge left program files behind"
[ "$(cat "$DATA/fazhi-review.db")" = "meetings" ] && [ -d "$DATA/fazhi-review-backups" ] || fail "purge touched the user's data folder"
ok "purge removed /opt/fazhi-review, the launcher and the menu entry; ~/.local/share/fazhi-review kept"

echo "[smoke] 5. Windows installer script"
if command -v makensis >/dev/null; then
  STAND_IN="$WORK/win-bundle"
  mkdir -p "$STAND_IN/_internal/resources"
  for f in fazhi-review.exe fazhi-review-cli.exe VERSION _internal/resources/placeholder; do echo "$f" > "$STAND_IN/$f"; done
  ICON_DIR="$WORK/icons"
  ICON_ARGS=()
  if [ -f "$ROOT/build/stage/icons/fazhi-review.ico" ]; then ICON_ARGS=(-DICON_FILE="$ROOT/build/stage/icons/fazhi-review.ico"); fi
  makensis -V2 -WX -DVERSION="$VERSION" -DBUNDLE_DIR="$STAND_IN" -DOUT_FILE="$WORK/fazhi-review-$VERSION-installer.exe" \
    "${ICON_ARGS[@]}" installer/fazhi-review.nsi >/dev/null || fail "makensis rejected installer/fazhi-review.nsi"
  ok "makensis compiled installer/fazhi-review.nsi ($(makensis -VERSION), stand-in bundle, warnings as errors)"
else
  echo "[smoke]   makensis not found (Debian package nsis): the NSIS script was not compiled"
fi
echo "[smoke] all passed in $(( $(date +%s) - T0 )) s"
