#!/usr/bin/env bash
# Build the Linux bundle and the .deb of 法治评议, in one command, from a clean checkout:
#
#   bash installer/build.sh
#
# → dist/fazhi-review/                     the one-folder bundle (run dist/fazhi-review/fazhi-review)
#   dist/fazhi-review_<version>_<arch>.deb  bundle under /opt/fazhi-review, launcher
#                                           /usr/bin/fazhi-review, desktop entry 法治评议 with icon
# Then: bash installer/smoke.sh (the frozen self-test and the .deb's contents).
#
# Environment (all optional):
#   FAZHI_BUILD_PYTHON  Python of an environment that already has the project's dependencies (for
#                       example a PySide6 6.9 venv, to support glibc 2.28); default: the project's
#                       .venv, set up by scripts/dev.sh setup from constraints.txt
#   FAZHI_BUILD_CONSTRAINTS  the lock file PyInstaller is installed from (default constraints.txt)
#   FAZHI_FONT, FAZHI_FONT_LICENSE  the CJK TrueType font (.ttf/.ttc) to bundle and its licence;
#                       default: WenQuanYi Micro Hei from Debian's fonts-wqy-microhei, else Droid
#                       Sans Fallback from fonts-droid-fallback (installed when missing and root).
#                       The role faces AR PL UMing and UKai (fonts-arphic-uming/-ukai) are bundled
#                       beside it when present (installed when missing and root).
#   FAZHI_DEB_COMPRESS  dpkg-deb compression: gzip (default: 83 MB in ~15 s here) or xz (60 MB,
#                       but ~3.5 min on 2 cores); both are read by dpkg on every Debian-based system
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STAGE="$ROOT/build/stage"
DIST="$ROOT/dist"
APP=fazhi-review
T0=$(date +%s)
log() { printf '[build] %s\n' "$*" >&2; }
die() { printf '[build] error: %s\n' "$*" >&2; exit 1; }

# --- Python environment ----------------------------------------------------------------------
if [ -n "${FAZHI_BUILD_PYTHON:-}" ]; then
  PY=$FAZHI_BUILD_PYTHON
else
  bash scripts/dev.sh setup
  PY="$ROOT/.venv/bin/python"
fi
# The optional extra "package" of pyproject.toml (PyInstaller), at the versions pinned in the one
# lock file (constraints.txt, as for scripts/dev.sh and CI); only its requirements, so the project
# itself is not reinstalled. FAZHI_BUILD_CONSTRAINTS names another lock (e.g. the PySide6 6.9 one
# that scripts/check_pyside69.sh derives from constraints.txt).
mapfile -t PKG_REQS < <("$PY" installer/project_meta.py extra package)
"$PY" -m pip install -q --disable-pip-version-check -c "${FAZHI_BUILD_CONSTRAINTS:-$ROOT/constraints.txt}" "${PKG_REQS[@]}"
VERSION=$("$PY" installer/project_meta.py version)
CODE_VERSION=$("$PY" -c 'import fazhi_desktop; print(fazhi_desktop.__version__)')
[ "$VERSION" = "$CODE_VERSION" ] || log "warning: pyproject.toml says $VERSION, fazhi_desktop.__version__ says $CODE_VERSION"
QT_VERSION=$("$PY" -c 'import PySide6; print(PySide6.__version__)')
log "version $VERSION, PySide6 $QT_VERSION, $("$PY" -m PyInstaller --version | sed 's/^/PyInstaller /')"
# A binding that loses references to None/True/False would be frozen into the bundle and abort the
# app mid-meeting (ui/binding.py): refuse to package it.
QT_QPA_PLATFORM=offscreen "$PY" -c 'import sys; from PySide6.QtWidgets import QApplication; app = QApplication([])
from ui.binding import check; sys.exit(0 if check(show=None).sound else 1)' \
  || die "PySide6 $QT_VERSION on this Python loses references (see above): build from the pinned set (constraints.txt)"

