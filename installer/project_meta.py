"""Print facts from pyproject.toml for the build scripts, on any Python ≥ 3.9 (tomllib is 3.11+;
a build on an old system for glibc 2.28 may run 3.9 or 3.10).

    python installer/project_meta.py version        → 0.1.0
    python installer/project_meta.py extra package  → the extra's requirements, one a line
    python installer/project_meta.py dependencies   → the project's requirements, one a line
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def load() -> dict:
    try:
        import tomllib
    except ImportError:  # Python < 3.11: the two facts needed, read plainly
        text = PYPROJECT.read_text(encoding="utf-8")
        version = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M).group(1)
        extras = {name: re.findall(r'"([^"]+)"', body)
                  for name, body in re.findall(r"^([A-Za-z0-9_-]+)\s*=\s*\[(.*?)\]", text, re.M | re.S)}
        deps = extras.pop("dependencies", [])
        return {"project": {"version": version, "dependencies": deps, "optional-dependencies": extras}}
    with PYPROJECT.open("rb") as f:
        return tomllib.load(f)


def main(argv: list[str]) -> int:
    project = load()["project"]
    if argv[1:] == ["version"]:
        print(project["version"])
    elif argv[1:] == ["dependencies"]:
        print("\n".join(project["dependencies"]))
    elif len(argv) == 3 and argv[1] == "extra":
        print("\n".join(project["optional-dependencies"][argv[2]]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
