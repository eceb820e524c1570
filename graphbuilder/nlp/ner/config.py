"""The spaCy training config of the EduNER recogniser, built in code.

One function, :func:`ner_config`, fills a ``.cfg`` template: spaCy's Chinese tokenizer (``char``)
or graphbuilder's private jieba tokenizer, a ``spacy.Tok2Vec.v2`` hash-embedding CNN and a
transition-based ``ner``, Adam, word-count batches. Why these defaults: see
:mod:`graphbuilder.nlp.ner.train`.
"""

from __future__ import annotations

import json
from typing import Literal

__all__ = ["Segmenter", "ner_config"]

Segmenter = Literal["char", "jieba"]

_CONFIG = """
[paths]
train = null
dev = null
log = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "zh"
pipeline = ["tok2vec", "ner"]
batch_size = 256

[nlp.tokenizer]
{tokenizer}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = {attrs}
rows = {rows}
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = {window_size}
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden_width}
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0

[training]
seed = ${{system.seed}}
gpu_allocator = null
dropout = {dropout}
accumulate_gradient = 1
patience = {patience}
max_epochs = {max_epochs}
max_steps = 0
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = {batch_words}
compound = 1.001

[training.logger]
@loggers = "spacy.ConsoleLogger.v3"
progress_bar = null
console_output = true
output_file = ${{paths.log}}

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = {learn_rate}

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[initialize]
vectors = null
init_tok2vec = null
"""


def ner_config(
    *,
    seed: int = 0,
    segmenter: Segmenter = "jieba",
    hmm: bool = True,
    width: int = 96,
    depth: int = 4,
    window_size: int = 1,
    attrs: tuple[str, ...] = ("NORM", "PREFIX", "SUFFIX", "SHAPE"),
    rows: tuple[int, ...] = (5000, 1000, 2500, 2500),
    hidden_width: int = 64,
    dropout: float = 0.1,
    learn_rate: float = 0.001,
    batch_words: int = 1000,
    max_epochs: int = 10,
    patience: int = 1600,
    eval_frequency: int = 200,
) -> str:
    """The spaCy training config (``.cfg`` text) for the EduNER recogniser.

    Args:
        seed: random seed for spaCy, thinc and numpy.
        segmenter: ``"jieba"`` (graphbuilder's private-dictionary jieba tokenizer) or ``"char"``
            (spaCy's Chinese tokenizer, one token per character).
        hmm: with ``"jieba"``, let jieba's HMM join unknown characters into words.
        width: tok2vec width.
        depth: number of CNN layers.
        window_size: tokens on each side each CNN layer sees.
        attrs: token attributes hashed into embeddings.
        rows: hash-table rows, one per attribute.
        hidden_width: width of the NER state layer.
        dropout: dropout rate.
        learn_rate: Adam learning rate.
        batch_words: batch size in tokens reached by the compounding schedule.
        max_epochs: passes over the training data at most.
        patience: stop after this many steps without a better dev score (0: never).
        eval_frequency: steps between dev evaluations.

    Returns:
        The config; ``paths.train``, ``paths.dev`` and ``paths.log`` are left to fill in.
    """
    if len(attrs) != len(rows):
        raise ValueError(f"{len(attrs)} attrs but {len(rows)} row counts")
    if segmenter == "jieba":
        tokenizer = '@tokenizers = "graphbuilder.ZhPrivateJieba.v1"\nhmm = ' + json.dumps(hmm)
    else:
        tokenizer = '@tokenizers = "spacy.zh.ChineseTokenizer"\nsegmenter = "char"'
    return _CONFIG.format(
        seed=seed,
        tokenizer=tokenizer,
        attrs=json.dumps(list(attrs)),
        rows=json.dumps(list(rows)),
        width=width,
        depth=depth,
        window_size=window_size,
        hidden_width=hidden_width,
        dropout=dropout,
        learn_rate=learn_rate,
        batch_words=batch_words,
        max_epochs=max_epochs,
        patience=patience,
        eval_frequency=eval_frequency,
    )
