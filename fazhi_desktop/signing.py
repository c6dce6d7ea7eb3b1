"""This installation's Ed25519 key pair, and the signatures of seals.

Each installation makes one key pair the first time it seals (``keys/`` in the user data folder:
the private key readable by the user only, the public key beside it). Sealing and every correction
after sealing sign the session's fingerprint; the signature, the public key and a label (user and
computer) travel in the audit chain and in packages, so another laptop can check who sealed a
session and that nothing changed since. A signer is known by the fingerprint of its public key,
shown as ``XXXX-XXXX-XXXX-XXXX``; the label is only a hint.

What this does not stop: someone who copies the private key file can sign as this installation.
"""
from __future__ import annotations

import getpass
import hashlib
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import UserError
from .paths import key_dir

PRIVATE = "signing-key.pem"
PUBLIC = "signing-key.pub"
LABEL = "signer.txt"
MESSAGE_TAG = "fazhi-review/seal/1"


@dataclass(frozen=True)
class Signer:
    public_key: str  # 64 hex digits (raw Ed25519 public key)
    name: str

    @property
    def key_id(self) -> str:
        return key_id(self.public_key)


def key_id(public_key: str) -> str:
    """The first 16 hex digits of the key's SHA-256, in groups of four: what a person compares."""
    try:
        digest = hashlib.sha256(bytes.fromhex(public_key)).hexdigest()[:16].upper()
    except (ValueError, TypeError):
        return "（无效公钥）"
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


def _default_label() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some systems: the computer's name is enough
        user = ""
    host = socket.gethostname() or "未知电脑"
    return f"{user}@{host}" if user else host


def _private_key(folder: Path) -> Ed25519PrivateKey:
    path = folder / PRIVATE
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError, OSError) as exc:
            raise UserError(f"本机的签名密钥文件 {path} 已损坏，无法签名（{exc}）。请从备份恢复该文件；"
                            "如确实丢失，删除它后本机将生成新的密钥，此前由本机封盘的评议会须由新密钥重新认定。") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise UserError(f"本机的签名密钥文件 {path} 不是 Ed25519 密钥。")
        return key
    try:
        folder.mkdir(parents=True, exist_ok=True)
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        tmp = folder / f".{PRIVATE}.{os.getpid()}.part"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # never replaces a key another process made a moment ago
        except FileExistsError:
            pass
        except OSError:
            if not path.exists():
                os.replace(tmp, path)
        tmp.unlink(missing_ok=True)
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        (folder / PUBLIC).write_text(raw.hex() + "\n", encoding="ascii")
        if not (folder / LABEL).exists():
            (folder / LABEL).write_text(_default_label() + "\n", encoding="utf-8")
    except OSError as exc:
        raise UserError(f"无法在 {folder} 保存本机的签名密钥（{exc.strerror or exc}），未封盘。") from exc
    return _private_key(folder)


def local_signer(folder: Path | None = None) -> tuple[Signer, Ed25519PrivateKey]:
    """This installation's signer and private key (made on first use)."""
    folder = folder or key_dir()
    key = _private_key(folder)
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        label = (folder / LABEL).read_text(encoding="utf-8").strip()[:80]
    except OSError:
        label = ""
    return Signer(raw.hex(), label or _default_label()), key


def message(*, uid: str, action: str, at: str, reason: str, before: str | None, after: str | None,
            signer_name: str) -> bytes:
    """What a seal's signature covers: the session, what was done when and why, and the fingerprint
    before and after."""
    from .chain import canon

    return canon([MESSAGE_TAG, uid, action, at, reason or "", before, after, signer_name]).encode("utf-8")


def sign(fields: dict[str, Any], folder: Path | None = None) -> dict[str, str]:
    """{'signer', 'signer_name', 'signature'} for a seal described by ``fields`` (see :func:`message`)."""
    signer, key = local_signer(folder)
    signature = key.sign(message(**fields, signer_name=signer.name))
    return {"signer": signer.public_key, "signer_name": signer.name, "signature": signature.hex()}


def check(fields: dict[str, Any], signed: dict[str, Any]) -> bool:
    """True when ``signed`` is a valid signature of ``fields`` by its own public key."""
    try:
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(str(signed["signer"])))
        public.verify(bytes.fromhex(str(signed["signature"])),
                      message(**fields, signer_name=str(signed.get("signer_name", ""))))
    except (InvalidSignature, ValueError, TypeError, KeyError):
        return False
    return True
