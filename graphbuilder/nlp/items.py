"""Parse one item of an enumeration into its action and its object.

An item is what lies between two 、 of a clause body: "数据库管理" (object first, the way
ability statements name skills), "识读工程图纸" (verb first, the way tasks read), "编辑" (a
bare action that shares an object with its neighbour), "质量" (a bare object that shares an
action). The parser works on characters with the action lexicon, so it needs no word
segmentation: the longest action at the end (or the start) of the item is its action, and
the action grows over modifiers (综合利用), coordinated verbs (设计与实施) and, object-first,
adjacent verbs (安装调试) unless the last one governs a verbal noun (生产管理 is 管理 生产).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from graphbuilder.nlp.dictionary import extends_right, is_word
from graphbuilder.nlp.lexicon import SkillLexicon

Order = Literal["ov", "vo", ""]
LONG_OBJECT = 10
ETC_TAIL = 7
_QUOTES = " \t\u3000“”\"'‘’"


@dataclass(frozen=True, slots=True)
class Item:
    """An item with its action and object, as offsets into the statement.

    Attributes:
        start: offset of the item's first character.
        end: offset just past its last character.
        action: the action (``设计与实施``), or ``""`` for a bare object.
        obj: the object (``网络综合布线``), or ``""`` for a bare action.
        order: ``ov`` when the action closes the item, ``vo`` when it opens it.
        modified: whether the action carries a modifier (终身学习, 安全防护): such a bare
            action is an activity of its own and borrows no object.
        joined: whether the action is verbs in a row (沟通协调, 维护保养).
    """

    start: int
    end: int
    action: str
    obj: str
    order: Order
    modified: bool = False
    joined: bool = False

    @property
    def bare_action(self) -> bool:
        """An action without an object of its own (编辑 in 数据采集、编辑)."""
        return bool(self.action) and not self.obj

    @property
    def bare_object(self) -> bool:
        """An object without an action of its own (质量 in 进度、质量管理)."""
        return bool(self.obj) and not self.action


def is_conjunction(text: str, p: int, lex: SkillLexicon) -> str:
    """The conjunction that starts at ``text[p]``, unless it is part of a word (参与, 及时).

    >>> from graphbuilder.nlp.lexicon import load_skill_lexicon
    >>> lex = load_skill_lexicon()
    >>> is_conjunction("设计与实施", 2, lex), is_conjunction("参与设计", 1, lex)
    ('与', '')
    """
    conj = lex.starting(text, p, "conjunction")
    if not conj or (p > 0 and len(lex.starting(text, p - 1, "conjunction")) > 1):
        return ""
    for n in lex.lengths("not_conjunction"):
        for s in range(max(0, p - n + 1), p + 1):
            if text[s : s + n] in lex.words("not_conjunction") and s + n > p:
                return ""
    return conj


def lone_verb(text: str, k: int, j: int, lex: SkillLexicon) -> bool:
    """A verb at ``text[k]`` that is not the end of a dictionary word before it.

    In 根据跨境商务数据分析制定方案, 分析 ends the word 数据分析 (the condition's noun), so the
    phrase runs on to 制定; in 根据客户需求设计营销方案 it ends at 设计.
    """
    verb = lex.starting(text, k, "actions", j)
    end = k + len(verb)
    return bool(verb) and not any(is_word(text[a:end]) for a in range(max(0, k - 3), k))


def trim(text: str, i: int, j: int, lex: SkillLexicon) -> tuple[int, int]:
    """Strip spaces, quotes, 的 and object fillers (各类, 相关) from both ends of ``text[i:j]``."""
    while True:
        start = i
        while i < j and text[i] in _QUOTES:
            i += 1
        while j > i and text[j - 1] in _QUOTES:
            j -= 1
        filler = lex.starting(text, i, "lead", j)
        if filler and i + len(filler) < j:
            i += len(filler)
        if i < j and text[i] == "的":
            i += 1
        while j > i and text[j - 1] in "的等":
            j -= 1
        if i == start:
            return i, j


def object_text(text: str, i: int, j: int, lex: SkillLexicon) -> str:
    """``text[i:j]`` as an object: trimmed, without a trailing 工作, cut at a long one's last 的."""
    i, j = trim(text, i, j, lex)
    while j > i and is_conjunction(text, j - 1, lex):
        j -= 1
    tail = lex.ending(text, j, "item_tail", i)
    if tail and (j - len(tail) - i >= 2 or j - len(tail) == i):
        j -= len(tail)
    # 全站仪和 GPS 等测量仪器: what follows 等 names the kind of the items.
    etc = text.rfind("等", i + 2, j)
    if etc > 0 and j - etc <= ETC_TAIL and not lex.ending(text, etc + 2, "not_etc", etc - 1):
        i, j = trim(text, i, etc, lex)
    # 适应…需求的数字技术, 与本专业…相关的国家法律: an object whose 的 closes a verb phrase
    # is named by what follows (but 生物工程产品的生产实验流程 keeps its 的-modifier).
    if j - i > LONG_OBJECT:
        cut = text.rfind("的", i, j)
        if cut >= 0 and j - cut > 2 and _verb_phrase(text, i, cut, lex):
            i, j = trim(text, cut + 1, j, lex)
    return text[i:j]


def _verb_phrase(text: str, i: int, j: int, lex: SkillLexicon) -> bool:
    """Whether ``text[i:j]`` reads as a verb phrase (it opens with a verb, or ends in 相关)."""
    opens = any(lex.starting(text, i, name, j) for name in ("actions", "condition", "light"))
    return opens or text.endswith(("相关", "有关"), i, j)


def _ov(text: str, i: int, j: int, lex: SkillLexicon) -> Item | None:
    """Object first: the action closes the item (数据库管理, 网站建设与管理)."""
    head = lex.ending(text, j, "actions", i)
    if not head:
        return None
    k = j - len(head)
    pieces = [head]
    modified = joined = False
    governed = head in lex.words("governing")
    while k > i:
        mod = lex.ending(text, k, "modifiers", i)
        # 安全 modifies 生产 (安全生产, 领域绿色生产) but is part of the object of a governing
        # action (网络安全管理) or of a word (网络安全检测).
        exact_ok = k - len(mod) == i or (not governed and not _in_word(text, k - len(mod), k, i))
        if mod and (lex.modifiers[mod] == "suffix" or exact_ok):
            k -= len(mod)
            if mod not in lex.manner:
                pieces.insert(0, mod)
                modified = True
            continue
        conj = lex.ending(text, k, "conjunction", i)
        # 网站建设与管理: one action of one word joined to another shares their object; a
        # compound (论辩和沟通协调) is an activity of its own.
        if conj and is_conjunction(text, k - len(conj), lex):
            other = lex.ending(text, k - len(conj), "actions", i)
            # …and verbs in a row only when the other verb opens the item (应用及维护保养).
            starts = k - len(conj) - len(other) == i
            if other and (pieces == [head] or starts):
                k -= len(conj) + len(other)
                pieces[:0] = [other, conj]
                continue
        other = lex.ending(text, k, "actions", i)
        # 安装调试 is one action; in 生产管理 and 布线设计 the verb before a governing action
        # is its object.
        if other and pieces[0] not in lex.words("governing"):
            k -= len(other)
            pieces.insert(0, other)
            joined = True
            continue
        break
    action = "".join(pieces)
    return Item(i, j, action, object_text(text, i, k, lex), "ov", modified, joined)


def _in_word(text: str, s: int, e: int, start: int) -> bool:
    """Whether ``text[s:e]`` ends a dictionary word that starts before it (网络安全)."""
    return any(is_word(text[a:e]) for a in range(max(start, s - 3), s))


def _vo(text: str, i: int, j: int, lex: SkillLexicon) -> Item | None:
    """Verb first: the action opens the item (识读工程图纸, 制订和实施方案)."""
    mod = lex.starting(text, i, "modifiers", j)
    head = lex.starting(text, i + len(mod), "actions", j)
    if not head and mod in lex.actions:
        # 辅助上级决策: a modifier that is a verb too is the action when no verb follows it.
        mod, head = "", mod
    if not head:
        return None
    pieces = [head] if mod in lex.manner else [mod, head]
    k = i + len(mod) + len(head)
    while k < j:
        conj = is_conjunction(text, k, lex)
        other = lex.starting(text, k + len(conj), "actions", j) if conj else ""
        if not other:
            break
        pieces += [conj, other]
        k += len(conj) + len(other)
    modified = bool(mod) and mod not in lex.manner
    return Item(i, j, "".join(pieces), object_text(text, k, j, lex), "vo", modified)


def _aimed(text: str, i: int, j: int, lex: SkillLexicon, verb_first: bool) -> Item | None:
    """对X进行Y, 对X…检查, 对X提出Y: the action and object of an item that opens with 对."""
    for k in lex.starts(text, "light", i + 2, j - 1):
        light = lex.starting(text, k, "light", j)
        if light:
            rest = parse_item(text, k + len(light), j, lex, verb_first=verb_first)
            target = object_text(text, i + 1, k, lex)
            if not rest.action:
                return Item(i, j, light, target + rest.obj, "vo")
            return Item(i, j, rest.action, target + rest.obj, "vo")
    if extends_right(text, i, i + 1, j):
        return None  # 对讲机, 对比: a word, not the preposition
    if lex.ending(text, j, "actions", i):
        # 对种子田间检验项目规范检查: the closing verb acts on what 对 names.
        ov = _ov(text, i + 1, j, lex)
        return replace(ov, start=i) if ov is not None and ov.obj else None
    # 对新业务场景提出解决方案: the verb after the phrase has an object of its own.
    for k in lex.starts(text, "actions", i + 3, j - 2):
        if lone_verb(text, k, j, lex):
            rest = parse_item(text, k, j, lex, verb_first=True)
            return replace(rest, start=i) if rest.action and rest.obj else None
    return None


def parse_item(text: str, i: int, j: int, lex: SkillLexicon, *, verb_first: bool) -> Item:
    """The action and object of ``text[i:j]``.

    Args:
        text: the statement.
        i: start of the item.
        j: end of the item.
        lex: the skill lexicon.
        verb_first: prefer a leading action (tasks, 能够… clauses) over a closing one.

    Returns:
        The item; ``action`` or ``obj`` is empty when the item has none.

    Examples:
        >>> from graphbuilder.nlp.lexicon import load_skill_lexicon
        >>> lex = load_skill_lexicon()
        >>> def p(t, vf=False):
        ...     it = parse_item(t, 0, len(t), lex, verb_first=vf)
        ...     return it.action, it.obj
        >>> p("网络综合布线设计与实施"), p("生产管理"), p("设备安装调试")
        (('设计与实施', '网络综合布线'), ('管理', '生产'), ('安装调试', '设备'))
        >>> p("识读工程图纸", True), p("对设备进行故障诊断"), p("终身学习")
        (('识读', '工程图纸'), ('诊断', '设备故障'), ('终身学习', ''))
    """
    i, j = trim(text, i, j, lex)
    if j <= i:
        return Item(i, j, "", "", "")
    if text[i] == "对" and (aimed := _aimed(text, i, j, lex, verb_first)) is not None:
        return aimed
    if text[i] == "将" and (moved := disposal(text, i, j, lex)) is not None:
        return moved
    mod = lex.starting(text, i, "modifiers", j)
    light = lex.starting(text, i + len(mod), "light", j)
    k = i + len(mod) + len(light)
    if light and len(lex.starting(text, i + len(mod), "actions", j)) <= len(light) and k < j:
        end = j
        tail = lex.ending(text, end, "action_tail", k)
        if tail and lex.ending(text, end - len(tail), "actions", k):
            end -= len(tail)
        rest = parse_item(text, k, end, lex, verb_first=False)
        if rest.action:
            return Item(i, j, rest.action, rest.obj, rest.order, rest.modified)
        if rest.obj:
            return Item(i, j, light, object_text(text, k, j, lex), "vo")
    ov, vo = _ov(text, i, j, lex), _vo(text, i, j, lex)
    if vo is not None and ov is None and not verb_first and verb_is_modifier(text, i, j, vo, lex):
        # 施工进度 in a noun-first list is a noun (a dictionary word), not 施工 of 进度; but
        # 解决问题, a word too, opens with a verb that governs.
        vo = None
    if ov is None or vo is None:
        return ov or vo or Item(i, j, "", object_text(text, i, j, lex), "")
    if not (ov.obj and vo.obj):
        # 指导运行: a verb followed by nothing but a verb is one action, however it reads.
        lone = vo.obj in lex.actions
        return vo if verb_first and vo.obj and not lone else ov
    if verb_is_modifier(text, i, j, vo, lex, closing_verb=True, noun_first=not verb_first):
        return ov
    # A noun-first list reads 调查问卷发放 as 发放 调查问卷; only verbs that commonly open a
    # phrase (组织, 办理, 实施) govern what follows there.
    opener = lex.starting(text, i, "opener", j) or lex.starting(text, vo.start, "opener", j)
    return vo if verb_first or vo.action.endswith(opener or "\x00") else ov


def verb_is_modifier(
    text: str,
    i: int,
    j: int,
    vo: Item,
    lex: SkillLexicon,
    *,
    closing_verb: bool = False,
    noun_first: bool = False,
) -> bool:
    """Whether an item's first verb is part of its object (检测设备维修, 化妆品配制).

    So it is when a head noun follows it (检测设备…), when it is the start of a longer
    dictionary word (化妆 in 化妆品配制), when all that follows is a verb (生产管理), or when
    another verb follows one that seldom opens a phrase (测量控制系统).
    """
    mod = lex.starting(text, i, "modifiers", j)
    start = i + len(mod)
    if mod in lex.actions and not lex.starting(text, start, "actions", j):
        start = i  # 辅助上级决策: the modifier is the verb (as in _vo)
    after = start + len(lex.starting(text, start, "actions", j))
    if vo.obj in lex.actions:
        return True
    opener = bool(lex.starting(text, start, "opener", after))
    # 设计方案编制 (another verb closes the item): the dictionary word 设计方案 is its object;
    # 解决问题 (nothing closes it) is a verb phrase, though the dictionary has it as a word.
    if extends_right(text, start, after, j) and (closing_verb or not opener):
        return True
    head = bool(lex.starting(text, after, "head_noun", j))
    # 测试技术应用 in a noun-first list: before a head noun, 测试 names a kind of it.
    if closing_verb and noun_first and head and text[start:after] in lex.words("attributive"):
        return True
    # 撰写项目文档: a verb that commonly opens a phrase governs even a head noun.
    if opener:
        return False
    return (
        head
        # 测量控制系统, 制造执行系统: a verb that rarely opens a phrase, before another verb.
        or bool(lex.starting(text, after, "actions", j))
    )


def disposal(text: str, i: int, j: int, lex: SkillLexicon) -> Item | None:
    """将X放入Y, 将材料制成笔头: the verb after 将's object, acting on it (or on the result)."""
    # 将需求转化为设计和实现方案: a verb of result is the main verb, whatever follows it.
    for k in reversed(lex.starts(text, "result", i + 2, j - 1)):
        verb = lex.starting(text, k, "result", j)
        if verb and (made := object_text(text, k + len(verb), j, lex)):
            return Item(i, j, verb, made, "vo")
    for k in range(j - 2, i + 1, -1):
        verb = lex.starting(text, k, "actions", j)
        if not verb or any(lex.starting(text, m, "actions", j) for m in range(k + len(verb), j)):
            continue
        return Item(i, j, verb, object_text(text, i + 1, k, lex), "vo")
    return None
