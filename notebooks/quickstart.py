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
# # Quickstart: build a graph, look up a major, draw a skill path
#
# This notebook builds the knowledge and skill graph from the shipped corpus (`corpora/`:
# the national 专业目录, 专业教学标准, 职业分类大典 and O*NET technologies), looks up one
# major, and draws the learning path to one of its skills.
#
# A full build of `corpora/` takes about a minute on a laptop. To try it on the small test
# corpus instead, set `GRAPHBUILDER_NOTEBOOK_CORPUS=tests/fixtures/corpus` before starting
# Jupyter (the test suite runs this notebook that way).

# %%
import os
import tempfile
from pathlib import Path

from graphbuilder.algorithms.graph import load_graph
from graphbuilder.algorithms.paths import learning_path
from graphbuilder.pipeline import build
from graphbuilder.settings import get_settings
from graphbuilder.store.oxigraph import OxigraphStore

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
# The corpus to build: a notebook parameter, not a library setting.
CORPUS = ROOT / os.environ.get("GRAPHBUILDER_NOTEBOOK_CORPUS", "corpora")
STORE = Path(tempfile.mkdtemp(prefix="graphbuilder-quickstart-")) / "store"
print(f"building {CORPUS} into {STORE}")

# %%
summary = build([CORPUS], STORE)
for outcome in summary.outcomes:
    print(f"{outcome.status:>9}  {outcome.kind:<22} {outcome.path}  ({outcome.nodes} nodes)")
assert not summary.failed, summary.failed

# %% [markdown]
# ## Look up a major
#
# Every fact is in the store with its provenance. SPARQL runs over the union of the
# documents' graphs; here: the majors, and for the first one its courses by type.

# %%
store = OxigraphStore(STORE, get_settings().base_iri, read_only=True)
GB = "https://w3id.org/graphbuilder/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
majors = [
    (r["code"].value, r["label"].value, r["m"].value)
    for r in store.query(
        f"SELECT DISTINCT ?m ?code ?label WHERE {{ ?m a <{GB}Major> ; <{GB}code> ?code ; "
        f"<{RDFS}label> ?label }} ORDER BY ?code"
    )
]
print(len(majors), "majors, e.g.", majors[:3])
code, name, major = majors[0]

# %%
courses = store.query(
    f"""SELECT DISTINCT ?label ?type WHERE {{
      <{major}> <{GB}hasPart> ?c . ?c <{RDFS}label> ?label .
      ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{major}> ;
          <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?c ; <{GB}courseType> ?type .
    }} ORDER BY ?type ?label"""
)
print(f"{code} {name}")
for row in courses:
    print(f"  {row['type'].value}: {row['label'].value}")

# %% [markdown]
# ## Draw a skill path
#
# The prerequisite stage infers `requires` edges between courses, skills and knowledge
# points. `learning_path` stages the prerequisite closure of a target: everything in one
# stage can be learnt once the stages before it are done. We take the node of this major
# with the longest path.

# %%
G = load_graph(store)
taught = {v for _, v, d in G.out_edges(major, data=True) if d.get("kind") in ("teaches", "hasPart")}
paths = [learning_path(G, n) for n in sorted(taught)]
path = max(paths, key=lambda p: (len(p.stages), p.target.label)) if paths else None
if path is None or len(path.stages) < 2:
    print("no prerequisite chain found for", name)
else:
    print(f"path to {path.target.label} ({path.target.kind}):")
    for n, stage in enumerate(path.stages):
        print(f"  stage {n}: " + "  |  ".join(item.node.label for item in stage))
    print("  " + " → ".join(stage[0].node.label for stage in path.stages))
