"""Split skill statements into atomic skills, each an action and an object with its level.

"具备网络操作系统管理、网络综合布线设计与实施、数据库管理、网站建设与管理、网络安全管理、
程序设计等基本能力" is six skills: 管理 网络操作系统, 设计与实施 网络综合布线, … 设计 程序, each
at level 具备. The statement is cut into clauses (:mod:`graphbuilder.nlp.clauses`), a clause
body into items at 、 and at conjunctions that join whole phrases, and each item into action
and object (:mod:`graphbuilder.nlp.items`). Then what items share is distributed:

- a bare action takes the object of its neighbour: 地理信息数据采集、编辑 → 编辑 地理信息数据
  (object first), 制订、实施技术标准 → 制订 技术标准 (verb first);
- a bare object takes the action of the next object-first item (进度、质量管理 → 管理 进度)
  or of the verb-first item before it (管理客户、供应商 → 管理 供应商).

Clauses that state knowledge (掌握…知识, 熟悉…规程) give knowledge items instead; attitude
clauses (…意识, …素养) give nothing. Every skill keeps the span of its evidence: the hull of
the item and of the neighbour it borrowed from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from graphbuilder.nlp.clauses import Clause, ClauseKind, split_clauses, top_level_cuts
from graphbuilder.nlp.dictionary import is_word
from graphbuilder.nlp.items import (
    LONG_OBJECT,
    Item,
    disposal,
    is_conjunction,
    object_text,
    parse_item,
    trim,
    verb_is_modifier,
)
from graphbuilder.nlp.lexicon import SkillLexicon

COMPONENT = "graphbuilder.SkillSplitter"
VERSION = "v1"

_ITEM_SEP = re.compile(r"、|以及")
# Longer items are sentences the rules did not cut; they are kept with low confidence.
MAX_ITEM = 40
# 对象、对象的动作、动作 gives every pair; more than this many is a misreading.
MAX_PAIRS = 16


@dataclass(frozen=True, slots=True)
class AtomicSkill:
    """One skill: an action on an object, at a level, with the span of its evidence.

    Attributes:
        action: what is done (``管理``, ``设计与实施``); ``""`` when the rules found none.
        obj: what it is done to (``网络操作系统``); ``""`` for a bare action (终身学习).
        level: the proficiency level of its clause (具备, 能够, 掌握 …), or ``""``.
        start: offset of the evidence's first character in the statement.
        end: offset just past the evidence.
        surface: the skill as the source names it (``网络操作系统管理``).
        confidence: how sure the rules are (lower when shared parts were distributed).
        clause: the span of the clause it comes from.
        kind: that clause's kind (``skill`` for 具有…能力, ``verbal`` for 能够…).
    """

    action: str
    obj: str
    level: str
    start: int
    end: int
    surface: str
    confidence: float
    clause: tuple[int, int] = (0, 0)
    kind: ClauseKind = "skill"

    @property
    def label(self) -> str:
        """Action then object: ``管理网络操作系统``."""
        return f"{self.action}{self.obj}" if self.action else self.obj


@dataclass(frozen=True, slots=True)
class KnowledgeItem:
    """One knowledge point named in a knowledge clause, with its span and level."""

    text: str
    start: int
    end: int
    level: str


@dataclass(frozen=True, slots=True)
class StatementParse:
    """What a statement holds: its atomic skills and its knowledge items."""

    skills: tuple[AtomicSkill, ...]
    knowledge: tuple[KnowledgeItem, ...]


def _phrase_end(text: str, i: int, j: int, lex: SkillLexicon, ends: str) -> int:
    """Where the phrase an instrument or condition word opens ends, or ``-1``.

    It ends before a light verb (进行, 完成), or after a closing noun (``ends``: 技术, 要求)
    that a verb follows.
    """
    candidates = sorted(
        {k for k in lex.starts(text, "light", i + 1, j) if lex.starting(text, k, "light", j)}
        | {
            k + (text[k] == "的")
            for k in lex.ends(text, ends, i + 1, j)
            if k < j
            and lex.ending(text, k, ends, i)
            and (_lone_verb(text, k, j, lex) or text[k] in "对的")
        }
    )
    return candidates[0] if candidates else -1


def _lone_verb(text: str, k: int, j: int, lex: SkillLexicon) -> bool:
    """A verb at ``text[k]`` that is not the end of a dictionary word before it.

    In 根据跨境商务数据分析制定方案, 分析 ends the word 数据分析 (the condition's noun), so the
    phrase runs on to 制定; in 根据客户需求设计营销方案 it ends at 设计.
    """
    verb = lex.starting(text, k, "actions", j)
    end = k + len(verb)
    return bool(verb) and not any(is_word(text[a:end]) for a in range(max(0, k - 3), k))


def _main_part(text: str, i: int, j: int, lex: SkillLexicon) -> int:
    """Skip an opening instrument (运用X进行…) or condition (根据X要求…) phrase."""
    for _ in range(3):
        mod = lex.starting(text, i, "modifiers", j)
        if mod and lex.starting(text, i + len(mod), "instrument", j):
            i += len(mod)
        # 按摩 and 在线 are words, not 按… and 在… phrases.
        longer = max(
            len(lex.starting(text, i, "actions", j)), len(lex.starting(text, i, "modifiers", j))
        )
        opening = next(
            (
                (kind, ends, word)
                for kind, ends in (("instrument", "instrument_end"), ("condition", "condition_end"))
                if len(word := lex.starting(text, i, kind, j)) >= max(longer, 1)
            ),
            None,
        )
        if opening is None:
            return i
        kind, ends, word = opening
        k = _phrase_end(text, i + len(word), j, lex, ends)
        if k < 0 and kind == "condition":
            # 按配比计量原料: no closing noun, but a verb with an object after a short phrase.
            k = next(
                (
                    m
                    for m in lex.starts(text, "actions", i + len(word) + 2, j - 3)
                    if _lone_verb(text, m, j, lex)
                ),
                -1,
            )
        if k < 0:
            # 运用信息技术: the instrument verb is the action; 根据要求: nothing but a condition.
            return i if kind == "instrument" else j
        i = k
    return i


def _conj_split(text: str, i: int, j: int, lex: SkillLexicon, verb_first: bool) -> list[Item]:
    """Parse ``text[i:j]``, cutting it at conjunctions that join whole phrases.

    Not cut: nouns joined (流量及中间罐液面 is one object), a verb joined to the verb that
    opens a phrase (查阅并读懂资料, 维护及管理设备), a noun phrase and the one verb that acts on
    it (网站建设与管理). A light verb (进行…) is read past first, its object noun-first.
    """
    light = lex.starting(text, i, "light", j)
    if light and len(lex.starting(text, i, "actions", j)) <= len(light) and i + len(light) < j:
        end = j
        tail = lex.ending(text, end, "action_tail", i + len(light))
        if tail and lex.ending(text, end - len(tail), "actions", i + len(light)):
            end -= len(tail)
        rest = _conj_split(text, i + len(light), end, lex, False)
        if any(it.action for it in rest):
            return rest
    for p in lex.starts(text, "conjunction", i + 1, j - 1):
        conj = is_conjunction(text, p, lex)
        if not conj:
            continue
        left = parse_item(text, i, p, lex, verb_first=verb_first)
        right = parse_item(text, p + len(conj), j, lex, verb_first=verb_first)
        if not left.obj and not left.action:
            continue
        if left.bare_object and not (right.order == "vo" and right.obj):
            # 主要农作物和园艺植物栽培管理: nouns joined, then their one action.
            continue
        noun = right.bare_object or (
            right.order == "vo" and verb_is_modifier(text, right.start, right.end, right, lex)
        )
        one_verb = right.bare_action and not right.modified and right.action in lex.actions
        both_verbs = left.bare_action and right.bare_action and not left.modified
        # 网站建设与管理 (one action for both) and 部署网络服务和应用 (应用 is a noun there).
        if noun or (both_verbs and not right.modified) or one_verb:
            continue
        if left.bare_action and not left.modified and right.order == "vo":
            continue
        return [left, *_conj_split(text, p + len(conj), j, lex, verb_first)]
    return [parse_item(text, i, j, lex, verb_first=verb_first)]


def _targets(text: str, i: int, j: int, lex: SkillLexicon) -> list[Item] | None:
    """对X、Y进行管理: the enumerated targets each with the action after the light verb."""
    for k in reversed(lex.starts(text, "light", i + 2, j - 1)):
        light = lex.starting(text, k, "light", j)
        if not light or k + len(light) >= j:
            continue
        acts = [
            parse_item(text, *trim(text, s, e, lex), lex, verb_first=False)
            for s, e in top_level_cuts(text, _ITEM_SEP, k + len(light), j)
        ]
        out = []
        for s, e in top_level_cuts(text, _ITEM_SEP, i + 1, k):
            s, e = trim(text, s, e, lex)
            if e - s < 2:
                continue
            target = object_text(text, s, e, lex)
            for act in acts:
                action = act.action or light
                obj = target + (act.obj if act.action else act.obj or "")
                out.append(Item(s, max(e, act.end), action, obj, "vo"))
        return out
    return None


def _cross(text: str, i: int, j: int, lex: SkillLexicon) -> list[Item] | None:
    """产品标准、法律法规的查询、理解和执行: objects, 的, then bare actions; every pair."""
    cut = text.rfind("的", i, j)
    if cut < i + 2 or cut > j - 3:
        return None
    actions = []
    for s, e in top_level_cuts(text, _ITEM_SEP, cut + 1, j):
        for it in _conj_split(text, *trim(text, s, e, lex), lex, False):
            if not it.bare_action:
                return None
            actions.append(it)
    objects = []
    for s, e in top_level_cuts(text, _ITEM_SEP, i, cut):
        s += len(lex.starting(text, s, "light", e))
        objects.append(trim(text, s, e, lex))
    pairs = len(objects) * len(actions)
    if not actions or pairs == 1 or pairs > MAX_PAIRS:
        return None
    return [
        Item(min(s, a.start), max(e, a.end), a.action, object_text(text, s, e, lex), "ov")
        for s, e in objects
        if e - s >= 2
        for a in actions
    ]


def _light_cuts(text: str, i: int, j: int, lex: SkillLexicon) -> list[tuple[int, int]]:
    """开发应用程序进行数据展示: cut before a light verb inside an item (two skills)."""
    for k in lex.starts(text, "light", i + 3, j - 2):
        light = lex.starting(text, k, "light", j)
        if light and light not in lex.actions and not lex.ending(text, k, "modifiers", i):
            return [(i, k), *_light_cuts(text, k, j, lex)]
    return [(i, j)]


def _final_conj(text: str, cuts: list[tuple[int, int]], lex: SkillLexicon) -> list[tuple[int, int]]:
    """水准仪、全站仪和 GPS: in a list cut by 、, a conjunction between two bare nouns of the
    last item is one more cut."""
    if len(cuts) < 2:
        return cuts
    s, e = cuts[-1]
    for p in lex.starts(text, "conjunction", s + 2, e - 1):
        conj = is_conjunction(text, p, lex)
        left = parse_item(text, s, p, lex, verb_first=False) if conj else None
        if left is None or not left.bare_object:
            continue
        right = parse_item(text, p + len(conj), e, lex, verb_first=False)
        if right.bare_object:
            return [*cuts[:-1], (s, p), (p + len(conj), e)]
    return cuts


def _items(text: str, c: Clause, lex: SkillLexicon) -> list[Item]:
    start = _main_part(text, c.body_start, c.body_end, lex)
    if text.startswith("对", start) and (targets := _targets(text, start, c.body_end, lex)):
        return targets
    if text.startswith("将", start) and (moved := disposal(text, start, c.body_end, lex)):
        return [moved]
    if crossed := _cross(text, start, c.body_end, lex):
        return crossed
    out: list[Item] = []
    cuts = _final_conj(text, top_level_cuts(text, _ITEM_SEP, start, c.body_end), lex)
    for s, e in cuts:
        s, e = trim(text, _main_part(text, s, e, lex), e, lex)
        tail = lex.ending(text, e, "action_tail", s)
        # 运维服务 is 运维; 提升护理服务 keeps its object.
        if tail and lex.ending(text, e - len(tail), "actions", s):
            if not lex.starting(text, s, "opener", e - len(tail)):
                e -= len(tail)
        tail = lex.ending(text, e, "skill_tail", s)
        if tail and e - len(tail) - s >= 2:
            s, e = trim(text, s, e - len(tail), lex)
        for a, b in _light_cuts(text, s, e, lex):
            if b - a >= 2:
                out.extend(_conj_split(text, a, b, lex, c.verb_first))
    return [it for it in out if it.action or it.obj]


def _donor_object(items: list[Item], n: int, joined: bool) -> Item | None:
    """The object a bare action shares: object-first before it, verb-first after it.

    Verbs in a row (沟通协调) after a noun-first item are an activity of their own; before a
    verb-first item (指导运行、维护仪表) they share its object.
    """
    prev = next((items[k] for k in range(n - 1, -1, -1) if items[k].obj), None)
    if prev is not None and prev.order == "ov" and not joined:
        return prev
    nxt = next((items[k] for k in range(n + 1, len(items)) if items[k].obj), None)
    return nxt if nxt is not None and nxt.order == "vo" else None


def _donor_action(items: list[Item], n: int) -> Item | None:
    nxt = next((items[k] for k in range(n + 1, len(items)) if items[k].action), None)
    if nxt is not None and nxt.order == "ov":
        return nxt
    return next(
        (items[k] for k in range(n - 1, -1, -1) if items[k].action and items[k].order == "vo"),
        None,
    )


def _skill(text: str, it: Item, donor: Item | None, c: Clause) -> AtomicSkill:
    action, obj, conf = it.action, it.obj, 0.9
    start, end = it.start, it.end
    if donor is not None:
        action = action or donor.action
        obj = obj or donor.obj
        start, end, conf = min(start, donor.start), max(end, donor.end), 0.8
    elif not action:
        conf = 0.6
    elif not obj:
        conf = 0.8
    if it.end - it.start > MAX_ITEM:
        conf = 0.5
    order = it.order or (donor.order if donor else "")
    surface = f"{action}{obj}" if order == "vo" else f"{obj}{action}"
    if donor is None:
        surface = text[it.start : it.end]
    return AtomicSkill(action, obj, c.level, start, end, surface, conf, (c.start, c.end), c.kind)


def _knowledge(text: str, c: Clause, lex: SkillLexicon) -> list[KnowledgeItem]:
    start = c.body_start
    instrument = lex.starting(text, start, "instrument", c.body_end)
    if instrument and c.body_end - start - len(instrument) >= 2:
        start += len(instrument)
    out = []
    for s, e in top_level_cuts(text, _ITEM_SEP, start, c.body_end):
        s, e = trim(text, s, e, lex)
        # "与本专业…相关的国家法律": a long item is named by what follows its last 的.
        cut = text.rfind("的", s, e)
        if e - s > LONG_OBJECT and cut >= 0 and e - cut > 2:
            s, e = trim(text, cut + 1, e, lex)
        if 2 <= e - s <= MAX_ITEM:
            out.append(KnowledgeItem(text[s:e], s, e, c.level))
    return out


@lru_cache(maxsize=4096)
def split_statement(text: str, lex: SkillLexicon, *, verbal: bool = False) -> StatementParse:
    """The atomic skills and knowledge items of one statement.

    Args:
        text: the statement.
        lex: the skill lexicon.
        verbal: read clauses that state nothing by their cue or tail as verb-first skills
            (a work task: 安装配置数据库).

    Returns:
        Skills in order of their items (duplicates within the statement removed) and knowledge
        items.

    Examples:
        >>> from graphbuilder.nlp.lexicon import load_skill_lexicon
        >>> t = "具备网络操作系统管理、网络综合布线设计与实施、数据库管理等基本能力；"
        >>> [(s.action, s.obj) for s in split_statement(t, load_skill_lexicon()).skills]
        [('管理', '网络操作系统'), ('设计与实施', '网络综合布线'), ('管理', '数据库')]
    """
    skills: dict[tuple[str, str], AtomicSkill] = {}
    knowledge: list[KnowledgeItem] = []
    for c in split_clauses(text, lex):
        if verbal and c.kind == "none":
            c = replace(c, kind="verbal")
        if c.kind == "knowledge":
            knowledge.extend(_knowledge(text, c, lex))
            continue
        if c.kind not in ("skill", "verbal"):
            continue
        if (
            c.verb_first
            and lex.starting(text, c.body_start, "instrument", c.body_end)
            and (c.end < len(text.rstrip("；;。. ")))
        ):
            # 使用工具和设备，进行…: the tools serve the clauses that follow.
            continue
        items = _items(text, c, lex)
        for n, it in enumerate(items):
            donor = None
            if it.bare_action and not it.modified:
                donor = _donor_object(items, n, it.joined)
            elif it.bare_object:
                donor = _donor_action(items, n)
            skill = _skill(text, it, donor, c)
            skills.setdefault((skill.action, skill.obj), skill)
    return StatementParse(tuple(skills.values()), tuple(knowledge))
