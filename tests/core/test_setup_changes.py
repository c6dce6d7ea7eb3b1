"""The setup writes (roster, recusals, draw, meeting fields, template, seal/reopen, library, unit
links) return the record of what they changed, worked out by hand: the kind another page looks at,
the session, and the units when the write is about some of them. What they returned before (a new
unit, the fields changed, a fingerprint) reads as before."""
from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi_desktop import imports, library, roster, seal, sessions, unit_links
from fazhi_desktop.changes import Change
from fazhi_desktop.lifecycle import finish_session
from fazhi_desktop.scoring import scores_for, store_external
from fazhi_desktop.serve import access
from fazhi_desktop.template import parse_template

FINISHED, READY = 1, 2  # demo: the finished county meeting; the draft department meeting (10 units, 7 experts)


@pytest.fixture
def sid(fresh_db):
    return sessions.create_session(fresh_db, title="2024年度普法履职报告评议会",
                                   template=library.builtin_templates()[0])


def test_roster_writes_name_the_roster_and_the_unit(fresh_db, sid):
    a = roster.add_unit(fresh_db, session_id=sid, name="市教委")
    b = roster.add_unit(fresh_db, session_id=sid, name="市公安局")
    assert a.id and a.name == "市教委"  # the new unit, as before
    assert a.change == Change.of("units", sid, [a.id]) and b.change == Change.of("units", sid, [b.id])
    assert not a.change.names_unit(b.id) and not a.change.concerns(sid + 1)  # the console reloads one row
    assert not roster.list_units(fresh_db, sid)[0].change  # a unit read, not written, names nothing

    renamed = roster.update_unit(fresh_db, unit_id=b.id, name="市公安局（本部）")
    assert renamed == {"name": "市公安局（本部）"} and renamed.change == Change.of("units", sid, [b.id])
    same = roster.update_unit(fresh_db, unit_id=b.id, name="市公安局（本部）")
    assert same == {"name": "市公安局（本部）"} and not same.change  # the stored name stood

    order = roster.reorder(fresh_db, session_id=sid, table="units", ids=[b.id, a.id])
    assert order == [b.id, a.id] and order.change == Change.of("units", sid)  # every unit moved
    assert roster.move_unit(fresh_db, unit_id=a.id, to_position=1).change == Change.of("units", sid)

    e = roster.add_expert(fresh_db, session_id=sid, name="周立", category="专家学者")
    assert e.change == Change.of("experts", sid) and e.change.names_unit(a.id)  # a new column on every sheet
    assert roster.update_expert(fresh_db, expert_id=e.id, affiliation="西南政法大学").change == Change.of("experts", sid)
    assert roster.reorder(fresh_db, session_id=sid, table="experts", ids=[e.id]).change == Change.of("experts", sid)

    recused = roster.set_recusal(fresh_db, session_id=sid, expert_id=e.id, unit_id=a.id, recused=True)
    assert recused == Change.of("experts", sid, [a.id])  # that unit's results count without the expert
    assert not roster.set_recusal(fresh_db, session_id=sid, expert_id=e.id, unit_id=a.id, recused=True)  # stood
    assert roster.set_recusal(fresh_db, session_id=sid, expert_id=e.id, unit_id=a.id, recused=False) == \
        Change.of("experts", sid, [a.id])

    assert roster.remove_expert(fresh_db, expert_id=e.id) == Change.of("experts", sid)
    assert roster.remove_unit(fresh_db, unit_id=a.id) == Change.of("units", sid)  # the ones after it moved up


def test_draw_names_every_unit_and_the_session(fresh_db, sid):
    for name in ("市教委", "市公安局", "市民政局"):
        roster.add_unit(fresh_db, session_id=sid, name=name)
    drawn = roster.draw_order(fresh_db, session_id=sid, seed="271828", witness="张三")
    assert drawn["seed"] == "271828" and drawn["order"] == roster.drawn_order(["市教委", "市公安局", "市民政局"], "271828")
    # the agenda (units, all of them) and the meeting form's 出场顺序 line (the session's draw fields)
    assert drawn.change == Change.of(("units", "session"), sid)


def test_meeting_fields_and_template_name_the_session(fresh_db, sid):
    changed = sessions.update_session(fresh_db, session_id=sid, venue="市政府第一会议室", chair="何静")
    assert changed == {"venue": "市政府第一会议室", "chair": "何静"} and changed.change == Change.of("session", sid)
    again = sessions.update_session(fresh_db, session_id=sid, venue="市政府第一会议室")
    assert again == {} and not again.change

    template = sessions.load_template(fresh_db, sid)
    template.grades[0].min = Decimal(95)
    saved = sessions.set_template(fresh_db, session_id=sid, template=template)
    assert saved.grades[0].min == 95 and saved.change == Change.of("template", sid)


