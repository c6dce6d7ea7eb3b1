"""The package file: a zip with ``manifest.json``, ``session.json`` and ``documents/…``, read with
bounds so that a crafted file can cost neither memory nor time.

- The file, the number of entries, each entry and their sum are capped; sizes come from the zip's
  directory and are enforced while reading (Python's zip reader never returns more than the size
  an entry declares, and a declared size above the cap is refused before anything is inflated):
  a manifest that inflates to gigabytes is refused at once, with the memory it takes bounded.
- Every name must be ``manifest.json``, ``session.json`` or ``documents/`` + a safe relative path:
  no ``..``, no absolute path, no drive (``D:``), no backslash, no character Windows refuses, no
  reserved device name, no control character; two names that differ only in case are refused
  (they would overwrite each other on Windows).
- The manifest is signed by the installation that wrote the package (``signature``), over every
  other field of the manifest, which lists the SHA-256 and size of every other file.
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from ..chain import canon
from ..errors import UserError
from ..textcheck import bad_char

FORMAT = "fazhi-review-package"
VERSION = 2
MANIFEST = "manifest.json"
DATA = "session.json"
DOCS = "documents/"
SIGNATURE_TAG = "fazhi-review/package/2"

MAX_FILE_BYTES = 2 * 1024 ** 3         # the package file
MAX_ENTRIES = 2000                      # entries in the zip
MAX_MANIFEST_BYTES = 1024 ** 2          # manifest.json, inflated
MAX_DATA_BYTES = 64 * 1024 ** 2         # session.json, inflated
MAX_DOCUMENT_BYTES = 512 * 1024 ** 2    # one document
MAX_TOTAL_BYTES = 1024 ** 3             # everything, inflated
MAX_NAME = 180                          # characters in one file name
_WINDOWS_BAD = set('<>:"\\|?*')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def name_problem(name: str) -> str | None:
    """Why ``name`` is not a safe entry name for a package document, or None."""
    if not name.startswith(DOCS) or name == DOCS:
        return "不是会议材料（documents/…）"
    rest = name[len(DOCS):]
    if len(rest) > 400 or rest.count("/") > 8:
        return "路径过长或层级过深"
    for part in rest.split("/"):
        if part in ("", ".", ".."):
            return "含有空的、“.” 或 “..” 路径段"
        if len(part) > MAX_NAME:
            return "文件名过长"
        if any(ch in _WINDOWS_BAD for ch in part) or bad_char(part):
            return "含有 Windows 不允许的字符（如 : \\ * ? \" < > |）或控制字符"
        if part.endswith((" ", ".")) or _RESERVED.match(part):
            return "是 Windows 保留的设备名或以空格、句点结尾"
    return None


def doc_target(root: Path, name: str) -> Path:
    """Where a checked document name lands under ``root`` (never outside it)."""
    target = root.joinpath(*PurePosixPath(name[len(DOCS):]).parts)
    if root.resolve() not in target.resolve().parents:
        raise UserError(f"评议会包中的文件名 {name} 会写到材料文件夹之外，未导入。")
    return target


def read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """An entry's bytes, never more than ``limit`` (refused beyond)."""
    if info.file_size > limit:
        raise UserError(f"评议会包中的 {info.filename} 过大（{info.file_size} 字节，上限 {limit}），未导入。")
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise UserError(f"评议会包中的 {info.filename} 过大，未导入。")
    return data


def copy_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, out: IO[bytes], limit: int) -> str:
    """Stream an entry into ``out`` (at most ``limit`` bytes); returns its SHA-256."""
    digest = hashlib.sha256()
    total = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(1024 * 1024)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise UserError(f"评议会包中的 {info.filename} 过大，未导入。")
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def manifest_message(manifest: dict[str, Any]) -> bytes:
    body = {k: v for k, v in manifest.items() if k != "signature"}
    return canon([SIGNATURE_TAG, body]).encode("utf-8")


@dataclass
class Opened:
    """A package whose manifest, names, sizes and the session data's checksum have been checked;
    the documents are checked while they are copied out (merge)."""
    path: Path
    zf: zipfile.ZipFile
    manifest: dict[str, Any]
    data: dict[str, Any]
    documents: list[zipfile.ZipInfo]

    def close(self) -> None:
        self.zf.close()


