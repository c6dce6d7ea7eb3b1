"""The tamper-evident audit trail: every change is in the hash chain, and ``verify`` names the first
broken link when a table, an audit row, a seal or a status is changed behind the program's back."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fazhi_desktop import chain, seal
from fazhi_desktop.db import connect, migrate_db, open_db, schema_version
from fazhi_desktop.demo import add_demo
from fazhi_desktop.export.fingerprint import session_fingerprint
from fazhi_desktop.ledger import close_item, list_items
from fazhi_desktop.live import LiveMeeting, discard_rehearsal, start_rehearsal
from fazhi_desktop.questions import add_question, delete_question, update_question
from fazhi_desktop.roster import (add_expert, add_unit, draw_order, list_experts, list_units, remove_unit,
                                  set_recusal, update_unit)
from fazhi_desktop.scoring import audit_log, record_score, set_external
from fazhi_desktop.sessions import delete_session, duplicate_session, set_template, update_session
from fazhi_desktop.verify import verify_all, verify_session

ROOT = Path(__file__).resolve().parents[2]


def ok(db) -> bool:
    reports = verify_all(db)
    assert all(r.ok for r in reports), [(r.label, r.problems) for r in reports if not r.ok]
    return True


def first_problem(db, sid: int) -> str:
    report = verify_session(db, sid)
    assert not report.ok
    return report.problems[0]


def raw(db_path) -> sqlite3.Connection:
    """A database tool: the file opened without the program."""
    return sqlite3.connect(db_path, isolation_level=None)


def test_every_service_leaves_a_chain_that_replays_to_the_tables(demo_db):
    db = demo_db
    ok(db)
    units, experts = list_units(db, 2), list_experts(db, 2)
    update_session(db, session_id=2, venue="市政府第二会议室", summary="小结")
    u = add_unit(db, session_id=2, name="市司法局")
    update_unit(db, unit_id=u.id, name="市司法局（更名）", presenter="张三")
    e = add_expert(db, session_id=2, name="郑凯", category="法律顾问")
    set_recusal(db, session_id=2, expert_id=e.id, unit_id=units[0].id, recused=True)
    set_recusal(db, session_id=2, expert_id=e.id, unit_id=u.id, recused=True)
    remove_unit(db, unit_id=u.id)  # its recusal goes with it, in the chain too
    draw_order(db, session_id=2, seed="123456", witness="监督员")
    leaf = __import__("fazhi_desktop.sessions", fromlist=["load_template"]).load_template(db, 2).leaves()[0][1]
    record_score(db, session_id=2, expert_id=experts[0].id, unit_id=units[1].id, criterion_id=leaf.id, value="8.5")
    record_score(db, session_id=2, expert_id=experts[0].id, unit_id=units[1].id, criterion_id=leaf.id, value=None)
    q = add_question(db, session_id=2, unit_id=units[1].id, text="执法记录制度是什么？", expert_id=experts[1].id,
                     criterion_id=leaf.id)
    update_question(db, question_id=q.id, answer="全程记录", problem=True, measure="建立台账")
    live = LiveMeeting(db, 2)
    live.begin()
    live.mark_absent(units[3].id)
    live.move_later(units[4].id)
    gone = add_question(db, session_id=2, unit_id=units[1].id, text="删掉的提问")
    delete_question(db, question_id=gone.id)
    copy = duplicate_session(db, session_id=1, title="副本")
    delete_session(db, session_id=copy)
    rehearsal = start_rehearsal(db, session_id=2)
    discard_rehearsal(db, rehearsal_id=rehearsal)
    item = list_items(db)[0]["id"]
    close_item(db, item_id=item, evidence="检查报告")
    ok(db)


def test_one_changed_byte_of_a_stored_score_is_found(demo_db, db_path):
    ok(demo_db)
    con = raw(db_path)
    e, u, c, v = con.execute("SELECT expert_id, unit_id, criterion_id, value FROM scores WHERE session_id = 1 "
                             "LIMIT 1").fetchone()
    changed = ("9" if v[0] != "9" else "8") + v[1:]
    con.execute("UPDATE scores SET value = ? WHERE expert_id = ? AND unit_id = ? AND criterion_id = ?",
                [changed, e, u, c])
    con.close()
    problem = first_problem(demo_db, 1)
    assert "表中的内容与审计链不符" in problem and "评分" in problem and f"表中为 {changed}" in problem
    assert f"审计链记录为 {v}" in problem


@pytest.mark.parametrize("attack", ["edit_row", "delete_row", "reorder", "insert_unit", "delete_question"])
def test_tampering_with_the_log_or_the_tables_breaks_a_link(demo_db, db_path, attack):
    con = raw(db_path)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("DROP TRIGGER audit_log_no_delete")
    uid = con.execute("SELECT uid FROM sessions WHERE id = 1").fetchone()[0]
    if attack == "edit_row":
        con.execute("UPDATE audit_log SET reason = '补记' WHERE chain = ? AND seq = 20", [uid])
        expect = "第 20 条"
    elif attack == "delete_row":
        con.execute("DELETE FROM audit_log WHERE chain = ? AND seq = 20", [uid])
        expect = "序号不连续"
    elif attack == "reorder":
        con.execute("UPDATE audit_log SET seq = -1 WHERE chain = ? AND seq = 20", [uid])
        con.execute("UPDATE audit_log SET seq = 20 WHERE chain = ? AND seq = 21", [uid])
        con.execute("UPDATE audit_log SET seq = 21 WHERE chain = ? AND seq = -1", [uid])
        expect = "第 20 条"
    elif attack == "insert_unit":
        con.execute("INSERT INTO units (session_id, name, position) VALUES (1, '冒名单位', 99)")
        expect = "审计链没有这项记录"
    else:
        con.execute("DELETE FROM questions WHERE id = (SELECT min(id) FROM questions WHERE session_id = 1)")
        expect = "表中没有（被删除）"
    con.close()
    assert expect in first_problem(demo_db, 1)


def test_a_sealed_session_changed_and_rechained_is_found_by_its_signed_seal(demo_db, db_path):
    """The attacker knows the hash rule: changes a sealed score and appends a well-formed entry."""
    seal.seal(demo_db, session_id=1, confirmed=True)
    ok(demo_db)
    con = raw(db_path)
    uid = con.execute("SELECT uid FROM sessions WHERE id = 1").fetchone()[0]
    e, u, c = con.execute("SELECT e.name, un.name, s.criterion_id FROM scores s JOIN experts e ON e.id = s.expert_id "
                          "JOIN units un ON un.id = s.unit_id WHERE s.session_id = 1 LIMIT 1").fetchone()
    path = con.execute("SELECT name FROM criteria WHERE id = ?", [c]).fetchone()[0]
    parent = con.execute("SELECT p.name FROM criteria c JOIN criteria p ON p.id = c.parent_id WHERE c.id = ?",
                         [c]).fetchone()
    path = f"{parent[0]}/{path}" if parent else path
    con.execute("UPDATE scores SET value = '20' WHERE session_id = 1 AND criterion_id = ? AND expert_id = "
                "(SELECT id FROM experts WHERE name = ? AND session_id = 1) AND unit_id = "
                "(SELECT id FROM units WHERE name = ? AND session_id = 1)", [c, e, u])
    seq, prev = con.execute("SELECT seq, hash FROM audit_log WHERE chain = ? ORDER BY seq DESC LIMIT 1", [uid]).fetchone()
    entry = chain.make_entry(chain=uid, seq=seq + 1, prev_hash=prev, action="录入评分", expert=e, unit=u,
                             entity="score", ref=[e, u, path], state="20")
    con.execute(f"INSERT INTO audit_log (session_id, {', '.join(chain.FIELDS)}, hash) "
                f"VALUES (1, {', '.join('?' * (len(chain.FIELDS) + 1))})", [*(entry[f] for f in chain.FIELDS), entry["hash"]])
    con.close()
    problem = first_problem(demo_db, 1)
    assert "封盘后的修改没有签名的更正记录" in problem


def test_a_sealed_session_set_back_to_draft_with_a_fake_row_is_found(demo_db, db_path):
    seal.seal(demo_db, session_id=1, confirmed=True)
    con = raw(db_path)
    uid = con.execute("SELECT uid FROM sessions WHERE id = 1").fetchone()[0]
    con.execute("UPDATE sessions SET status = 'draft' WHERE id = 1")
    seq, prev = con.execute("SELECT seq, hash FROM audit_log WHERE chain = ? ORDER BY seq DESC LIMIT 1", [uid]).fetchone()
    entry = chain.make_entry(chain=uid, seq=seq + 1, prev_hash=prev, action="重新打开", entity="status", ref=[],
                             state="draft")
    con.execute(f"INSERT INTO audit_log (session_id, {', '.join(chain.FIELDS)}, hash) "
                f"VALUES (1, {', '.join('?' * (len(chain.FIELDS) + 1))})", [*(entry[f] for f in chain.FIELDS), entry["hash"]])
    con.close()
    assert "已封盘的评议会状态被改为“draft”" in first_problem(demo_db, 1)


def test_a_forged_seal_signature_is_found(demo_db, db_path):
    seal.seal(demo_db, session_id=1, confirmed=True)
    con = raw(db_path)
    con.execute("DROP TRIGGER audit_log_no_update")
    uid = con.execute("SELECT uid FROM sessions WHERE id = 1").fetchone()[0]
    row = dict(zip([*chain.FIELDS, "hash"], con.execute(
        f"SELECT {', '.join(chain.FIELDS)}, hash FROM audit_log WHERE chain = ? AND entity = 'seal'", [uid]).fetchone()))
    row["after"] = "0" * 64  # another fingerprint, the chain re-hashed from here on
    row["hash"] = chain.entry_hash(row)
    con.execute("UPDATE audit_log SET after = ?, hash = ? WHERE chain = ? AND seq = ?",
                [row["after"], row["hash"], uid, row["seq"]])
    con.close()
    assert "封盘签名无效" in first_problem(demo_db, 1)


def test_a_revision_after_sealing_is_signed_and_verifies(demo_db):
    seal.seal(demo_db, session_id=1, confirmed=True)
    e, u, c, v = demo_db.execute("SELECT expert_id, unit_id, criterion_id, value FROM scores WHERE session_id = 1 "
                                 "LIMIT 1").fetchone()
    before, after = seal.revise_score(demo_db, session_id=1, expert_id=e, unit_id=u, criterion_id=c,
                                      value="1" if v != "1" else "2", reason="誊录笔误")
    assert before != after == session_fingerprint(demo_db, 1)
    report = verify_session(demo_db, 1)
    assert report.ok and len(report.signers) == 1
    log = seal.seal_log(demo_db, 1)
    assert [r["action"] for r in log] == ["封盘", "更正"] and all(r["signature"] for r in log)


def test_sealed_fingerprint_holds_after_the_seal(demo_db):
    digest = seal.seal(demo_db, session_id=1, confirmed=True)
    assert session_fingerprint(demo_db, 1) == digest
    close_item(demo_db, item_id=list_items(demo_db)[0]["id"], evidence="整改报告")  # the ledger goes on
    assert session_fingerprint(demo_db, 1) == digest
    ok(demo_db)


def test_template_change_clears_question_criteria_in_the_chain(demo_db):
    units = list_units(demo_db, 2)
    leaf = __import__("fazhi_desktop.sessions", fromlist=["load_template"]).load_template(demo_db, 2)
    add_question(demo_db, session_id=2, unit_id=units[0].id, text="问", criterion_id=leaf.leaves()[0][1].id)
    set_template(demo_db, session_id=2, template=leaf)
    ok(demo_db)


def test_first_entries_are_recorded_but_the_dialog_shows_corrections(demo_db):
    everything = audit_log(demo_db, 1, everything=True)
    actions = {r["action"] for r in everything}
    assert {"创建评议会", "添加参评单位", "录入评分", "提交评分", "记录提问", "结束评议会"} <= actions
    assert "录入评分" not in {r["action"] for r in audit_log(demo_db, 1)}
    set_external  # noqa: B018 - imported for the service list above


def test_legacy_database_is_chained_and_its_sealed_fingerprint_is_kept(db_path):
    """A database from before the chain (v4), with a sealed session: upgrading chains its rows,
    verify passes, and the fingerprint printed at sealing still matches."""
    db = connect(db_path)
    migrate_db(db, target=4)
    add_demo(db)
    seal.seal(db, session_id=1, confirmed=True, cache=False)
    old = db.execute("SELECT fingerprint_after FROM seal_log WHERE session_id = 1").fetchone()[0]
    legacy_rows = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    db.conn.close()
    db = open_db(db_path)
    assert schema_version(db) >= chain.CHAIN_VERSION
    assert db.execute("SELECT count(*) FROM audit_log WHERE hash IS NULL").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] > legacy_rows
    assert session_fingerprint(db, 1) == old
    report = verify_session(db, 1)
    assert report.ok and "升级前封盘，未签名" in report.notes
    ok(db)
    db.conn.close()


def test_cli_verify_ok_then_broken_exit_2(demo_db, db_path):
    demo_db.conn.close()
    run = lambda *a: subprocess.run([sys.executable, "main.py", "--db", str(db_path), *a], cwd=ROOT,
                                    capture_output=True, text=True, timeout=120)
    r = run("verify")
    assert r.returncode == 0 and r.stdout.splitlines()[0] == "verify=ok", r.stderr
    con = raw(db_path)
    con.execute("UPDATE scores SET value = '7' WHERE rowid = (SELECT min(rowid) FROM scores WHERE value != '7')")
    con.close()
    r = run("verify", "--session", "1")
    assert r.returncode == 2 and r.stdout.strip() == "verify=broken"
    assert "评分" in r.stderr and "表中为 7" in r.stderr
    r = run("verify", "--session", "99")
    assert r.returncode == 2 and "没有编号为 99 的评议会" in r.stderr


def test_audit_appendix_for_the_minutes(demo_db):
    from fazhi_desktop.verify import audit_appendix

    seal.seal(demo_db, session_id=1, confirmed=True)
    appendix = audit_appendix(demo_db, 1)
    assert appendix["verified"] and appendix["head"] and appendix["signers"]
    assert [r["action"] for r in appendix["rows"]][-1] == "封盘"
    assert len(audit_appendix(demo_db, 1, everything=True)["rows"]) == appendix["entries"] > len(appendix["rows"])
