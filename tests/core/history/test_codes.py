"""Ledger status and ledger-chain audit actions stored as codes, shown as labels (schema v9), and the
hash-chained audit log of a database sealed before the migration still verifying after it."""
from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from fazhi_desktop import chain, labels, ledger, package, seal, unit_links
from fazhi_desktop.db import connect, migrate_db, open_db, schema_version
from fazhi_desktop.demo import add_demo
from fazhi_desktop.export.fingerprint import session_fingerprint
from fazhi_desktop.migrations import LATEST
from fazhi_desktop.verify import verify_all


def test_a_v8_database_sealed_and_with_a_ledger_verifies_after_the_codes_migration(db_path):
    """Built with version 8 (statuses stored as words, ledger-chain actions as words), sealed; after
    v9 the statuses are codes, every hashed audit row is byte for byte as it was, verify passes, the
    fingerprint printed at sealing is unchanged, and the ledger goes on with code actions."""
    db = connect(db_path)
    migrate_db(db, target=8)
    add_demo(db)
    first, second, *_ = [i["id"] for i in ledger.list_items(db)]
    ledger.update_item(db, item_id=first, status="推进中")
    ledger.close_item(db, item_id=second, evidence="已整改，见通报", closed_at="2021-05-20")
    unit_links.link_units(db, old_name="市人社局", new_name="市人力社保局")
    seal.seal(db, session_id=1, confirmed=True, cache=False)
    fingerprint = seal.fingerprint(db, 1)
    audit_before = db.execute("SELECT id, action, state, hash FROM audit_log ORDER BY id").fetchall()
    words = dict(db.execute("SELECT id, status FROM rectification_items").fetchall())
    assert {words[first], words[second]} == {"推进中", "已完成"}  # what version 8 stored
    assert {"整改事项销号", "修改整改事项：状态", "关联单位曾用名"} <= {a for _i, a, _s, _h in audit_before}
    db.conn.close()

    db = open_db(db_path)
    assert schema_version(db) == LATEST >= 9
    codes = dict(db.execute("SELECT id, status FROM rectification_items").fetchall())
    assert codes == {i: {"未启动": "todo", "推进中": "doing", "已完成": "done"}[w] for i, w in words.items()}
    assert db.execute("SELECT id, action, state, hash FROM audit_log ORDER BY id").fetchall() == audit_before
    assert all(r.ok for r in verify_all(db)), [r.problems for r in verify_all(db) if not r.ok]
    assert session_fingerprint(db, 1) == fingerprint
    # the search index and the uid trigger came back with the rebuilt table
    assert db.execute("SELECT count(*) FROM search_fts WHERE kind = 'item'").fetchone()[0] == len(codes)
    new = ledger.add_item(db, unit_name="万州区", problem="行政复议纠错率偏高", kind="持续")
    assert db.execute("SELECT uid FROM rectification_items WHERE id = ?", [new]).fetchone()[0]
    ledger.close_item(db, item_id=new, evidence="已出台复议工作规范")
    rows = chain.entries(db, chain.LEDGER_CHAIN)
    assert [r["action"] for r in rows[-2:]] == ["item.add", "item.close"]
    assert [labels.action_label(r["action"]) for r in rows[-2:]] == ["添加整改事项", "整改事项销号"]
    assert json.loads(rows[-1]["state"])["status"] == "已完成"  # the chain carries the words, as before
    assert all(r.ok for r in verify_all(db))
    db.conn.close()


def test_the_status_is_a_code_in_the_table_and_a_word_in_packages_and_the_sheet(demo_db, tmp_path):
    item = ledger.list_items(demo_db)[0]["id"]
    ledger.close_item(demo_db, item_id=item, evidence="制度已印发")
    assert demo_db.execute("SELECT status FROM rectification_items WHERE id = ?", [item]).fetchone()[0] == "done"
    with pytest.raises(sqlite3.IntegrityError):  # the table refuses a word now
        demo_db.execute("UPDATE rectification_items SET status = '推进中' WHERE id = ?", [item])
    path = tmp_path / "会.fzpkg"
    package.export_package(demo_db, session_id=1, path=path)
    with zipfile.ZipFile(path) as z:
        data = [json.loads(z.read(n)) for n in z.namelist() if n.endswith(".json")]
    carried = {i["status"] for d in data if isinstance(d, dict) for i in d.get("rectification_items", [])}
    assert "已完成" in carried and carried <= {"未启动", "推进中", "已完成"}  # the package format is as before
    other = tmp_path / "other.db"
    db2 = open_db(other)
    package.import_package(db2, path, documents_root=tmp_path / "材料")
    got = {i["problem"]: i["status"] for i in ledger.list_items(db2)}
    assert got == {i["problem"]: i["status"] for i in ledger.list_items(demo_db, session_id=1)}
    assert "done" in got.values()
    db2.conn.close()


def test_action_labels_for_codes_and_words_written_before_codes():
    assert labels.action_label("item.update:problem,status") == "修改整改事项：存在问题、状态"
    assert labels.action_label("link.remove") == "解除单位曾用名关联"
    assert labels.action_label("录入评分") == "录入评分"  # a session-chain action: a word, unchanged
    assert labels.action_code("修改整改事项：存在问题、状态") == "item.update:problem,status"
    assert labels.action_code("整改事项销号") == "item.close"
    assert labels.action_code("item.add") == "item.add"
    assert labels.action_code("录入评分") == "score.record"  # a session-chain word from before v9
    assert labels.action_code("审计链起点（升级前的内容）") is None  # the v6 baseline: words only
    assert labels.status_label("overdue") == "逾期" and labels.status_code("推进中") == "doing"
