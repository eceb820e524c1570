"""The notebooks run, top to bottom, against the small fixture corpus; each ``.ipynb`` is the
pair of its ``.py`` (jupytext percent format)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["quickstart", "textbook"]

# jupyter_core warns that it is moving its paths to platformdirs (a notice about a future
# default, not about our code); zmq warns about the event-loop policy on some Python versions.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Jupyter is migrating its paths:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::RuntimeWarning:zmq"),
]


@pytest.mark.parametrize("name", NAMES)
def test_the_ipynb_is_the_pair_of_the_py(name: str) -> None:
    import jupytext

    script = jupytext.read(NOTEBOOKS / f"{name}.py")
    notebook = jupytext.read(NOTEBOOKS / f"{name}.ipynb")
    assert [(c.cell_type, c.source) for c in script.cells] == [
        (c.cell_type, c.source) for c in notebook.cells
    ]


@pytest.mark.parametrize("name", NAMES)
def test_the_notebook_runs(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import jupytext
    from nbclient import NotebookClient

    monkeypatch.setenv("GRAPHBUILDER_NOTEBOOK_CORPUS", "tests/fixtures/corpus")
    notebook = jupytext.read(NOTEBOOKS / f"{name}.py")
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    ).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    expected = {"quickstart": "510201 计算机应用技术", "textbook": "原始类型 (primitive type)"}
    assert expected[name] in text
