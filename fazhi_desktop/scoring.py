"""Service functions for scores: entry, submission (locking), external values and the audit log.

Each accepted value is written at once in its own transaction, so a crash a second later loses
nothing. A change to a submitted score needs a reason and is written to the append-only audit log.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlite_utils

from .chain import CHAIN_VERSION, ROUTINE_ACTIONS, ROUTINE_ENTITIES, append
from .changes import Change
from .db import now_iso, transaction
from .errors import ReasonRequired, UserError
from .i18n import QT_TRANSLATE_NOOP
from .labels import action_label, as_code
from .sessions import Session, ensure_editable, load_template
from .snapshot import read_scores
from .template import fmt_decimal, to_decimal
from .textcheck import strict_number

MAX_DECIMALS = 2
_UNSET = object()


@dataclass
class ScoreChange:
    expert_id: int
    unit_id: int
    criterion_id: int
    before: Decimal | None
    after: Decimal | None
    audited: bool
    session_id: int | None = None

    @property
    def change(self) -> Change:
        """What the window must show again: this unit's scores (nothing when the value stood), with
        the cell and the value stored (a :class:`ScoreWrite`), so a grid holding the sheet updates one cell."""
        if self.before == self.after:
            return Change()
        return ScoreWrite(frozenset({"scores"}), self.session_id, frozenset({self.unit_id}),
                          expert_id=self.expert_id, criterion_id=self.criterion_id, value=self.after)


@dataclass(frozen=True, eq=False)
class ScoreWrite(Change):
    """The record of one score stored by :func:`record_score`: a scores change of one unit, plus the
    cell (expert, leaf) and the value now stored (None: cleared; a cleared submitted sheet is no
    longer submitted). A page holding that unit's sheet updates the cell and the expert's state
    from it instead of reading the sheet again. Equal to the plain record it extends."""
    expert_id: int | None = None
    criterion_id: int | None = None
    value: Decimal | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Change):
            return NotImplemented
        return (self.kinds, self.session_id, self.unit_ids) == (other.kinds, other.session_id, other.unit_ids)

    __hash__ = Change.__hash__


def _sheet_facts(db: sqlite_utils.Database, expert_id: int, unit_id: int, criterion_id: int | None) -> tuple:
    """Everything a score write checks, in one statement: (expert session, expert name, unit session,
    unit name, unit status, criterion session, criterion max, criterion name, recused, submitted,
    stored value). A missing row gives None in its places."""
    return db.execute(f"SELECT {_FACTS}", {"e": expert_id, "u": unit_id, "c": criterion_id}).fetchone()


_FACTS = ("(SELECT session_id FROM experts WHERE id = :e), (SELECT name FROM experts WHERE id = :e), "
          "(SELECT session_id FROM units WHERE id = :u), (SELECT name FROM units WHERE id = :u), "
          "(SELECT status FROM units WHERE id = :u), "
          "(SELECT session_id FROM criteria WHERE id = :c), (SELECT max FROM criteria WHERE id = :c), "
          "(SELECT name FROM criteria WHERE id = :c), "
          "EXISTS (SELECT 1 FROM recusals WHERE expert_id = :e AND unit_id = :u), "
          "EXISTS (SELECT 1 FROM submissions WHERE expert_id = :e AND unit_id = :u), "
          "(SELECT value FROM scores WHERE expert_id = :e AND unit_id = :u AND criterion_id = :c)")
# leaf_path in SQL: walk up from the leaf, the path of the highest row reached (a missing parent ends it)
_PATH = ("(WITH RECURSIVE up(parent_id, path, depth) AS ("
         "SELECT parent_id, name, 0 FROM criteria WHERE id = :c UNION ALL "
         "SELECT c.parent_id, c.name || '/' || up.path, up.depth + 1 FROM criteria c JOIN up ON c.id = up.parent_id) "
         "SELECT path FROM up ORDER BY depth DESC LIMIT 1)")


def _write_facts(db: sqlite_utils.Database, session_id: int, expert_id: int, unit_id: int, criterion_id: int,
                 ) -> tuple[Session | None, str | None, int, tuple, str | None]:
    """What :func:`record_score` checks and writes with, in one statement: the session (None when
    there is none) and its chain (uid), the schema version (whether the chain exists yet), the sheet
    facts of :func:`_sheet_facts` and the leaf's path (:func:`leaf_path`)."""
    cur = db.execute(f"SELECT s.*, (SELECT user_version FROM pragma_user_version), {_FACTS}, {_PATH} "
                     "FROM (SELECT 1) LEFT JOIN sessions s ON s.id = :s",
                     {"s": session_id, "e": expert_id, "u": unit_id, "c": criterion_id})
    row = cur.fetchone()
    n = len(row) - (1 + 11 + 1)  # the session's own columns (as many as this database's schema has)
    own = dict(zip((d[0] for d in cur.description[:n]), row[:n]))
    session = Session.from_row(own) if own.get("id") is not None else None
    return session, own.get("uid"), row[n], tuple(row[n + 1:n + 12]), row[n + 12]


