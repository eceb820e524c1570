"""Cut a skill or knowledge statement into clauses, each with its cue, level, kind and body.

A statement such as "具有制订、实施铁路行车技术标准和规范，管理高速铁路运输安全的能力；" is
one or more clauses separated by ，；。. A clause opens with a proficiency cue (具有, 能够,
掌握 …) and a degree (一定的, 较强的), and closes with a tail that says what it states: an
ability (…的能力, …等技能), knowledge (…知识), or an attitude (…意识, …素养). What lies
between is the *body*: the items the skill splitter cuts.

A clause without a cue takes the level of the one before ("具有A，B的能力": B is 具备 too);
a clause without a tail takes the kind of the next one when that one has no cue of its own
(A above is an ability). Clauses that open with a verb and have no tail (能够运用…进行…)
are *verbal*: their items read verb-first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from graphbuilder.nlp.lexicon import SkillLexicon

ClauseKind = Literal["skill", "knowledge", "attitude", "verbal", "none"]

ETC_WORD = 6
_SEP = re.compile(r"[，；;。！？!?]|,(?!\d)")
_BRACKETS = {"（": "）", "(": ")", "《": "》", "“": "”", "【": "】", "[": "]"}
_OPENING = re.compile("[" + re.escape("".join(_BRACKETS)) + "]")
_TAIL_TYPES = (
    ("skill_tail", "skill"),
    ("knowledge_tail", "knowledge"),
    ("attitude_tail", "attitude"),
)
# Cue levels that read as "can do": a clause they open is verbal unless it has a skill tail.
_VERBAL_LEVELS = frozenset({"能够", "熟练"})
# Cues that open knowledge unless a verb follows (掌握…知识, but 掌握运用…的方法 is a skill).
_KNOWING_CUES = ("掌握", "熟悉", "了解", "理解", "领会", "知道")


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of a statement.

    Attributes:
        start: offset of its first character in the statement.
        end: offset just past its last character.
        body_start: where its items begin (after cue and degree).
        body_end: where its items end (before fillers and tail).
        level: the proficiency level (具备, 能够, 掌握 …), or ``""``.
        kind: what it states: ``skill``, ``knowledge``, ``attitude``, ``verbal`` or ``none``.
        has_cue: whether the clause itself opened with a proficiency cue.
        tail: the tail words as written (``能力``, ``知识与技能``), or ``""``.
    """

    start: int
    end: int
    body_start: int
    body_end: int
    level: str
    kind: ClauseKind
    has_cue: bool
    tail: str

    @property
    def verb_first(self) -> bool:
        """Whether its items are read verb-first (能够管理…) rather than object-first."""
        return self.kind == "verbal"


