"""Reliability: properties of the formula (hypothesis) and table tests of each component and flag through
``Scorer.load().score()`` on short hand-written articles."""
from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scoring.config import DEFAULT_MODEL_DIR
from scoring.errors import InvalidInput
from scoring.reliability import COMPONENTS, STANCE_VALUE, EventFrames, Weights, combine, identifiability
from scoring.types import Source, Span

# ---------------------------------------------------------------------------- strategies
unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
anything = st.floats(allow_nan=True, allow_infinity=True)
weight_value = st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def weights(draw) -> Weights:
    values = draw(st.fixed_dictionaries({}, optional={k: weight_value for k in COMPONENTS}))
    assume(sum(values.values()) > 0)
    return Weights.of(values)


@st.composite
def components(draw, values=unit) -> dict[str, float]:
    return {k: draw(values) for k in COMPONENTS}


# ---------------------------------------------------------------------------- the formula
@given(components(anything), weights())
def test_score_in_unit_interval_for_any_components(comps, w):
    score = combine(comps, w)
    assert 0.0 <= score <= 1.0


@given(components(anything), weights())
def test_score_is_the_formula_written_plainly(comps, w):
    """combine clips, weights and rounds with native arithmetic: it must give exactly the plain formula,
    clipping by min/max (NaN to 0), summing in component order and rounding with round(x, 4)."""
    plain = sum(w.ordered[k] * min(1.0, max(0.0, comps[name])) for k, name in enumerate(COMPONENTS))
    assert combine(comps, w) == round(min(1.0, max(0.0, plain)), 4)


def test_rounding_by_arithmetic_equals_pythons_round():
    """_round4 rounds to four places without a decimal string: it must give exactly round(v, 4), also on and
    next to the halves of the last place (0.00005 and 0.03125 are near or exact ties) and at the ends."""
    import random

    from scoring.reliability import _round4

    rng = random.Random(7)
    grid = [k / 20000 for k in range(20001)]
    values = [rng.random() for _ in range(100_000)] + [rng.random() ** 8 for _ in range(10_000)] + grid + \
        [math.nextafter(v, 1.0) for v in grid] + [math.nextafter(v, 0.0) for v in grid] + \
        [0.0, -0.0, 1.0, 5e-324, 1e-300, 0.03125, 0.00005, 0.99995, 0.99996, math.nan, 2.5, -0.1]
    got = [_round4(v) for v in values]
    expected = [round(v, 4) for v in values]
    assert [math.copysign(1.0, g) for g in got] == [math.copysign(1.0, e) for e in expected]
    assert all(g == e or (g != g and e != e) for g, e in zip(got, expected))


@given(weights())
def test_weights_are_normalised(w):
    assert set(w.values) == set(COMPONENTS)
    assert all(v >= 0 for v in w.values.values())
    assert math.isclose(sum(w.values.values()), 1.0, rel_tol=1e-9)


@given(components(), weights())
def test_all_ones_scores_one_and_all_zeros_zero(comps, w):
    assert combine(dict.fromkeys(COMPONENTS, 1.0), w) == pytest.approx(1.0, abs=1e-4)
    assert combine(dict.fromkeys(COMPONENTS, 0.0), w) == 0.0


@given(components(), weights(), unit)
def test_lowering_certainty_never_raises_the_score(comps, w, lower):
    assume(lower <= comps["certainty"])
    assert combine({**comps, "certainty": lower}, w) <= combine(comps, w)


@given(components(), weights(), st.sampled_from(COMPONENTS), unit, unit)
def test_every_component_is_monotone(comps, w, name, a, b):
    lo, hi = sorted((a, b))
    assert combine({**comps, name: lo}, w) <= combine({**comps, name: hi}, w)


@given(components(), weights())
def test_corroboration_half_to_one_never_lowers(comps, w):
    assert combine({**comps, "corroboration": 1.0}, w) >= combine({**comps, "corroboration": 0.5}, w)


@given(components(), weights())
def test_contradiction_one_to_point_three_never_raises(comps, w):
    assert combine({**comps, "contradiction": 0.3}, w) <= combine({**comps, "contradiction": 1.0}, w)


@given(components(), weights())
def test_interest_flag_never_raises(comps, w):
    assert combine({**comps, "interest": 0.5}, w) <= combine({**comps, "interest": 1.0}, w)


@given(components(), st.sampled_from(COMPONENTS))
def test_single_weight_picks_that_component(comps, name):
    assert combine(comps, Weights.of({name: 1.0})) == pytest.approx(comps[name], abs=1e-4)


