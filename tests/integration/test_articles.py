"""The whole pipeline on the wire-style sample articles in seeds/articles (written for the project in the style
of the running example): the behaviour the product promises, checked by kind, not by hard-coded ids."""
from pathlib import Path

import pytest

from scoring.export import iter_spans, report_dict

ARTICLES = sorted((Path(__file__).resolve().parents[2] / "seeds" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def reports(scorer):
    return {p.stem: report_dict(scorer.score(p.read_text(encoding="utf-8"), id=p.stem)) for p in ARTICLES}


def _sources(report, type_):
    return [s for s in report["sources"] if s["type"] == type_]


@pytest.mark.parametrize("name", [p.stem for p in ARTICLES])
def test_offsets(reports, name):
    r = reports[name]
    for span in iter_spans(r):
        assert r["text"][span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("name", [p.stem for p in ARTICLES])
def test_news_agency_merges_its_description_and_relays_an_anonymous_source(reports, name):
    r = reports[name]
    (agency,) = _sources(r, "news_agency")
    mentions = {m["text"].lower() for m in agency["mentions"]}
    assert any("news agency" == m or m.startswith("the news agency") for m in mentions) or len(mentions) >= 1
    attributions = {a["id"]: a for a in r["attributions"]}
    anonymous = _sources(r, "anonymous")
    assert anonymous and not any(s["named"] for s in anonymous)
    relayed = [attributions[a] for s in anonymous for a in s["attribution_ids"] if attributions[a]["via"]]
    assert relayed, "the anonymous officials reach the reader through the agency"
    assert all(attributions[a["via"]]["source"]["source_id"] == agency["id"] for a in relayed)
    flags = {f["type"] for f in r["flags"]}
    assert {"anonymous_only", "relayed_without_original"} <= flags
    # the relayed anonymous source weighs less than the agency that relays it
    assert max(s["reliability"]["score"] for s in anonymous) < agency["reliability"]["score"]


@pytest.mark.parametrize("name", [p.stem for p in ARTICLES])
def test_unclear_sentences_are_sourceless_unresolved_and_uncertain(reports, name):
    r = reports[name]
    unclear = [a for a in r["attributions"] if a["source"] is None and a["cue"]["stance"] == "unresolved"]
    assert unclear
    for a in unclear:
        assert a["certainty"] < 0.3 and a["label"] == "unknown"
        assert any(h["type"] == "unknown" for s in r["sentences"] if s["id"] in a["sentence_ids"]
                   for h in s["hedges"])
    assert "unresolved_question" in {f["type"] for f in r["flags"]}


@pytest.mark.parametrize("name", ["dravia_border_drone", "orlenia_patrol_aircraft_crash"])
def test_armed_group_claim_is_hedged_and_ranks_below_the_official_source(reports, name):
    r = reports[name]
    (group,) = _sources(r, "armed_group")
    assert any(m["text"].lower().startswith("the group") for m in group["mentions"]), group["mentions"]
    official = max(_sources(r, "military") + _sources(r, "government"), key=lambda s: len(s["attribution_ids"]))
    assert len({m["text"] for m in official["mentions"]}) >= 2  # merged over its aliases
    assert official["reliability"]["score"] > group["reliability"]["score"]
    claims = [a for a in r["attributions"] if a["source"] and a["source"]["source_id"] == group["id"]
              and a["cue"]["lemma"] == "claim"]
    assert claims and all(a["certainty"] < 0.5 for a in claims)
    assert group["reliability"]["components"]["interest"]["value"] < 1.0


def test_denial_of_hostile_fire_contradicts_the_claimed_shoot_down(reports):
    r = reports["orlenia_patrol_aircraft_crash"]
    contradictions = [f for f in r["flags"] if f["type"] == "contradiction"]
    assert contradictions
    attributions = {a["id"]: a for a in r["attributions"]}
    types = {s["id"]: s["type"] for s in r["sources"]}
    for f in contradictions:
        sides = {types[attributions[a]["source"]["source_id"]] for a in f["attribution_ids"]}
        assert sides == {"armed_group", "military"}
