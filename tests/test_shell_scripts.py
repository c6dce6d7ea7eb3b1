"""The build and CI scripts run under `set -o pipefail`: a pipeline whose reader stops early
(`head`, `grep -q`, `awk '{…; exit}'`, `sed '…q'`) fails the whole script with 141 (SIGPIPE)
whenever the writer has more to write — by timing, so only on some runs. CI failed that way once
(`ldconfig -p | awk '… exit'` in installer/build.sh). Read such output into a variable first, or
let the reader read everything."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted([*ROOT.glob("installer/*.sh"), *ROOT.glob("scripts/*.sh"), ROOT / ".ci" / "run"])


def _stages(line: str) -> list[str]:
    """The stages of a shell line split on unquoted single `|` (not `||`)."""
    stages, cur, quote, i = [], [], None, 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == quote:
                quote = None
            elif c == "\\" and quote == '"':
                cur.append(c)
                i += 1
                c = line[i] if i < len(line) else ""
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            break
        elif c == "|":
            if line[i + 1 : i + 2] == "|" or (i and line[i - 1] == "|"):
                cur.append(c)
            else:
                stages.append("".join(cur))
                cur = []
                i += 1
                continue
        cur.append(c)
        i += 1
    stages.append("".join(cur))
    return stages


EARLY = [
    (re.compile(r"^\s*head\b"), "head"),
    (re.compile(r"^\s*grep\b[^'\"]*\s-(?:[a-zA-Z]*[qm]|-quiet|-max-count)"), "grep -q/-m"),
    (re.compile(r"^\s*awk\b.*\bexit\b"), "awk … exit"),
    (re.compile(r"^\s*sed\b.*(?:[;{]\s*q\b|\bq\s*['}])"), "sed … q"),
]


def early_readers(text: str) -> list[str]:
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        for stage in _stages(line)[1:]:
            for pattern, what in EARLY:
                if pattern.search(stage):
                    found.append(f"{n}: {what}: {line.strip()}")
    return found


def test_the_checker_finds_the_pipe_that_failed_ci():
    assert early_readers("""path=$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')""")
    assert early_readers("""pkg=$(dpkg -S "$p" 2>/dev/null | head -1 | cut -d: -f1) || true""")
    assert early_readers("""dpkg-query -W "$p" | grep -q "install ok" || x""")
    assert not early_readers("""find . -exec sh -c 'head -c4 "$1" | grep -q ELF' _ {} \\;""")
    assert not early_readers("""path=$(awk '$1 == l {print; exit}' <<<"$LDCACHE") || a || b""")
    assert not early_readers("""x=$(objdump -T "$f" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)""")


def test_no_early_reader_in_a_pipefail_script():
    bad = []
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        if "pipefail" not in text:
            continue
        bad += [f"{script.relative_to(ROOT)}:{hit}" for hit in early_readers(text)]
    assert not bad, "a reader that stops early under pipefail (SIGPIPE, exit 141):\n" + "\n".join(bad)
