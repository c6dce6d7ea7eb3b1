"""UI state read back safely: a missing or mistyped value (an old or hand-edited settings file)
reads as the option's default, never as an exception."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings

from ui import settings


@pytest.fixture
def store(tmp_path, monkeypatch):
    s = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(settings, "qsettings", lambda: s)
    return s


def test_defaults_and_round_trips(store):
    assert settings.get(settings.PROJECTOR_SCREEN) == -1 and settings.get(settings.EXPORT_KINDS) is None
    settings.put(settings.PROJECTOR_SCREEN, 2)
    settings.put(settings.EXPORT_OMIT_NAMES, True)
    settings.put(settings.EXPORT_KINDS, ["pdf", "xlsx"])
    settings.put(settings.MAIN_GEOMETRY, QByteArray(b"\x01\x02"))
    store.sync()
    assert settings.get(settings.PROJECTOR_SCREEN) == 2 and settings.get(settings.EXPORT_OMIT_NAMES) is True
    assert settings.get(settings.EXPORT_KINDS) == ["pdf", "xlsx"]
    assert settings.get(settings.MAIN_GEOMETRY) == QByteArray(b"\x01\x02")


def test_a_hand_edited_file_reads_as_defaults(store):
    store.setValue("live/projector_screen", "第二块屏幕")
    store.setValue("main/geometry", "not a geometry")
    store.setValue("export/omit_expert_names", "false")
    assert settings.get(settings.PROJECTOR_SCREEN) == -1
    assert settings.get(settings.MAIN_GEOMETRY) is None
    assert settings.get(settings.EXPORT_OMIT_NAMES) is False
