"""Versioned schema migrations, applied in order at start.

``PRAGMA user_version`` holds the version; each migration runs in the same transaction as the
version bump, so a crash mid-migration leaves the previous version intact.
Never edit a released migration: add a new one.
"""
from __future__ import annotations

from typing import Callable

import sqlite_utils

Migration = Callable[["sqlite_utils.Database"], None]  # a string: sqlite_utils is imported on first use (startup.py)


def _v1_foundation(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE template_library (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            json TEXT NOT NULL,
            builtin INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT '',
            date TEXT,
            venue TEXT NOT NULL DEFAULT '',
            organisers TEXT NOT NULL DEFAULT '',
            chair TEXT NOT NULL DEFAULT '',
            host TEXT NOT NULL DEFAULT '',
            secretary TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'live', 'finished', 'sealed')),
            template_name TEXT NOT NULL,
            aggregation TEXT NOT NULL DEFAULT 'mean',
            components_json TEXT NOT NULL DEFAULT '[]',
            grades_json TEXT NOT NULL,
            timing_json TEXT NOT NULL,
            order_mode TEXT NOT NULL DEFAULT 'entered' CHECK (order_mode IN ('entered', 'drawn')),
            draw_seed TEXT,
            draw_at TEXT,
            draw_witness TEXT,
            summary TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX idx_sessions_date ON sessions(date);
        CREATE TABLE criteria (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            parent_id INTEGER REFERENCES criteria(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            max TEXT,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        );
        CREATE INDEX idx_criteria_session ON criteria(session_id);
        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            presenter TEXT NOT NULL DEFAULT '',
            presenter_title TEXT NOT NULL DEFAULT '',
            report_title TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'waiting'
                CHECK (status IN ('waiting', 'report', 'questions', 'scoring', 'done', 'absent')),
            UNIQUE (session_id, name)
        );
        CREATE TABLE experts (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            affiliation TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            UNIQUE (session_id, name)
        );
        CREATE TABLE recusals (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            expert_id INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            PRIMARY KEY (expert_id, unit_id)
        );
        CREATE TABLE scores (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            expert_id INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (expert_id, unit_id, criterion_id)
        );
        CREATE INDEX idx_scores_session ON scores(session_id, unit_id);
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            expert_id INTEGER REFERENCES experts(id) ON DELETE SET NULL,
            text TEXT NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            criterion_id INTEGER REFERENCES criteria(id) ON DELETE SET NULL,
            problem INTEGER NOT NULL DEFAULT 0,
            measure TEXT NOT NULL DEFAULT '',
            deadline TEXT,
            at TEXT NOT NULL,
            elapsed_s REAL
        );
        CREATE INDEX idx_questions_session ON questions(session_id, unit_id);
        CREATE TABLE unit_timing (
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            phase TEXT NOT NULL CHECK (phase IN ('report', 'questions')),
            seconds REAL NOT NULL,
            PRIMARY KEY (unit_id, phase)
        );
        """
    )


def _v2_scoring(db: sqlite_utils.Database) -> None:
    """Submissions (locked score sheets), the append-only audit log, external component values."""
    db.executescript(
        """
        CREATE TABLE submissions (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            expert_id INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            submitted_at TEXT NOT NULL,
            PRIMARY KEY (expert_id, unit_id)
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            expert TEXT,
            unit TEXT,
            criterion TEXT,
            before TEXT,
            after TEXT,
            reason TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX idx_audit_session ON audit_log(session_id, at);
        -- Append-only: the log refuses edits and deletions at the database level.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            WHEN (SELECT COUNT(*) FROM sessions WHERE id = OLD.session_id) > 0
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TABLE external_values (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            component TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (unit_id, component)
        );
        """
    )


def _v3_live(db: sqlite_utils.Database) -> None:
    """The live meeting: its state (restored after a crash), phase start/end times and added minutes,
    and rehearsal copies."""
    db.executescript(
        """
        CREATE TABLE live_state (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
            phase TEXT CHECK (phase IN ('report', 'questions', 'scoring')),
            running INTEGER NOT NULL DEFAULT 0,
            -- seconds of the current phase before the running stretch began (all of it when paused)
            elapsed_s REAL NOT NULL DEFAULT 0,
            -- wall clock (Unix seconds) when the running stretch began: survives a restart
            started_wall REAL,
            extra_s REAL NOT NULL DEFAULT 0,
            owner_pid INTEGER,
            owner_host TEXT,
            updated_at TEXT NOT NULL
        );
        ALTER TABLE unit_timing ADD COLUMN extra_s REAL NOT NULL DEFAULT 0;
        ALTER TABLE unit_timing ADD COLUMN started_at TEXT;
        ALTER TABLE unit_timing ADD COLUMN ended_at TEXT;
        ALTER TABLE sessions ADD COLUMN rehearsal_of INTEGER;
        """
    )


def _v4_history(db: sqlite_utils.Database) -> None:
    """History: the rectification ledger (整改台账), links between renamed units, full-text search
    (FTS5, trigram) kept in sync by triggers, the seal/revision log, imported packages, and a
    stable uid per session so a package imported twice is recognised."""
    db.executescript(
        """
        ALTER TABLE sessions ADD COLUMN uid TEXT;
        UPDATE sessions SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
        CREATE TRIGGER sessions_uid AFTER INSERT ON sessions WHEN NEW.uid IS NULL
            BEGIN UPDATE sessions SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END;
        CREATE INDEX idx_sessions_uid ON sessions(uid);
        CREATE INDEX idx_sessions_kind ON sessions(kind, date);
        CREATE INDEX idx_sessions_status ON sessions(status, date);
        CREATE INDEX idx_units_name ON units(name, session_id);
        CREATE INDEX idx_questions_unit ON questions(unit_id);

        CREATE TABLE rectification_items (
            id INTEGER PRIMARY KEY,
            session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
            unit_name TEXT NOT NULL,
            unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
            question_id INTEGER UNIQUE REFERENCES questions(id) ON DELETE SET NULL,
            criterion TEXT,
            source TEXT NOT NULL DEFAULT '专家意见',
            problem TEXT NOT NULL,
            measure TEXT NOT NULL DEFAULT '',
            responsible_unit TEXT NOT NULL DEFAULT '',
            responsible_person TEXT NOT NULL DEFAULT '',
            deadline TEXT,
            kind TEXT NOT NULL DEFAULT '限期' CHECK (kind IN ('限期', '持续')),
            status TEXT NOT NULL DEFAULT '未启动' CHECK (status IN ('未启动', '推进中', '已完成')),
            evidence TEXT NOT NULL DEFAULT '',
            evidence_files TEXT NOT NULL DEFAULT '[]',
            closed_at TEXT,
            review_opinion TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            -- an item is closed only with evidence recorded
            CHECK (status != '已完成' OR (trim(evidence) != '' AND closed_at IS NOT NULL))
        );
        CREATE INDEX idx_items_unit ON rectification_items(unit_name, status);
        CREATE INDEX idx_items_session ON rectification_items(session_id);
        CREATE INDEX idx_items_deadline ON rectification_items(status, deadline);

        CREATE TABLE unit_links (
            old_name TEXT PRIMARY KEY,
            new_name TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            CHECK (old_name != new_name)
        );
        CREATE INDEX idx_unit_links_new ON unit_links(new_name);

        CREATE TABLE seal_log (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            fingerprint_before TEXT,
            fingerprint_after TEXT
        );
        CREATE INDEX idx_seal_log_session ON seal_log(session_id, id);

        CREATE TABLE package_imports (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            uid TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            changed_at TEXT,
            file_name TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL
        );

        -- Search: one FTS5 row per text; rowid = source id * 8 + kind, so triggers delete by rowid.
        -- kinds: 0 question, 1 answer, 2 measure of a problem found, 3 session summary,
        --        4 rectification problem, 5 rectification measure and evidence
        CREATE VIRTUAL TABLE search_fts USING fts5(
            body, kind UNINDEXED, ref_id UNINDEXED, session_id UNINDEXED, unit_id UNINDEXED,
            tokenize = 'trigram');

        CREATE TRIGGER q_fts_ins AFTER INSERT ON questions BEGIN
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                SELECT NEW.id * 8, NEW.text, 'question', NEW.id, NEW.session_id, NEW.unit_id WHERE NEW.text != '';
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                SELECT NEW.id * 8 + 1, NEW.answer, 'answer', NEW.id, NEW.session_id, NEW.unit_id WHERE NEW.answer != '';
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                SELECT NEW.id * 8 + 2, NEW.measure, 'measure', NEW.id, NEW.session_id, NEW.unit_id
                WHERE NEW.measure != '';
        END;
        CREATE TRIGGER q_fts_del AFTER DELETE ON questions BEGIN
            DELETE FROM search_fts WHERE rowid IN (OLD.id * 8, OLD.id * 8 + 1, OLD.id * 8 + 2);
        END;
        CREATE TRIGGER q_fts_upd AFTER UPDATE OF text, answer, measure, unit_id ON questions BEGIN
            DELETE FROM search_fts WHERE rowid IN (OLD.id * 8, OLD.id * 8 + 1, OLD.id * 8 + 2);
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                SELECT NEW.id * 8, NEW.text, 'question', NEW.id, NEW.session_id, NEW.unit_id WHERE NEW.text != '';
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                SELECT NEW.id * 8 + 1, NEW.answer, 'answer', NEW.id, NEW.session_id, NEW.unit_id WHERE NEW.answer != '';
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                SELECT NEW.id * 8 + 2, NEW.measure, 'measure', NEW.id, NEW.session_id, NEW.unit_id
                WHERE NEW.measure != '';
        END;

        CREATE TRIGGER s_fts_ins AFTER INSERT ON sessions WHEN NEW.summary != '' BEGIN
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                VALUES (NEW.id * 8 + 3, NEW.summary, 'summary', NEW.id, NEW.id, NULL);
        END;
        CREATE TRIGGER s_fts_del AFTER DELETE ON sessions BEGIN
            DELETE FROM search_fts WHERE rowid = OLD.id * 8 + 3;
        END;
        CREATE TRIGGER s_fts_upd AFTER UPDATE OF summary ON sessions BEGIN
            DELETE FROM search_fts WHERE rowid = OLD.id * 8 + 3;
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                SELECT NEW.id * 8 + 3, NEW.summary, 'summary', NEW.id, NEW.id, NULL WHERE NEW.summary != '';
        END;

        CREATE TRIGGER r_fts_ins AFTER INSERT ON rectification_items BEGIN
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                VALUES (NEW.id * 8 + 4, NEW.problem, 'item', NEW.id, NEW.session_id, NEW.unit_id);
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                SELECT NEW.id * 8 + 5, trim(NEW.measure || ' ' || NEW.evidence), 'item_measure', NEW.id,
                       NEW.session_id, NEW.unit_id WHERE trim(NEW.measure || NEW.evidence) != '';
        END;
        CREATE TRIGGER r_fts_del AFTER DELETE ON rectification_items BEGIN
            DELETE FROM search_fts WHERE rowid IN (OLD.id * 8 + 4, OLD.id * 8 + 5);
        END;
        CREATE TRIGGER r_fts_upd AFTER UPDATE OF problem, measure, evidence, unit_id, session_id
                ON rectification_items BEGIN
            DELETE FROM search_fts WHERE rowid IN (OLD.id * 8 + 4, OLD.id * 8 + 5);
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                VALUES (NEW.id * 8 + 4, NEW.problem, 'item', NEW.id, NEW.session_id, NEW.unit_id);
            INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
                SELECT NEW.id * 8 + 5, trim(NEW.measure || ' ' || NEW.evidence), 'item_measure', NEW.id,
                       NEW.session_id, NEW.unit_id WHERE trim(NEW.measure || NEW.evidence) != '';
        END;

        -- Results per session for the unit dossier, dropped whenever anything they depend on changes.
        CREATE TABLE results_cache (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            json TEXT NOT NULL
        );
        CREATE TRIGGER rc_scores_insert AFTER INSERT ON scores BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_scores_update AFTER UPDATE ON scores BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_scores_delete AFTER DELETE ON scores BEGIN
            DELETE FROM results_cache WHERE session_id = OLD.session_id; END;
        CREATE TRIGGER rc_external_values_insert AFTER INSERT ON external_values BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_external_values_update AFTER UPDATE ON external_values BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_external_values_delete AFTER DELETE ON external_values BEGIN
            DELETE FROM results_cache WHERE session_id = OLD.session_id; END;
        CREATE TRIGGER rc_recusals_insert AFTER INSERT ON recusals BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_recusals_update AFTER UPDATE ON recusals BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_recusals_delete AFTER DELETE ON recusals BEGIN
            DELETE FROM results_cache WHERE session_id = OLD.session_id; END;
        CREATE TRIGGER rc_units_insert AFTER INSERT ON units BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_units_update AFTER UPDATE ON units BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_units_delete AFTER DELETE ON units BEGIN
            DELETE FROM results_cache WHERE session_id = OLD.session_id; END;
        CREATE TRIGGER rc_experts_insert AFTER INSERT ON experts BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_experts_delete AFTER DELETE ON experts BEGIN
            DELETE FROM results_cache WHERE session_id = OLD.session_id; END;
        CREATE TRIGGER rc_criteria_insert AFTER INSERT ON criteria BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_criteria_update AFTER UPDATE ON criteria BEGIN
            DELETE FROM results_cache WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER rc_criteria_delete AFTER DELETE ON criteria BEGIN
            DELETE FROM results_cache WHERE session_id = OLD.session_id; END;
        CREATE TRIGGER rc_sessions_update AFTER UPDATE ON sessions BEGIN
            DELETE FROM results_cache WHERE session_id = OLD.id; END;

        -- what a database of version 3 already holds
        INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
            SELECT id * 8, text, 'question', id, session_id, unit_id FROM questions WHERE text != '';
        INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
            SELECT id * 8 + 1, answer, 'answer', id, session_id, unit_id FROM questions WHERE answer != '';
        INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
            SELECT id * 8 + 2, measure, 'measure', id, session_id, unit_id FROM questions WHERE measure != '';
        INSERT INTO search_fts (rowid, body, kind, ref_id, session_id, unit_id)
            SELECT id * 8 + 3, summary, 'summary', id, id, NULL FROM sessions WHERE summary != '';
        """
    )


def _v5_external_provenance(db: sqlite_utils.Database) -> None:
    """Where each external component value (e.g. 社会评议) came from: the survey or body that gave
    it, the file it was imported from, and who entered it (``updated_at`` already says when)."""
    # One statement each (not executescript, which would commit the migration's transaction first).
    for column in ("source_note", "source_file", "entered_by"):
        db.execute(f"ALTER TABLE external_values ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")


def _v6_sealed(db: sqlite_utils.Database) -> None:
    """Sealed means sealed: the audit log becomes a hash chain per session (``chain`` = the
    session's uid, ``seq``, ``prev_hash``, ``hash``) with machine-readable changes (``entity``,
    ``ref``, ``state``) that ``verify`` replays against the tables; the existing rows are chained
    and a baseline of each session's content closes them. Questions and ledger items get a stable
    uid (package imports keep it); a session's uid becomes unique; seals carry a signature."""
    from .replay import migrate_legacy_log

    db.executescript(
        """
        ALTER TABLE audit_log ADD COLUMN chain TEXT;
        ALTER TABLE audit_log ADD COLUMN seq INTEGER;
        ALTER TABLE audit_log ADD COLUMN entity TEXT;
        ALTER TABLE audit_log ADD COLUMN ref TEXT;
        ALTER TABLE audit_log ADD COLUMN state TEXT;
        ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
        ALTER TABLE audit_log ADD COLUMN hash TEXT;

        ALTER TABLE questions ADD COLUMN uid TEXT;
        UPDATE questions SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
        CREATE TRIGGER questions_uid AFTER INSERT ON questions WHEN NEW.uid IS NULL
            BEGIN UPDATE questions SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END;
        ALTER TABLE rectification_items ADD COLUMN uid TEXT;
        UPDATE rectification_items SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
        CREATE TRIGGER items_uid AFTER INSERT ON rectification_items WHEN NEW.uid IS NULL
            BEGIN UPDATE rectification_items SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END;
        CREATE UNIQUE INDEX idx_items_uid ON rectification_items(uid);

        ALTER TABLE seal_log ADD COLUMN signer TEXT;
        ALTER TABLE seal_log ADD COLUMN signer_name TEXT;
        ALTER TABLE seal_log ADD COLUMN signature TEXT;
        ALTER TABLE package_imports ADD COLUMN signer TEXT;
        ALTER TABLE package_imports ADD COLUMN documents TEXT;
        """
    )
    # two copies of one package imported at the same moment could share a uid: the later copy gets
    # its own (its chain starts here), then the uid is unique
    dupes = db.execute("SELECT id FROM sessions s WHERE EXISTS (SELECT 1 FROM sessions t WHERE t.uid = s.uid "
                       "AND t.id < s.id)").fetchall()
    for (sid,) in dupes:
        db.execute("UPDATE sessions SET uid = lower(hex(randomblob(16))) WHERE id = ?", [sid])
    db.executescript(
        """
        DROP INDEX IF EXISTS idx_sessions_uid;
        CREATE UNIQUE INDEX idx_sessions_uid ON sessions(uid);
        """
    )
    migrate_legacy_log(db)
    db.executescript(
        """
        CREATE UNIQUE INDEX idx_audit_chain ON audit_log(chain, seq);
        -- every row belongs to a chain and carries its hash: a row without one is refused
        CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
            WHEN NEW.chain IS NULL OR NEW.seq IS NULL OR NEW.hash IS NULL
            BEGIN SELECT RAISE(ABORT, 'audit log rows must be chained'); END;
        -- append-only, now for every row: a deleted session's history stays verifiable
        DROP TRIGGER audit_log_no_delete;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        """
    )



def _v7_checklists(db: sqlite_utils.Database) -> None:
    """示范创建 assessments: a session's checklist settings (threshold, weight of 部分达标; NULL for
    a scored session), each indicator's 佐证要求, ratings per unit × indicator with a note and
    evidence (text and copied files), each candidate's steps from 自查自评 to 命名, and the
    demonstration records after naming (annual reports, return visits, de-listing)."""
    # One statement each (executescript would commit the migration's transaction first).
    statements = [
        "ALTER TABLE sessions ADD COLUMN checklist_json TEXT",
        "ALTER TABLE criteria ADD COLUMN evidence_required TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE ratings (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
            -- NULL: a note or evidence text written before the indicator is rated
            rating TEXT CHECK (rating IN ('met', 'partial', 'unmet', 'not_applicable')),
            note TEXT NOT NULL DEFAULT '',
            evidence_text TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (unit_id, criterion_id))""",
        "CREATE INDEX idx_ratings_session ON ratings(session_id, unit_id)",
        """CREATE TABLE rating_evidence (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            stored TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            added_at TEXT NOT NULL,
            UNIQUE (unit_id, criterion_id, name))""",
        "CREATE INDEX idx_rating_evidence_session ON rating_evidence(session_id, unit_id)",
        """CREATE TABLE candidate_steps (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            step TEXT NOT NULL CHECK (step IN ('self_assessment', 'application', 'preliminary', 'third_party',
                                               'survey', 'onsite', 'notice', 'naming')),
            date TEXT,
            end_date TEXT,
            outcome TEXT NOT NULL DEFAULT '',
            value TEXT,
            objections INTEGER,
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (unit_id, step))""",
        "CREATE INDEX idx_candidate_steps_session ON candidate_steps(session_id)",
        """CREATE TABLE demonstration_records (
            id INTEGER PRIMARY KEY,
            unit_name TEXT NOT NULL,
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind IN ('annual_report', 'return_visit', 'delisting')),
            date TEXT NOT NULL,
            year INTEGER,
            outcome TEXT NOT NULL DEFAULT '',
            cause TEXT,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            -- a de-listing always names one of the causes of the 示范创建办法
            CHECK (kind != 'delisting' OR cause IS NOT NULL))""",
        "CREATE INDEX idx_demonstration_unit ON demonstration_records(unit_name, date)",
    ]
    for table, row in (("ratings", "NEW"), ("ratings", "OLD"), ("rating_evidence", "NEW"), ("rating_evidence", "OLD")):
        event = "DELETE" if row == "OLD" else "INSERT"
        statements.append(f"CREATE TRIGGER rc_{table}_{event.lower()} AFTER {event} ON {table} BEGIN "
                          f"DELETE FROM results_cache WHERE session_id = {row}.session_id; END")
    statements.append("CREATE TRIGGER rc_ratings_update AFTER UPDATE ON ratings BEGIN "
                      "DELETE FROM results_cache WHERE session_id = NEW.session_id; END")
    for sql in statements:
        db.execute(sql)



def _v8_devices_and_checks(db: sqlite_utils.Database) -> None:
    """Experts scoring on their own devices, and paper sheets entered twice (双人录入核对).

    ``expert_tokens``: each expert's private access token for one session (kept when revoked, so a
    revoked token is told apart from an unknown one; a new token is a new row), and when a device
    last used it. ``double_entry``: the sessions whose secretary-entered scores count only once
    checked. ``score_checks``: the value a check agreed with, per expert × unit × criterion —
    ``second_entry`` from a blind second entry (window or ``import scores --check``), ``device``
    for a score the expert typed on their own device (nothing to retype). A check counts while its
    value equals the stored score."""
    statements = [
        """CREATE TABLE expert_tokens (
            token TEXT PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            expert_id INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            revoked_at TEXT,
            last_seen_at TEXT)""",
        "CREATE INDEX idx_expert_tokens_session ON expert_tokens(session_id, expert_id)",
        """CREATE TABLE double_entry (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            enabled_at TEXT NOT NULL)""",
        """CREATE TABLE score_checks (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            expert_id INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
            value TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('second_entry', 'device')),
            checked_at TEXT NOT NULL,
            PRIMARY KEY (expert_id, unit_id, criterion_id))""",
        "CREATE INDEX idx_score_checks_session ON score_checks(session_id, unit_id)",
    ]
    for table in ("score_checks", "double_entry"):  # both change which scores count
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            statements.append(f"CREATE TRIGGER rc_{table}_{event.lower()} AFTER {event} ON {table} BEGIN "
                              f"DELETE FROM results_cache WHERE session_id = {row}.session_id; END")
    for sql in statements:
        db.execute(sql)


def _v9_ledger_codes(db: sqlite_utils.Database) -> None:
    """The ledger's status stored as a code (``todo``/``doing``/``done``; the words 未启动/推进中/
    已完成 live in :mod:`fazhi_desktop.labels`), and indexes for the history list's order and a unit's items.

    SQLite cannot change a CHECK constraint in place, so ``rectification_items`` is rebuilt (same
    columns, same ids, the status mapped) and its indexes and triggers are created again as they
    were. The audit log is not touched: its rows are hash-chained, and the ledger chain's item
    states keep the words (``replay.item_state`` gives the label), so a chain written before this
    migration replays to what the tables hold after it."""
    kept = db.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'rectification_items' "
                      "AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type = 'trigger', name").fetchall()
    cols = [r[1] for r in db.execute("PRAGMA table_info(rectification_items)")]
    db.execute(
        """CREATE TABLE rectification_items_v9 (
            id INTEGER PRIMARY KEY,
            session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
            unit_name TEXT NOT NULL,
            unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
            question_id INTEGER UNIQUE REFERENCES questions(id) ON DELETE SET NULL,
            criterion TEXT,
            source TEXT NOT NULL DEFAULT '专家意见',
            problem TEXT NOT NULL,
            measure TEXT NOT NULL DEFAULT '',
            responsible_unit TEXT NOT NULL DEFAULT '',
            responsible_person TEXT NOT NULL DEFAULT '',
            deadline TEXT,
            kind TEXT NOT NULL DEFAULT '限期' CHECK (kind IN ('限期', '持续')),
            status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
            evidence TEXT NOT NULL DEFAULT '',
            evidence_files TEXT NOT NULL DEFAULT '[]',
            closed_at TEXT,
            review_opinion TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            uid TEXT,
            -- an item is closed only with evidence recorded
            CHECK (status != 'done' OR (trim(evidence) != '' AND closed_at IS NOT NULL))
        )""")
    select = ", ".join("CASE status WHEN '未启动' THEN 'todo' WHEN '推进中' THEN 'doing' WHEN '已完成' THEN 'done' "
                       "ELSE status END" if c == "status" else c for c in cols)
    db.execute(f"INSERT INTO rectification_items_v9 ({', '.join(cols)}) SELECT {select} FROM rectification_items")
    db.execute("DROP TABLE rectification_items")
    db.execute("ALTER TABLE rectification_items_v9 RENAME TO rectification_items")
    for (sql,) in kept:
        db.execute(sql)
    # the history window's list, newest first: the first page is read in index order instead of
    # sorting every session (the ORDER BY of history.list_history, term for term)
    db.execute("CREATE INDEX idx_sessions_newest ON sessions(date IS NULL, date DESC, id DESC)")
    # a unit's items newest session first (the dossier, the ledger filtered by unit) sorted from the
    # index, without reading every item row
    db.execute("CREATE INDEX idx_items_unit_session ON rectification_items(unit_name, session_id)")


def _v10_session_indexes(db: sqlite_utils.Database) -> None:
    """Tables read "for one session" that had no index starting with the session: at 1,000 sessions
    the snapshot's submissions read scanned 73,500 rows (5 ms, twice when the history shows a
    session). Each session's submissions, recusals, external values and dossier records are now an
    index range."""
    db.execute("CREATE INDEX idx_submissions_session ON submissions(session_id, unit_id, expert_id)")
    db.execute("CREATE INDEX idx_recusals_session ON recusals(session_id)")
    db.execute("CREATE INDEX idx_external_values_session ON external_values(session_id, unit_id)")
    db.execute("CREATE INDEX idx_demonstration_session ON demonstration_records(session_id)")


MIGRATIONS: list[Migration] = [_v1_foundation, _v2_scoring, _v3_live, _v4_history, _v5_external_provenance,
                               _v6_sealed, _v7_checklists, _v8_devices_and_checks, _v9_ledger_codes,
                               _v10_session_indexes]
LATEST = len(MIGRATIONS)
