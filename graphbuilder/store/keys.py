"""API keys with roles, stored hashed (scrypt with a per-key salt) in a JSON file.

A key reads ``gb_<id>_<secret>``: the id finds the record, the secret is checked against its
scrypt hash (hashlib, no extra dependency; n=2**14, r=8, p=1, 16 MiB). The plain key is shown
once, when it is made, and never stored. A verified key is remembered in memory by its SHA-256
(never the key itself), so a client that sends its key with every request costs one scrypt
per process, not one per request.

The file (its path is the ``api_keys_file`` setting)::

    {"keys": [{"id": "3f9a0c1e", "name": "alice", "role": "editor",
               "hash": "scrypt$16384$8$1$<salt>$<digest>", "created": "2025-01-01T00:00:00+00:00"}]}

Make a key from the shell (prints it once)::

    python -m graphbuilder.store.keys add alice --role editor --file keys.json
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import sys
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, cast

from graphbuilder.errors import InputError

Role = Literal["reader", "editor", "admin"]
ROLES: tuple[Role, ...] = ("reader", "editor", "admin")
_N, _R, _P = 2**14, 8, 1
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_TOKEN = re.compile(r"^gb_([0-9a-f]{8})_([A-Za-z0-9_-]{20,})$")
_CACHE_SIZE = 4096


def role_allows(held: Role, needed: Role) -> bool:
    """Whether a holder of ``held`` may do what needs ``needed`` (admin > editor > reader).

    >>> role_allows("admin", "editor"), role_allows("reader", "editor")
    (True, False)
    """
    return ROLES.index(held) >= ROLES.index(needed)


def hash_secret(secret: str, *, salt: bytes | None = None) -> str:
    """The salted scrypt hash of ``secret``, with its parameters, as one string."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.urlsafe_b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_secret(secret: str, encoded: str) -> bool:
    """Whether ``secret`` matches a hash made by :func:`hash_secret` (constant-time compare).

    >>> h = hash_secret("s3cret")
    >>> verify_secret("s3cret", h), verify_secret("other", h)
    (True, False)
    """
    try:
        algo, n, r, p, salt, digest = encoded.split("$")
        if algo != "scrypt":
            return False
        want = base64.urlsafe_b64decode(digest)
        got = hashlib.scrypt(
            secret.encode("utf-8"),
            salt=base64.urlsafe_b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(want),
        )
    except ValueError:
        return False
    return hmac.compare_digest(got, want)


@dataclass(frozen=True, slots=True)
class ApiKey:
    """One key's record (what the file holds; never the key itself)."""

    id: str
    name: str
    role: Role
    hash: str
    created: str


class KeyRing:
    """The keys a server accepts.

    Args:
        keys: the key records.
    """

    def __init__(self, keys: Sequence[ApiKey] = ()) -> None:
        self._by_id = {k.id: k for k in keys}
        self._verified: dict[bytes, ApiKey] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._by_id)

    @property
    def keys(self) -> list[ApiKey]:
        """The records, by name."""
        return sorted(self._by_id.values(), key=lambda k: k.name)

    def verify(self, presented: str) -> ApiKey | None:
        """The record of a presented key, or ``None`` when it is not a valid key."""
        fast = hashlib.sha256(presented.encode("utf-8")).digest()
        known = self._verified.get(fast)
        if known is not None:
            return known
        m = _TOKEN.match(presented)
        record = self._by_id.get(m.group(1)) if m else None
        if record is None or not verify_secret(presented, record.hash):
            return None
        with self._lock:
            if len(self._verified) >= _CACHE_SIZE:
                self._verified.clear()
            self._verified[fast] = record
        return record


def new_key(name: str, role: Role) -> tuple[str, ApiKey]:
    """A fresh key: the plain text (show it once) and the record to store.

    Raises:
        ValueError: the name or role is not acceptable.
    """
    if not _NAME.match(name):
        raise ValueError(f"key name {name!r}: use 1-64 letters, digits, '.', '_' or '-'")
    if role not in ROLES:
        raise ValueError(f"role {role!r}: one of {', '.join(ROLES)}")
    key_id = secrets.token_hex(4)
    plain = f"gb_{key_id}_{secrets.token_urlsafe(32)}"
    created = datetime.now(UTC).isoformat(timespec="seconds")
    return plain, ApiKey(key_id, name, role, hash_secret(plain), created)


def load_keys(path: Path | None) -> KeyRing:
    """The key ring in ``path`` (``None`` or a missing file: no keys).

    Raises:
        InputError: the file is not a key file (with the reason and the entry at fault).
    """
    if path is None or not path.exists():
        return KeyRing()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not a JSON key file: {exc}") from exc
    entries = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(str(path), 'expected {"keys": [...]}')
    keys = []
    for i, e in enumerate(entries):
        fields = ("id", "name", "role", "hash", "created")
        if not isinstance(e, dict) or not all(isinstance(e.get(f), str) for f in fields):
            raise InputError(str(path), f"keys[{i}]: needs string fields {', '.join(fields)}")
        if e["role"] not in ROLES:
            raise InputError(str(path), f"keys[{i}] ({e['name']}): unknown role {e['role']!r}")
        keys.append(ApiKey(e["id"], e["name"], cast(Role, e["role"]), e["hash"], e["created"]))
    return KeyRing(keys)


def _write(path: Path, keys: Sequence[ApiKey]) -> None:
    """Replace the key file atomically, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    body = json.dumps({"keys": [asdict(k) for k in keys]}, ensure_ascii=False, indent=2)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(body + "\n")
    os.replace(tmp, path)


def add_key(path: Path, name: str, role: Role) -> str:
    """Make a key named ``name`` (replacing one of that name), store its hash; return it."""
    plain, record = new_key(name, role)
    others = [k for k in load_keys(path).keys if k.name != name]
    _write(path, [*others, record])
    return plain


def revoke_key(path: Path, name: str) -> bool:
    """Remove the key named ``name``; return whether there was one."""
    keys = load_keys(path).keys
    kept = [k for k in keys if k.name != name]
    if len(kept) != len(keys):
        _write(path, kept)
    return len(kept) != len(keys)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m graphbuilder.store.keys add|revoke|list``: manage the key file."""
    parser = argparse.ArgumentParser(prog="python -m graphbuilder.store.keys")
    parser.add_argument("action", choices=("add", "revoke", "list"))
    parser.add_argument("name", nargs="?", default="")
    parser.add_argument("--role", choices=ROLES, default="reader")
    parser.add_argument("--file", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.action != "list" and not args.name:
        parser.error(f"{args.action} needs a NAME")
    try:
        if args.action == "list":
            for k in load_keys(args.file).keys:
                print(f"{k.name}\t{k.role}\t{k.id}\t{k.created}")
        elif args.action == "add":
            print(add_key(args.file, args.name, args.role))
        elif not revoke_key(args.file, args.name):
            print(f"no key named {args.name!r} in {args.file}", file=sys.stderr)
            return 1
    except (ValueError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
