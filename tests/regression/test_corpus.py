"""The annotated seed corpus is well formed, and the system's scores on it do not fall."""
import re
from pathlib import Path

import pytest

from scoring.evaluate import read_brat, run_system, score

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "seeds" / "attribution"
ANNS = sorted(CORPUS.glob("*.ann"))

# Floors: 0.02 below the figures measured on seeds/attribution (48 articles) with `sourcescore evaluate`.
RELATION_OVERLAP_F1_FLOOR = 0.884  # measured 0.904
CUE_OVERLAP_F1_FLOOR = 0.902       # measured 0.922
SOURCE_OVERLAP_F1_FLOOR = 0.898    # measured 0.918
CONTENT_OVERLAP_F1_FLOOR = 0.894   # measured 0.914
# merging and typing of sources against seeds/attribution/sources.json (`evaluate --sources`)
SOURCES_B3_F1_FLOOR = 0.912        # measured 0.932
SOURCES_TYPE_ACCURACY_FLOOR = 0.627  # measured 0.647
SOURCES_NAMED_ACCURACY_FLOOR = 0.803  # measured 0.823


def test_at_least_40_articles():
    assert len(ANNS) >= 40
    for ann in ANNS:
        assert ann.with_suffix(".txt").exists(), ann


@pytest.mark.parametrize("ann", ANNS, ids=[a.stem for a in ANNS])
def test_ann_valid(ann):
    text = ann.with_suffix(".txt").read_text(encoding="utf-8")
    spans = {}
    events = []
    for n, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if line.startswith("T"):
            assert len(parts) == 3, f"{ann.name}:{n}"
            label, offsets = parts[1].split(" ", 1)
            frags = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
            for s, e in frags:
                assert 0 <= s < e <= len(text), f"{ann.name}:{n}"
            assert parts[2] == " ".join(text[s:e] for s, e in frags), f"{ann.name}:{n}"
            assert parts[0] not in spans, f"{ann.name}:{n} duplicate id"
            spans[parts[0]] = label
        elif line.startswith("E"):
            events.append((n, parts[1].split()))
        else:
            assert re.match(r"[#AMNR]\d*", line), f"{ann.name}:{n}: {line[:60]}"
    assert events, ann.name
    for n, args in events:
        etype, trigger = args[0].split(":")
        assert etype in ("Attribution", "Attribution-no-source"), f"{ann.name}:{n}"
        assert trigger in spans, f"{ann.name}:{n}"
        roles = dict(a.split(":", 1) for a in args[1:])
        for role, tid in roles.items():
            assert tid in spans, f"{ann.name}:{n}: {tid}"
            assert spans[tid] == re.sub(r"\d+$", "", role), f"{ann.name}:{n}: {role}->{spans[tid]}"
        assert "Cue" in roles and "Content" in roles, f"{ann.name}:{n}"
        assert ("Source" in roles) == (etype == "Attribution"), f"{ann.name}:{n}"


@pytest.fixture(scope="module")
def metrics(lexicons):
    articles = read_brat(CORPUS)
    return score(articles, run_system(articles, lexicons))


@pytest.mark.parametrize("name, floor", [
    ("relation_overlap", RELATION_OVERLAP_F1_FLOOR),
    ("cue_overlap", CUE_OVERLAP_F1_FLOOR),
    ("source_overlap", SOURCE_OVERLAP_F1_FLOOR),
    ("content_overlap", CONTENT_OVERLAP_F1_FLOOR),
])
def test_score_floor(metrics, name, floor):
    assert metrics[name]["f1"] >= floor, f"{name} F1 {metrics[name]['f1']:.3f} < floor {floor}"


def test_source_groups_cover_every_article():
    """sources.json groups every Source annotation of every article (read_source_groups checks each article's
    groups against its .ann)."""
    from scoring.evaluate import read_source_groups

    groups = read_source_groups(CORPUS / "sources.json", CORPUS)
    assert sorted(groups) == [a.stem for a in ANNS]


def test_source_merging_and_typing_do_not_fall(lexicons):
    from scoring.evaluate import read_source_groups, score_sources

    scores = score_sources(CORPUS, read_source_groups(CORPUS / "sources.json", CORPUS), lexicons)
    assert scores["b3_f1"] >= SOURCES_B3_F1_FLOOR, scores
    assert scores["type_accuracy"] >= SOURCES_TYPE_ACCURACY_FLOOR, scores
    assert scores["named_accuracy"] >= SOURCES_NAMED_ACCURACY_FLOOR, scores
