"""The hooks the fingerprint and the package call at merge (checklist/canonical.py): nothing for a
scored session (sealed fingerprints stay as they are), every rating, evidence file and step by
name for a checklist one, and a package's checklist rows and evidence restored into another
database exactly."""
from __future__ import annotations

from fazhi_desktop.checklist.canonical import (checklist_canonical, checklist_package_data, evidence_package_files,
                                               restore_checklist_package_data)
from fazhi_desktop.checklist.demo import add_checklist_demo
from fazhi_desktop.checklist.evidence import add_evidence, evidence_root, list_evidence
from fazhi_desktop.checklist.ratings import set_rating
from fazhi_desktop.db import open_db, transaction
from fazhi_desktop.roster import add_unit, list_units
from fazhi_desktop.sessions import create_session, load_template


def test_nothing_for_a_scored_session(demo_db):
    assert checklist_canonical(demo_db, 1) == {} and checklist_package_data(demo_db, 1) is None
    assert evidence_package_files(demo_db, 1) == []


def test_the_canonical_data_moves_with_a_rating(fresh_db):
    sid = add_checklist_demo(fresh_db, finish=False)
    before = checklist_canonical(fresh_db, sid)
    assert len(before["ratings"]) == 150 and before["ratings"][0][:3] == ["万州区", "依法行政制度体系完善/立法与清理/政府规章、规范性文件定期清理", "met"]
    unit = list_units(fresh_db, sid)[0]
    leaf = load_template(fresh_db, sid).leaves()[0][1]
    set_rating(fresh_db, session_id=sid, unit_id=unit.id, criterion_id=leaf.id, rating="unmet")
    assert checklist_canonical(fresh_db, sid) != before


def test_package_data_restores_into_another_database(fresh_db, tmp_path):
    sid = add_checklist_demo(fresh_db)
    unit = list_units(fresh_db, sid)[0]
    leaf = load_template(fresh_db, sid).leaves()[0][1]
    scan = tmp_path / "清单.pdf"
    scan.write_bytes(b"%PDF evidence")
    fresh_db.execute("UPDATE sessions SET status = 'live' WHERE id = ?", [sid])
    add_evidence(fresh_db, session_id=sid, unit_id=unit.id, criterion_id=leaf.id, path=scan)
    data = checklist_package_data(fresh_db, sid)
    files = {name: path.read_bytes() for name, path in evidence_package_files(fresh_db, sid)}
    other = open_db(tmp_path / "other" / "b.db")
    # what package._fill does before the hook: the template's criteria and the units, by name
    copy = create_session(other, title="副本", template=load_template(fresh_db, sid))
    other.execute("UPDATE sessions SET checklist_json = NULL WHERE id = ?", [copy])  # as _SESSION_COLS leave it
    for u in list_units(fresh_db, sid):
        add_unit(other, session_id=copy, name=u.name)
    with transaction(other):
        restore_checklist_package_data(other, copy, data, files)
    assert checklist_canonical(other, copy) == checklist_canonical(fresh_db, sid)
    restored = list_evidence(other, copy)
    assert (evidence_root(other) / restored[0].stored).read_bytes() == b"%PDF evidence"
    other.conn.close()


def test_the_fingerprint_covers_the_ratings_and_a_package_carries_them(fresh_db, tmp_path):
    """Wired at merge: a sealed assessment's fingerprint moves with any rating, and the signed
    package carries ratings, evidence files (checked by SHA-256) and steps to another database,
    where the results, the fingerprint and the evidence bytes come out the same."""
    from fazhi_desktop.checklist.results import checklist_results_json, compute_checklist_results
    from fazhi_desktop.export.fingerprint import session_fingerprint
    from fazhi_desktop.package import export_package, import_package
    from fazhi_desktop.seal import seal

    sid = add_checklist_demo(fresh_db)  # finished
    unit = list_units(fresh_db, sid)[0]
    leaf = load_template(fresh_db, sid).leaves()[0][1]
    before = session_fingerprint(fresh_db, sid)
    fresh_db.execute("UPDATE sessions SET status = 'live' WHERE id = ?", [sid])
    scan = tmp_path / "清单.pdf"
    scan.write_bytes(b"%PDF evidence")
    add_evidence(fresh_db, session_id=sid, unit_id=unit.id, criterion_id=leaf.id, path=scan)
    set_rating(fresh_db, session_id=sid, unit_id=unit.id, criterion_id=leaf.id, rating="partial")
    assert session_fingerprint(fresh_db, sid) != before
    fresh_db.execute("UPDATE sessions SET status = 'finished' WHERE id = ?", [sid])
    digest = seal(fresh_db, session_id=sid, confirmed=True)

    package = tmp_path / "评估.fzpkg"
    export_package(fresh_db, session_id=sid, path=package)
    other = open_db(tmp_path / "other" / "其他.db")
    result = import_package(other, package)
    new = result.session_id
    assert session_fingerprint(other, new) == digest
    assert checklist_results_json(compute_checklist_results(other, new))["units"] == \
        checklist_results_json(compute_checklist_results(fresh_db, sid))["units"]
    [item] = [e for e in list_evidence(other, new) if e.name == "清单.pdf"]
    assert (evidence_root(other) / item.stored).read_bytes() == b"%PDF evidence"
    other.conn.close()