def _member(row_session: int | None, row_id: int, session_id: int, label: str) -> None:
    if row_session is None or row_session != session_id:
        raise UserError(f"本场评议会没有编号为 {row_id} 的{label}。")


def check_score(raw: object, maximum: Decimal, *, where: str = "") -> Decimal:
    """The value as an exact decimal in [0, maximum], or a UserError saying why not."""
    prefix = f"{where}：" if where else ""
    if isinstance(raw, str):
        # typed or read from a file: ASCII or full-width digits with one decimal point, nothing else
        # (no sign, exponent, "1_0", "٨" or "5，5": each once slipped through as a number)
        value = strict_number(raw) if len(raw) <= 40 else None
        if value is None:
            shown = raw if len(raw) <= 20 else raw[:20] + "…"
            raise UserError(f"{prefix}“{shown}”不是数字（分数只能是数字和一个小数点，如 8 或 8.5）")
    else:
        try:
            value = to_decimal(raw)
        except ValueError:
            raise UserError(f"{prefix}“{raw}”不是数字。") from None
    if value < 0 or value > maximum:
        raise UserError(f"{prefix}得分 {fmt_decimal(value)} 超出范围，应在 0 到 {fmt_decimal(maximum)} 之间。")
    if -value.as_tuple().exponent > MAX_DECIMALS and value != value.quantize(Decimal("0.01")):
        raise UserError(f"{prefix}得分 {raw} 最多保留两位小数。")
    return abs(value) if value == 0 else value  # "-0" is stored as 0


def is_recused(db: sqlite_utils.Database, expert_id: int, unit_id: int) -> bool:
    return db.execute("SELECT 1 FROM recusals WHERE expert_id = ? AND unit_id = ?", [expert_id, unit_id]).fetchone() is not None


def is_submitted(db: sqlite_utils.Database, expert_id: int, unit_id: int) -> bool:
    return db.execute("SELECT 1 FROM submissions WHERE expert_id = ? AND unit_id = ?", [expert_id, unit_id]).fetchone() is not None


def audit(db: sqlite_utils.Database, *, session_id: int, action: str, operator: str = "", expert: str | None = None,
          unit: str | None = None, criterion: str | None = None, before: str | None = None,
          after: str | None = None, reason: str = "", entity: str | None = None, ref: list | None = None,
          state: object = _UNSET, chain: str | None = None, version: int | None = None) -> None:
    """Append one entry to the session's hash-chained audit log (call inside the caller's
    transaction). ``entity``/``ref``/``state`` describe the change for ``verify`` (see chain.py);
    ``chain``/``version``: what the caller read already (see :func:`chain.append`)."""
    extra = {} if entity is None else {"entity": entity, "ref": ref or [], "state": None if state is _UNSET else state}
    append(db, session_id=session_id, action=action, operator=operator, expert=expert, unit=unit, criterion=criterion,
           before=before, after=after, reason=reason, chain=chain, version=version, **extra)


def leaf_path(db: sqlite_utils.Database, criterion_id: int) -> str:
    """'一级/二级' of a criterion (the key the audit chain uses: a leaf's name may repeat)."""
    parts = []
    cid: int | None = criterion_id
    while cid is not None:
        row = db.execute("SELECT parent_id, name FROM criteria WHERE id = ?", [cid]).fetchone()
        if row is None:
            break
        parts.append(row[1])
        cid = row[0]
    return "/".join(reversed(parts))


def _check_member(db: sqlite_utils.Database, table: str, row_id: int, session_id: int, label: str) -> None:
    row = db.execute(f"SELECT session_id FROM {table} WHERE id = ?", [row_id]).fetchone()
    if row is None or row[0] != session_id:
        raise UserError(f"本场评议会没有编号为 {row_id} 的{label}。")


