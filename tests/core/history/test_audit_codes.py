"""The sessions' audit actions stored as codes (schema v9), shown as the Chinese words earlier
versions stored: a database sealed at version 8 still verifies after the migration, with its rows
byte for byte and its fingerprint; a new database stores codes; what people read is the same."""
from __future__ import annotations

import pytest

from fazhi_desktop import chain, labels, package, scoring, seal
from fazhi_desktop.db import connect, migrate_db, open_db
from fazhi_desktop.demo import add_demo
from fazhi_desktop.export.fingerprint import session_fingerprint
from fazhi_desktop.export.minutes import _appendix_rows
from fazhi_desktop.lifecycle import finish_session
from fazhi_desktop.roster import list_experts, list_units
from fazhi_desktop.sessions import load_template
from fazhi_desktop.verify import audit_appendix, verify_all, verify_session


def _actions(db, session_id):
    uid = db.execute("SELECT uid FROM sessions WHERE id = ?", [session_id]).fetchone()[0]
    return [r["action"] for r in chain.entries(db, uid)]


def _fill_and_submit(db, session_id):
    """Every leaf of the first unit typed by the first expert, then the sheet submitted."""
    unit, expert = list_units(db, session_id)[0], list_experts(db, session_id)[0]
    for _path, leaf in load_template(db, session_id).leaves():
        scoring.record_score(db, session_id=session_id, expert_id=expert.id, unit_id=unit.id, criterion_id=leaf.id,
                             value="1")
    scoring.submit(db, session_id=session_id, expert_id=expert.id, unit_id=unit.id)


@pytest.fixture(scope="module")
def v8_sealed(tmp_path_factory):
    """A demo database built and sealed at version 8 (actions stored as words), copied per test."""
    path = tmp_path_factory.mktemp("v8") / "v8.db"
    db = connect(path)
    migrate_db(db, target=8)
    add_demo(db)
    seal.seal(db, session_id=1, confirmed=True, cache=False)
    _fill_and_submit(db, 2)
    audit = db.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    printed = seal.fingerprint(db, 1)
    db.conn.close()
    return path, audit, printed


def test_a_v8_sealed_database_verifies_after_v9_and_goes_on_with_codes(v8_sealed, tmp_path):
    source, audit_before, printed = v8_sealed
    path = tmp_path / "v8.db"
    path.write_bytes(source.read_bytes())
    db = open_db(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] >= 9
    assert db.execute("SELECT * FROM audit_log ORDER BY id").fetchall() == audit_before  # byte for byte
    old = _actions(db, 1)
    assert {"提交评分", "结束评议会", "封盘", "录入评分"} <= set(old)  # what version 8 stored: words
    assert not any(labels.action_code(a) == a for a in old)  # no code among them
    assert all(r.ok for r in verify_all(db)), [r.problems for r in verify_all(db) if not r.ok]
    assert session_fingerprint(db, 1) == printed
    # the old words are read as codes: routine entries left out, the seal found, labels unchanged
    appendix = audit_appendix(db, 1)
    assert appendix["verified"]
    assert "录入评分" not in {r["action"] for r in appendix["rows"]}
    assert {r["code"] for r in appendix["rows"]} >= {"score.submit", "session.finish", "seal.seal"}
    # version 9 goes on in codes, in the same chains: session 2's sheet typed at v8, finished at v9
    finish_session(db, session_id=2, override_reason="其余单位另行评议")
    actions = _actions(db, 2)
    assert "录入评分" in actions and "提交评分" in actions  # written at version 8
    assert actions[-1] == "session.finish_unscored" and "session.finish" in actions  # the gaps after the end
    seal.seal(db, session_id=2, confirmed=True, cache=False)
    assert _actions(db, 2)[-1] == "seal.seal"
    assert [labels.action_label(a) for a in _actions(db, 2)[-1:]] == ["封盘"]
    assert all(r.ok for r in verify_all(db)), [r.problems for r in verify_all(db) if not r.ok]
    db.conn.close()


