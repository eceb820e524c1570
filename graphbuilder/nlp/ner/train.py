"""Train a small spaCy NER on EduNER, on CPU, reproducibly.

The pipeline is ``tok2vec`` (a hash-embedding CNN, ``spacy.Tok2Vec.v2``: width 96, depth 4) under
a transition-based ``ner``, trained with spaCy's own loop (:func:`spacy.training.loop.train`) from
a config built in code (:func:`~graphbuilder.nlp.ner.config.ner_config`); the checkpoint that
scores best on the dev set is kept.

Choices, each measured on EduNER dev (micro-F1, exact match, over
:data:`~graphbuilder.nlp.ner.corpus.PRODUCT_LABELS`; the same seed and budget otherwise):

- **Tokens: jieba words, not characters.** EduNER tags characters, and jieba cuts 3.7 % of the dev
  entities of those types inside a word (they are dropped from training and can never be found),
  yet the word model scores higher (0.520 against 0.49 for one token per character, 0.50 with
  added character-bigram and jieba-word features) and trains faster: fewer tokens, fewer
  transitions.
  ``segmenter="char"`` stays available. The jieba tokenizer is graphbuilder's own
  (:mod:`graphbuilder.nlp.ner.segmenter`): a private dictionary, so a user dictionary loaded
  into jieba elsewhere cannot change what the trained model sees.
- **All 16 EduNER types are learnt** (``labels=None``), not only the product ones. On the whole
  dev set the two are level (0.522 or 0.516 at 6 or 10 epochs, against 0.520), but on the 871 dev
  sentences that are not copies of training sentences all-types is ahead (0.529 or 0.535 against
  0.517). The pipeline therefore also predicts PER, ORG, COU (country), DAT, ...; callers keep
  the labels they want.
- **10 epochs, dropout 0.1.** With dropout 0.2 the all-types dev F1 trailed at every evaluation
  up to epoch 6.
- **Hash tables, width, window, jieba's HMM: left as they were.** One change at a time against
  the 0.516 (dev) / 0.535 (dev sentences not in train) of these defaults: NORM rows 30000 and
  SUFFIX 5000 scored 0.509 / 0.525 (17.7 MB); width 128 with NORM rows 20000, 0.513 / 0.517
  (19.1 MB); window 2 trailed by 2.5 points at step 1200 and was stopped; jieba without its
  HMM (``hmm=False``: 813 training entities cut inside a word instead of 1530) 0.517 / 0.530.
  EduNER is small (8,419 sentences): more capacity does not help.
- **No silver data by default** (:mod:`graphbuilder.nlp.ner.silver`, ``silver=``). 2,000
  curriculum sentences whose technology names the rules label ``TOO`` (every other token
  missing) moved dev micro-F1 by run-to-run noise: 0.527 / 0.536 when labelled with a fifth of
  the technology lexicon and of the documents held out, 0.508 / 0.522 with all of them. They do
  teach the held-out technologies: on the held-out documents the model finds 76 of 278 held-out
  term occurrences exactly (12 without silver) and 128 overlapping (14). But it then marks many
  non-technologies ``TOO`` in curriculum text (安全防护, 设备制造, 汽车研发部门): of its spans
  that no lexicon gives, 8 of 30 judged by eye were technologies, against 25 of 30 without.

With the defaults the shipped model (``graphbuilder/nlp/models/eduner-ner``) takes about 10 CPU
minutes (one core) and 6.6 MB, and scores micro-F1 0.516 on dev (P 0.537, R 0.496). Two runs with
the same seed give byte-identical weights.
"""

from __future__ import annotations

import hashlib
import io
import json
import platform
import tempfile
import time
from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from graphbuilder.errors import InputError
from graphbuilder.nlp.ner.config import Segmenter, ner_config
from graphbuilder.nlp.ner.corpus import PRODUCT_LABELS, read_eduner, to_docbin
from graphbuilder.nlp.ner.load import register_functions
from graphbuilder.nlp.ner.scoring import Prf, TypeScore, predict_spans, score_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import DocBin

    from graphbuilder.nlp.ner.silver import SilverSet

__all__ = ["PIPELINE_NAME", "TRAINING_RECORD", "TrainRecord", "train_ner"]

PIPELINE_NAME = "eduner_ner"
TRAINING_RECORD = "training.json"
"""File name of the :class:`TrainRecord` written next to the trained pipeline."""


