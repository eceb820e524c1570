"""spaCy's Chinese tokenizer in jieba mode, with a private jieba that knows the user dictionary.

spaCy's ``segmenter = "jieba"`` cuts with jieba's module-level tokenizer, so adding words to
it would change every other user of jieba in the process (the trained recogniser among
them). This tokenizer owns a ``jieba.Tokenizer`` and adds the user dictionary to it in
``initialize()``, from ``[initialize.tokenizer] user_dictionary`` (a registered loader,
:func:`graphbuilder.nlp.loaders.user_dictionary_loader`), never from the pipeline's config.

Registered as ``graphbuilder.ZhUserDictJieba.v1``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.lang.zh import ChineseTokenizer
from spacy.util import registry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.vocab import Vocab

__all__ = ["UserDictJiebaTokenizer", "user_dict_jieba_tokenizer"]


def _new_jieba() -> Any:
    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


class UserDictJiebaTokenizer(ChineseTokenizer):
    """A Chinese tokenizer cutting with its own jieba, to which user words can be added."""

    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab, segmenter="jieba")  # type: ignore[arg-type]
        self.jieba_seg = _new_jieba()
        self.user_words: list[str] = []

    def initialize(  # type: ignore[override]
        self,
        get_examples: Any = None,
        *,
        nlp: Any = None,
        user_dictionary: Any = (),
    ) -> None:
        """Add the user dictionary's words (those without spaces; jieba never joins across one).

        ``user_dictionary`` is an iterable of strings (typed ``Any``: spaCy validates this
        signature with pydantic, which cannot resolve postponed annotations).
        """
        seg: Any = self.jieba_seg
        for word in map(str, user_dictionary):
            if word and not any(ch.isspace() for ch in word):
                seg.add_word(word, seg.suggest_freq(word, tune=False))
                self.user_words.append(word)


def user_dict_jieba_tokenizer() -> Callable[[Language], UserDictJiebaTokenizer]:
    """The ``[nlp.tokenizer]`` factory: ``@tokenizers = "graphbuilder.ZhUserDictJieba.v1"``."""

    def make(nlp: Language) -> UserDictJiebaTokenizer:
        return UserDictJiebaTokenizer(nlp.vocab)

    return make


registry.tokenizers.register("graphbuilder.ZhUserDictJieba.v1", func=user_dict_jieba_tokenizer)
