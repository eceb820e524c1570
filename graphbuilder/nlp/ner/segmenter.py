"""A jieba tokenizer for the NER pipeline that owns its dictionary.

spaCy's Chinese tokenizer with ``segmenter = "jieba"`` cuts with jieba's module-level default
tokenizer, so anything that loads a user dictionary into jieba (``jieba.load_userdict``,
``jieba.add_word``) silently changes how the trained recogniser sees text, and its tokens no
longer match the ones it was trained on. This tokenizer cuts with a private ``jieba.Tokenizer()``
on jieba's default dictionary instead: the same segmentation as training, whatever else the
process does to jieba.

With ``hmm = false`` in the config, jieba's HMM does not glue characters it does not know into
new words: an unknown term stays a run of single characters, so more entity edges fall on token
edges (EduNER train: 813 entities cut inside a word instead of 1530).

Registered as ``graphbuilder.ZhPrivateJieba.v1``; import this module before loading a pipeline
that uses it (:func:`graphbuilder.nlp.ner.load.load_ner_pipeline` does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from spacy.lang.zh import ChineseTokenizer
from spacy.util import registry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.vocab import Vocab

__all__ = ["PrivateJiebaTokenizer", "private_jieba_tokenizer"]

_shared: Any = None


def _private_jieba() -> Any:
    """One private, initialised ``jieba.Tokenizer`` per process (loading one takes ~1 s)."""
    global _shared
    if _shared is None:
        import jieba  # type: ignore[import-untyped]

        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        _shared = tokenizer
    return _shared


class _WithoutHmm:
    """Stands in for a ``jieba.Tokenizer`` and cuts with its HMM switched off."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer

    def cut(self, text: str, cut_all: bool = False) -> Iterator[str]:
        return self._tokenizer.cut(text, cut_all=cut_all, HMM=False)  # type: ignore[no-any-return]


class PrivateJiebaTokenizer(ChineseTokenizer):
    """spaCy's Chinese tokenizer in jieba mode, cutting with a private ``jieba.Tokenizer``."""

    def __init__(self, vocab: Vocab, *, hmm: bool = True) -> None:
        super().__init__(vocab, segmenter="jieba")  # type: ignore[arg-type]
        self.jieba_seg = _private_jieba() if hmm else _WithoutHmm(_private_jieba())


def private_jieba_tokenizer(hmm: bool = True) -> Callable[[Language], PrivateJiebaTokenizer]:
    """The ``[nlp.tokenizer]`` factory: ``@tokenizers = "graphbuilder.ZhPrivateJieba.v1"``.

    Args:
        hmm: let jieba's HMM join unknown characters into words (jieba's default).
    """

    def make(nlp: Language) -> PrivateJiebaTokenizer:
        return PrivateJiebaTokenizer(nlp.vocab, hmm=hmm)

    return make


registry.tokenizers.register("graphbuilder.ZhPrivateJieba.v1", func=private_jieba_tokenizer)