# --- translations, font, icons ---------------------------------------------------------------
"$PY" scripts/build_translations.py
ls resources/i18n/*.qm >/dev/null 2>&1 || die "no .qm in resources/i18n (pyside6-lrelease missing?)"

rm -rf "$STAGE" && mkdir -p "$STAGE/fonts" "$STAGE/icons"
pick_font() {
  if [ -n "${FAZHI_FONT:-}" ]; then
    [ -f "$FAZHI_FONT" ] && [ -f "${FAZHI_FONT_LICENSE:-}" ] || die "FAZHI_FONT needs FAZHI_FONT_LICENSE (both files)"
    echo "$FAZHI_FONT|$FAZHI_FONT_LICENSE"; return
  fi
  local wqy=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc droid=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
  if [ -f "$wqy" ] && [ -f /usr/share/doc/fonts-wqy-microhei/copyright ]; then
    echo "$wqy|/usr/share/doc/fonts-wqy-microhei/copyright"
  elif [ -f "$droid" ] && [ -f /usr/share/doc/fonts-droid-fallback/copyright ]; then
    echo "$droid|/usr/share/doc/fonts-droid-fallback/copyright"
  fi
}
FONT_PAIR=$(pick_font)
if [ -z "$FONT_PAIR" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  log "installing fonts-wqy-microhei (the CJK font to bundle)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-wqy-microhei >/dev/null
  FONT_PAIR=$(pick_font)
fi
[ -n "$FONT_PAIR" ] || die "no CJK TrueType font with a licence file: install fonts-wqy-microhei, or set FAZHI_FONT and FAZHI_FONT_LICENSE"
FONT_FILE=${FONT_PAIR%%|*}; FONT_LIC=${FONT_PAIR#*|}
FONT_BASE=$(basename "$FONT_FILE")
cp "$FONT_FILE" "$STAGE/fonts/$FONT_BASE"
cp "$FONT_LIC" "$STAGE/fonts/COPYRIGHT-${FONT_BASE%.*}.txt"
log "bundling font $FONT_FILE (licence: $FONT_LIC)"

# The faces by role of the PDFs (fazhi_desktop/export/fonts.py): 宋/明 (title and body where no 仿宋
# exists) and 楷 (level-2 headings) from Debian's AR PL families; 黑 is the font above. A missing
# face is not fatal: the PDFs then borrow another role's face and the export says so.
ROLE_FONTS=("/usr/share/fonts/truetype/arphic/uming.ttc|/usr/share/doc/fonts-arphic-uming/copyright|fonts-arphic-uming"
            "/usr/share/fonts/truetype/arphic/ukai.ttc|/usr/share/doc/fonts-arphic-ukai/copyright|fonts-arphic-ukai")
ROLE_LICS=()
for entry in "${ROLE_FONTS[@]}"; do
  IFS='|' read -r role_file role_lic role_pkg <<<"$entry"
  if [ ! -f "$role_file" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "installing $role_pkg (a role face to bundle)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$role_pkg" >/dev/null || true
  fi
  if [ -f "$role_file" ] && [ -f "$role_lic" ]; then
    role_base=$(basename "$role_file")
    cp "$role_file" "$STAGE/fonts/$role_base"
    cp "$role_lic" "$STAGE/fonts/COPYRIGHT-${role_base%.*}.txt"
    ROLE_LICS+=("$role_base|$role_lic")
    log "bundling role face $role_file (licence: $role_lic)"
  else
    log "warning: $role_file (Debian $role_pkg) not found: not bundled"
  fi
done

"$PY" installer/render_icon.py "$STAGE/icons" >/dev/null

# --- the bundle ------------------------------------------------------------------------------
T_PYI=$(date +%s)
rm -rf "$DIST/$APP"
FAZHI_FONT_DIR="$STAGE/fonts" FAZHI_ICON_DIR="$STAGE/icons" \
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" \
  installer/fazhi-review.spec 2> >(grep -v -e "required via ctypes not found" -e "libqgtk3.so" -e "Ignoring icon" >&2)
BUNDLE="$DIST/$APP"
[ -x "$BUNDLE/$APP" ] || die "PyInstaller made no $BUNDLE/$APP"
printf '%s\n' "$VERSION" > "$BUNDLE/VERSION"
log "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1), PyInstaller $(( $(date +%s) - T_PYI )) s)"

# --- the .deb --------------------------------------------------------------------------------
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
DEB_ROOT="$ROOT/build/deb/root"
rm -rf "$ROOT/build/deb" && mkdir -p "$DEB_ROOT/DEBIAN" "$DEB_ROOT/opt" "$DEB_ROOT/usr/bin" \
  "$DEB_ROOT/usr/share/applications" "$DEB_ROOT/usr/share/doc/$APP" "$DEB_ROOT/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$DEB_ROOT/opt/$APP"

install -m 0755 installer/linux/fazhi-review.sh "$DEB_ROOT/usr/bin/$APP"
install -m 0644 installer/linux/fazhi-review.desktop "$DEB_ROOT/usr/share/applications/$APP.desktop"
install -m 0644 resources/icons/fazhi-review.svg "$DEB_ROOT/usr/share/icons/hicolor/scalable/apps/$APP.svg"
for size in 16 24 32 48 64 128 256; do
  mkdir -p "$DEB_ROOT/usr/share/icons/hicolor/${size}x${size}/apps"
  install -m 0644 "$STAGE/icons/$APP-$size.png" "$DEB_ROOT/usr/share/icons/hicolor/${size}x${size}/apps/$APP.png"
done
{
  cat installer/linux/copyright
  printf '\nBundled font %s (in /opt/%s/_internal/resources/fonts/ with its licence):\n\n' "$FONT_BASE" "$APP"
  cat "$FONT_LIC"
  for entry in "${ROLE_LICS[@]}"; do
    printf '\nBundled font %s (in /opt/%s/_internal/resources/fonts/ with its licence):\n\n' "${entry%%|*}" "$APP"
    cat "${entry#*|}"
  done
} > "$DEB_ROOT/usr/share/doc/$APP/copyright"
for script in postinst prerm postrm; do
  install -m 0755 "installer/linux/$script" "$DEB_ROOT/DEBIAN/$script"
done

# Depends: the system libraries the bundle links to but does not carry, by the Debian package
# that holds them on this machine; libc6 at the newest GLIBC_ symbol version any file needs.
elf_files() { find "$1" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c 'head -c4 "$1" | grep -q "ELF" && echo "$1"' _ {} \; ; }
mapfile -t ELFS < <(elf_files "$BUNDLE")
GLIBC_MIN=$(for f in "${ELFS[@]}"; do objdump -T "$f" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*'; done | sed 's/GLIBC_//' | sort -uV | tail -1)
declare -A HAVE=()
for f in "${ELFS[@]}"; do HAVE[$(basename "$f")]=1; done
declare -A PKGS=()
# ldconfig's cache read once into a variable: `ldconfig -p | awk '{…; exit}'` under pipefail fails
# the build with 141 (SIGPIPE) whenever awk stops reading before ldconfig has written everything.
LDCACHE=$(ldconfig -p)
for lib in $(for f in "${ELFS[@]}"; do objdump -p "$f" 2>/dev/null | awk '/NEEDED/{print $2}'; done | sort -u); do
  [ -n "${HAVE[$lib]:-}" ] && continue
  case "$lib" in libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|ld-linux*|libutil.so.*) continue ;; esac
  path=$(awk -v l="$lib" '$1 == l && /x86-64|x86_64|aarch64|64bit/ {print $NF; exit}' <<<"$LDCACHE")
  [ -n "$path" ] || path=$(awk -v l="$lib" '$1 == l {print $NF; exit}' <<<"$LDCACHE")
  [ -n "$path" ] || { log "warning: $lib (needed by the bundle) is not on this machine"; continue; }
  pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | sed -n '1{s/:.*//;p}') || true
  [ -n "$pkg" ] || pkg=$(dpkg -S "$path" 2>/dev/null | sed -n '1{s/:.*//;p}') || true
  if [ -n "$pkg" ]; then PKGS[$pkg]=1; fi