# ---------------------------------------------------------------------------- identifiability
def _source(name: str, type_: str, named: bool, evidence: str = "", mention: str | None = None) -> Source:
    text = mention if mention is not None else name
    return Source(id="src1", name=name, type=type_, named=named, mentions=(Span(0, len(text), text),),
                  attribution_ids=("a1",), type_evidence=evidence)


ANONYMOUS = [
    _source("officials familiar with the matter", "anonymous", False, "described without a name (familiar with)"),
    _source("a senior diplomat", "anonymous", False, "described without a name"),
    _source("He", "person", False, "an unresolved pronoun"),
    _source("They", "organisation", False, "an unresolved pronoun"),
]
NAMED = [
    _source("Lara Quint", "person", True, mention="Lara Quint, the finance minister,"),
    _source("Lara Quint", "person", True),
    _source("Harbour Logistics", "company", True),
    _source("the 2023 audit report", "document", True),
    _source("General Tomas Vey", "military", True),
    _source("Reuters", "news_agency", True),
]


@pytest.mark.parametrize("anon", ANONYMOUS, ids=lambda s: s.name)
@pytest.mark.parametrize("named", NAMED, ids=lambda s: f"{s.name}:{s.type}")
def test_naming_an_anonymous_source_never_lowers_identifiability(anon, named):
    assert identifiability(named) >= identifiability(anon)


@given(components(), weights(), st.sampled_from(ANONYMOUS), st.sampled_from(NAMED))
def test_naming_an_anonymous_source_never_lowers_the_score(comps, w, anon, named):
    before = combine({**comps, "identifiability": identifiability(anon)}, w)
    after = combine({**comps, "identifiability": identifiability(named)}, w)
    assert after >= before


def test_identifiability_levels():
    assert identifiability(None) == 0.0
    assert identifiability(NAMED[0]) == 1.0  # named person with a role
    assert identifiability(NAMED[1]) == 0.9  # named person
    assert identifiability(NAMED[2]) == 0.85  # named organisation
    assert identifiability(NAMED[3]) == 0.75  # document
    assert identifiability(NAMED[4]) == 1.0  # an officer by name
    assert identifiability(ANONYMOUS[0]) == 0.3
    assert identifiability(ANONYMOUS[2]) == 0.5


@given(st.sampled_from([*ANONYMOUS, *NAMED, None]))
def test_identifiability_in_unit_interval(source):
    assert 0.0 <= identifiability(source) <= 1.0


def test_stance_values_are_ordered():
    v = STANCE_VALUE
    assert v["assertive"] > v["neutral"] > v["directive"] > v["denial"] > v["distancing"] > v["unresolved"]


# ---------------------------------------------------------------------------- Weights validation
@pytest.mark.parametrize("values", [
    {"fame": 1.0},
    {"identifiability": 1.0, "Certainty": 1.0},
    {"certainty": -0.1},
    {"certainty": 1.0, "stance": -1e-9},
    {"certainty": float("nan")},
    {"certainty": float("inf")},
    {"certainty": "1"},
    {"certainty": True},
    {"certainty": None},
    {},
    dict.fromkeys(COMPONENTS, 0.0),
])
def test_weights_of_rejects(values):
    with pytest.raises(InvalidInput) as info:
        Weights.of(values)
    assert info.value.field.startswith("weights")


def test_weights_of_names_the_unknown_weight():
    with pytest.raises(InvalidInput, match="fame"):
        Weights.of({"certainty": 1.0, "fame": 2.0})


def test_override_rejects_unknown_and_negative():
    w = Weights.load()
    with pytest.raises(InvalidInput):
        w.override({"popularity": 1.0})
    with pytest.raises(InvalidInput):
        w.override({"certainty": -1.0})
    assert w.override(None) is w
    assert w.override({}) is w


def test_default_weights_file():
    w = Weights.load()
    assert math.isclose(sum(w.values.values()), 1.0)
    assert all(w.values[k] > 0 for k in COMPONENTS)