def record_score(db: sqlite_utils.Database, *, session_id: int, expert_id: int, unit_id: int, criterion_id: int,
                 value: object, reason: str = "", operator: str = "", source: str = "录入") -> ScoreChange:
    """Store one score (``value`` None clears it). Returns what changed (``.change``: the record
    for the window)."""
    session, uid, version, facts, path = _write_facts(db, session_id, expert_id, unit_id, criterion_id)
    ensure_editable(db, session_id, "scores", session=session)
    e_session, expert, u_session, unit, u_status, c_session, c_max, criterion, recused, locked, stored = facts
    _member(e_session, expert_id, session_id, "专家")
    _member(u_session, unit_id, session_id, "参评单位")
    if c_session is None or c_session != session_id:
        raise UserError(f"本场评分细则里没有编号为 {criterion_id} 的指标。")
    if c_max is None:
        raise UserError("只能给末级指标打分。")
    maximum = Decimal(c_max)
    if recused:
        raise UserError(f"专家“{expert}”对“{unit}”回避，不能评分。")
    new = None if value is None or (isinstance(value, str) and not value.strip()) else \
        check_score(value, maximum, where=f"{expert} / {unit} / {criterion}")
    if new is not None and u_status == "absent":
        raise UserError(f"“{unit}”已标记缺席，不能评分；如该单位到场汇报，请先在议程中取消缺席。")
    old = Decimal(stored) if stored is not None else None
    if old == new:
        return ScoreChange(expert_id, unit_id, criterion_id, old, new, False, session_id)
    if locked and not reason.strip():
        raise ReasonRequired(f"专家“{expert}”对“{unit}”的评分已提交，修改需要填写原因。")
    audited = bool(locked) or (source != "录入" and old is not None)
    if audited:
        action = "score.amend" if locked else as_code(f"{source}替换评分")
    else:
        action = as_code(f"{source}评分") if new is not None else "score.clear"
    with transaction(db):
        if new is None:
            db.execute("DELETE FROM scores WHERE expert_id = ? AND unit_id = ? AND criterion_id = ?",
                       [expert_id, unit_id, criterion_id])
        else:
            db.execute("INSERT INTO scores (session_id, expert_id, unit_id, criterion_id, value, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(expert_id, unit_id, criterion_id) "
                       "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                       [session_id, expert_id, unit_id, criterion_id, fmt_decimal(new), now_iso()])
        # every change is in the chain, the first entry too: verify replays them to the table (its
        # chain and whether it exists were read with the checks; its head is read here, in the write)
        chain_known = {"chain": uid, "version": version} if version >= CHAIN_VERSION and uid else {"version": version}
        audit(db, session_id=session_id, action=action, operator=operator, expert=expert, unit=unit,
              criterion=criterion, before=fmt_decimal(old) if old is not None else None,
              after=fmt_decimal(new) if new is not None else None, reason=reason.strip() if audited else "",
              entity="score", ref=[expert, unit, path], state=fmt_decimal(new) if new is not None else None,
              **chain_known)
        if new is None and locked:
            db.execute("DELETE FROM submissions WHERE expert_id = ? AND unit_id = ?", [expert_id, unit_id])
            audit(db, session_id=session_id, action="score.withdraw", operator=operator, expert=expert, unit=unit,
                  reason="清除已提交的评分", entity="submission", ref=[expert, unit], state=None)
    return ScoreChange(expert_id, unit_id, criterion_id, old, new, audited, session_id)


def scores_for(db: sqlite_utils.Database, session_id: int, unit_id: int | None = None) -> dict[tuple[int, int, int], Decimal]:
    """{(expert_id, unit_id, criterion_id): value} for a session or one unit (read by the one reader
    of the scores table, ``snapshot.read_scores``)."""
    return {k: Decimal(v) for k, (v, _at) in read_scores(db, session_id, unit_id).items()}


def missing_leaves(db: sqlite_utils.Database, session_id: int, expert_id: int, unit_id: int) -> list[str]:
    template = load_template(db, session_id)
    have = {c for (_e, _u, c) in scores_for(db, session_id, unit_id) if _e == expert_id}
    return [path for path, leaf in template.leaves() if leaf.id not in have]


def submit(db: sqlite_utils.Database, *, session_id: int, expert_id: int, unit_id: int, operator: str = "") -> Change:
    """Lock an expert's complete score sheet for a unit (submitting twice changes nothing).
    Returns what changed (nothing, when it was submitted already)."""
    ensure_editable(db, session_id, "scores")
    e_session, expert, u_session, unit, _st, _cs, _cm, _cn, recused, submitted, _v = \
        _sheet_facts(db, expert_id, unit_id, None)
    _member(e_session, expert_id, session_id, "专家")
    _member(u_session, unit_id, session_id, "参评单位")
    if recused:
        raise UserError(f"专家“{expert}”对“{unit}”回避，没有评分可提交。")
    if submitted:
        return Change()
    missing = missing_leaves(db, session_id, expert_id, unit_id)
    if missing:
        raise UserError(f"专家“{expert}”对“{unit}”还有 {len(missing)} 项未评分（{'、'.join(missing[:5])}），不能提交。")
    with transaction(db):
        db.execute("INSERT OR IGNORE INTO submissions (session_id, expert_id, unit_id, submitted_at) VALUES (?, ?, ?, ?)",
                   [session_id, expert_id, unit_id, now_iso()])
        audit(db, session_id=session_id, action="score.submit", operator=operator, expert=expert, unit=unit,
              entity="submission", ref=[expert, unit], state=True)
    return Change.of("scores", session_id, [unit_id])


def reopen(db: sqlite_utils.Database, *, session_id: int, expert_id: int, unit_id: int, reason: str,
           operator: str = "") -> Change:
    """Unlock a submitted sheet (audited, with a reason). Returns what changed."""
    ensure_editable(db, session_id, "scores")
    if not reason.strip():
        raise UserError("撤回已提交的评分需要填写原因。")
    _es, expert, _us, unit, _st, _cs, _cm, _cn, _r, submitted, _v = _sheet_facts(db, expert_id, unit_id, None)
    expert, unit = expert or "?", unit or "?"
    if not submitted:
        return Change()
    with transaction(db):
        db.execute("DELETE FROM submissions WHERE expert_id = ? AND unit_id = ?", [expert_id, unit_id])
        audit(db, session_id=session_id, action="score.withdraw", operator=operator, expert=expert, unit=unit,
              reason=reason.strip(), entity="submission", ref=[expert, unit], state=None)
    return Change.of("scores", session_id, [unit_id])


def set_external(db: sqlite_utils.Database, *, session_id: int, unit_id: int, component: str, value: object,
                 operator: str = "", source: str = "录入", note: str = "", file: str = "") -> Decimal | None:
    """Store (or clear, with None) a unit's value for an external component, 0–100, with where it
    came from: ``note`` (the survey or body that gave it), ``file`` (imported from) and who entered
    it (``operator``, else the computer's login name); ``updated_at`` says when."""
    ensure_editable(db, session_id, "external")
    _check_member(db, "units", unit_id, session_id, "参评单位")
    template = load_template(db, session_id)
    if component not in {c.name for c in template.components if c.source == "external"}:
        raise UserError(f"本场评分细则没有外部组成部分“{component}”。")
    unit = db.execute("SELECT name FROM units WHERE id = ?", [unit_id]).fetchone()[0]
    new = None if value is None or (isinstance(value, str) and not value.strip()) else \
        check_score(value, Decimal(100), where=f"{unit} / {component}")
    row = db.execute("SELECT value FROM external_values WHERE unit_id = ? AND component = ?", [unit_id, component]).fetchone()
    old = Decimal(row[0]) if row else None
    if old == new:
        return new
    with transaction(db):
        if new is None:
            db.execute("DELETE FROM external_values WHERE unit_id = ? AND component = ?", [unit_id, component])
        else:
            db.execute("INSERT INTO external_values (session_id, unit_id, component, value, updated_at, source_note, "
                       "source_file, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(unit_id, component) DO UPDATE "
                       "SET value = excluded.value, updated_at = excluded.updated_at, source_note = excluded.source_note, "
                       "source_file = excluded.source_file, entered_by = excluded.entered_by",
                       [session_id, unit_id, component, fmt_decimal(new), now_iso(), note.strip(), file,
                        operator or _login_name()])
        audit(db, session_id=session_id, action=as_code(f"{source}修改外部得分" if old is not None else f"{source}外部得分"),
              operator=operator, unit=unit, criterion=component, before=fmt_decimal(old) if old is not None else None,
              after=fmt_decimal(new) if new is not None else None, entity="external", ref=[unit, component],
              state=fmt_decimal(new) if new is not None else None)
    return new


SHEET_STATES = {"submitted": QT_TRANSLATE_NOOP("ScoreGrid", "已提交"), "complete": QT_TRANSLATE_NOOP("ScoreGrid", "已评完"),
                "incomplete": QT_TRANSLATE_NOOP("ScoreGrid", "未评完"), "empty": QT_TRANSLATE_NOOP("ScoreGrid", "未评分"),
                "recused": QT_TRANSLATE_NOOP("ScoreGrid", "回避")}  # shown with ui.i18n.label("ScoreGrid", …)


@dataclass(frozen=True)
class ExternalWrite:
    """What :func:`store_external` stored (None: cleared), with the record of the write."""
    value: Decimal | None
    change: Change


def store_external(db: sqlite_utils.Database, *, session_id: int, unit_id: int, component: str, value: object,
                   **details: str) -> ExternalWrite:
    """:func:`set_external` for the window: the value stored and the record naming the unit's
    external values (for the operation layer to announce)."""
    stored = set_external(db, session_id=session_id, unit_id=unit_id, component=component, value=value, **details)
    return ExternalWrite(stored, Change.of("external", session_id, [unit_id]))


def sheet_states(db: sqlite_utils.Database, session_id: int, unit_id: int, template=None) -> dict[int, str]:
    """{expert_id: state} for one unit; a state is a key of SHEET_STATES. ``template``: the
    session's template when the caller holds it already (a page keeps it until the template changes)."""
    leaves = {leaf.id for _p, leaf in (template or load_template(db, session_id)).leaves()}
    have: dict[int, set[int]] = {}
    for e, _u, c in scores_for(db, session_id, unit_id):
        have.setdefault(e, set()).add(c)
    recused = {e for (e,) in db.execute("SELECT expert_id FROM recusals WHERE unit_id = ?", [unit_id])}
    submitted = {e for (e,) in db.execute("SELECT expert_id FROM submissions WHERE unit_id = ?", [unit_id])}
    states: dict[int, str] = {}
    for (e,) in db.execute("SELECT id FROM experts WHERE session_id = ? ORDER BY position, id", [session_id]):
        got = have.get(e, set()) & leaves
        if e in recused:
            states[e] = "recused"
        elif leaves <= got:
            states[e] = "submitted" if e in submitted else "complete"
        else:
            states[e] = "incomplete" if got else "empty"
    return states


# what the audit dialog leaves out unless asked: the first recording of things (setup, roster,
# first scores, questions), every one of which is in the chain all the same


def audit_log(db: sqlite_utils.Database, session_id: int, *, expert: str | None = None, unit: str | None = None,
              everything: bool = False) -> list[dict]:
    """The session's chain in order (its own history: a deleted session's rows under a reused id
    are not shown): corrections, submissions, status changes and seals; ``everything`` adds the
    routine first entries."""
    # the session's own chain, and this laptop's records about it (a package imported) in the ledger chain
    sql = ("SELECT at, operator, action, expert, unit, criterion, before, after, reason, seq, hash FROM audit_log "
           "WHERE (chain = (SELECT uid FROM sessions WHERE id = ?) OR (chain = 'ledger' AND session_id = ?))")
    params: list[object] = [session_id, session_id]
    if not everything:
        sql += (f" AND coalesce(entity, '') NOT IN ({', '.join('?' * len(ROUTINE_ENTITIES))})"
                f" AND action NOT IN ({', '.join('?' * len(ROUTINE_ACTIONS))})")
        params += [*ROUTINE_ENTITIES, *ROUTINE_ACTIONS]
    if expert:
        sql += " AND expert = ?"
        params.append(expert)
    if unit:
        sql += " AND unit = ?"
        params.append(unit)
    # actions are stored as codes (v9), older rows as words: ``action`` is the Chinese label, ``stored`` as stored
    return [dict(r, action=action_label(r["action"]), stored=r["action"]) for r in db.query(sql + " ORDER BY id", params)]


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a service, a container without passwd): leave it blank
        return ""


def external_values(db: sqlite_utils.Database, session_id: int) -> dict[tuple[int, str], Decimal]:
    """Stored external component values: (unit id, component) → value."""
    return {(u, c): Decimal(v) for u, c, v in db.execute(
        "SELECT unit_id, component, value FROM external_values WHERE session_id = ?", [session_id])}