def test_a_new_template_unlinks_questions_and_says_so(demo_db):
    """Criteria replaced while questions point at them (no score yet): the question log changes too."""
    from fazhi_desktop.questions import add_question

    leaf = sessions.load_template(demo_db, READY).leaves()[0][1]
    unit = roster.list_units(demo_db, READY)[0]
    sessions.set_status(demo_db, session_id=READY, status="live")
    add_question(demo_db, session_id=READY, unit_id=unit.id, text="执法数据从何而来？", criterion_id=leaf.id)
    data = sessions.load_template(demo_db, READY).to_dict()
    data["criteria"][0]["name"] = "履职情况（修订）"
    saved = sessions.set_template(demo_db, session_id=READY, template=parse_template(data))
    assert saved.change == Change.of(("template", "questions"), READY)


def test_status_steps_name_the_status(demo_db):
    assert seal.reopen_session(demo_db, session_id=FINISHED, reason="补录纸质评分表") == Change.of("status", FINISHED)
    assert finish_session(demo_db, session_id=FINISHED).change.touches("status")
    digest = seal.seal(demo_db, session_id=FINISHED, confirmed=True, cache=False)
    fingerprint = seal.fingerprint(demo_db, FINISHED)
    assert digest == fingerprint and f"fingerprint={digest}" == f"fingerprint={fingerprint}"  # the command line's line
    assert digest.change == Change.of("status", FINISHED)  # every page turns read-only

    (e, u, c), value = next(iter(scores_for(demo_db, FINISHED).items()))
    new = "7" if value != 7 else "6"
    before, after = seal.revise_score(demo_db, session_id=FINISHED, expert_id=e, unit_id=u, criterion_id=c,
                                      value=new, reason="誊写错误")
    revised = seal.revise_score(demo_db, session_id=FINISHED, expert_id=e, unit_id=u, criterion_id=c,
                                value=str(value), reason="改回")
    assert before != after and revised[0] == after
    assert revised.change == Change.of("scores", FINISHED, [u])  # that unit's results, nothing else


def test_library_links_imports_devices_and_external_values(fresh_db, sid, tmp_path):
    template = library.builtin_templates()[0]
    template.name = "本市普法评议模板"
    saved = library.save_template(fresh_db, template=template)
    assert saved.name == "本市普法评议模板" and saved.change == Change.of("library", None)
    assert library.delete_template(fresh_db, name="本市普法评议模板") == Change.of("library", None)
    assert not library.delete_template(fresh_db, name="本市普法评议模板")  # gone already

    assert unit_links.link_units(fresh_db, old_name="市人社局", new_name="市人力社保局") == Change.of("links", None)
    assert unit_links.unlink_unit(fresh_db, old_name="市人社局") == Change.of("links", None)
    assert not unit_links.unlink_unit(fresh_db, old_name="市人社局")

    path = tmp_path / "units.csv"
    path.write_text("单位名称\n市教委\n市公安局\n", encoding="utf-8")
    result = imports.import_units(fresh_db, session_id=sid, path=path)
    assert result.added == ["市教委", "市公安局"] and result.change == Change.of("units", sid)
    path.write_text("姓名\n周立\n", encoding="utf-8")
    assert imports.import_experts(fresh_db, session_id=sid, path=path).change == Change.of("experts", sid)


def test_a_revoked_link_names_the_devices(demo_db):
    expert = roster.list_experts(demo_db, READY)[0]
    access.ensure_tokens(demo_db, READY)
    revoked = access.revoke_token(demo_db, session_id=READY, expert_id=expert.id, reason="手机遗失")
    assert revoked.expert_id == expert.id and revoked.token and revoked.change == Change.of("devices", READY)


def test_an_external_value_names_its_unit(fresh_db):
    template = next(t for t in library.builtin_templates() if t.name == "普法履职综合评议（含社会评议）")
    sid = sessions.create_session(fresh_db, title="综合评议", template=template)
    unit = roster.add_unit(fresh_db, session_id=sid, name="市教委")
    stored = store_external(fresh_db, session_id=sid, unit_id=unit.id, component="社会评议", value="88.5")
    assert str(stored.value) == "88.5" and stored.change == Change.of("external", sid, [unit.id])