@dataclass(frozen=True, slots=True)
class TrainRecord:
    """What a training run used and reached; written as ``training.json`` next to the pipeline.

    Dev scores are entity-level exact match (:func:`~graphbuilder.nlp.ner.scoring.score_spans`)
    against the full gold file; ``dev_micro`` averages over ``micro_labels``. The dev set also
    picked the best checkpoint, so they are slightly optimistic. ``dev_unseen_micro`` scores only
    the dev sentences whose text is not in the training file (EduNER dev repeats 144 of them).
    ``cpu_seconds`` is this process's CPU time, a fairer cost than wall time on a shared machine.
    ``silver`` describes the rule-labelled sentences added to training, if any (source, hash,
    sentence and entity counts, labels, held-out concepts); ``None`` without silver data.
    """

    seed: int
    train_path: str
    dev_path: str
    train_sha256: str
    dev_sha256: str
    labels: list[str]
    segmenter: str
    hyperparameters: dict[str, Any]
    train_sentences: int
    train_entities: int
    dropped_misaligned: int
    epochs: int
    steps: int
    best_step: int
    micro_labels: list[str]
    dev_micro: Prf
    dev_per_type: dict[str, TypeScore]
    dev_sentences: int
    dev_unseen_micro: Prf
    dev_unseen_sentences: int
    spacy_version: str
    python_version: str
    duration_seconds: float
    cpu_seconds: float
    model_bytes: int
    history: list[dict[str, Any]] = field(default_factory=list)
    silver: dict[str, Any] | None = None

    def to_json(self) -> str:
        """The record as pretty-printed JSON (UTF-8 text, Chinese kept readable)."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _add_silver(train_bin: DocBin, silver: SilverSet, nlp: Language) -> dict[str, Any]:
    """Append the silver docs to the training data; what the record says about them."""
    from graphbuilder.nlp.ner.silver import silver_docbin

    silver_bin, dropped = silver_docbin(silver.sentences, nlp)
    train_bin.merge(silver_bin)
    return {
        "source": silver.source,
        "sha256": silver.sha256,
        "labels": silver.labels,
        "candidate_sentences": silver.candidates,
        "sentences": len(silver_bin),
        "documents": silver.documents,
        "entities": sum(len(s.spans) for s in silver.sentences) - dropped,
        "dropped_misaligned": dropped,
        "held_out_concepts": silver.held_out_concepts,
    }


def train_ner(
    train_path: str | Path,
    dev_path: str | Path,
    out_dir: str | Path,
    *,
    seed: int = 0,
    max_epochs: int = 10,
    patience: int = 1600,
    labels: Collection[str] | None = None,
    segmenter: Segmenter = "jieba",
    silver: SilverSet | None = None,
    log: IO[str] | None = None,
    **hyperparameters: Any,
) -> TrainRecord:
    """Train the EduNER recogniser and save it, with its ``training.json``, to ``out_dir``.

    Args:
        train_path: EduNER-format training file.
        dev_path: EduNER-format dev file; picks the best checkpoint and is scored at the end.
        out_dir: where the pipeline goes; must not exist or be empty.
        seed: random seed; the same seed, data and machine give the same model.
        max_epochs: passes over the training data at most.
        patience: stop after this many steps without a better dev score.
        labels: entity types to learn (others are treated as ``O``); ``None`` (default) learns
            all 16 EduNER types, which scores slightly better on the product types than
            learning those alone.
        segmenter: ``"jieba"`` (default, scores better on dev) or ``"char"`` (one token per
            character).
        silver: rule-labelled sentences (:func:`~graphbuilder.nlp.ner.silver.build_silver`)
            added to the training data, their unlabelled tokens missing rather than ``O``.
        log: where spaCy's progress table goes; ``None`` discards it.
        **hyperparameters: further keyword arguments of
            :func:`~graphbuilder.nlp.ner.config.ner_config` (``width``, ``depth``, ``dropout``,
            ``eval_frequency``, ``learn_rate``, ``batch_words``, ...).

    Returns:
        The training record, also written to ``out_dir / "training.json"``.

    Raises:
        InputError: a data file cannot be read, or ``out_dir`` is not empty.
        CorpusFormatError: a malformed line in a data file.
    """
    import spacy
    from spacy.about import __version__ as spacy_version
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as spacy_train
    from spacy.util import load_config_from_str

    register_functions()

    started, cpu_started = time.perf_counter(), time.process_time()
    train_path, dev_path, out_dir = Path(train_path), Path(dev_path), Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise InputError(str(out_dir), "output directory exists and is not empty")
    cfg_text = ner_config(
        seed=seed,
        segmenter=segmenter,
        max_epochs=max_epochs,
        patience=patience,
        **hyperparameters,
    )
    spacy.util.fix_random_seed(seed)  # type: ignore[attr-defined]  # thinc's, re-exported
    train_sents = read_eduner(train_path, labels=labels)
    dev_sents = read_eduner(dev_path, labels=labels)
    label_set = sorted({s[2] for sent in train_sents for s in sent.spans})
    with tempfile.TemporaryDirectory(prefix="graphbuilder-ner-") as tmp_name:
        tmp = Path(tmp_name)
        config = load_config_from_str(cfg_text)
        tokenizer_nlp = spacy.blank("zh", config={"nlp": {"tokenizer": config["nlp"]["tokenizer"]}})
        train_bin, dropped = to_docbin(train_sents, tokenizer_nlp)
        dev_bin, _ = to_docbin(dev_sents, tokenizer_nlp)
        silver_info = _add_silver(train_bin, silver, tokenizer_nlp) if silver else None
        train_bin.to_disk(tmp / "train.spacy")
        dev_bin.to_disk(tmp / "dev.spacy")
        config = load_config_from_str(
            cfg_text,
            overrides={
                "paths.train": str(tmp / "train.spacy"),
                "paths.dev": str(tmp / "dev.spacy"),
                "paths.log": str(tmp / "log.jsonl"),
            },
        )
        nlp = init_nlp(config)
        sink = log if log is not None else io.StringIO()
        (tmp / "output").mkdir()
        spacy_train(nlp, tmp / "output", stdout=sink, stderr=sink)
        history = [json.loads(line) for line in (tmp / "log.jsonl").read_text("utf-8").splitlines()]
        best = spacy.load(tmp / "output" / "model-best")
    best.meta.update(
        {
            "name": PIPELINE_NAME,
            "version": "0.1.0",
            "description": "Chinese education-domain term/concept recogniser "
            f"({segmenter} tokens), trained on EduNER by graphbuilder.nlp.ner.train.",
            "license": "CC BY 4.0 (trained on EduNER, CC BY 4.0)",
            "sources": [
                {
                    "name": "EduNER",
                    "url": "https://github.com/anonymous-xl/eduner",
                    "license": "CC BY 4.0",
                    "author": "Li X., Wei C., Jiang Z. et al., Neural Computing & Applications "
                    "2023, doi:10.1007/s00521-023-08635-5",
                }
            ],
        }
    )
    for key in ("train", "dev", "log"):  # temporary files, gone once training ends
        best.config["paths"][key] = None
    out_dir.mkdir(parents=True, exist_ok=True)
    best.to_disk(out_dir)
    model_bytes = _dir_bytes(out_dir)
    # Score against the full gold file: entities a segmenter cannot represent count as missed.
    dev_full = read_eduner(dev_path)
    gold = [s.spans for s in dev_full]
    predicted = predict_spans(dev_full, best)
    _, per_type = score_spans(gold, predicted, list(labels) if labels is not None else label_set)
    micro, _ = score_spans(gold, predicted, PRODUCT_LABELS)
    seen = {s.text for s in read_eduner(train_path)}
    unseen = [i for i, s in enumerate(dev_full) if s.text not in seen]
    unseen_micro, _ = score_spans(
        [gold[i] for i in unseen], [predicted[i] for i in unseen], PRODUCT_LABELS
    )
    best_entry = max(history, key=lambda h: float(h["score"])) if history else {"step": 0}
    record = TrainRecord(
        seed=seed,
        train_path=str(train_path),
        dev_path=str(dev_path),
        train_sha256=_sha256(train_path),
        dev_sha256=_sha256(dev_path),
        labels=label_set,
        segmenter=segmenter,
        hyperparameters={"max_epochs": max_epochs, "patience": patience, **hyperparameters},
        train_sentences=len(train_sents),
        train_entities=sum(len(s.spans) for s in train_sents),
        dropped_misaligned=dropped,
        epochs=int(history[-1]["epoch"]) + 1 if history else 0,
        steps=int(history[-1]["step"]) if history else 0,
        best_step=int(best_entry["step"]),
        micro_labels=list(PRODUCT_LABELS),
        dev_micro=micro,
        dev_per_type=per_type,
        dev_sentences=len(dev_full),
        dev_unseen_micro=unseen_micro,
        dev_unseen_sentences=len(unseen),
        spacy_version=spacy_version,
        python_version=platform.python_version(),
        duration_seconds=round(time.perf_counter() - started, 1),
        cpu_seconds=round(time.process_time() - cpu_started, 1),
        model_bytes=model_bytes,
        history=history,
        silver=silver_info,
    )
    (out_dir / TRAINING_RECORD).write_text(record.to_json(), encoding="utf-8")
    return record
