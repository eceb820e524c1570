from __future__ import annotations

import pytest

from graphbuilder.nlp.ner.config import Segmenter, ner_config


@pytest.mark.parametrize(
    ("segmenter", "tokenizer"),
    [("jieba", "graphbuilder.ZhPrivateJieba.v1"), ("char", "spacy.zh.ChineseTokenizer")],
)
def test_config_loads_with_the_chosen_tokenizer(segmenter: Segmenter, tokenizer: str) -> None:
    from spacy.util import load_config_from_str

    config = load_config_from_str(ner_config(segmenter=segmenter, seed=7, width=64))
    assert config["nlp"]["tokenizer"]["@tokenizers"] == tokenizer
    assert config["system"]["seed"] == 7
    assert config["components"]["tok2vec"]["model"]["embed"]["width"] == 64
    assert config["components"]["ner"]["model"]["tok2vec"]["width"] == 64


def test_attrs_and_rows_must_pair_up() -> None:
    with pytest.raises(ValueError, match="2 attrs but 1 row counts"):
        ner_config(attrs=("NORM", "SHAPE"), rows=(100,))


@pytest.mark.parametrize("hmm", [True, False])
def test_the_jieba_hmm_switch_reaches_the_tokenizer(hmm: bool) -> None:
    from spacy.util import load_config_from_str

    config = load_config_from_str(ner_config(hmm=hmm))
    assert config["nlp"]["tokenizer"]["hmm"] is hmm