def test_a_package_of_a_session_sealed_at_v8_imports_and_verifies(v8_sealed, tmp_path):
    source, _audit, printed = v8_sealed
    path = tmp_path / "v8.db"
    path.write_bytes(source.read_bytes())
    db = open_db(path)
    pkg = package.export_package(db, session_id=1, path=tmp_path / "v8.fzpkg").path
    other = open_db(tmp_path / "other.db")
    package.import_package(other, pkg, documents_root=tmp_path / "材料")
    sid = other.execute("SELECT id FROM sessions").fetchone()[0]
    assert _actions(other, sid) == _actions(db, 1)  # the chain travels as it was, words and all
    assert verify_session(other, sid).ok
    assert session_fingerprint(other, sid) == printed
    # the receiving laptop notes the import in its ledger chain, as a code
    assert chain.entries(other, chain.LEDGER_CHAIN)[-1]["action"] in ("package.import", "link.import", "item.import")
    assert "package.import" in [r["action"] for r in chain.entries(other, chain.LEDGER_CHAIN)]
    other.conn.close()
    db.conn.close()


def test_a_new_database_stores_codes_and_verifies(demo_db):
    _fill_and_submit(demo_db, 2)
    finish_session(demo_db, session_id=2, override_reason="其余单位另行评议")
    seal.seal(demo_db, session_id=2, confirmed=True, cache=False)
    stored = _actions(demo_db, 2)
    assert stored[0] == "session.create"
    assert {"score.record", "score.submit", "session.finish"} <= set(stored)
    assert stored[-2:] == ["session.finish_unscored", "seal.seal"]
    assert all(labels.action_code(a) == a for a in stored)  # every one a code
    # the seal log and the signature keep their words (the package format and signatures as before)
    assert [r["action"] for r in seal.seal_log(demo_db, 2)] == ["封盘"]
    assert verify_session(demo_db, 2).ok
    assert all(r.ok for r in verify_all(demo_db))


def test_people_read_the_chinese_label_of_a_code(demo_db):
    _fill_and_submit(demo_db, 2)
    finish_session(demo_db, session_id=2, override_reason="其余单位另行评议")
    appendix = audit_appendix(demo_db, 2)
    actions = [r["action"] for r in appendix["rows"]]
    assert "提交评分" in actions and "结束评议会" in actions and "录入评分" not in actions
    rows = _appendix_rows(appendix["rows"])
    assert [r[2] for r in rows if r[2] in ("提交评分", "结束评议会")] == ["提交评分", "结束评议会"]
    assert all(not r[2].isascii() for r in rows)  # no code reaches the minutes
    logged = scoring.audit_log(demo_db, 2)
    assert {r["action"] for r in logged} >= {"提交评分", "结束评议会"}
    assert "score.submit" in {r["stored"] for r in logged}


def test_labels_and_codes_of_the_session_chain():
    assert labels.action_label("score.record") == "录入评分"
    assert labels.action_label("order.draw:20240611") == "抽签（种子 20240611）"
    assert labels.action_code("抽签（种子 20240611）") == "order.draw:20240611"
    assert labels.action_label("roster.copy:2023年度评议") == "复制自评议会“2023年度评议”"
    assert labels.action_code("“万州区”调至最后") == "order.last:万州区"
    assert labels.action_label("meeting.update:title,date") == "修改会议名称、日期"
    assert labels.action_code("修改会议名称、日期") == "meeting.update:title,date"
    assert labels.action_code("修改参评单位") == "unit.update"  # a fixed label, not the meeting's 修改…
    assert labels.action_label("item.remove_with:session.delete") == "删除评议会（其整改事项一并删除）"
    assert labels.action_code("丢弃演练副本（其整改事项一并删除）") == "item.remove_with:rehearsal.discard"
    assert labels.as_code("导入替换评分") == "score.import_replace"
    assert labels.as_code("设备评分") == "设备评分"  # a source without a code: its words
    assert labels.is_action("封盘", "seal.seal") and labels.is_action("seal.seal", "seal.seal")
    # every label is unique, so an old word names one code
    texts = [*labels.SESSION_ACTIONS.values(), *labels.ACTIONS.values()]
    assert len(texts) == len(set(texts))