def open_package(path: Path | str) -> Opened:
    """Open and check a package; a damaged, foreign, oversized or altered file raises UserError."""
    path = Path(path)
    foreign = f"文件 {path.name} 不是法治评议的评议会包，未导入。"
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UserError(f"{path} 不是文件，未导入。")
    except OSError as exc:
        raise UserError(f"无法读取评议会包 {path}：{exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise UserError(f"评议会包 {path.name} 过大（{size // 1024 ** 2} MB），未导入。")
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UserError(foreign) from None
    try:
        return _check(path, zf, infos, foreign)
    except BaseException:
        zf.close()
        raise


def _check(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], foreign: str) -> Opened:
    if len(infos) > MAX_ENTRIES:
        raise UserError(f"评议会包 {path.name} 含有 {len(infos)} 个文件，超过上限 {MAX_ENTRIES}，未导入。")
    by_name = {i.filename: i for i in infos}
    if MANIFEST not in by_name:
        raise UserError(foreign)
    try:
        manifest = json.loads(read_bounded(zf, by_name[MANIFEST], MAX_MANIFEST_BYTES).decode("utf-8"))
    except UserError:
        raise
    except Exception:  # noqa: BLE001 - a broken zip entry, bad UTF-8 or JSON: all "can't read"
        raise UserError(f"评议会包 {path.name} 已损坏（清单无法读取），未导入。") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError(foreign)
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise UserError(f"评议会包 {path.name} 已损坏（格式版本无效），未导入。")
    if version > VERSION:
        raise UserError(f"评议会包 {path.name} 来自更新版本的法治评议（包格式 {version}），请升级程序后再导入。")
    if version < VERSION:
        raise UserError(f"评议会包 {path.name} 是旧版本程序导出的（包格式 {version}），没有签名和审计链，"
                        "无法证明未被改动，未导入。请在原电脑上升级程序后重新导出。")
    problems = _manifest_problems(manifest)
    listed = manifest.get("files") if isinstance(manifest.get("files"), dict) else {}
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        problems.append("包内有重名的文件")
    folded: dict[str, str] = {}
    for name in names:
        if name in (MANIFEST, DATA):
            continue
        why = name_problem(name)
        if why:
            problems.append(f"不安全的文件名 {name[:80]!r}：{why}")
        elif name.casefold() in folded:
            problems.append(f"文件名 {name} 与 {folded[name.casefold()]} 只差大小写（在 Windows 上会互相覆盖）")
        folded.setdefault(name.casefold(), name)
    present = set(names) - {MANIFEST}
    problems += [f"缺少文件 {n}" for n in sorted(set(listed) - present)][:20]
    problems += [f"清单外的文件 {n[:80]}" for n in sorted(present - set(listed))][:20]
    total = 0
    for name in sorted(present & set(listed)):
        info, spec = by_name[name], listed[name]
        if info.is_dir():
            problems.append(f"{name} 是文件夹")
            continue
        if info.file_size != spec.get("size"):
            problems.append(f"{name} 的大小与清单不符")
        limit = MAX_DATA_BYTES if name == DATA else MAX_DOCUMENT_BYTES
        if info.file_size > limit:
            problems.append(f"{name} 过大（{info.file_size} 字节，上限 {limit}）")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        problems.append(f"内容解压后过大（{total} 字节，上限 {MAX_TOTAL_BYTES}）")
    if problems:
        raise UserError(f"评议会包 {path.name} 已损坏或被改动，未导入任何内容。", problems[:30])
    if not _signature_ok(manifest):
        raise UserError(f"评议会包 {path.name} 的签名无效（清单在签名后被改动），未导入任何内容。")
    try:
        blob = read_bounded(zf, by_name[DATA], MAX_DATA_BYTES)
    except UserError:
        raise
    except Exception:  # noqa: BLE001 - a damaged entry (CRC, inflate): the package is damaged
        raise UserError(f"评议会包 {path.name} 已损坏（{DATA} 无法解压），未导入任何内容。") from None
    if sha256(blob) != listed[DATA]["sha256"]:
        raise UserError(f"评议会包 {path.name} 已损坏或被改动，未导入任何内容。",
                        [f"{DATA} 的校验和不符（文件被改动或损坏）"])
    try:
        data = json.loads(blob.decode("utf-8"))
    except (ValueError, RecursionError):
        raise UserError(f"评议会包 {path.name} 的内容无法读取，未导入。") from None
    if not isinstance(data, dict):
        raise UserError(f"评议会包 {path.name} 的内容无法读取，未导入。")
    docs = [by_name[n] for n in sorted(present) if n != DATA]
    return Opened(path, zf, manifest, data, docs)


def _manifest_problems(manifest: dict[str, Any]) -> list[str]:
    problems = []
    files = manifest.get("files")
    if not isinstance(files, dict) or DATA not in files or len(files) > MAX_ENTRIES:
        return ["清单不完整（没有文件列表或 session.json）"]
    for name, spec in files.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("size"), int) or isinstance(spec.get("size"), bool) \
                or spec["size"] < 0 or not isinstance(spec.get("sha256"), str) or not _HEX64.match(spec["sha256"]):
            problems.append(f"清单中 {str(name)[:80]} 的大小或校验和无效")
    session = manifest.get("session")
    if not isinstance(session, dict) or not isinstance(session.get("uid"), str) \
            or not isinstance(session.get("fingerprint"), str) or not _HEX64.match(session["fingerprint"]):
        problems.append("清单中的评议会标识或指纹无效")
    sig = manifest.get("signature")
    if not isinstance(sig, dict) or not all(isinstance(sig.get(k), str) for k in ("signer", "signature")):
        problems.append("清单没有签名")
    return problems


def _signature_ok(manifest: dict[str, Any]) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    sig = manifest["signature"]
    try:
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(sig["signer"]))
        public.verify(bytes.fromhex(sig["signature"]), manifest_message(manifest))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def sign_manifest(manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest with this installation's signature over all of it."""
    from ..signing import local_signer

    signer, key = local_signer()
    body = {k: v for k, v in manifest.items() if k != "signature"}
    body["signer_name"] = signer.name
    return {**body, "signature": {"signer": signer.public_key, "signer_name": signer.name,
                                  "signature": key.sign(manifest_message(body)).hex()}}
