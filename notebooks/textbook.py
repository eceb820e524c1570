# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Ingest a textbook: its module tree and knowledge points
#
# A textbook is read from its table of contents (here wangdoc's `chapters.yml`; `mkdocs.yml`
# and `SUMMARY.md` work too) and its chapter files. The contents give the book (a `Course`),
# its parts and chapters (`Module` nodes, in order); each chapter file gives its sections
# (`KnowledgePoint` nodes) and the terms it defines ("X是指…", "X（English）", bold terms),
# with their definitions.
#
# By default this reads the excerpt of 《JavaScript 教程》 (阮一峰, CC BY-SA) in
# `tests/fixtures/docs/javascript-tutorial`; point `GRAPHBUILDER_NOTEBOOK_TEXTBOOK` at a whole
# book (a folder with `chapters.yml` or `mkdocs.yml`) to read that instead.

# %%
import os
import tempfile
from pathlib import Path

from graphbuilder.pipeline import build
from graphbuilder.settings import get_settings
from graphbuilder.store.oxigraph import OxigraphStore

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
# The book to read: a notebook parameter, not a library setting.
BOOK = ROOT / os.environ.get(
    "GRAPHBUILDER_NOTEBOOK_TEXTBOOK", "tests/fixtures/docs/javascript-tutorial"
)
STORE = Path(tempfile.mkdtemp(prefix="graphbuilder-textbook-")) / "store"
summary = build([BOOK], STORE)
for outcome in summary.outcomes:
    if outcome.kind != "derived":
        print(f"{outcome.status:>9}  {outcome.kind:<13} {outcome.path}  {outcome.nodes} nodes")
assert not summary.failed, summary.failed

# %% [markdown]
# ## The module tree
#
# `hasPart` edges carry their order (`gb:ordinal`) on their statement.

# %%
store = OxigraphStore(STORE, get_settings().base_iri, read_only=True)
GB = "https://w3id.org/graphbuilder/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def label(iri: str) -> str:
    rows = list(
        store.query(f'SELECT ?l WHERE {{ <{iri}> <{RDFS}label> ?l FILTER(lang(?l) = "zh") }}')
    )
    return min((r["l"].value for r in rows), key=len) if rows else iri


def parts(iri: str) -> list[tuple[int, str, str]]:
    rows = store.query(
        f"""SELECT ?part ?kind (MIN(?n) AS ?order) WHERE {{
          <{iri}> <{GB}hasPart> ?part . ?part a ?kind .
          ?st <{RDF}subject> <{iri}> ; <{RDF}predicate> <{GB}hasPart> ; <{RDF}object> ?part ;
              <{GB}ordinal> ?n .
        }} GROUP BY ?part ?kind"""
    )
    found = [
        (int(r["order"].value), r["part"].value, r["kind"].value.rsplit("#", 1)[-1]) for r in rows
    ]
    return sorted(found)


def show(iri: str, depth: int = 0) -> int:
    shown = 1
    for order, part, kind in parts(iri):
        print("    " * depth + f"{order}. {label(part)}  [{kind}]")
        shown += show(part, depth + 1)
    return shown


books = [r["b"].value for r in store.query(f"SELECT DISTINCT ?b WHERE {{ ?b a <{GB}Course> }}")]
for book in books:
    print(label(book))
    count = show(book)
print(f"{count - 1} modules and knowledge points under the book")

# %% [markdown]
# ## Terms the chapters define
#
# Each term is a knowledge point with its definition (and its English name when the text
# gives one), taught by the chapter that defines it.

# %%
terms = store.query(
    f"""SELECT DISTINCT ?m ?term ?en ?definition WHERE {{
      ?m <{GB}teaches> ?kp .
      ?kp <{RDFS}label> ?term FILTER(lang(?term) = "zh")
      OPTIONAL {{ ?kp <{RDFS}label> ?en FILTER(lang(?en) = "en") }}
      OPTIONAL {{ ?kp <{GB}definition> ?definition }}
    }} ORDER BY ?m ?term"""
)
for row in terms:
    en = f" ({row['en'].value})" if row["en"] else ""
    definition = row["definition"].value[:60] if row["definition"] else ""
    print(f"{label(row['m'].value)} · {row['term'].value}{en}: {definition}")
