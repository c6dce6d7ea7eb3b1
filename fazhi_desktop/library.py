"""The template library: the built-in templates (read-only files) and the user's own copies."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path

import sqlite_utils

from .changes import NOTHING, Change
from .db import now_iso, transaction
from .errors import TemplateError
from .resources import resource_path
from .template import Template, load_template_file, parse_template

LIBRARY = Change.of("library", None)  # the record of a write of the library: no session's data changed


def builtin_templates() -> list[Template]:
    folder = resource_path("templates")
    return [load_template_file(p) for p in sorted(folder.glob("*.json"))]


def list_templates(db: sqlite_utils.Database) -> list[tuple[Template, bool]]:
    """Every template by name: ``(template, builtin)``, built-ins first."""
    result = [(t, True) for t in builtin_templates()]
    for row in db.query("SELECT name, json FROM template_library ORDER BY name"):
        result.append((parse_template(json.loads(row["json"]), source=f"模板“{row['name']}”"), False))
    return result


def find_template(db: sqlite_utils.Database, name: str) -> Template | None:
    for template, _builtin in list_templates(db):
        if template.name == name:
            return template
    return None


def resolve_template(db: sqlite_utils.Database, name_or_file: str | None) -> Template:
    """A built-in or saved template by name, or a template JSON file by path."""
    if not name_or_file:
        return builtin_templates()[0]
    found = find_template(db, name_or_file)
    if found:
        return found
    if Path(name_or_file).suffix.lower() == ".json" or Path(name_or_file).exists():
        return load_template_file(name_or_file)
    names = "、".join(t.name for t, _ in list_templates(db))
    raise TemplateError(f"没有名为“{name_or_file}”的评分模板，也没有这个文件。可用模板：{names}")


@dataclass(eq=False)
class LibraryTemplate(Template):
    """A template as :func:`save_template` stored it in the library, with the record of the write."""
    change: Change = field(default=LIBRARY, compare=False, repr=False)


def save_template(db: sqlite_utils.Database, *, template: Template) -> LibraryTemplate:
    """Save (or replace) a user template. Built-in names are reserved: copy under a new name.
    Returns the template checked, carrying the record (kind ``library``, no session)."""
    checked = parse_template(template.to_dict(), source=f"模板“{template.name}”")
    if any(t.name == checked.name for t in builtin_templates()):
        raise TemplateError(f"“{checked.name}”是内置模板，不能覆盖。请另存为一个新名称。")
    with transaction(db):
        db.execute(
            "INSERT INTO template_library (name, json, builtin, updated_at) VALUES (?, ?, 0, ?) "
            "ON CONFLICT(name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
            [checked.name, checked.to_json(), now_iso()],
        )
    return LibraryTemplate(**{f.name: getattr(checked, f.name) for f in fields(Template)})


def delete_template(db: sqlite_utils.Database, *, name: str) -> Change:
    """Remove a user template from the library; returns the record (kind ``library``; nothing when
    there was no such template)."""
    with transaction(db):
        gone = db.execute("DELETE FROM template_library WHERE name = ?", [name]).rowcount
    return LIBRARY if gone else NOTHING
