"""Textbooks and their tables of contents → a course, its modules in order, knowledge points.

A book is a ``Course`` (named by its title) that ``hasPart`` its chapters (``Module`` nodes,
``gb:ordinal`` in reading order); a chapter ``hasPart`` its sections (``KnowledgePoint``
nodes, scoped to the chapter, since "概述" in two chapters is two things) and ``teaches``
the terms it defines (``KnowledgePoint`` nodes named by the term, shared between documents,
with ``gb:definition`` and the English name as an ``@en`` label).

A chapter file's module is keyed by the file's path, the key the table of contents
(``textbook-nav``) gives it, so a book split into files meets its contents: the contents
make the book, its parts (modules too) and the order; each chapter file makes its chapter
and what is inside. Both label the chapter: the contents with its short title, the file with
its own heading.

When the build runs the trained recogniser (``build --ner``), a chapter also ``teaches`` the
terms and is ``relatedTo`` the technologies it finds in the chapter's paragraphs
(:mod:`graphbuilder.extract.recognised`).
"""

from __future__ import annotations

from graphbuilder.extract.base import Context, FactBuilder
from graphbuilder.extract.recognised import add_recognised
from graphbuilder.model import Document, Facts, Section
from graphbuilder.model.records import AttrValue


def _chapter_key(doc: Document, sec: Section) -> str:
    return doc.path if sec.attrs.get("scope") == "file" else f"{doc.path}#{sec.key}"


def extract_textbook(doc: Document, ctx: Context) -> Facts:
    """Facts of a textbook or a chapter file (see the module docstring)."""
    fb = FactBuilder(doc, ctx, "textbook")
    book: str | None = None
    chapters: dict[str, str] = {}
    counts: dict[str, int] = {}
    prose: list[tuple[Section, str]] = []
    for sec in doc.sections:
        if sec.kind == "book":
            book = fb.node("Course", sec.key, sec.key, fb.provenance(sec))
        elif sec.kind == "chapter":
            key = _chapter_key(doc, sec)
            prov = fb.provenance(sec)
            module = fb.node("Module", key, sec.attrs.get("title") or sec.text, prov)
            chapters[sec.key] = module
            if book is not None:
                fb.edge(book, "hasPart", module, prov, attrs={"ordinal": int(sec.key)})
        elif sec.kind == "section":
            module_iri = chapters.get(sec.attrs.get("chapter", ""))
            if module_iri is None:
                continue
            prov = fb.provenance(sec)
            title = sec.attrs.get("title") or sec.text
            kp = fb.node("KnowledgePoint", f"{module_iri}\x1f{title}", title, prov)
            counts[module_iri] = counts.get(module_iri, 0) + 1
            fb.edge(module_iri, "hasPart", kp, prov, attrs={"ordinal": counts[module_iri]})
        elif sec.kind == "term":
            module_iri = chapters.get(sec.attrs.get("chapter", ""))
            prov = fb.provenance(sec, confidence=_CONFIDENCE.get(sec.attrs.get("cue", ""), 0.6))
            attrs: dict[str, AttrValue] = {}
            if sec.attrs.get("definition"):
                attrs["definition"] = sec.attrs["definition"]
            label_en = sec.attrs.get("label_en") or None
            kp = fb.node("KnowledgePoint", sec.key, sec.key, prov, label_en=label_en, attrs=attrs)
            if module_iri is not None:
                fb.edge(module_iri, "teaches", kp, prov)
        elif sec.kind == "paragraph" and sec.attrs.get("chapter", "") in chapters:
            prose.append((sec, chapters[sec.attrs["chapter"]]))
    if ctx.recogniser is not None:
        add_recognised(fb, prose, ctx.recogniser, ctx.lexicons)
    return fb.facts()


# How sure a cue makes us that the text defines a term: "X是指…" says so; a bold word may
# only be emphasis.
_CONFIDENCE = {"defined": 0.9, "english": 0.8, "underline": 0.7, "bold": 0.6}


def extract_nav(doc: Document, ctx: Context) -> Facts:
    """Facts of a table of contents: the book, its parts and its chapters in order."""
    fb = FactBuilder(doc, ctx, "textbook-nav")
    book: str | None = None
    parts: dict[str, str] = {}
    missing: list[str] = []
    for sec in doc.sections:
        prov = fb.provenance(sec)
        if sec.kind == "book":
            title = sec.attrs.get("title") or sec.key
            book = fb.node("Course", title, title, prov)
        elif sec.kind == "part":
            part = fb.node("Module", f"{doc.path}#part{sec.key}", sec.attrs["title"], prov)
            parts[sec.key] = part
            if book is not None:
                fb.edge(book, "hasPart", part, prov, attrs={"ordinal": int(sec.key)})
        elif sec.kind == "chapter":
            chapter = fb.node("Module", sec.key, sec.attrs["title"], prov)
            parent = parts.get(sec.attrs.get("part", "")) or book
            if parent is not None:
                fb.edge(
                    parent, "hasPart", chapter, prov, attrs={"ordinal": int(sec.attrs["ordinal"])}
                )
            if sec.attrs.get("exists") == "false":
                missing.append(sec.key)
    if missing:
        fb.warnings.append(
            f"{len(missing)} chapter file(s) of the contents are not there (e.g. {missing[0]})"
        )
    return fb.facts()
