"""Embedders: texts → unit vectors whose dot product is their cosine similarity.

Two kinds:

- :class:`CharNgramEmbedder`: character 1–3-gram TF-IDF vectors (scikit-learn), fitted on
  the texts to match and the taxonomy labels. Needs no download and reads Chinese.
- :class:`SentenceTransformerEmbedder`: a sentence-transformers model named by a setting,
  loaded offline on first use. Unless told the model is multilingual it refuses Chinese
  text: all-MiniLM-L6-v2 gives 0.99 between 数据库技术 and 可编程控制器.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from graphbuilder.align.normalise import has_cjk, normalise

# A row-normalised matrix: a numpy array or a scipy sparse matrix.
Vectors = Any


class Embedder(Protocol):
    """What the matching layer needs of an embedder."""

    name: str

    def accepts(self, text: str) -> bool:
        """Whether this embedder may judge ``text``."""
        ...

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit vector per text."""
        ...

    def similarity(self, a: Vectors, b: Vectors) -> np.ndarray:
        """The dense matrix of cosines between the rows of ``a`` and ``b``."""
        ...


class CharNgramEmbedder:
    """Character n-gram TF-IDF vectors, fitted on a corpus; works for any script.

    Args:
        corpus: texts to fit the vocabulary and IDF on (node texts and taxonomy labels).
        ngram_range: the character n-gram lengths.

    Examples:
        >>> e = CharNgramEmbedder(["可编程控制器", "数据库技术", "可编程控制器技术应用"])
        >>> q, k = e.encode(["可编程控制器技术"]), e.encode(["可编程控制器", "数据库技术"])
        >>> sim = e.similarity(q, k)
        >>> bool(sim[0, 0] > 0.5 > sim[0, 1])
        True
    """

    name = "char-ngram"

    def __init__(self, corpus: Sequence[str], ngram_range: tuple[int, int] = (1, 3)) -> None:
        from sklearn.feature_extraction.text import (  # type: ignore[import-untyped]
            HashingVectorizer,
            TfidfTransformer,
        )

        # Hashing keeps n-grams the corpus never saw: they weigh in with the highest IDF
        # instead of vanishing (which would make 空气动力学 look exactly like 气动).
        self._hasher = HashingVectorizer(
            analyzer="char",
            ngram_range=ngram_range,
            n_features=2**20,
            alternate_sign=False,
            norm=None,
            dtype=np.float32,
        )
        self._tfidf = TfidfTransformer(sublinear_tf=True)
        self._tfidf.fit(self._hasher.transform([normalise(t) for t in corpus] or [""]))

    def accepts(self, text: str) -> bool:
        """Any text."""
        return True

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Sparse, L2-normalised TF-IDF rows."""
        return self._tfidf.transform(self._hasher.transform([normalise(t) for t in texts]))

    def similarity(self, a: Vectors, b: Vectors) -> np.ndarray:
        """Cosines as a dense array."""
        return np.asarray((a @ b.T).toarray(), dtype=np.float32)


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded from a local path or cache only (no download).

    Args:
        model: a model directory or a name in the local Hugging Face cache.
        multilingual: whether the model may judge Chinese text.
    """

    def __init__(self, model: str, *, multilingual: bool = False) -> None:
        self.model = model
        self.multilingual = multilingual
        self.name = "st:" + "/".join(Path(model).parts[-2:])
        self._model: Any = None

    def accepts(self, text: str) -> bool:
        """Latin-script text, or any text when the model is multilingual."""
        return self.multilingual or not has_cjk(text)

    def _load(self) -> Any:
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(self.model, device="cpu", local_files_only=True)
        return self._model

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Dense unit vectors.

        Raises:
            ValueError: a text this model may not judge (Chinese for a monolingual model).
        """
        refused = [t for t in texts if not self.accepts(t)]
        if refused:
            raise ValueError(f"{self.name} does not judge Chinese text: {refused[0]!r}")
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        vecs = self._load().encode(list(texts), normalize_embeddings=True, batch_size=64)
        return np.asarray(vecs, dtype=np.float32)

    def similarity(self, a: Vectors, b: Vectors) -> np.ndarray:
        """Cosines of unit vectors."""
        if a.shape[0] == 0 or b.shape[0] == 0:
            return np.zeros((a.shape[0], b.shape[0]), dtype=np.float32)
        return np.asarray(a @ b.T, dtype=np.float32)
