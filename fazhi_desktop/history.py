"""History of past sessions: the browser's list, full-text search, renamed-unit links and the unit
dossier (a unit's finals, per-criterion scores, rank, questions and rectification items over time).

Everything here reads page by page (``limit``/``offset``) and through indexes, so a database
holding a thousand sessions answers as fast as one holding ten. A session's results are computed
once and kept in ``results_cache``; triggers drop the cached row whenever a score, unit, expert,
criterion or the session itself changes.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sqlite_utils

from .db import transaction
from .errors import UserError
from .i18n import QT_TRANSLATE_NOOP
from .ledger import DONE, count_items, list_items
from .results import compute_results, round_half_up
from .sessions import is_checklist
from .unit_links import unit_aliases

KIND_LABELS = {"question": QT_TRANSLATE_NOOP("SearchKind", "提问"), "answer": QT_TRANSLATE_NOOP("SearchKind", "答复"),
               "measure": QT_TRANSLATE_NOOP("SearchKind", "整改要求"),
               "summary": QT_TRANSLATE_NOOP("SearchKind", "会议小结"), "item": QT_TRANSLATE_NOOP("SearchKind", "整改问题"),
               "item_measure": QT_TRANSLATE_NOOP("SearchKind", "整改措施与佐证")}
SHORT_TERM = 3  # the trigram index finds terms of 3+ characters; shorter ones are scanned for


# ---------------------------------------------------------------------------------------------
# The list of sessions


def _session_filter(year: int | str | None, kind: str | None, status: str | None,
                    text: str | None) -> tuple[str, list[Any]]:
    where, params = [], []
    if year:
        where.append("s.date >= ? AND s.date < ?")
        params += [f"{int(year):04d}-01-01", f"{int(year) + 1:04d}-01-01"]
    if kind:
        where.append("s.kind = ?")
        params.append(kind)
    if status:
        where.append("s.status = ?")
        params.append(status)
    if text and text.strip():
        for term in text.split():
            where.append("(instr(s.title, ?) > 0 OR instr(s.venue, ?) > 0 OR instr(s.organisers, ?) > 0)")
            params += [term, term, term]
    return (" WHERE " + " AND ".join(where)) if where else "", params


def list_history(db: sqlite_utils.Database, *, year: int | str | None = None, kind: str | None = None,
                 status: str | None = None, text: str | None = None, limit: int = 200,
                 offset: int = 0) -> list[dict]:
    """Sessions newest first (undated last), one page, with unit and expert counts."""
    where, params = _session_filter(year, kind, status, text)
    sql = f"""SELECT s.id, s.title, s.kind, s.date, s.venue, s.status,
                     (SELECT count(*) FROM units u WHERE u.session_id = s.id) AS units,
                     (SELECT count(*) FROM experts e WHERE e.session_id = s.id) AS experts
              FROM sessions s{where}
              ORDER BY s.date IS NULL, s.date DESC, s.id DESC LIMIT ? OFFSET ?"""
    return list(db.query(sql, [*params, limit, offset]))


def count_history(db: sqlite_utils.Database, *, year: int | str | None = None, kind: str | None = None,
                  status: str | None = None, text: str | None = None) -> int:
    where, params = _session_filter(year, kind, status, text)
    return db.execute(f"SELECT count(*) FROM sessions s{where}", params).fetchone()[0]


def history_years(db: sqlite_utils.Database) -> list[int]:
    """The years that have sessions, newest first: one seek per year down the date index, not a
    pass over every session (dates are YYYY-MM-DD, so ``date < '2024'`` is every date before 2024)."""
    return [int(y) for (y,) in db.execute(
        "WITH RECURSIVE y(year) AS (SELECT substr(max(date), 1, 4) FROM sessions UNION ALL "
        "SELECT (SELECT substr(max(date), 1, 4) FROM sessions WHERE date < y.year) FROM y WHERE y.year IS NOT NULL) "
        "SELECT year FROM y WHERE year IS NOT NULL")]


def history_kinds(db: sqlite_utils.Database) -> list[str]:
    """The kinds of session there are, in order: one seek per kind down idx_sessions_kind."""
    return [k for (k,) in db.execute(
        "WITH RECURSIVE k(kind) AS (SELECT min(kind) FROM sessions WHERE kind != '' UNION ALL "
        "SELECT (SELECT min(kind) FROM sessions WHERE kind > k.kind) FROM k WHERE k.kind IS NOT NULL) "
        "SELECT kind FROM k WHERE kind IS NOT NULL")]


# ---------------------------------------------------------------------------------------------
# Search


@dataclass
class Hit:
    kind: str
    kind_label: str
    ref_id: int
    session_id: int | None
    session_title: str
    session_date: str | None
    unit_id: int | None
    unit_name: str | None
    text: str

    def snippet(self, query: str, width: int = 60) -> str:
        """The text around the first term found, so a long answer shows where the match is."""
        terms = [t for t in query.split() if t]
        pos = min((self.text.find(t) for t in terms if t in self.text), default=0)
        start = max(0, pos - width // 3)
        text = self.text[start:start + width]
        return ("…" if start else "") + text + ("…" if start + width < len(self.text) else "")


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(db: sqlite_utils.Database, query: str, *, limit: int = 200, offset: int = 0,
           kinds: tuple[str, ...] | None = None, session_id: int | None = None) -> list[Hit]:
    """Questions, answers, problems and summaries holding every term of ``query`` (space separated).

    Terms of 3+ characters go through the FTS5 trigram index; shorter ones (执法, 普法) cannot
    use it, so they are matched by ``instr`` — over the index's hits when there are long terms too,
    otherwise over the whole table (a scan, still quick for 10⁵ rows).
    """
    if "\x00" in (query or ""):
        raise UserError("检索词含有空字符（NUL），无法检索：请重新输入。")
    if len(query or "") > 500:
        raise UserError("检索词过长（最多 500 个字）。")
    terms = [t.strip('"“”‘’\'') for t in (query or "").split()]
    terms = [t for t in terms if t]  # quotes typed around a term are not part of it
    if not terms:
        return []
    long_terms = [t for t in terms if len(t) >= SHORT_TERM]
    short_terms = [t for t in terms if len(t) < SHORT_TERM]
    where, params = [], []
    if long_terms:
        where.append("search_fts MATCH ?")
        params.append(" AND ".join(_fts_phrase(t) for t in long_terms))
    for t in short_terms:
        where.append("instr(lower(f.body), lower(?)) > 0")
        params.append(t)
    if kinds:
        where.append(f"f.kind IN ({', '.join('?' * len(kinds))})")
        params += list(kinds)
    if session_id is not None:
        where.append("f.session_id = ?")
        params.append(session_id)
    order = "f.rowid DESC"  # newest entries first; lets LIMIT stop a scan early (5 ms, not 270, at 10⁵ rows)
    sql = f"""SELECT f.kind, f.ref_id, f.session_id, s.title, s.date, f.unit_id, u.name, f.body
              FROM search_fts f LEFT JOIN sessions s ON s.id = f.session_id
              LEFT JOIN units u ON u.id = f.unit_id
              WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ? OFFSET ?"""
    rows = db.execute(sql, [*params, limit, offset]).fetchall()
    return [Hit(k, KIND_LABELS.get(k, k), ref, sid, title or "", day, uid, uname, body)
            for k, ref, sid, title, day, uid, uname, body in rows]


def unit_names(db: sqlite_utils.Database, text: str = "", limit: int = 500) -> list[str]:
    """Names of units that took part in any session (for the dossier's chooser)."""
    if text.strip():
        rows = db.execute("SELECT DISTINCT name FROM units WHERE instr(name, ?) > 0 ORDER BY name LIMIT ?",
                          [text.strip(), limit])
    else:
        # one index seek per distinct name (idx_units_name), not a pass over every session's units:
        # a thousand sessions of the same 50 units answer as fast as ten
        rows = db.execute("WITH RECURSIVE n(name) AS (SELECT min(name) FROM units UNION ALL "
                          "SELECT (SELECT min(name) FROM units WHERE name > n.name) FROM n WHERE n.name IS NOT NULL) "
                          "SELECT name FROM n WHERE name IS NOT NULL LIMIT ?", [limit])
    return [n for (n,) in rows]


# ---------------------------------------------------------------------------------------------
# Results per session, cached


def session_results(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """{"ranked": n, "units": {name: {final, rank, grade, status, criteria: {path: %}}}} — the
    per-criterion values are the panel mean as a percentage of the leaf's maximum, so sessions with
    different templates can share a chart."""
    row = db.execute("SELECT json FROM results_cache WHERE session_id = ?", [session_id]).fetchone()
    if row is not None:
        return json.loads(row[0])
    if is_checklist(db, session_id):
        data = _checklist_results(db, session_id)
        _cache(db, session_id, data)
        return data
    res = compute_results(db, session_id)
    maxima = {path: leaf.maximum for path, leaf in res.template.leaves()}
    units = {}
    for u in res.units:
        units[u.name] = {
            "final": None if u.final is None else float(u.final), "rank": u.rank, "grade": u.grade,
            "status": u.status,
            "criteria": {p: (None if v is None or not maxima.get(p) else
                             float(round_half_up(v * 100 / Fraction(maxima[p])))) for p, v in u.criteria.items()},
        }
    data = {"ranked": sum(1 for u in res.units if u.rank is not None), "units": units}
    _cache(db, session_id, data)
    return data


def _cache(db: sqlite_utils.Database, session_id: int, data: dict[str, Any]) -> None:
    try:
        with transaction(db):
            db.execute("INSERT OR REPLACE INTO results_cache (session_id, json) VALUES (?, ?)",
                       [session_id, json.dumps(data, ensure_ascii=False)])
    except sqlite3.OperationalError:  # locked by another writer, or a read-only file: only the cache is missed
        pass


def _checklist_results(db: sqlite_utils.Database, session_id: int) -> dict[str, Any]:
    """A checklist session in the dossier's terms. A compliance rate is not a 综合得分, so it is not
    drawn on the score line (final None, no criteria): the 等次 column says the rate and whether it
    reaches the threshold, the rank is the rank by rate."""
    from .checklist.results import compute_checklist_results

    res = compute_checklist_results(db, session_id)
    units = {}
    for u in res.units:
        grade = None if u.rate is None else f"达标率{u.rate}%，" + ("达到门槛" if u.passed else "未达门槛")
        units[u.name] = {"final": None, "rank": u.rank, "status": u.status, "grade": grade, "criteria": {}}
    return {"ranked": sum(1 for u in res.units if u.rank is not None), "units": units}


# ---------------------------------------------------------------------------------------------
# The unit dossier


@dataclass
class DossierEntry:
    session_id: int
    title: str
    date: str | None
    kind: str
    status: str
    unit_id: int
    unit_name: str  # the name the unit had at that session
    final: float | None
    rank: int | None
    ranked: int
    grade: str | None
    criteria: dict[str, float | None]


@dataclass
class Dossier:
    name: str
    aliases: list[str]
    entries: list[DossierEntry]  # oldest first
    more: bool  # older sessions exist beyond the limit
    questions: list[dict] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)  # the newest ``items_limit``
    items_total: int = 0  # all of the unit's items (its linked names included)
    items_open: int = 0  # of which not done


def unit_dossier(db: sqlite_utils.Database, name: str, *, limit: int = 30, questions_limit: int = 200,
                 items_limit: int = 100, today: str | None = None) -> Dossier:
    """``name``'s history over its linked names: the latest ``limit`` sessions (oldest first), the
    latest ``questions_limit`` questions and ``items_limit`` rectification items, with the number
    of all items and of the open ones.

    What it reads is bounded by what it shows, not by the size of the history: a unit that took
    part in a thousand sessions costs about what one in thirty does."""

    aliases = unit_aliases(db, name)
    marks = ", ".join("?" * len(aliases))
    rows = db.execute(
        f"""SELECT s.id, s.title, s.date, s.kind, s.status, u.id, u.name FROM units u
            JOIN sessions s ON s.id = u.session_id WHERE u.name IN ({marks})
            ORDER BY s.date IS NULL, s.date DESC, s.id DESC LIMIT ?""", [*aliases, limit + 1]).fetchall()
    more = len(rows) > limit
    entries = []
    for sid, title, day, kind, status, uid, uname in reversed(rows[:limit]):
        res = session_results(db, sid)
        mine = res["units"].get(uname, {})
        entries.append(DossierEntry(sid, title, day, kind, status, uid, uname, mine.get("final"), mine.get("rank"),
                                    res["ranked"], mine.get("grade"), mine.get("criteria", {})))
    # the questions of the sessions shown come first in the questions' order (newest session first):
    # when they fill the list, the older sessions' thousands of questions need not be read and sorted
    since = rows[limit - 1][2] if more else None
    questions = _dossier_questions(db, aliases, questions_limit, since) if since else []
    if len(questions) < questions_limit:
        questions = _dossier_questions(db, aliases, questions_limit, None)
    items = list_items(db, unit_name=name, today=today, limit=items_limit)
    total = len(items) if len(items) < items_limit else count_items(db, unit_name=name)
    still_open = sum(1 for i in items if i["status"] != DONE) if len(items) < items_limit else \
        count_items(db, unit_name=name, status="open")
    return Dossier(name, aliases, entries, more, questions, items, total, still_open)


def _dossier_questions(db: sqlite_utils.Database, aliases: list[str], limit: int, since: str | None) -> list[dict]:
    """The unit's questions, newest session first; ``since``: only sessions dated on or after it."""
    marks = ", ".join("?" * len(aliases))
    # the units of the recent sessions first (few), then their questions; not every question of
    # the unit filtered by its session's date
    if since:
        where = (f"q.unit_id IN (SELECT u2.id FROM units u2 JOIN sessions s2 ON s2.id = u2.session_id "
                 f"WHERE u2.name IN ({marks}) AND s2.date >= ?)")
    else:
        where = f"u.name IN ({marks})"
    return list(db.query(
        f"""SELECT q.id, q.session_id, s.title AS session_title, s.date, u.name AS unit, e.name AS expert,
                   q.text, q.answer, q.problem, q.measure, q.deadline, c.name AS criterion
            FROM questions q JOIN units u ON u.id = q.unit_id JOIN sessions s ON s.id = q.session_id
            LEFT JOIN experts e ON e.id = q.expert_id LEFT JOIN criteria c ON c.id = q.criterion_id
            WHERE {where} ORDER BY s.date IS NULL, s.date DESC, q.at, q.id LIMIT ?""",
        [*aliases, *([since] if since else []), limit]))