# ---------------------------------------------------------------------------- through the scorer
ARTICLES = {
    "contradiction": ("A military transport plane crashed near Ternan on Tuesday. Rebel commander Ivo Marsh said "
                      "his fighters shot down the plane with a missile. The defence ministry said the crash was "
                      "not caused by hostile fire."),
    "corroborated": ("The health ministry said 412 people were treated in hospital after the chemical leak. "
                     "Dr Anna Berg, a toxicologist at Kessel University, said 412 patients had been admitted "
                     "across the region."),
    "uncorroborated": ("The health ministry said 412 people were treated in hospital after the chemical leak. "
                       "Dr Anna Berg, a toxicologist at Kessel University, said the river should be tested "
                       "every week."),
    "interest": ("The Eastern Front Brigades claimed responsibility for the ambush on the army convoy. "
                 "The army said three soldiers were wounded in the attack."),
    "anonymous": "Officials familiar with the matter said the minister will resign on Friday.",
    "relayed": ("Reuters reported, citing officials familiar with the matter, that the minister will resign "
                "on Friday."),
    "named": "Finance Minister Lara Quint said the budget will be published on Friday.",
    "unresolved": "It is unclear whether the dam will hold. Mayor Tom Ruiz said the town is being evacuated.",
    "approximate": ("Mayor Tom Ruiz said as many as 300 homes were flooded. The fire chief said at least 40 "
                    "people were rescued."),
    "unattributed": ("Twelve people were killed in the explosion on Monday. Mayor Tom Ruiz said the factory had "
                     "been inspected last year."),
}


@pytest.fixture(scope="module")
def scorer():
    if not (DEFAULT_MODEL_DIR / "model.json").exists():
        pytest.skip("no trained model in models/certainty")
    from scoring.scorer import Scorer
    return Scorer.load()


@pytest.fixture(scope="module")
def reports(scorer):
    return {k: scorer.score(t, id=k) for k, t in ARTICLES.items()}


def _profile(report, name_part: str):
    matches = [p for p in report.sources if name_part.lower() in p.source.name.lower()]
    assert len(matches) == 1, [p.source.name for p in report.sources]
    return matches[0]


def _comp(profile, name: str) -> float:
    return {c.name: c.value for c in profile.reliability.components}[name]


def _flags(report) -> set[str]:
    return {f.type for f in report.flags}


def test_every_profile_is_well_formed(reports):
    for report in reports.values():
        for p in report.sources:
            comps = {c.name: c for c in p.reliability.components}
            assert tuple(comps) == COMPONENTS
            assert all(0.0 <= c.value <= 1.0 for c in comps.values())
            assert math.isclose(sum(c.weight for c in comps.values()), 1.0, abs_tol=1e-3)
            assert 0.0 <= p.reliability.score <= 1.0
            recomputed = combine({k: c.value for k, c in comps.items()}, Weights.load())
            assert p.reliability.score == pytest.approx(recomputed, abs=1e-4)
            assert p.reliability.explanation[0].startswith(p.source.name)
            assert all(isinstance(line, str) and line for line in p.reliability.explanation)
        scores = [p.reliability.score for p in report.sources]
        assert scores == sorted(scores, reverse=True)


# identifiability
def test_identifiability_named_with_role(reports):
    assert _comp(_profile(reports["named"], "Lara Quint"), "identifiability") == 1.0
    assert _comp(_profile(reports["corroborated"], "Anna Berg"), "identifiability") == 1.0


def test_identifiability_anonymous(reports):
    assert _comp(_profile(reports["anonymous"], "familiar"), "identifiability") == 0.3


# directness
def test_directness_relayed_is_below_first_hand(reports):
    relayed = _profile(reports["relayed"], "officials familiar")
    assert _comp(relayed, "directness") < 1.0
    assert "relayed by Reuters" in {c.name: c for c in relayed.reliability.components}["directness"].explanation


def test_directness_first_hand(reports):
    assert _comp(_profile(reports["named"], "Lara Quint"), "directness") == 1.0
    assert _comp(_profile(reports["relayed"], "Reuters"), "directness") == 1.0


# certainty
def test_certainty_component_low_for_estimates(reports):
    assert _comp(_profile(reports["approximate"], "Tom Ruiz"), "certainty") < 0.5


def test_certainty_component_high_for_plain_statement(reports):
    assert _comp(_profile(reports["named"], "Lara Quint"), "certainty") > 0.7


def test_certainty_component_is_half_mean_half_min(reports):
    for report in reports.values():
        by_id = {a.attribution.id: a for a in report.attributions}
        for p in report.sources:
            cs = [by_id[a].certainty.certainty for a in p.source.attribution_ids if a in by_id] or [0.5]
            expected = 0.5 * sum(cs) / len(cs) + 0.5 * min(cs)
            assert _comp(p, "certainty") == pytest.approx(expected, abs=1e-3)


# stance
def test_stance_distancing_claimed(reports):
    assert _comp(_profile(reports["interest"], "Eastern Front"), "stance") == STANCE_VALUE["distancing"]


def test_stance_neutral_said(reports):
    assert _comp(_profile(reports["named"], "Lara Quint"), "stance") == STANCE_VALUE["neutral"]


