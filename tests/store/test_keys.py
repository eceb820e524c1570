from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from graphbuilder.errors import InputError
from graphbuilder.store.keys import (
    KeyRing,
    add_key,
    hash_secret,
    load_keys,
    main,
    new_key,
    revoke_key,
    verify_secret,
)


def test_hashes_are_salted_and_never_hold_the_key() -> None:
    plain, record = new_key("alice", "editor")
    assert plain.startswith(f"gb_{record.id}_") and plain not in record.hash
    assert hash_secret(plain) != hash_secret(plain)  # a new salt each time
    assert verify_secret(plain, record.hash)
    assert not verify_secret(plain + "x", record.hash)
    assert not verify_secret(plain, "pbkdf2$1$2$3$4$5") and not verify_secret(plain, "junk")


def test_the_file_holds_hashes_and_is_private(tmp_path: Path) -> None:
    f = tmp_path / "keys.json"
    plain = add_key(f, "alice", "editor")
    text = f.read_text(encoding="utf-8")
    assert plain not in text and "scrypt$" in text
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    ring = load_keys(f)
    record = ring.verify(plain)
    assert record is not None and (record.name, record.role) == ("alice", "editor")
    assert ring.verify(plain[:-1] + ("A" if plain[-1] != "A" else "B")) is None
    assert ring.verify("gb_00000000_" + "a" * 43) is None and ring.verify("") is None


def test_adding_a_name_again_replaces_its_key_and_revoke_removes_it(tmp_path: Path) -> None:
    f = tmp_path / "keys.json"
    first = add_key(f, "alice", "reader")
    second = add_key(f, "alice", "admin")
    add_key(f, "bob", "editor")
    ring = load_keys(f)
    assert ring.verify(first) is None
    verified = ring.verify(second)
    assert verified is not None and verified.role == "admin"
    assert [k.name for k in ring.keys] == ["alice", "bob"]
    assert revoke_key(f, "alice") and not revoke_key(f, "alice")
    assert [k.name for k in load_keys(f).keys] == ["bob"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not a JSON key file"),
        ('{"keys": {}}', 'expected {"keys": [...]}'),
        ('{"keys": [{"id": "1"}]}', "keys[0]: needs string fields"),
        (
            json.dumps(
                {"keys": [dict.fromkeys(("id", "name", "hash", "created"), "x") | {"role": "root"}]}
            ),
            "unknown role 'root'",
        ),
    ],
)
def test_a_bad_key_file_says_what_is_wrong(tmp_path: Path, content: str, reason: str) -> None:
    f = tmp_path / "keys.json"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_keys(f)
    assert info.value.path == str(f) and reason in info.value.reason


def test_no_file_means_no_keys(tmp_path: Path) -> None:
    assert len(load_keys(None)) == 0 and len(load_keys(tmp_path / "missing.json")) == 0
    assert KeyRing().verify("gb_12345678_" + "x" * 43) is None


@pytest.mark.parametrize("name", ["", "has space", "ä", "x" * 65])
def test_key_names_are_plain(name: str) -> None:
    with pytest.raises(ValueError, match="key name"):
        new_key(name, "reader")


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "k.json"
    assert main(["add", "carol", "--role", "editor", "--file", str(f)]) == 0
    plain = capsys.readouterr().out.strip()
    assert load_keys(f).verify(plain) is not None
    assert main(["list", "--file", str(f)]) == 0
    assert capsys.readouterr().out.startswith("carol\teditor\t")
    assert main(["add", "bad name", "--file", str(f)]) == 2
    assert "key name" in capsys.readouterr().err
    assert main(["revoke", "carol", "--file", str(f)]) == 0
    assert main(["revoke", "carol", "--file", str(f)]) == 1
