"""find_hedges: every hedge type fires on its positives and stays quiet on hard negatives."""
import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from scoring.hedging import find_hedges
from tests.unit.helpers import case

HEDGES_JSON = Path(__file__).resolve().parents[2] / "scoring" / "lexicons" / "hedges.json"


def _hedges(segmenter, lexicons, text):
    doc = segmenter.segment(text)
    found = find_hedges(doc, lexicons)
    sids = {s.id: s for s in doc.sentences}
    for h in found:
        assert doc.text[h.span.start:h.span.end] == h.span.text
        s = sids[h.sentence_id]
        assert s.start <= h.span.start < h.span.end <= s.end
    return found


POSITIVE = {
    "epistemic": ["The talks may resume next week.", "The fire was probably caused by a cable.",
                  "The strike could delay the harvest.", "The ship appears to have sunk.",
                  "Officials are expected to announce a decision."],
    "hearsay": ["The plant was reportedly hit twice.", "The rebels allegedly seized the airport.",
                "It was reported that the bridge had collapsed.", "He is said to be in hiding."],
    "unknown": ["It is unclear whether the crew survived.", "It is, however, unclear if the crew survived.",
                "The cause of the fire is not yet known.", "The claim could not be independently verified."],
    "claim": ["The group claimed responsibility for the attack.", "Prosecutors allege that he lied.",
              "She insisted the money was a loan."],
    "approximator": ["As many as 40 people were hurt.", "At least 11 bodies were found.",
                     "Nearly 300 homes lost power.", "Dozens or more were evacuated."],
    "weasel": ["Some analysts say the deal is weak.", "Critics argue the law is too broad.",
               "It is widely believed the minister will resign."],
    "conditional": ["If the rain continues, the river will flood.", "The talks will fail unless both sides move."],
    "negated_certainty": ["The ministry did not confirm the figure.", "The army declined to comment.",
                          "The death toll has not been officially confirmed."],
    "booster": ["CENTCOM confirmed the strike.", "The vote was certainly rigged.",
                "Court records show the payment was made."],
}


def test_positive_table_covers_every_type():
    types = {e["type"] for e in json.loads(HEDGES_JSON.read_text(encoding="utf-8"))["entries"]}
    assert types == set(POSITIVE)


@pytest.mark.parametrize("type_, text", [
    pytest.param(t, s, id=f"{t}-{k}") for t, sentences in POSITIVE.items() for k, s in enumerate(sentences)
])
def test_positive(segmenter, lexicons, type_, text):
    found = _hedges(segmenter, lexicons, text)
    assert type_ in {h.type for h in found}, found


# (id, sentence, hedge types that must NOT be found; empty set = nothing at all)
NEGATIVE = [
    case("neg-may-month", "The vote is set for May 4.", {"epistemic"}),
    case("neg-may-name", "Theresa May spoke to reporters.", {"epistemic"}),
    case("hedge-may-month-initial", "May was a wet month.", {"epistemic"}),
    case("neg-claimed-title", "She claimed the title in 2019.", {"claim"}),
    case("neg-claimed-lives", "The storm claimed 12 lives.", {"claim"}),
    case("neg-confirmed-no-claim", "CENTCOM confirmed the strike.", {"claim"}),
    case("hedge-quoted-title", 'The film "Unclear Skies" opened on Friday.', {"unknown"}),
    case("neg-some-quantifier", "Some residents stayed behind.", {"approximator", "weasel"}),
    case("neg-asked-if", "He asked if the road was open.", {"conditional"}),
    case("neg-could-past-ability", "As a child he could swim across the lake.", {"epistemic"}),
    case("neg-did-not-confirm-no-booster", "The ministry did not confirm the figure.", {"booster"}),
]


@pytest.mark.parametrize("text, forbidden", NEGATIVE)
def test_negative(segmenter, lexicons, text, forbidden):
    found = _hedges(segmenter, lexicons, text)
    assert not {h.type for h in found} & forbidden, found


def test_claim_vs_booster(segmenter, lexicons):
    types = [h.type for h in _hedges(segmenter, lexicons,
                                     "The group claimed responsibility. CENTCOM confirmed the strike.")]
    assert types == ["claim", "booster"]


def test_longest_overlap_kept(segmenter, lexicons):
    found = _hedges(segmenter, lexicons, "It is unclear whether the crew survived.")
    assert [(h.type, h.span.text) for h in found] == [("unknown", "It is unclear")]


_PIECES = st.sampled_from(["may", "May", "could", "unclear", "It is", "some", "as many as 40", "if", "asked",
                           "claimed", "the title", "did not confirm", "confirmed", ".", ",", '"', "\n", "reportedly"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=20).map(" ".join))
def test_offsets_property(segmenter, lexicons, text):
    if text.strip():
        found = _hedges(segmenter, lexicons, text)
        starts = [h.span.start for h in found]
        assert starts == sorted(starts)
