"""The texts a database holds: what the English checks accept as data (names, titles, criteria)."""
from __future__ import annotations

import re


def stored_strings(db, pattern: re.Pattern) -> set[str]:
    """Every text value of every table that ``pattern`` finds something in, and the strings inside
    a JSON value (templates) as well."""
    out: set[str] = set()
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for row in db.execute(f'SELECT * FROM "{table}"').fetchall():
            for v in row:
                if isinstance(v, str) and pattern.search(v):
                    out.add(v)
                    if v.startswith(("{", "[")):
                        out.update(re.findall(r'"((?:[^"\\]|\\.)*)"', v))
    return out