def test_stance_assertive_confirmed(scorer):
    report = scorer.score("Finance Minister Lara Quint confirmed that the budget will be published on Friday.")
    assert _comp(_profile(report, "Lara Quint"), "stance") == STANCE_VALUE["assertive"]


# corroboration
def test_corroboration_by_shared_figure(reports):
    report = reports["corroborated"]
    berg = _profile(report, "Anna Berg")
    ministry = _profile(report, "health ministry")
    assert _comp(berg, "corroboration") == 1.0
    assert _comp(ministry, "corroboration") == 1.0
    assert "single_source" not in _flags(report)
    assert report.summary.independent_sources == 2


def test_no_corroboration_without_overlap(reports):
    report = reports["uncorroborated"]
    assert _comp(_profile(report, "Anna Berg"), "corroboration") == 0.5
    assert _comp(_profile(report, "health ministry"), "corroboration") == 0.5


def test_corroboration_raises_the_score(reports):
    assert (_comp(_profile(reports["corroborated"], "health ministry"), "corroboration")
            > _comp(_profile(reports["uncorroborated"], "health ministry"), "corroboration"))
    assert (_profile(reports["corroborated"], "health ministry").reliability.score
            >= _profile(reports["uncorroborated"], "health ministry").reliability.score)


def test_relay_does_not_corroborate_its_original(reports):
    for p in reports["relayed"].sources:
        assert _comp(p, "corroboration") == 0.5


# contradiction
def test_contradiction_denial_against_shot_down(reports):
    report = reports["contradiction"]
    rebel = _profile(report, "Ivo Marsh")
    ministry = _profile(report, "defence ministry")
    assert _comp(rebel, "contradiction") == 0.3
    assert _comp(ministry, "contradiction") == 0.3
    assert "contradiction" in _flags(report)
    (flag,) = [f for f in report.flags if f.type == "contradiction"]
    assert set(flag.attribution_ids) == set(rebel.source.attribution_ids) | set(ministry.source.attribution_ids)


def test_no_contradiction_between_agreeing_sources(reports):
    for key in ("corroborated", "uncorroborated", "named", "interest"):
        assert "contradiction" not in _flags(reports[key]), key
        assert all(_comp(p, "contradiction") == 1.0 for p in reports[key].sources)


def test_affirmed_version_has_no_contradiction(scorer):
    text = ("A military transport plane crashed near Ternan on Tuesday. Rebel commander Ivo Marsh said his "
            "fighters shot down the plane with a missile.")
    report = scorer.score(text)
    assert "contradiction" not in _flags(report)


# interest
def test_interest_armed_group_claiming_responsibility(reports):
    report = reports["interest"]
    group = _profile(report, "Eastern Front")
    army = _profile(report, "army")
    assert _comp(group, "interest") == 0.5
    assert _comp(army, "interest") == 1.0


def test_responsibility_anchors_cover_every_phrase():
    # the article is searched for these instead of each attribution for the phrases: each phrase must hold one
    # as a whole word (a word never spans the space between an attribution's cue and its content)
    frames = EventFrames.load()
    for phrase in frames.responsibility:
        assert set(phrase.split(" ")) & set(frames.responsibility_anchors), phrase
        assert frames.claims_responsibility.search(phrase)


def test_no_interest_for_plain_statement(reports):
    assert _comp(_profile(reports["named"], "Lara Quint"), "interest") == 1.0


# flags
@pytest.mark.parametrize("flag, positive, negative", [
    ("anonymous_only", "anonymous", "named"),
    ("relayed_without_original", "relayed", "anonymous"),
    ("single_source", "anonymous", "corroborated"),
    ("unresolved_question", "unresolved", "named"),
    ("approximate_figures", "approximate", "named"),
    ("unattributed_claim", "unattributed", "named"),
    ("contradiction", "contradiction", "uncorroborated"),
])
def test_flag_positive_and_negative(reports, flag, positive, negative):
    assert flag in _flags(reports[positive]), [f.type for f in reports[positive].flags]
    assert flag not in _flags(reports[negative]), [f.type for f in reports[negative].flags]


def test_flag_sentence_ids_exist(reports):
    for report in reports.values():
        ids = {s.sentence.id for s in report.sentences}
        aids = {a.attribution.id for a in report.attributions}
        for f in report.flags:
            assert f.message
            assert set(f.sentence_ids) <= ids
            assert set(f.attribution_ids) <= aids


def test_unattributed_claim_points_at_the_unsourced_sentence(reports):
    report = reports["unattributed"]
    (flag,) = [f for f in report.flags if f.type == "unattributed_claim"]
    texts = {s.sentence.id: s.sentence.text for s in report.sentences}
    assert [texts[i] for i in flag.sentence_ids] == ["Twelve people were killed in the explosion on Monday."]


