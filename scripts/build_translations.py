"""Refresh the translation sources (.ts) from ui/ and compile them to .qm.

The UI's source strings are Chinese (the default language, no .qm needed); English and other
languages are .ts files in resources/i18n/ that translators fill in with Qt Linguist.
Run by scripts/dev.sh setup and by the installer build; the .qm files are generated, not committed.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ["en_US"]


def tool(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def main() -> int:
    lupdate, lrelease = tool("pyside6-lupdate"), tool("pyside6-lrelease")
    if not lupdate or not lrelease:
        print("pyside6-lupdate/lrelease not found: translations not rebuilt", file=sys.stderr)
        return 0
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = I18N / f"fazhi_{lang}.ts"
        if "--update" in sys.argv or not ts.exists():
            subprocess.run([lupdate, "-no-obsolete", "-source-language", "zh_CN", "-target-language", lang,
                            *sources, "-ts", str(ts)], check=True, capture_output=True)
        subprocess.run([lrelease, str(ts), "-qm", str(I18N / f"fazhi_{lang}.qm")], check=True, capture_output=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
