"""find_hedges: every hedge type fires on its positives and stays quiet on hard negatives."""
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

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
                          "The death toll has not been officially confirmed.",
                          "The spokesman wouldn\u2019t say whether talks resumed.",  # a curly apostrophe
                          "The group didn't disclose its donors."],
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


def _hedges_tried_everywhere(text, sentences, lexicons):
    """The slow reference for hedges_in_sentences: at every position hedge_scan finds, every pattern that can
    start with its character is tried (no prefilter, no index by first word)."""
    from bisect import bisect_right

    from scoring.hedging import _capitalised_mid_sentence, _longest
    from scoring.chars import lower_same_length
    from scoring.types import Hedge, Span

    starts = [s.start for s in sentences]
    found = [[] for _ in sentences]
    lo, hi = sentences[0].start, max(s.end for s in sentences)
    low = lower_same_length(text)
    for start in lexicons.hedge_scan.finditer(low, lo, hi):
        pos = start.start()
        for entry in lexicons.hedge_index.get(low[pos], lexicons.hedge_anywhere):
            m = entry.lower.match(low, pos, hi)
            if m is None or not m.group().strip():
                continue
            k = bisect_right(starts, m.start()) - 1
            if k < 0 or m.end() > sentences[k].end:
                continue
            sentence = sentences[k]
            if _capitalised_mid_sentence(text, sentence.start, m.start()):
                continue
            before = text[max(sentence.start, m.start() - 40):m.start()]
            after = text[m.end():min(sentence.end, m.end() + 40)]
            if entry.unless_before is not None and entry.unless_before.search(before):
                continue
            if entry.unless_after is not None and entry.unless_after.search(after):
                continue
            end = m.start() + len(m.group().rstrip())
            found[k].append(Hedge(Span(m.start(), end, text[m.start():end]), entry.type, sentence.id, entry.source))
    return [_longest(hs) for hs in found]


_WORDS = st.sampled_from(
    ["it", "is", "was", "unclear", "not", "clear", "could", "be", "verified", "may", "May", "might", "if", "about",
     "some", "people", "say", "claimed", "the", "title", "according", "to", "unnamed", "sources", "2", "3,000",
     "\u0663", "or", "so", "more", "approximately", "nearly", "dozens", "It", "would", "likely", "expected", "this",
     "remains", "however,", "also", "unknown", "believes", "that", "couldn't", "can", "confirm", "declined",
     "reportedly", "$5", "two", "in", "fact", "indeed", "records", "show", "well", "over", "up", "x", "_", "\u00e9",
     "\U0001d400", "\U0001f600"])
_SEPARATORS = st.sampled_from([" ", " ", "  ", "\n", ", ", ". ", "\u201c", "\u201d", '"', "(", "-", "\u2014", "\u00a0",
                               "'", "", "/", "\U0001f600", "\U0001d400", "\ud83d"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPARATORS).map("".join), min_size=1, max_size=25).map("".join),
       st.lists(st.integers(0, 200), min_size=1, max_size=4))
@example("They counted 3,000 or more people, and it is unclear why.", [0])  # a hedge opening with a digit
@example("\u00e9 2 or so, \u201cit is unclear\u201d", [3, 9])
def test_hedges_in_sentences_equal_trying_every_pattern(lexicons, text, cuts):
    # the scan from each word's preceding character and the index by first word find what trying every pattern
    # wherever hedge_scan matches finds: any sentence layout, any character before a word, at the text's start
    from scoring.hedging import hedges_in_sentences
    from scoring.types import Sentence

    bounds = sorted({min(c, len(text)) for c in cuts} | {len(text)})
    sentences = [Sentence(f"s{i}", a, b, text[a:b], "body", 0) for i, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    if sentences:
        assert hedges_in_sentences(text, sentences, lexicons) == _hedges_tried_everywhere(text, sentences, lexicons)



def test_hedges_opening_beyond_ascii_are_found(tmp_path):
    """The candidate words come from a one-byte copy of the text where a character beyond ASCII is "?": a hedge
    whose first word starts beyond ASCII ("\u00e9videmment") or holds such a character ("na\u00efvely") is still
    found, as trying every pattern finds it."""
    import json
    import shutil

    from scoring.hedging import hedges_in_sentences
    from scoring.lexicons import LEXICON_DIR, Lexicons
    from scoring.types import Sentence

    shutil.copytree(LEXICON_DIR, tmp_path / "lexicons")
    path = tmp_path / "lexicons" / "hedges.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"] += [{"type": "epistemic", "pattern": "\u00e9videmment"},
                        {"type": "epistemic", "pattern": "na\u00efvely (?:assumed|thought)"}]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lexicons = Lexicons.load(tmp_path / "lexicons")
    text = "\u00c9videmment, they na\u00efvely assumed it. She said: \u00e9videmment (na\u00efvely thought)."
    sentences = [Sentence("s1", 0, 46, text[:46], "body", 0), Sentence("s2", 47, len(text), text[47:], "body", 0)]
    found = hedges_in_sentences(text, sentences, lexicons)
    assert found == _hedges_tried_everywhere(text, sentences, lexicons)
    assert [h.span.text for hs in found for h in hs] == ["\u00c9videmment", "na\u00efvely assumed",
                                                        "\u00e9videmment", "na\u00efvely thought"]
