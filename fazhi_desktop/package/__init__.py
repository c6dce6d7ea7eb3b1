"""Meeting packages (评议会包): one session as one signed file, to hand over or carry to another
laptop.

- :mod:`.format`: the zip, its bounds and safe names, the manifest and its signature;
- :mod:`.serialise`: what a package holds and how it is written;
- :mod:`.validate`: every value of ``session.json`` checked before anything is written;
- :mod:`.merge`: import: compared with a local copy by its audit chain, written all or nothing.
"""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

from .format import DATA, FORMAT, MANIFEST, VERSION, open_package, sha256
from .merge import ImportResult, import_package
from .serialise import PackageInfo, export_package, session_data

_sha = sha256  # the name tests and older callers use

__all__ = ["DATA", "FORMAT", "MANIFEST", "VERSION", "ImportResult", "PackageInfo", "cli_package", "export_package",
           "import_package", "open_package", "session_data"]


def cli_package(db: sqlite_utils.Database, args, *, db_path: Path) -> int:
    """``package export --session ID FILE`` and ``package import FILE`` (CONTRACT.md)."""
    if args.package_command == "export":
        documents = list(args.documents)
        if args.with_export:
            import tempfile

            from ..export import run_export

            with tempfile.TemporaryDirectory() as tmp:
                run_export(db, args.session, tmp)
                info = export_package(db, session_id=args.session, path=args.file, documents=[*documents, tmp])
        else:
            info = export_package(db, session_id=args.session, path=args.file, documents=documents)
        print(f"已导出评议会包：{info.path}（{len(info.files)} 个文件，指纹 {info.fingerprint[:12].upper()}，"
              f"签名 {info.signer}）")
        return 0
    root = Path(db_path).with_name(Path(db_path).stem + "-packages")
    result = import_package(db, args.file, documents_root=root)
    print(result.summary())
    print(result.session_id)
    return 0
