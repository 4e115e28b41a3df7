"""Any text either scores, with every offset true, or is refused with InvalidInput: nothing crashes."""
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.errors import InvalidInput
from scoring.export import iter_spans, report_dict

ROOT = Path(__file__).resolve().parents[2]

PIECES = st.sampled_from([
    "said", "told reporters", "according to", "It is unclear whether", "claimed responsibility", "“", "”", '"',
    "''", "\n", "\n\n", ", ", ". ", "—", "the group", "CENTCOM", "Reuters reported, citing officials,", "may",
    "as many as 40", "Mr.", "U.S.", "(AP) -", "By Ana Ruiz", "- ", ":", "who", "allegedly", "denied", " ",
])
TEXTS = st.one_of(
    st.lists(PIECES | st.text(max_size=12), max_size=40).map(" ".join),
    st.text(max_size=300),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text_scores_or_is_refused_cleanly(scorer, text):
    try:
        report = report_dict(scorer.score(text))
    except InvalidInput:
        assert not text.replace("\ufeff", "").strip()
        return
    for span in iter_spans(report):
        assert report["text"][span["start"]:span["end"]] == span["text"]
    for s in report["sources"]:
        assert 0.0 <= s["reliability"]["score"] <= 1.0


# "İ" (the dotted capital I of Turkish names) is the one character str.lower lengthens: an article naming
# İstanbul must be read exactly as one naming Istanbul (it once hid sentence-opening cues such as "According
# to" from the cue scan and moved the offsets of "according to" after it by one)
_DOTTED_I_ARTICLE = (
    "ANKARA (Reuters) - A ferry sank near {city} on Monday, officials said. According to the coast guard, 40 "
    "people were rescued. Police in {city}, according to officials, detained the captain. Reportedly, the ferry "
    "was overloaded. It is unclear whether the port will reopen. \u201cWe will rebuild,\u201d said the mayor of "
    "{city}, who called the sinking a tragedy. {city} officials have denied that the ferry was unsafe.")


def _offsets(report):
    return ([(a.attribution.cue.span.start, a.attribution.cue.span.end, a.attribution.rule,
              a.attribution.source and (a.attribution.source.start, a.attribution.source.end),
              [(c.start, c.end) for c in a.attribution.content]) for a in report.attributions],
            [(h.span.start, h.span.end, h.type) for s in report.sentences for h in s.hedges])


def test_a_dotted_capital_i_reads_like_a_plain_one(scorer):
    for city in ("\u0130stanbul", "\u0130ZM\u0130R"):
        dotted = scorer.score(_DOTTED_I_ARTICLE.format(city=city))
        plain = scorer.score(_DOTTED_I_ARTICLE.format(city=city.replace("\u0130", "I")))
        assert _offsets(dotted) == _offsets(plain)
        assert {a.attribution.cue.span.text.lower() for a in dotted.attributions} >= {
            "said", "according to", "reportedly", "it is unclear"}
        for span in iter_spans(report_dict(dotted)):
            assert dotted.text[span["start"]:span["end"]] == span["text"]


def _wrap(text: str, width: int = 68) -> str:
    """Each paragraph's spaces after column ``width`` made line breaks, as plain-text copy is wrapped."""
    lines = []
    for line in text.split("\n"):
        chars, column = list(line), 0
        for k, c in enumerate(chars):
            column += 1
            if c == " " and column > width:
                chars[k], column = "\n", 0
        lines.append("".join(chars))
    return "\n".join(lines)


def test_hard_wrapped_copy_reads_like_the_unwrapped_text(scorer):
    """An article wrapped at a fixed width (wire feeds, e-mailed releases) gives the attributions and hedges of
    the article as one line a paragraph, at the same offsets."""
    for path in sorted((ROOT / "seeds" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        wrapped = _wrap(text)
        assert wrapped != text and len(wrapped) == len(text)
        assert _offsets(scorer.score(wrapped)) == _offsets(scorer.score(text)), path.name


@pytest.mark.parametrize("value", [123, None, b"Officials said.", ["Officials said."]])
def test_a_text_that_is_not_a_string_is_refused_as_invalid_input(scorer, value):
    # compiled or interpreted, the library's own error (not a TypeError from a type annotation)
    with pytest.raises(InvalidInput, match="text must be a string"):
        scorer.score(value)


@pytest.mark.parametrize("weights", [{"certainty": "1"}, {"certainty": None}, {"stance": [1.0]}])
def test_request_weights_of_the_wrong_type_are_refused_as_invalid_input(scorer, weights):
    with pytest.raises(InvalidInput, match="must be a finite number"):
        scorer.score("Officials said the bridge was closed.", weights=weights)
