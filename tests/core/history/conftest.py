"""The demo database with a second, scored copy of the 2020 session dated 2021: a unit's history."""
from __future__ import annotations

import random

import pytest

from fazhi_desktop.history_gen import fill_session
from fazhi_desktop.sessions import duplicate_session, set_status, update_session


def add_scored_copy(db, source: int = 1, day: str = "2021-10-20", seed: int = 5) -> int:
    sid = duplicate_session(db, session_id=source, title="2021年度渝东北片区评议会")
    update_session(db, session_id=sid, date=day, summary="各区县整改有力，执法规范化水平明显提升。")
    fill_session(db, sid, random.Random(seed), questions_per_unit=2, day=day)
    set_status(db, session_id=sid, status="finished")
    return sid


@pytest.fixture
def history_db(demo_db):
    """Sessions 1 (2020, finished), 2 (2023 draft), 3 (2021 scored copy of 1, finished)."""
    add_scored_copy(demo_db)
    return demo_db