done
# Qt's xcb platform plugin needs these at run time even where the bundle carries a copy of some.
# (Wayland's cursor/EGL libraries are only Recommends: without them Qt falls back to xcb.)
for pkg in libgl1 libegl1 libfontconfig1 libxkbcommon-x11-0 libxcb-cursor0; do PKGS[$pkg]=1; done
DEPENDS="libc6 (>= ${GLIBC_MIN:-2.28})"
for pkg in $(printf '%s\n' "${!PKGS[@]}" | grep -v '^libc6$' | sort); do DEPENDS="$DEPENDS, $pkg"; done

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$DEB_ROOT" | cut -f1)
cat > "$DEB_ROOT/DEBIAN/control" <<EOF
Package: $APP
Version: $VERSION
Section: misc
Priority: optional
Architecture: $ARCH
Maintainer: fazhi-review maintainers <fazhi-review@users.noreply.invalid>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: libwayland-cursor0, libwayland-egl1
Description: 法治评议 — on-site expert review of rule-of-law government work
 Desktop application for 法治政府建设 / 普法履职 review meetings (评议会): meeting
 setup, the live console with timers and the question log, expert scoring,
 results and the end-of-session minutes (PDF, DOCX, XLSX). Works offline.
 .
 Built with PySide6 $QT_VERSION. The user's data folder
 (~/.local/share/fazhi-review) is never removed, not even on purge.
EOF
DEB="$DIST/${APP}_${VERSION}_${ARCH}.deb"
rm -f "$DIST"/${APP}_*_"$ARCH".deb
T_DEB=$(date +%s)
dpkg-deb --root-owner-group -Z"${FAZHI_DEB_COMPRESS:-gzip}" -z6 --build "$DEB_ROOT" "$DEB" >/dev/null
log "deb: $DEB ($(du -h "$DEB" | cut -f1), dpkg-deb $(( $(date +%s) - T_DEB )) s); needs glibc >= ${GLIBC_MIN:-?}"
log "Depends: $DEPENDS"
log "done in $(( $(date +%s) - T0 )) s"
