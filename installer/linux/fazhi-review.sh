#!/bin/sh
# 法治评议 launcher, installed as /usr/bin/fazhi-review by the fazhi-review package.
# The same program as `python main.py`: no arguments opens the window; see `fazhi-review --help`.
BUNDLE=/opt/fazhi-review
# The bundled Qt carries the ibus and compose input contexts, not fcitx's. fcitx5 also answers
# ibus's protocol (its ibus frontend), so Chinese input keeps working where the desktop asks Qt
# for fcitx; with fcitx 4 this changes nothing (no input context either way).
case "${QT_IM_MODULE:-}" in
  fcitx*)
    [ -e "$BUNDLE/_internal/PySide6/Qt/plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so" ] \
      || export QT_IM_MODULE=ibus ;;
esac
exec "$BUNDLE/fazhi-review" "$@"