def top_level_cuts(
    text: str, sep: re.Pattern[str], start: int = 0, end: int = -1
) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` between matches of ``sep`` that are outside brackets.

    >>> top_level_cuts("A（B，C），D", _SEP)
    [(0, 6), (7, 8)]
    """
    stop = len(text) if end < 0 else end
    if _OPENING.search(text, start, stop) is None:
        bounds = [start]
        for m in sep.finditer(text, start, stop):
            bounds.extend((m.start(), m.end()))
        bounds.append(stop)
        return list(zip(bounds[::2], bounds[1::2], strict=True))
    cuts: list[tuple[int, int]] = []
    depth: list[str] = []
    begin = start
    pos = start
    for m in sep.finditer(text, start, stop):
        for ch in text[pos : m.start()]:
            if ch in _BRACKETS:
                depth.append(_BRACKETS[ch])
            elif depth and ch == depth[-1]:
                depth.pop()
        pos = m.start()
        if depth:
            continue
        cuts.append((begin, m.start()))
        begin = m.end()
    cuts.append((begin, stop))
    return cuts


def _strip(text: str, i: int, j: int) -> tuple[int, int]:
    while i < j and (text[i].isspace() or text[i] in "“”\"'"):
        i += 1
    while j > i and (text[j - 1].isspace() or text[j - 1] in "“”\"'"):
        j -= 1
    return i, j


def _opens_verbally(text: str, i: int, j: int, lex: SkillLexicon) -> bool:
    """Whether ``text[i:j]`` starts with a verb, a light verb, an instrument or a condition."""
    # 对X进行…, 将X制成…: a preposition that opens a verb phrase.
    if i < j and text[i] in "对将":
        return True
    return any(
        lex.starting(text, i, name, j)
        for name in ("actions", "light", "instrument", "condition", "degree", "modifiers")
    )


def _cue(text: str, i: int, j: int, lex: SkillLexicon) -> str:
    cue = lex.starting(text, i, "levels", j)
    # A one-character cue (能, 会, 可) is a cue only before a verb: 会计 and 能源 are nouns.
    if len(cue) == 1 and not _opens_verbally(text, i + 1, j, lex):
        return ""
    return cue


def _tail(text: str, i: int, j: int, lex: SkillLexicon) -> tuple[int, str, set[str]]:
    """Strip the tail words (and conjunctions between them) off ``text[i:j]``."""
    kinds: set[str] = set()
    end = j
    while True:
        best = ("", "")
        for cue_type, kind in _TAIL_TYPES:
            word = lex.ending(text, end, cue_type, i)
            if len(word) > len(best[0]):
                best = (word, kind)
        if not best[0] or end - len(best[0]) <= i:
            break
        end -= len(best[0])
        kinds.add(best[1])
        conj = lex.ending(text, end, "conjunction", i)
        if not conj:
            break
        before = end - len(conj)
        if not any(lex.ending(text, before, t, i) for t, _ in _TAIL_TYPES):
            break
        end = before
    return end, text[end:j], kinds


def _strip_fillers(text: str, i: int, j: int, lex: SkillLexicon) -> int:
    """Move ``j`` back over fillers (的, 等, 相关) and ``等 + generic noun`` (等项目)."""
    # 伴奏、合奏、合唱等协作能力, …等数字化、信息化、智能化能力: a short phrase (or a list of
    # short words) after 等 names the kind of the items.
    etc = text.rfind("等", max(i + 2, j - 14), j)
    words = re.split("[、，,和及与]", text[etc + 1 : j])
    short = etc > 0 and all(len(w) <= ETC_WORD for w in words)
    if (
        short
        and (j - etc <= 8 or "、" in text[etc:j])
        and not any(
            text[s : s + n] in lex.words("not_etc")
            for n in lex.lengths("not_etc")
            for s in range(etc - n + 1, etc + 1)
        )
    ):
        j = etc
    while j > i:
        generic = lex.ending(text, j, "generic", i)
        if generic and text[j - len(generic) - 1 : j - len(generic)] == "等":
            j -= len(generic) + 1
            continue
        filler = lex.ending(text, j, "filler", i)
        if filler and j - len(filler) > i:
            j -= len(filler)
            continue
        break
    return j


def _clause(text: str, s: int, e: int, lex: SkillLexicon) -> Clause:
    i = s
    while True:
        opening = lex.starting(text, i, "clause_opening", e)
        if not opening or i + len(opening) >= e or lex.starting(text, i, "not_conjunction", e):
            break
        i += len(opening)
    cue = ""
    # 能够熟练掌握…: the last of stacked cues says what the clause states (a one-character
    # cue only opens a clause: 熟悉可编程… is no 可 cue).
    while (more := _cue(text, i, e, lex)) and (not cue or len(more) > 1):
        cue = more
        i += len(more)
        while degree := lex.starting(text, i, "degree", e):
            if i + len(degree) >= e:
                break
            i += len(degree)
    level = lex.levels[cue] if cue else ""
    knowing = cue.endswith(_KNOWING_CUES)
    j, tail, kinds = _tail(text, i, e, lex)
    j = _strip_fillers(text, i, j, lex)
    i, j = _strip(text, i, j)
    kind: ClauseKind
    if "attitude" in kinds:
        # 质量、环保的意识和能力: what it names are attitudes, whatever else the tail says.
        kind = "attitude"
    elif "skill" in kinds:
        kind = "skill"
    elif "knowledge" in kinds:
        kind = "verbal" if level in _VERBAL_LEVELS else "knowledge"
    elif knowing:
        kind = "knowledge"
        if _opens_verbally(text, i, j, lex):
            kind = "verbal"
        elif cue.endswith("掌握") and lex.ending(text, j, "actions", i):
            # 掌握 S7-1200 PLC 编程: mastering an activity is a skill.
            kind = "skill"
    elif level in _VERBAL_LEVELS or (level and _opens_verbally(text, i, j, lex)):
        kind = "verbal"
    else:
        kind = "none"
    return Clause(s, e, i, j, level, kind, bool(cue), tail)


_TAIL_JOINS: dict[str, re.Pattern[str]] = {}


def _tail_join(lex: SkillLexicon) -> re.Pattern[str]:
    """``(能力|技能…)(和|与|及…)``, compiled once per lexicon."""
    if lex.fingerprint not in _TAIL_JOINS:
        tails = sorted(lex.words("skill_tail"), key=len, reverse=True)
        conjs = sorted(lex.words("conjunction"), key=len, reverse=True)
        alt = "|".join(map(re.escape, tails))
        _TAIL_JOINS[lex.fingerprint] = re.compile(f"(?:{alt})({'|'.join(map(re.escape, conjs))})")
    return _TAIL_JOINS[lex.fingerprint]


def _inner_cuts(text: str, cuts: list[tuple[int, int]], lex: SkillLexicon) -> list[tuple[int, int]]:
    """Cut again after a skill tail joined to more text by a conjunction (…能力和…能力)."""
    pattern = _tail_join(lex)
    out = []
    for s, e in cuts:
        k = s
        for m in pattern.finditer(text, s + 2, e - 4):
            out.append((k, m.start(1)))
            k = m.end(1)
        out.append((k, e))
    return out


def split_clauses(text: str, lex: SkillLexicon) -> list[Clause]:
    """The clauses of a statement, with levels and kinds carried across clauses.

    Args:
        text: one statement (a 主要专业能力要求 line, a 技能要求 item, a work task).
        lex: the skill lexicon.

    Returns:
        The non-empty clauses in order.

    Examples:
        >>> from graphbuilder.nlp.lexicon import load_skill_lexicon
        >>> t = "具有制订、实施铁路技术标准，管理运输安全的能力；"
        >>> lex = load_skill_lexicon()
        >>> [(t[c.body_start:c.body_end], c.level, c.kind) for c in split_clauses(t, lex)]
        [('制订、实施铁路技术标准', '具备', 'skill'), ('管理运输安全', '具备', 'skill')]
    """
    raw = []
    for s, e in _inner_cuts(text, top_level_cuts(text, _SEP), lex):
        s, e = _strip(text, s, e)
        if e > s:
            raw.append(_clause(text, s, e, lex))
    out: list[Clause] = []
    for n, c in enumerate(raw):
        kind, level = c.kind, c.level
        if not c.tail:
            nxt = raw[n + 1] if n + 1 < len(raw) else None
            if nxt is not None and not nxt.has_cue and nxt.tail:
                kind = nxt.kind
        if not c.has_cue and out:
            level = out[-1].level
        if kind == "none":
            prev = out[-1].kind if out else "none"
            if _opens_verbally(text, c.body_start, c.body_end, lex) or prev == "verbal":
                kind = "verbal"
            elif prev in ("skill", "knowledge"):
                kind = prev
        out.append(Clause(c.start, c.end, c.body_start, c.body_end, level, kind, c.has_cue, c.tail))
    return [c for c in out if c.body_end > c.body_start]
