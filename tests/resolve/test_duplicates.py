from __future__ import annotations

from graphbuilder.resolve.duplicates import near_duplicates, ngram_vector


def test_string_near_duplicates_cluster_with_their_evidence() -> None:
    labels = ["钢结构工程施工进度", "钢结构工程的施工进度", "钢结构工程施工质量", "数据库"]
    (cluster,) = near_duplicates(labels, counts={"钢结构工程的施工进度": 3})
    assert cluster.members == ("钢结构工程施工进度", "钢结构工程的施工进度")
    assert cluster.representative == "钢结构工程的施工进度"
    (pair,) = cluster.pairs
    assert pair.string >= 0.9


def test_short_labels_are_never_paired() -> None:
    assert near_duplicates(["数控", "数据"], min_length=4) == []


def test_an_embedder_finds_pairs_strings_miss() -> None:
    vectors = {
        "计算机网络管理": [1.0, 0.0],
        "网络系统的运维管理": [0.99, 0.05],
        "食品检验": [0.0, 1.0],
    }
    clusters = near_duplicates(
        list(vectors), embed=lambda texts: [vectors[t] for t in texts], vector_threshold=0.95
    )
    assert [c.members for c in clusters] == [("网络系统的运维管理", "计算机网络管理")]


def test_ngram_vectors_count_characters_and_bigrams() -> None:
    assert ngram_vector("ab") == {"a": 1, "b": 1, "ab": 1}
