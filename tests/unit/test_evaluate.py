"""Attribution evaluation: brat parsing, metric edge cases, and equivalence with the reference scorer."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.errors import CorpusError
from scoring.evaluate import (ORDER, Article, charset, format_table, gold_json, max_matching, parse_ann,
                              read_brat, score, split_sentences, system_attributions)

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = Path("/work/shared/eval/score_attr.py")

TEXT = "Police said the road was closed. The mayor, Ann Lee, warned of delays.\nIt is unclear why."
#       0         1         2         3         4         5         6         7         8
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567


def _span(sub: str, text: str = TEXT) -> tuple[int, int]:
    s = text.index(sub)
    return s, s + len(sub)


def _write(tmp_path: Path, ann: str, text: str = TEXT, stem: str = "doc") -> Path:
    (tmp_path / f"{stem}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / f"{stem}.ann"
    path.write_text(ann, encoding="utf-8")
    return path


def _ann() -> str:
    ps, pe = _span("Police")
    cs, ce = _span("said")
    ks, ke = _span("the road was closed")
    ms, me = _span("The mayor")
    ls, le = _span("Ann Lee")
    ws, we = _span("warned")
    ds, de = _span("of delays")
    us, ue = _span("It is unclear")
    qs, qe = _span("why")
    return "\n".join([
        f"T1\tSource {ps} {pe}\tPolice",
        f"T2\tCue {cs} {ce}\tsaid",
        f"T3\tContent {ks} {ke}\tthe road was closed",
        f"T4\tSource {ms} {me};{ls} {le}\tThe mayor Ann Lee",  # discontinuous
        f"T5\tCue {ws} {we}\twarned",
        f"T6\tContent {ds} {de}\tof delays",
        f"T7\tCue {us} {ue}\tIt is unclear",
        f"T8\tContent {qs} {qe}\twhy",
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        "E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6",
        "E3\tAttribution-no-source:T7 Cue:T7 Content:T8",
        "E4\tDiscuss:T5 Cue:T5 Content:T6",
        "#1\tAnnotatorNotes T1\tpolice force",
        "A1\tFactuality E1 certain",
        "R1\tCoref Arg1:T1 Arg2:T4",
        "",
    ])


# ---------------------------------------------------------------------------- parsing
def test_parse_ann(tmp_path):
    attrs = parse_ann(_write(tmp_path, _ann()), TEXT)
    assert len(attrs) == 3  # the Discuss event and the other lines are ignored
    first, second, third = attrs
    assert first["source"] == [list(_span("Police"))]
    assert first["cue"] == [list(_span("said"))]
    assert first["content"] == [list(_span("the road was closed"))]
    assert second["source"] == [list(_span("The mayor")), list(_span("Ann Lee"))]
    assert third["source"] is None
    assert third["cue"] == [list(_span("It is unclear"))]
    assert third["content"] == [list(_span("why"))]


def test_attribution_no_source_keeps_a_source_argument_as_the_reference_gold_does(tmp_path):
    ann = _ann().replace("E3\tAttribution-no-source:T7 Cue:T7", "E3\tAttribution-no-source:T7 Source:T1 Cue:T7")
    attrs = parse_ann(_write(tmp_path, ann), TEXT)
    assert attrs[2]["source"] == [list(_span("Police"))]


def test_a_numbered_role_joins_the_role_in_text_order(tmp_path):
    """brat numbers a role given twice ("Content2"); PolNeAR's gold.json joins it to the role, fragments in
    text order."""
    ann = ("T1\tCue 7 11\tsaid\nT2\tContent 12 15\tthe\nT3\tContent 0 6\tPolice\n"
           "E1\tAttribution:T1 Cue:T1 Content:T2 Content2:T3\n")
    (a,) = parse_ann(_write(tmp_path, ann), TEXT)
    assert a == {"source": None, "cue": [[7, 11]], "content": [[0, 6], [12, 15]]}


def test_attribution_without_content(tmp_path):
    ann = "T1\tCue 7 11\tsaid\nE1\tAttribution:T1 Cue:T1\n"
    (a,) = parse_ann(_write(tmp_path, ann), TEXT)
    assert a == {"source": None, "cue": [[7, 11]], "content": None}


def test_only_discuss_events_gives_nothing(tmp_path):
    ann = "T1\tCue 7 11\tsaid\nE1\tDiscuss:T1 Cue:T1\n"
    assert parse_ann(_write(tmp_path, ann), TEXT) == []


@pytest.mark.parametrize("ann", [
    "T1\tCue 7 999\tsaid\n",  # outside the text
    "T1\tCue 11 7\tsaid\n",  # reversed
    "T1\tCue 7 7\t\n",  # empty
    "T1\tCue seven 11\tsaid\n",  # not a number
    "T1\tCue 7\tsaid\n",  # half an offset
    "T1\n",  # no fields
    "T1\tCue 7 11\tsaid\nE1\tAttribution:T1 Cue:T1 Content:T9\n",  # missing span
])
def test_malformed_ann_raises_corpus_error(tmp_path, ann):
    with pytest.raises(CorpusError):
        parse_ann(_write(tmp_path, ann), TEXT)


def test_read_brat_pairs_text_and_annotator_suffix(tmp_path):
    sub = tmp_path / "texts"
    sub.mkdir()
    (sub / "story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "story_annA.ann").write_text(_ann(), encoding="utf-8")
    (tmp_path / "plain.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "plain.ann").write_text(_ann(), encoding="utf-8")
    articles = read_brat(tmp_path)
    assert sorted(a.id for a in articles) == ["plain", "story"]
    assert all(a.text == TEXT and len(a.attributions) == 3 for a in articles)


def test_read_brat_errors(tmp_path):
    with pytest.raises(CorpusError):
        read_brat(tmp_path)  # no .ann at all
    (tmp_path / "orphan.ann").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match="orphan"):
        read_brat(tmp_path)


def test_gold_json_round_trips(tmp_path):
    _write(tmp_path, _ann())
    articles = read_brat(tmp_path)
    data = json.loads(gold_json(articles))
    assert data == [{"id": "doc", "text": TEXT, "attributions": [dict(a) for a in articles[0].attributions]}]


# ---------------------------------------------------------------------------- metrics
def _gold(*attrs, text: str = TEXT, id: str = "doc") -> list[Article]:
    return [Article(id=id, text=text, attributions=tuple(attrs))]


def _attr(source=None, cue=None, content=None):
    return {"source": source, "cue": cue, "content": content}


def test_charset_ignores_whitespace_and_fragments():
    text = "ab cd  ef"
    assert charset([[0, 9]], text) == charset([[0, 2], [3, 5], [7, 9]], text) == {0, 1, 3, 4, 7, 8}
    assert charset(None, text) == frozenset()
    assert charset([], text) == frozenset()
    assert charset([[2, 3]], text) == frozenset()  # only a space: absent


def test_perfect_system_scores_one():
    attrs = parse_ann_like()
    m = score(_gold(*attrs), {"doc": list(attrs)})
    for name in ORDER:
        assert m[name]["p"] == m[name]["r"] == m[name]["f1"] == 1.0, name


def parse_ann_like():
    return [
        _attr([list(_span("Police"))], [list(_span("said"))], [list(_span("the road was closed"))]),
        _attr([list(_span("Ann Lee"))], [list(_span("warned"))], [list(_span("of delays"))]),
    ]


def test_whitespace_padding_still_exact():
    gold = _attr([list(_span("Police"))], [list(_span("said"))], [list(_span("the road was closed"))])
    s, e = _span("the road was closed")
    padded = _attr([[0, 7]], [[6, 12]], [[s - 1, e]])  # "Police " / " said " / " the road was closed"
    m = score(_gold(gold), {"doc": [padded]})
    assert m["cue_exact"]["tp"] == m["source_exact"]["tp"] == m["content_exact"]["tp"] == 1
    assert m["relation_exact"]["tp"] == 1


def test_fragmented_equals_whole_span():
    s, e = _span("the road was closed")
    gold = _attr(None, [list(_span("said"))], [[s, e]])
    system = _attr(None, [list(_span("said"))], [[s, s + 8], [s + 8, e]])
    m = score(_gold(gold), {"doc": [system]})
    assert m["content_exact"]["tp"] == 1


def test_exact_versus_overlap():
    s, e = _span("the road was closed")
    gold = _attr([list(_span("Police"))], [list(_span("said"))], [[s, e]])
    system = _attr([list(_span("Police"))], [list(_span("said"))], [[s, s + 8]])  # "the road"
    m = score(_gold(gold), {"doc": [system]})
    assert m["content_exact"]["tp"] == 0
    assert m["content_overlap"]["tp"] == 1
    assert m["relation_exact"]["tp"] == 0
    assert m["relation_overlap"]["tp"] == 1
    assert m["content_exact"]["p"] == m["content_exact"]["r"] == m["content_exact"]["f1"] == 0.0


def test_punctuation_matters_for_exact():
    s, e = _span("the road was closed")
    gold = _attr(None, [list(_span("said"))], [[s, e]])
    system = _attr(None, [list(_span("said"))], [[s, e + 1]])  # with the full stop
    m = score(_gold(gold), {"doc": [system]})
    assert m["content_exact"]["tp"] == 0 and m["content_overlap"]["tp"] == 1


def test_no_source_in_gold_is_not_checked_for_overlap_but_is_for_exact():
    gold = _attr(None, [list(_span("It is unclear"))], [list(_span("why"))])
    system = _attr([list(_span("Police"))], [list(_span("It is unclear"))], [list(_span("why"))])
    m = score(_gold(gold), {"doc": [system]})
    assert m["relation_overlap"]["tp"] == 1
    assert m["relation_exact"]["tp"] == 0
    assert m["source_exact"] == {"tp": 0, "gold": 0, "sys": 1, "p": 0.0, "r": 0.0, "f1": 0.0}


def test_one_to_one_matching():
    # two system cues overlapping one gold cue: one true positive, not two
    s, e = _span("It is unclear")
    gold = _attr(None, [[s, e]], None)
    system = [_attr(None, [[s, s + 2]], None), _attr(None, [[s + 3, e]], None)]
    m = score(_gold(gold), {"doc": system})
    assert m["cue_overlap"]["tp"] == 1
    assert m["cue_overlap"]["sys"] == 2
    assert m["cue_overlap"]["p"] == 0.5 and m["cue_overlap"]["r"] == 1.0


def test_duplicates_are_removed():
    a = parse_ann_like()[0]
    m = score(_gold(a, a), {"doc": [a, a, a]})
    assert m["relation_exact"] == {"tp": 1, "gold": 1, "sys": 1, "p": 1.0, "r": 1.0, "f1": 1.0}
    assert m["cue_exact"]["gold"] == m["cue_exact"]["sys"] == 1


def test_missing_system_article_counts_as_no_predictions():
    m = score(_gold(*parse_ann_like()), {})
    assert m["cue_exact"]["gold"] == 2 and m["cue_exact"]["sys"] == 0
    assert all(m[name]["f1"] == 0.0 and m[name]["p"] == 0.0 for name in ORDER)


def test_empty_gold_and_system():
    m = score(_gold(), {"doc": []})
    assert all(m[name] == {"tp": 0, "gold": 0, "sys": 0, "p": 0.0, "r": 0.0, "f1": 0.0} for name in ORDER)


def test_micro_average_over_articles():
    a = parse_ann_like()
    gold = _gold(a[0], id="x") + _gold(a[1], id="y")
    m = score(gold, {"x": [a[0]], "y": []})
    assert m["relation_exact"]["tp"] == 1 and m["relation_exact"]["gold"] == 2 and m["relation_exact"]["sys"] == 1
    assert m["relation_exact"]["p"] == 1.0 and m["relation_exact"]["r"] == 0.5
    assert m["relation_exact"]["f1"] == pytest.approx(2 / 3)


def test_sentence_source_metric():
    a = parse_ann_like()
    wrong_source = _attr([list(_span("The mayor"))], a[0]["cue"], a[0]["content"])
    m = score(_gold(*a), {"doc": [wrong_source, a[1]]})
    assert m["sent_src_overlap"]["gold"] == 2
    assert m["sent_src_overlap"]["tp"] == 1


def test_split_sentences():
    spans = split_sentences(TEXT)
    assert [TEXT[s:e].strip() for s, e in spans] == [
        "Police said the road was closed.", "The mayor, Ann Lee, warned of delays.", "It is unclear why."]
    assert split_sentences("Dr. smith left. He said so.")[0] == (0, 16)  # no capital after "Dr."
    assert split_sentences("") == []
    assert split_sentences("\n\n  \n") == []


def test_max_matching():
    assert max_matching(0, 0, lambda i, j: True) == 0
    assert max_matching(3, 2, lambda i, j: True) == 2
    # needs an augmenting path: gold 0 fits sys 0 or 1, gold 1 fits only sys 0
    assert max_matching(2, 2, lambda i, j: (i, j) in {(0, 0), (0, 1), (1, 0)}) == 2


def test_format_table_lists_every_metric():
    table = format_table(score(_gold(*parse_ann_like()), {"doc": parse_ann_like()}))
    lines = table.splitlines()
    assert len(lines) == len(ORDER) + 1
    assert [line.split()[0] for line in lines[1:]] == list(ORDER)


def test_system_attributions_shape():
    report = {"attributions": [
        {"source": None, "cue": {"start": 1, "end": 3}, "content": [{"start": 4, "end": 9}, {"start": 10, "end": 12}]},
        {"source": {"start": 0, "end": 1}, "cue": {"start": 1, "end": 3}, "content": []},
    ]}
    assert system_attributions(report) == [
        {"source": None, "cue": [[1, 3]], "content": [[4, 9], [10, 12]]},
        {"source": [[0, 1]], "cue": [[1, 3]], "content": []},
    ]


# ---------------------------------------------------------------------------- equivalence with the reference
needs_reference = pytest.mark.skipif(not REFERENCE.exists(), reason=f"{REFERENCE} is not available")


def _reference(gold: Path, system: Path, out: Path) -> dict:
    proc = subprocess.run([sys.executable, str(REFERENCE), str(gold), str(system), "--json", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _assert_same_metrics(ours: dict, theirs: dict) -> None:
    for name in ORDER:
        for key in ("tp", "gold", "sys"):
            assert ours[name][key] == theirs[name][key], (name, key)
        for key in ("p", "r", "f1"):
            assert ours[name][key] == pytest.approx(theirs[name][key], abs=1e-12), (name, key)


@needs_reference
def test_cli_evaluate_matches_reference_scorer(tmp_path):
    s, g, m, m2 = (tmp_path / n for n in ("S.json", "G.json", "M.json", "M2.json"))
    proc = subprocess.run([sys.executable, "-m", "scoring.cli", "evaluate", "--brat", str(ROOT / "seeds" / "attribution"),
                           "--system-out", str(s), "--gold-out", str(g), "--json", str(m)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "relation_overlap_f1=" in proc.stdout
    ours = json.loads(m.read_text(encoding="utf-8"))
    assert set(ours) == set(ORDER)
    assert ours["cue_exact"]["gold"] > 0
    _assert_same_metrics(ours, _reference(g, s, m2))


POLNEAR = REFERENCE.parent / "polnear-dev"


@pytest.mark.skipif(not (POLNEAR / "gold.json").exists(), reason=f"{POLNEAR} is not available")
def test_read_brat_reads_polnear_as_its_gold_json():
    """The brat files and the gold.json the reference scorer reads are one annotation: read by us, every role of
    every attribution covers the same characters (measured only, nothing of it is kept)."""
    ours = {a.id: a for a in read_brat(POLNEAR)}
    theirs = json.loads((POLNEAR / "gold.json").read_text(encoding="utf-8"))

    def roles(attrs, text):
        return sorted(tuple(sorted(charset(a[r], text)) for r in ("source", "cue", "content")) for a in attrs)

    assert set(ours) == {g["id"] for g in theirs}
    for g in theirs:
        assert ours[g["id"]].text == g["text"]
        assert roles(ours[g["id"]].attributions, g["text"]) == roles(g["attributions"], g["text"]), g["id"]


@needs_reference
def test_edge_cases_match_reference_scorer(tmp_path):
    """Hand-made gold and system with the tricky cases (whitespace, fragments, duplicates, absent roles,
    missing articles) give the same numbers in both scorers."""
    a = parse_ann_like()
    s, e = _span("the road was closed")
    us, ue = _span("It is unclear")
    gold_articles = [
        Article("one", TEXT, tuple(a) + (_attr(None, [[us, ue]], [list(_span("why"))]),)),
        Article("two", TEXT, (a[0], a[0])),
        Article("three", TEXT, (a[1],)),
    ]
    system = {
        "one": [_attr([[0, 7]], [[6, 12]], [[s - 1, s + 8], [s + 8, e]]),
                _attr([list(_span("Police"))], [[us, us + 2]], [list(_span("why"))]),
                _attr(None, [[us + 3, ue]], None)],
        "two": [a[0], a[0], a[1]],
    }
    g, sy = tmp_path / "G.json", tmp_path / "S.json"
    g.write_text(gold_json(gold_articles), encoding="utf-8")
    sy.write_text(json.dumps([{"id": k, "attributions": v} for k, v in system.items()]), encoding="utf-8")
    _assert_same_metrics(score(gold_articles, system), _reference(g, sy, tmp_path / "M2.json"))


# ------------------------------------------------------------------ sources: merging and typing
SOURCES_TEXT = "Anna Berg said the strike would go on. Berg said the talks had failed. Police said roads were shut."
SOURCES_ANN = "\n".join([
    "T1\tSource 0 9\tAnna Berg", "T2\tCue 10 14\tsaid", "T3\tContent 15 37\tthe strike would go on",
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
    "T4\tSource 39 43\tBerg", "T5\tCue 44 48\tsaid", "T6\tContent 49 69\tthe talks had failed",
    "E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6",
    "T7\tSource 71 77\tPolice", "T8\tCue 78 82\tsaid", "T9\tContent 83 98\troads were shut",
    "E3\tAttribution:T8 Source:T7 Cue:T8 Content:T9",
]) + "\n"


def _source_corpus(tmp_path: Path, groups: list[dict]) -> tuple[Path, Path]:
    _write(tmp_path, SOURCES_ANN, SOURCES_TEXT, stem="berg")
    gold = tmp_path / "sources.json"
    gold.write_text(json.dumps({"articles": {"berg": groups}}), encoding="utf-8")
    return tmp_path, gold


def test_source_groups_scored_against_the_system(tmp_path, lexicons):
    from scoring.evaluate import read_source_groups, score_sources

    assert SOURCES_TEXT[0:9] == "Anna Berg" and SOURCES_TEXT[39:43] == "Berg" and SOURCES_TEXT[71:77] == "Police"
    right = [{"type": "person", "named": True, "mentions": ["T1", "T4"]},
             {"type": "law_enforcement", "named": False, "mentions": ["T7"]}]
    directory, gold = _source_corpus(tmp_path, right)
    scores = score_sources(directory, read_source_groups(gold, directory), lexicons)
    assert scores["gold_mentions"] == 3 and scores["mentions_found"] == 1.0
    assert scores["b3_p"] == scores["b3_r"] == scores["b3_f1"] == 1.0
    assert scores["type_accuracy"] == 1.0 and scores["named_accuracy"] == 1.0
    # a gold that keeps the two Bergs apart: the system's merge costs precision, not recall; a wrong type and
    # named flag on Police cost one mention in three
    split = [{"type": "person", "named": True, "mentions": ["T1"]}, {"type": "person", "named": True, "mentions": ["T4"]},
             {"type": "government", "named": True, "mentions": ["T7"]}]
    directory, gold = _source_corpus(tmp_path, split)
    scores = score_sources(directory, read_source_groups(gold, directory), lexicons)
    assert scores["b3_r"] == 1.0 and scores["b3_p"] == pytest.approx((0.5 + 0.5 + 1.0) / 3)
    assert scores["type_accuracy"] == pytest.approx(2 / 3) and scores["named_accuracy"] == pytest.approx(2 / 3)


@pytest.mark.parametrize("groups, message", [
    ([{"type": "person", "named": True, "mentions": ["T1", "T4"]}], "in no group ['T7']"),
    ([{"type": "person", "named": True, "mentions": ["T1", "T4", "T7"]},
      {"type": "person", "named": True, "mentions": ["T7"]}], "in two groups ['T7']"),
    ([{"type": "person", "named": True, "mentions": ["T1", "T4", "T2"]}], "not Source annotations"),
    ([{"type": "celebrity", "named": True, "mentions": ["T1", "T4", "T7"]}], "needs a type"),
])
def test_source_groups_file_errors(tmp_path, groups, message):
    from scoring.evaluate import read_source_groups

    directory, gold = _source_corpus(tmp_path, groups)
    with pytest.raises(CorpusError, match=re.escape(message)):
        read_source_groups(gold, directory)
