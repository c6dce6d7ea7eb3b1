"""The experts' scoring server against CONTRACT.md: what a phone gets back, what is stored."""
from __future__ import annotations

import json

import pytest

from fazhi_desktop.lifecycle import finish_session
from fazhi_desktop.roster import set_recusal
from fazhi_desktop.scoring import record_score
from fazhi_desktop.serve import app as app_module
from fazhi_desktop.serve.access import revoke_token
from fazhi_desktop.serve.app import TokenBuckets

from .conftest import SESSION, start_served

LEAF10 = "社会普法宣传/重点对象普法"  # max 10
LEAF20 = "普法责任制机制建设"        # max 20


def stored(db, served, expert, unit, path):
    row = db.execute("SELECT value FROM scores WHERE expert_id = ? AND unit_id = ? AND criterion_id = ?",
                     [served.experts[expert], served.units[unit], served.leaves[path]]).fetchone()
    return row[0] if row else None


def counts(db):
    return (db.execute("SELECT count(*) FROM scores").fetchone()[0],
            db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_state_holds_this_experts_own_scores_only(served, db):
    record_score(db, session_id=SESSION, expert_id=served.experts["孙丽"], unit_id=served.units["市教委"],
                 criterion_id=served.leaves[LEAF20], value="13.75")  # another expert's, typed in the window
    assert served.score("周立", "市教委", LEAF20, "16.5").status == 200
    assert served.score("周立", "市教委", LEAF10, "7").status == 200
    answer = served.state("周立")
    assert answer.status == 200
    assert answer.headers["cache-control"] == "no-store"
    assert "13.75" not in answer.body.decode("utf-8") and "孙丽" not in answer.body.decode("utf-8")
    state = answer.json
    assert state["expert"] == "周立" and state["session"] == "市级普法责任单位普法履职报告评议会"
    assert {"path": LEAF10, "max": 10, "description": "青少年、农民工、企业经营管理人员等精准普法"} in state["criteria"]
    unit = next(u for u in state["units"] if u["name"] == "市教委")
    assert unit == {"name": "市教委", "status": "waiting", "recused": False, "submitted": False,
                    "scores": {LEAF20: 16.5, LEAF10: 7}, "total": 23.5}
    assert state["live"] == {"unit": None, "phase": None}
    assert "rank" not in answer.body.decode("utf-8")


def test_a_good_score_is_stored_audited_and_checked_before_the_answer(served, db):
    before = len(served.events)
    answer = served.score("陈敏", "市公安局", LEAF10, "8.5")
    assert (answer.status, answer.json) == (200, {"ok": True})
    assert stored(db, served, "陈敏", "市公安局", LEAF10) == "8.5"  # another connection sees it: committed
    audit = db.execute("SELECT action, operator, after FROM audit_log WHERE expert = '陈敏' AND unit = '市公安局' "
                       "AND criterion = '重点对象普法'").fetchall()
    assert audit == [("score.record", "专家本人（设备）", "8.5")]  # stored as a code (v9)
    check = db.execute("SELECT value, source FROM score_checks WHERE expert_id = ? AND unit_id = ? AND criterion_id = ?",
                       [served.experts["陈敏"], served.units["市公安局"], served.leaves[LEAF10]]).fetchone()
    assert check == ("8.5", "device")
    assert {"kind": "score", "session_id": SESSION, "expert_id": served.experts["陈敏"],
            "unit_id": served.units["市公安局"]} in served.events[before:]


@pytest.mark.parametrize("value, reason", [
    ("11", "市民政局 / 社会普法宣传/重点对象普法：得分 11 超出范围，应在 0 到 10 之间。"),
    ("abc", "市民政局 / 社会普法宣传/重点对象普法：“abc”不是数字（分数只能是数字和一个小数点，如 8 或 8.5）"),
    ("1e1", "市民政局 / 社会普法宣传/重点对象普法：“1e1”不是数字（分数只能是数字和一个小数点，如 8 或 8.5）"),
    ("8.555", "市民政局 / 社会普法宣传/重点对象普法：得分 8.555 最多保留两位小数。"),
    (True, "市民政局 / 社会普法宣传/重点对象普法：“True”不是数字。"),
])
def test_a_bad_value_is_refused_with_the_reason_and_nothing_stored(served, db, value, reason):
    before = counts(db)
    answer = served.score("陈敏", "市民政局", LEAF10, value)
    assert (answer.status, answer.json) == (422, {"error": reason})
    assert counts(db) == before


def test_unknown_and_malformed_tokens_get_403_and_nothing_is_stored(served, db):
    before = counts(db)
    for token in ("A" * 32, "short", served.tokens["周立"][:-1] + ("A" if served.tokens["周立"][-1] != "A" else "B")):
        answer = served.call("POST", f"/e/{token}/scores", {"unit": "市教委", "criterion": LEAF10, "score": "5"})
        assert answer.status == 403 and "评分链接无效" in answer.json["error"]
        assert served.call("GET", f"/e/{token}/state").status == 403
    assert counts(db) == before


def test_a_revoked_token_gets_403_and_its_replacement_works(served, db):
    old = served.tokens["吴涛"]
    with pytest.raises(Exception, match="需要填写原因"):
        revoke_token(db, session_id=SESSION, expert_id=served.experts["吴涛"], reason="  ")
    new = revoke_token(db, session_id=SESSION, expert_id=served.experts["吴涛"], reason="手机遗失", operator="何静")
    served.tokens["吴涛"] = new.token
    assert new.token != old and len(new.token) >= 32
    answer = served.call("POST", f"/e/{old}/scores", {"unit": "市教委", "criterion": LEAF10, "score": "5"})
    assert answer.status == 403 and "已被会务人员停用" in answer.json["error"]
    assert stored(db, served, "吴涛", "市教委", LEAF10) is None
    assert served.score("吴涛", "市教委", LEAF10, "5").status == 200
    assert stored(db, served, "吴涛", "市教委", LEAF10) == "5"
    assert db.execute("SELECT reason, operator FROM audit_log WHERE action = 'device.revoke' AND expert = '吴涛'"
                      ).fetchall() == [("手机遗失", "何静")]
    assert old not in json.dumps(db.execute("SELECT * FROM audit_log").fetchall())  # the log never holds a token


def test_a_recused_unit_is_refused_with_409(served, db):
    set_recusal(db, session_id=SESSION, expert_id=served.experts["黄振"], unit_id=served.units["市人力社保局"],
                recused=True)
    answer = served.score("黄振", "市人力社保局", LEAF10, "5")
    assert (answer.status, answer.json) == (409, {"error": "您对“市人力社保局”回避，不参加对该单位的评分。"})
    assert stored(db, served, "黄振", "市人力社保局", LEAF10) is None
    assert served.submit("黄振", "市人力社保局").status == 409
    unit = next(u for u in served.state("黄振").json["units"] if u["name"] == "市人力社保局")
    assert unit["recused"] is True


def test_submit_needs_every_leaf_then_locks_the_sheet(served, db):
    unit = "市生态环境局"
    assert served.score("李文华", unit, LEAF10, "9").status == 200
    answer = served.submit("李文华", unit)
    assert answer.status == 409 and "还有 5 项未评分" in answer.json["error"]
    for path, maximum in served.maxima.items():
        assert served.score("李文华", unit, path, str(maximum - 1)).status == 200
    assert served.submit("李文华", unit).json == {"ok": True}
    assert db.execute("SELECT count(*) FROM submissions WHERE expert_id = ? AND unit_id = ?",
                      [served.experts["李文华"], served.units[unit]]).fetchone()[0] == 1
    assert served.submit("李文华", unit).status == 200  # sent again after a lost answer: nothing changes
    answer = served.score("李文华", unit, LEAF10, "3")
    assert (answer.status, answer.json) == (409, {"error": "您对“市生态环境局”的评分已提交，不能再修改。如需更正，请告知会务人员。"})
    assert stored(db, served, "李文华", unit, LEAF10) == "9"
    assert next(u for u in served.state("李文华").json["units"] if u["name"] == unit)["submitted"] is True


def test_an_absent_unit_or_an_unknown_name_is_refused(served, db):
    db.execute("UPDATE units SET status = 'absent' WHERE id = ?", [served.units["市妇联"]])
    try:
        assert served.score("孙丽", "市妇联", LEAF10, "5").status == 409
    finally:
        db.execute("UPDATE units SET status = 'waiting' WHERE id = ?", [served.units["市妇联"]])
    assert served.score("孙丽", "没有的单位", LEAF10, "5").status == 422
    assert served.score("孙丽", "市妇联", "没有的指标", "5").status == 422


def test_a_cleared_box_clears_the_score_and_its_check(served, db):
    assert served.score("孙丽", "市高法院", LEAF10, "6").status == 200
    assert served.score("孙丽", "市高法院", LEAF10, "").status == 200
    assert stored(db, served, "孙丽", "市高法院", LEAF10) is None
    assert db.execute("SELECT count(*) FROM score_checks WHERE expert_id = ? AND unit_id = ?",
                      [served.experts["孙丽"], served.units["市高法院"]]).fetchone()[0] == 0


def test_the_live_unit_and_phase_follow_the_console(served, db):
    db.execute("INSERT INTO live_state (session_id, unit_id, phase, running, elapsed_s, extra_s, updated_at) "
               "VALUES (?, ?, 'scoring', 0, 0, 0, '2023-11-17T10:00:00+08:00') ON CONFLICT(session_id) DO UPDATE "
               "SET unit_id = excluded.unit_id, phase = excluded.phase", [SESSION, served.units["市民政局"]])
    try:
        assert served.state("孙丽").json["live"] == {"unit": "市民政局", "phase": "scoring"}
    finally:
        db.execute("DELETE FROM live_state WHERE session_id = ?", [SESSION])


def test_host_origin_body_and_method_checks(served, db):
    path = f"/e/{served.tokens['何静']}"
    before = counts(db)
    assert served.call("GET", f"{path}/state", headers={"Host": "evil.example:80"}).status == 403
    assert served.call("GET", f"{path}/state", headers={"Host": f"localhost:{served.netloc.split(':')[1]}"}).status == 200
    body = {"unit": "市农业农村委", "criterion": LEAF10, "score": "5"}
    for origin in ("http://evil.example", "null", f"https://{served.netloc}"):
        answer = served.call("POST", f"{path}/scores", body, headers={"Origin": origin})
        assert answer.status == 403 and answer.json["error"] == "拒绝来自其他网页的评分请求。"
    answer = served.call("POST", f"{path}/scores", body, headers={"Sec-Fetch-Site": "cross-site"})
    assert answer.status == 403
    answer = served.call("POST", f"{path}/scores", raw=json.dumps({**body, "pad": "x" * 5000}).encode())
    assert answer.status == 413 and "请求太大" in answer.json["error"]
    answer = served.call("POST", f"{path}/scores", raw=b"unit=x", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 415
    assert served.call("POST", f"{path}/scores", raw=b"{not json").status == 400
    assert served.call("GET", f"{path}/scores").status == 405
    assert counts(db) == before
    answer = served.call("POST", f"{path}/scores", body, headers={"Origin": f"http://{served.netloc}"})
    assert answer.status == 200  # the page's own origin


def test_rate_limit_answers_429_in_chinese(served):
    path = f"/e/{served.tokens['何静']}/state"
    saved = served.server.app.buckets
    served.server.app.buckets = TokenBuckets(rate=0.5, burst=3)
    try:
        statuses = [served.call("GET", path) for _ in range(5)]
    finally:
        served.server.app.buckets = saved
    assert [a.status for a in statuses] == [200, 200, 200, 429, 429]
    assert statuses[-1].json == {"error": "请求过于频繁，请稍候几秒再试。"}
    assert statuses[-1].headers["retry-after"] == "1"


def test_token_bucket_by_hand():
    now = [0.0]
    buckets = TokenBuckets(rate=2, burst=3, clock=lambda: now[0])
    assert [buckets.allow("a") for _ in range(4)] == [True, True, True, False]
    assert buckets.allow("b")       # each token has its own bucket
    now[0] = 0.5                     # half a second at 2/s: one call back
    assert [buckets.allow("a") for _ in range(2)] == [True, False]
    now[0] = 100.0                   # never more than the burst
    assert [buckets.allow("a") for _ in range(4)] == [True, True, True, False]


def test_page_files_headers_and_no_listing(served, tmp_path, monkeypatch):
    token = served.tokens["何静"]
    (tmp_path / "expert.html").write_text("<!doctype html><script src=\"/e/__TOKEN__/expert.js\"></script>", "utf-8")
    (tmp_path / "expert.js").write_text("console.log(1)", "utf-8")
    (tmp_path / "secret.txt").write_text("no", "utf-8")
    monkeypatch.setattr(app_module, "serve_dir", lambda: tmp_path)
    page = served.call("GET", f"/e/{token}")
    assert page.status == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert f"/e/{token}/expert.js" in page.body.decode("utf-8")
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert page.headers["x-content-type-options"] == "nosniff"
    js = served.call("GET", f"/e/{token}/expert.js")
    assert (js.status, js.body, js.headers["content-type"]) == (200, b"console.log(1)", "text/javascript; charset=utf-8")
    for path in ("secret.txt", "../expert.js", "..%2Fexpert.js", "x/expert.js", ".expert.js", "nothing.js"):
        assert served.call("GET", f"/e/{token}/{path}").status == 404, path
    assert served.call("GET", "/").status == 404
    assert served.call("GET", "/e/").status == 404
    assert served.call("GET", f"/e/{'Z' * 32}").status == 403  # a page for an unknown link: the reason, as a page
    monkeypatch.setattr(app_module, "serve_dir", lambda: tmp_path / "missing")
    placeholder = served.call("GET", f"/e/{token}/")
    assert placeholder.status == 200 and "评分页面文件缺失" in placeholder.body.decode("utf-8")


def test_a_finished_sessions_links_are_dead(_db_templates, tmp_path):
    import shutil

    from fazhi_desktop.db import open_db

    path = tmp_path / "finished.db"
    shutil.copyfile(_db_templates[1], path)
    s = start_served(path)
    try:
        assert s.score("周立", "市教委", LEAF10, "5").status == 200
        db = open_db(path)
        finish_session(db, session_id=SESSION, override_reason="测试：提前结束")
        for answer in (s.score("周立", "市教委", LEAF10, "6"), s.state("周立"), s.submit("周立", "市教委")):
            assert (answer.status, answer.json) == (409, {"error": "本场评议会已结束，评分链接已失效。"})
        assert db.execute("SELECT value FROM scores WHERE expert_id = ? AND criterion_id = ?",
                          [s.experts["周立"], s.leaves[LEAF10]]).fetchone() == ("5",)
        db.conn.close()
    finally:
        s.server.stop()