def test_unresolved_question_has_no_source(reports):
    report = reports["unresolved"]
    (flag,) = [f for f in report.flags if f.type == "unresolved_question"]
    (aid,) = flag.attribution_ids
    (a,) = [a for a in report.attributions if a.attribution.id == aid]
    assert a.source_id is None


def test_relayed_flag_names_the_relay(reports):
    (flag,) = [f for f in reports["relayed"].flags if f.type == "relayed_without_original"]
    assert "Reuters" in flag.message


# weights override through the scorer
@pytest.mark.parametrize("name", COMPONENTS)
def test_weights_override_selects_a_component(scorer, name):
    report = scorer.score(ARTICLES["contradiction"], weights={k: (1.0 if k == name else 0.0) for k in COMPONENTS})
    for p in report.sources:
        comps = {c.name: c for c in p.reliability.components}
        assert comps[name].weight == 1.0
        assert p.reliability.score == pytest.approx(comps[name].value, abs=1e-4)


def test_weights_override_is_per_request(scorer, reports):
    scorer.score(ARTICLES["named"], weights={"certainty": 50.0})
    again = scorer.score(ARTICLES["named"], id="named")
    assert [p.reliability.score for p in again.sources] == [p.reliability.score for p in reports["named"].sources]


@pytest.mark.parametrize("bad", [{"fame": 1.0}, {"certainty": -1.0}, dict.fromkeys(COMPONENTS, 0.0)])
def test_weights_override_rejected_by_scorer(scorer, bad):
    with pytest.raises(InvalidInput):
        scorer.score(ARTICLES["named"], weights=bad)


def test_described_institution_is_not_a_pronoun(scorer):
    report = scorer.score("The defence ministry said the crash was not caused by hostile fire.")
    (p,) = report.sources
    assert p.source.type_evidence != "an unresolved pronoun"
    assert "pronoun" not in {c.name: c for c in p.reliability.components}["identifiability"].explanation
    assert p.source.type in ("government", "military")  # "defence ministry" is in both word lists
    assert "anonymous_only" not in {f.type for f in report.flags}


# ---------------------------------------------------------------------------- the evidence, all at once
def _evidence_alone(a, frames):
    """What ``_evidences`` computes for one attribution, written out for it alone (the reference)."""
    from scoring.reliability import _FIGURE, _STOP, _WORD
    text = " ".join(c.text for c in a.attribution.content)
    low = text.lower()
    return (frozenset(_WORD.findall(low)) - _STOP, frozenset(f.replace(",", "") for f in _FIGURE.findall(text)),
            frames.negation.search(low) is not None, low, a.attribution.cue.span.text.lower())


_PIECES = ["not", "no", "n't", "never", "without", "denied", "1,000", "1000", "5.", "KC-135", "12:30", "٣", "İ", "Σ",
           "ab", "abc", "-", "x-not", "nothing", "\n", " ", ",", ".", "'", ":", "é", "rejected", "false", "the",
           "said", "2", "7,5", "baseless", "NOT", "Never", "’", "claimed", "responsibility"]


def test_evidences_equal_each_attribution_alone():
    # negations are found in all the contents joined by line breaks, figures only where a digit is: the same
    import random

    from scoring.reliability import _evidences
    from scoring.types import Attribution, Certainty, Cue, ScoredAttribution

    rng = random.Random(7)
    frames = EventFrames.load()

    def text() -> str:
        return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 8)))

    for _ in range(3000):
        attributions = tuple(
            ScoredAttribution(Attribution(f"a{i}", Cue(Span(0, 1, text() or "said"), "say", "speech", "neutral"),
                                          None, tuple(Span(0, 1, text()) for _ in range(rng.randint(1, 3))),
                                          "direct", ("s1",)), "S1", Certainty(0.5, "probable", ()), ())
            for i in range(rng.randint(0, 6)))
        evidence, joined = _evidences(attributions, frames)
        assert list(evidence) == [a.attribution.id for a in attributions]
        for a in attributions:
            assert tuple(evidence[a.attribution.id]) == _evidence_alone(a, frames)
        assert joined == "\n".join([e.low for e in evidence.values()] + [e.cue_low for e in evidence.values()])


def test_has_digit_equals_the_pattern():
    import random

    from scoring.reliability import _DIGIT, _has_digit

    rng = random.Random(3)
    alphabet = "a Z.,-:0123456789٣۵०\u00b2\u2153é’x\n"
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert _has_digit(s) == (_DIGIT.search(s) is not None), s
