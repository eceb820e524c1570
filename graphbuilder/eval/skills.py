"""Score the atomic-skill splitter against hand-labelled statements.

The gold file is JSON lines, one statement each::

    {"kind": "ability", "text": "具备数据库管理…能力；", "skills": [[["管理", "数据库"]], …]}

``skills`` lists the statement's gold skills; each is a list of acceptable readings
``[action, object]`` (two when both are right). A predicted skill matches a reading when
their actions and objects resolve to the same key (:func:`graphbuilder.resolve.normalise.skill_key`,
adverbs such as 正确 and 熟练 left out of the action) — *strict* — or, *lenient*, when the
actions agree and one object contains the other. Each gold skill is matched at most once.
Precision, recall and F1 are micro-averaged over the statements, overall and per kind.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict

from graphbuilder.errors import InputError
from graphbuilder.nlp.lexicon import SkillLexicon, load_skill_lexicon
from graphbuilder.nlp.skills import AtomicSkill, split_statement
from graphbuilder.resolve.normalise import core, fold, load_equivalences

Reading = tuple[str, str]


class Prf(TypedDict):
    """Precision, recall, F1 and the counts behind them."""

    p: float
    r: float
    f1: float
    tp: int
    predicted: int
    gold: int


class SplitScores(TypedDict):
    """Strict and lenient scores, overall and per statement kind."""

    statements: int
    strict: Prf
    lenient: Prf
    per_kind: dict[str, dict[str, Prf]]


def read_gold(path: Path) -> list[tuple[str, str, list[list[Reading]]]]:
    """``(kind, text, gold skills)`` per line of a gold file.

    Raises:
        InputError: a line that is not JSON of the documented shape (file and line number).
    """
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold file: {exc}") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            skills = [[(str(a), str(o)) for a, o in readings] for readings in row["skills"]]
            out.append((str(row["kind"]), str(row["text"]), skills))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}", f"not a gold statement: {exc}") from exc
    return out


def _action(action: str, lex: SkillLexicon) -> str:
    eq = load_equivalences()
    key = fold(action)
    while (mod := lex.starting(key, 0, "modifiers")) and len(key) > len(mod):
        key = key[len(mod) :]
    return eq.actions.get(key, key)


def _matches(pred: Reading, gold: Reading, lex: SkillLexicon, lenient: bool) -> bool:
    if _action(pred[0], lex) != _action(gold[0], lex):
        return False
    p, g = core(pred[1]), core(gold[1])
    return p == g or (lenient and bool(p) and bool(g) and (p in g or g in p))


def _count(
    predicted: list[AtomicSkill], gold: list[list[Reading]], lex: SkillLexicon, lenient: bool
) -> int:
    free = list(range(len(gold)))
    tp = 0
    for s in predicted:
        for k in free:
            if any(_matches((s.action, s.obj), r, lex, lenient) for r in gold[k]):
                free.remove(k)
                tp += 1
                break
    return tp


def _prf(tp: int, predicted: int, gold: int) -> Prf:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Prf(p=round(p, 4), r=round(r, 4), f1=round(f1, 4), tp=tp, predicted=predicted, gold=gold)


def score_splits(gold_path: Path, lex: SkillLexicon | None = None) -> SplitScores:
    """Split every gold statement and score the skills.

    Args:
        gold_path: the gold file.
        lex: the skill lexicon (the shipped one by default).

    Returns:
        Strict and lenient precision, recall and F1, overall and per kind. Work tasks
        (kind ``task``) are split verb-first, as the build splits them.
    """
    lex = lex or load_skill_lexicon()
    totals: dict[str, dict[str, list[int]]] = {}
    rows = read_gold(gold_path)
    for kind, text, gold in rows:
        predicted = list(split_statement(text, lex, verbal=kind == "task").skills)
        for mode in ("strict", "lenient"):
            tp = _count(predicted, gold, lex, mode == "lenient")
            for bucket in (kind, "all"):
                counts = totals.setdefault(bucket, {}).setdefault(mode, [0, 0, 0])
                counts[0] += tp
                counts[1] += len(predicted)
                counts[2] += len(gold)
    per_kind = {
        kind: {mode: _prf(*c) for mode, c in modes.items()}
        for kind, modes in sorted(totals.items())
        if kind != "all"
    }
    overall = totals.get("all", {})
    return SplitScores(
        statements=len(rows),
        strict=_prf(*overall.get("strict", [0, 0, 0])),
        lenient=_prf(*overall.get("lenient", [0, 0, 0])),
        per_kind=per_kind,
    )
