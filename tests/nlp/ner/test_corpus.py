from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.errors import InputError
from graphbuilder.nlp.ner.corpus import (
    PRODUCT_LABELS,
    BioTagError,
    CorpusFormatError,
    TaggedSentence,
    read_eduner,
    spans_from_bio,
    to_docbin,
)

# 30 real EduNER dev sentences (CC BY 4.0, attribution in tests/fixtures/eduner/NOTICE).
DEV30 = Path(__file__).resolve().parents[2] / "fixtures" / "eduner" / "dev30.csv"


def _write(tmp_path: Path, text: str, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_reads_the_fixture() -> None:
    sentences = read_eduner(DEV30)
    assert len(sentences) == 30
    assert sentences[1] == TaggedSentence(
        "例如，犹他州立大学开发了人工智能语音辅助技术，方便残疾教师在学习空间内更好地掌控教学过程。",
        [(3, 9, "ORG"), (12, 16, "TOO"), (25, 29, "PER"), (40, 44, "TER")],
    )
    for text, spans in sentences:
        for start, end, _ in spans:
            assert 0 <= start < end <= len(text)


def test_labels_filter_keeps_only_those_types() -> None:
    sentences = read_eduner(DEV30, labels=PRODUCT_LABELS)
    assert sentences[1].spans == [(12, 16, "TOO"), (40, 44, "TER")]
    assert {s[2] for sent in sentences for s in sent.spans} <= set(PRODUCT_LABELS)


def test_bom_crlf_and_trailing_blank_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "\ufeff美 B-COU\r\n国 I-COU\r\n\r\n\r\n学 B-TER\r\n习 I-TER\r\n\r\n")
    assert read_eduner(path) == [
        TaggedSentence("美国", [(0, 2, "COU")]),
        TaggedSentence("学习", [(0, 2, "TER")]),
    ]


def test_space_and_line_separator_characters_are_characters(tmp_path: Path) -> None:
    path = _write(tmp_path, "A O\n  O\nI B-TOO\n\u2028 O\n\u3000 O\n")
    assert read_eduner(path) == [TaggedSentence("A I\u2028\u3000", [(2, 3, "TOO")])]


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("美 B-COU\n国I-COU\n", 2, "expected 'CHAR TAG'"),
        ("美 B-COU\n\n美国 B-COU\n", 3, "expected one character"),
        ("美 B-COU\n国 X-COU\n", 2, "is not O, B-X or I-X"),
        ("美 B-\n", 1, "is not O, B-X or I-X"),
        ("美 b-cou\n", 1, "is not O, B-X or I-X"),
        ("美 B-COU\n国 I-COU extra\n", 2, "expected 'CHAR TAG'"),
        ("美\tB-COU\n", 1, "expected 'CHAR TAG'"),
        (" B-TER\n", 1, "expected 'CHAR TAG'"),
        ("\n\n", 1, "no sentences"),
    ],
)
def test_malformed_lines_name_file_and_line(
    tmp_path: Path, content: str, line: int, reason: str
) -> None:
    path = _write(tmp_path, content, "bad.csv")
    with pytest.raises(CorpusFormatError) as info:
        read_eduner(path)
    assert info.value.line == line
    assert str(info.value).startswith(f"{path}: line {line}: ")
    assert reason in str(info.value)


def test_orphan_inside_tag_is_lenient_by_default_and_an_error_when_strict(tmp_path: Path) -> None:
    path = _write(tmp_path, "的 O\n在 O\n线 I-CON\n学 I-CON\n\n人 B-PER\n工 I-TER\n")
    assert read_eduner(path) == [
        TaggedSentence("的在线学", [(2, 4, "CON")]),
        TaggedSentence("人工", [(0, 1, "PER"), (1, 2, "TER")]),
    ]
    with pytest.raises(CorpusFormatError, match=r"line 3: I-CON does not continue"):
        read_eduner(path, strict=True)


def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_eduner(tmp_path / "missing.csv")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("é O\n".encode("latin-1"))
    with pytest.raises(InputError, match="cannot read"):
        read_eduner(latin1)


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ([], []),
        (["O", "O"], []),
        (["B-TER"], [(0, 1, "TER")]),
        (["B-TER", "I-TER", "I-TER"], [(0, 3, "TER")]),
        (["B-TER", "B-TER"], [(0, 1, "TER"), (1, 2, "TER")]),
        (["B-TER", "I-CON"], [(0, 1, "TER"), (1, 2, "CON")]),
        (["O", "I-TOO", "I-TOO", "O"], [(1, 3, "TOO")]),
    ],
)
def test_spans_from_bio(tags: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert spans_from_bio(tags) == expected


def test_spans_from_bio_strict_reports_position() -> None:
    with pytest.raises(BioTagError) as info:
        spans_from_bio(["B-TER", "O", "I-TER"], strict=True)
    assert info.value.position == 2


def test_docbin_with_char_segmenter_keeps_every_entity() -> None:
    import spacy

    nlp = spacy.blank("zh")  # the default Chinese segmenter is "char"
    sentences = read_eduner(DEV30)
    store, dropped = to_docbin(sentences, nlp)
    assert dropped == 0
    docs = list(store.get_docs(nlp.vocab))
    assert len(docs) == 30
    for doc, (text, spans) in zip(docs, sentences, strict=True):
        assert doc.text == text
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == spans


def test_docbin_drops_entities_a_word_segmenter_cuts() -> None:
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    # jieba keeps 人工智能 as one word, so an entity on 工智 alone cannot be a token span.
    store, dropped = to_docbin([TaggedSentence("人工智能", [(1, 3, "TOO")])], nlp)
    assert dropped == 1
    (doc,) = store.get_docs(nlp.vocab)
    assert doc.ents == ()
