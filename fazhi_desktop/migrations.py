"""Versioned schema migrations, applied in order at start.

``PRAGMA user_version`` holds the version; each migration runs in the same transaction as the
version bump, so a crash mid-migration leaves the previous version intact.
Never edit a released migration: add a new one.
"""
from __future__ import annotations

from typing import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]


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


MIGRATIONS: list[Migration] = [_v1_foundation, _v2_scoring, _v3_live]
LATEST = len(MIGRATIONS)
