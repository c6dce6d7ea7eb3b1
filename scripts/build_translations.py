"""Refresh the translation sources (.ts) from ui/ and fazhi_desktop/ and compile them to .qm.

    python scripts/build_translations.py            compile each .ts to .qm (update it first if missing)
    python scripts/build_translations.py --update   rescan the code, carry translations over, compile
    python scripts/build_translations.py --check    exit 1 listing every text without a translation
                                                    (rescans the code into a scratch copy; nothing written)
    python scripts/build_translations.py --apply FILE.json [--update]
                                                    fill unfinished messages from a JSON object
                                                    {source: translation} or {context: {source: translation}}

The UI's source strings are Chinese (the default language, no .qm needed); English and other
languages are .ts files in resources/i18n/ that translators fill in with Qt Linguist (or --apply).
pyside6-lupdate only sees literals in ``self.tr("…")``, ``translate("Context", "…")`` (also written
``QCoreApplication.translate``) and ``QT_TRANSLATE_NOOP("Context", "…")``; see ui/i18n.py.

A text keeps its translation when its code moves: lupdate files it under the new context as
unfinished and keeps the old entry as vanished/obsolete; ``carry`` then fills each unfinished
message from a vanished, obsolete or translated message with the same source text and the same
disambiguation comment, and drops the vanished and obsolete ones.
Run by scripts/dev.sh setup and by the installer build; the .qm files are generated, not committed.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ["en_US"]
SCANNED = ("ui", "fazhi_desktop")
GONE = ("vanished", "obsolete")


def tool(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def sources() -> list[str]:
    return sorted(str(p) for d in SCANNED for p in (ROOT / d).rglob("*.py"))


def lupdate(ts: Path, lang: str, *, keep_obsolete: bool) -> None:
    exe = tool("pyside6-lupdate")
    if not exe:
        raise SystemExit("pyside6-lupdate not found")
    args = [exe, "-locations", "relative", "-source-language", "zh_CN", "-target-language", lang]
    if not keep_obsolete:
        args.append("-no-obsolete")
    subprocess.run([*args, *sources(), "-ts", str(ts)], check=True, capture_output=True)


# --- the .ts as XML -------------------------------------------------------------------------------

def read(ts: Path) -> ET.ElementTree:
    return ET.parse(ts)


def write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def key(message: ET.Element) -> tuple[str, str]:
    """What makes two messages the same text: the source and the disambiguation comment."""
    return (message.findtext("source") or "", message.findtext("comment") or "")


def state(message: ET.Element) -> str:
    t = message.find("translation")
    if t is None:
        return "unfinished"
    kind = t.get("type") or "finished"
    if kind == "finished" and not (t.text or "").strip():
        return "unfinished"
    return kind


def messages(tree: ET.ElementTree):
    """(context name, message element, context element) for each message, in file order."""
    for ctx in tree.getroot().iter("context"):
        for m in ctx.findall("message"):
            yield ctx.findtext("name") or "", m, ctx


def set_translation(message: ET.Element, text: str) -> None:
    t = message.find("translation")
    if t is None:
        t = ET.SubElement(message, "translation")
    t.text = text
    t.attrib.pop("type", None)


def carry(tree: ET.ElementTree) -> tuple[int, int]:
    """Fill unfinished messages from vanished/obsolete/translated ones with the same source and comment,
    then drop the vanished and obsolete ones. Returns (filled, dropped)."""
    old: dict[tuple[str, str], set[str]] = {}
    done: dict[tuple[str, str], set[str]] = {}
    for _, m, _ in messages(tree):
        s, text = state(m), (m.findtext("translation") or "")
        if text.strip() and s in GONE:
            old.setdefault(key(m), set()).add(text)
        elif text.strip() and s == "finished":
            done.setdefault(key(m), set()).add(text)
    filled = dropped = 0
    for _, m, ctx in list(messages(tree)):
        s = state(m)
        if s in GONE:
            ctx.remove(m)
            dropped += 1
        elif s == "unfinished":
            for pool in (old, done):  # a text that moved first, else the same text elsewhere
                found = pool.get(key(m), set())
                if len(found) == 1:  # two different translations: a person chooses
                    set_translation(m, next(iter(found)))
                    filled += 1
                    break
    for ctx in list(tree.getroot().iter("context")):
        if not ctx.findall("message"):
            tree.getroot().remove(ctx)
    return filled, dropped


def apply(tree: ET.ElementTree, table: dict) -> int:
    """Fill unfinished messages from {source: text} or {context: {source: text}}; returns how many."""
    n = 0
    for context, m, _ in messages(tree):
        if state(m) != "unfinished":
            continue
        source = m.findtext("source") or ""
        text = table.get(context, {}).get(source) if isinstance(table.get(context), dict) else None
        if text is None and isinstance(table.get(source), str):
            text = table[source]
        if text:
            set_translation(m, text)
            n += 1
    return n


def unfinished(tree: ET.ElementTree) -> list[tuple[str, str]]:
    return [(c, m.findtext("source") or "") for c, m, _ in messages(tree) if state(m) == "unfinished"]


def update(ts: Path, lang: str, table: dict | None = None) -> tuple[int, int]:
    """Rescan the code into ``ts`` keeping old entries, carry translations, drop the old entries."""
    lupdate(ts, lang, keep_obsolete=True)
    tree = read(ts)
    filled, dropped = carry(tree)
    if table:
        filled += apply(tree, table)
    write(tree, ts)
    lupdate(ts, lang, keep_obsolete=False)  # lupdate's own layout, and nothing obsolete left
    return filled, dropped


def compile_qm(ts: Path, lang: str) -> None:
    lrelease = tool("pyside6-lrelease")
    if not lrelease:
        raise SystemExit("pyside6-lrelease not found")
    subprocess.run([lrelease, str(ts), "-qm", str(I18N / f"fazhi_{lang}.qm")], check=True, capture_output=True)


def main(argv: list[str]) -> int:
    if not tool("pyside6-lupdate") or not tool("pyside6-lrelease"):
        print("pyside6-lupdate/lrelease not found: translations not rebuilt", file=sys.stderr)
        return 1 if "--check" in argv else 0
    table = None
    if "--apply" in argv:
        table = json.loads(Path(argv[argv.index("--apply") + 1]).read_text(encoding="utf-8"))
    I18N.mkdir(parents=True, exist_ok=True)
    status = 0
    for lang in LANGUAGES:
        ts = I18N / f"fazhi_{lang}.ts"
        if "--check" in argv:
            with tempfile.TemporaryDirectory() as tmp:
                scratch = Path(tmp) / ts.name
                if ts.exists():
                    shutil.copy(ts, scratch)
                update(scratch, lang)  # the code as it is now, with what the .ts already translates
                missing = unfinished(read(scratch))
            for context, source in missing:
                print(f"{ts.name}: {context}: {source!r} has no translation")
            if missing:
                print(f"{ts.name}: {len(missing)} text(s) without a translation "
                      "(python scripts/build_translations.py --update, then translate them)", file=sys.stderr)
                status = 1
            continue
        if "--update" in argv or not ts.exists():
            filled, dropped = update(ts, lang, table)
            left = len(unfinished(read(ts)))
            print(f"{ts.name}: {filled} carried or applied, {dropped} old entries dropped, {left} unfinished")
        elif table is not None:
            tree = read(ts)
            n = apply(tree, table)
            write(tree, ts)
            lupdate(ts, lang, keep_obsolete=False)
            print(f"{ts.name}: {n} applied, {len(unfinished(read(ts)))} unfinished")
        compile_qm(ts, lang)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
