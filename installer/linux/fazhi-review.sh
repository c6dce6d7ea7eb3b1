#!/bin/sh
# 法治评议 launcher, installed as /usr/bin/fazhi-review by the fazhi-review package.
# The same program as `python main.py`: no arguments opens the window; see `fazhi-review --help`.
exec /opt/fazhi-review/fazhi-review "$@"
