"""Segmenter: sentence boundaries, sentence kinds and offsets."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from scoring.errors import InvalidInput
from tests.unit.helpers import case

B = "body"

CASES = [
    case("abbr-mr", "Mr. Smith arrived on Monday. He left soon after.",
         [("Mr. Smith arrived on Monday.", B), ("He left soon after.", B)]),
    case("abbr-sen", "Sen. Alma Ruiz spoke first. The bill failed.",
         [("Sen. Alma Ruiz spoke first.", B), ("The bill failed.", B)]),
    case("abbr-gen", "Gen. Tor Balek spoke first. Then the minister spoke.",
         [("Gen. Tor Balek spoke first.", B), ("Then the minister spoke.", B)]),
    case("abbr-brig-gen", "Brig. Gen. Tor Balek spoke first. Then the minister spoke.",
         [("Brig. Gen. Tor Balek spoke first.", B), ("Then the minister spoke.", B)]),
    case("abbr-us-jan", "The U.S. Navy sent a ship. It arrived in Jan. 2025 at the port.",
         [("The U.S. Navy sent a ship.", B), ("It arrived in Jan. 2025 at the port.", B)]),
    case("abbr-us-subject", "The U.S. said it would act. Officials agreed.",
         [("The U.S. said it would act.", B), ("Officials agreed.", B)]),
    case("abbr-no", "She lives at No. 10 Harbour Road. Her neighbour agreed.",
         [("She lives at No. 10 Harbour Road.", B), ("Her neighbour agreed.", B)]),
    case("abbr-dr-prof-gov", "Dr. Lena Ott and Prof. Kim agreed. Gov. Hale did not.",
         [("Dr. Lena Ott and Prof. Kim agreed.", B), ("Gov. Hale did not.", B)]),
    case("initials", "John F. Kennedy was elected in 1960. He was young.",
         [("John F. Kennedy was elected in 1960.", B), ("He was young.", B)]),
    case("decimal", "Inflation rose 3.5 percent in March. Prices fell later.",
         [("Inflation rose 3.5 percent in March.", B), ("Prices fell later.", B)]),
    case("decimal-money", "The price was $4.2 million. That is a record.",
         [("The price was $4.2 million.", B), ("That is a record.", B)]),
    case("final-quote", '"We will rebuild," she said. "The town is strong."',
         [('"We will rebuild," she said.', B), ('"The town is strong."', B)]),
    case("final-quote-inside", '"I will not resign." Those were her words.',
         [('"I will not resign."', B), ("Those were her words.", B)]),
    case("colon-quote", 'He said: "It is over." Then he left.',
         [('He said: "It is over."', B), ("Then he left.", B)]),
    case("run-in-heading", "What we know about the fire The blaze started near the docks on Friday morning.",
         [("What we know about the fire", "heading"), ("The blaze started near the docks on Friday morning.", B)]),
    case("run-in-date", "date 2026-05-02 A fire broke out at the depot on Saturday. Two men were hurt.",
         [("date 2026-05-02", "heading"), ("A fire broke out at the depot on Saturday.", B), ("Two men were hurt.", B)]),
    case("dateline-reuters", "WASHINGTON (Reuters) - The Senate passed the bill on Tuesday. It now goes to the House.",
         [("WASHINGTON (Reuters) -", "dateline"), ("The Senate passed the bill on Tuesday.", B),
          ("It now goes to the House.", B)]),
    case("dateline-country", "KALDOR, Norway (AP) -- The ferry sank. Nobody died.",
         [("KALDOR, Norway (AP) --", "dateline"), ("The ferry sank.", B), ("Nobody died.", B)]),
    case("dateline-beyond-ascii", "BOGOT\u00c1, Colombia (Reuters) - The talks resumed. Both sides spoke.",
         [("BOGOT\u00c1, Colombia (Reuters) -", "dateline"), ("The talks resumed.", B), ("Both sides spoke.", B)]),
    case("dateline-beyond-ascii-two-words", "S\u00c3O PAULO (Reuters) - Output rose. Prices fell.",
         [("S\u00c3O PAULO (Reuters) -", "dateline"), ("Output rose.", B), ("Prices fell.", B)]),
    case("dateline-dotted-capital-i", "\u0130ZM\u0130R, Turkey \u2014 The port reopened. Ships sailed.",
         [("\u0130ZM\u0130R, Turkey \u2014", "dateline"), ("The port reopened.", B), ("Ships sailed.", B)]),
    case("dateline-region-and-date", "KORSA, Sarvan, Oct. 9 (AP) \u2013 Floods hit. Roads closed.",
         [("KORSA, Sarvan, Oct. 9 (AP) \u2013", "dateline"), ("Floods hit.", B), ("Roads closed.", B)]),
    case("dateline-two-word-region", "JOHANNESBURG, South Africa (Reuters) - The rand fell. Gold rose.",
         [("JOHANNESBURG, South Africa (Reuters) -", "dateline"), ("The rand fell.", B), ("Gold rose.", B)]),
    case("no-dateline-in-a-headline", "US, Iran Agree - On What? Nobody knows.",
         [("US, Iran Agree - On What?", B), ("Nobody knows.", B)]),
    case("byline-beyond-ascii", "Dam holds\nBy \u00c1ngel G\u00f3mez\nThe dam held. Nobody left.",
         [("Dam holds", "heading"), ("By \u00c1ngel G\u00f3mez", "byline"), ("The dam held.", B), ("Nobody left.", B)]),
    case("initial-beyond-ascii", "The poet \u00d6. Kaya said it. Then it rained.",
         [("The poet \u00d6. Kaya said it.", B), ("Then it rained.", B)]),
    case("byline", "Storm hits coast\nBy Anna Kovacs and Peter Lind\nThe storm arrived at dawn. Roads were closed.",
         [("Storm hits coast", "heading"), ("By Anna Kovacs and Peter Lind", "byline"),
          ("The storm arrived at dawn.", B), ("Roads were closed.", B)]),
    case("bullets", "The plan has three parts:\n- a new bridge over the river\n- two schools\n* more buses\n1. First item here",
         [("The plan has three parts:", B), ("- a new bridge over the river", "list_item"),
          ("- two schools", "list_item"), ("* more buses", "list_item"), ("1. First item here", "list_item")]),
    case("seg-voted-no", "Sen. Alma Ruiz voted no. The bill failed.",
         [("Sen. Alma Ruiz voted no.", B), ("The bill failed.", B)]),
    case("seg-pm-sentence-end", "He arrived at 3 p.m. The meeting began.",
         [("He arrived at 3 p.m.", B), ("The meeting began.", B)]),
    case("seg-question-quote-tail", "\u201cWho pays for this?\u201d she asked. \u201cNobody!\" he shouted. Then it rained.",
         [("\u201cWho pays for this?\u201d she asked.", B), ("\u201cNobody!\" he shouted.", B), ("Then it rained.", B)]),
    case("seg-dotted-initialism-before-comma", "Rep. Ana Ruiz (D-N.M.), chair of the caucus, spoke. Then it rained.",
         [("Rep. Ana Ruiz (D-N.M.), chair of the caucus, spoke.", B), ("Then it rained.", B)]),
    case("seg-dotted-initialism-lower", "The S.E.C. said it would appeal. The N.F.L. Then came.",
         [("The S.E.C. said it would appeal.", B), ("The N.F.L.", B), ("Then came.", B)]),
    case("seg-dotted-initialism-in-brackets", "Rep. Ana Ruiz (D-N.M.) said the vote failed. Then it rained.",
         [("Rep. Ana Ruiz (D-N.M.) said the vote failed.", B), ("Then it rained.", B)]),
    case("seg-programme-after-told", "The coach told ZTV This Week on Sunday that he would stay. Fans cheered.",
         [("The coach told ZTV This Week on Sunday that he would stay.", B), ("Fans cheered.", B)]),
    case("seg-question-quote-new-sentence", "\u201cWho pays?\u201d The council did not say.",
         [("\u201cWho pays?\u201d", B), ("The council did not say.", B)]),
]


def _check_offsets(doc):
    ids = [s.id for s in doc.sentences]
    assert ids == [f"s{i}" for i in range(1, len(ids) + 1)]
    prev_end = 0
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= prev_end
        prev_end = s.end
        assert s.kind in ("heading", "dateline", "byline", "list_item", "body")


@pytest.mark.parametrize("text, expected", CASES)
def test_segments(segmenter, text, expected):
    doc = segmenter.segment(text)
    assert [(s.text, s.kind) for s in doc.sentences] == expected
    _check_offsets(doc)


def test_paragraph_index(segmenter):
    doc = segmenter.segment("Headline here\n\nFirst para one. First para two.\n\nSecond para.")
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]


def test_lines_without_a_blank_line_between_them_share_a_paragraph(segmenter):
    # hard-wrapped copy and bullet lists: a single line break does not open a paragraph (find_quotes reads
    # paragraphs the same way); a line of spaces counts as blank
    doc = segmenter.segment("Officials said the road\nwould reopen on Monday.\n   \n- First item\n- Second item\n\n\nLast.")
    assert [(s.text, s.paragraph) for s in doc.sentences] == [
        ("Officials said the road", 0), ("would reopen on Monday.", 0), ("- First item", 1),
        ("- Second item", 1), ("Last.", 2)]


def test_normalises_crlf_and_nfc(segmenter):
    doc = segmenter.segment("Cafe\u0301 closes\r\nThe owner said it was over.\r\n")
    assert "\r" not in doc.text and "Caf\u00e9" in doc.text
    _check_offsets(doc)


def test_hard_wrapped_paragraphs_are_unwrapped_in_place(segmenter):
    """Plain-text copy wrapped at a fixed width: the line breaks inside a paragraph become spaces, one character
    for one; a heading, a byline, a list (marked or not) and short lines keep theirs."""
    text = ("Bridge to stay shut\nBy Ana Ruiz\n\n"
            "The ministry said on Tuesday that the bridge would stay closed until\n"
            "engineers had checked every cable. A ferry will run in the meantime,\n"
            "officials said, and Sen. Alma Ruiz called the delay regrettable.\n\n"
            "The plan has three parts:\n- a new bridge over the river\n- two schools\n\n"
            "Sell the plan to the council before the vote in the spring session\n"
            "Be the mayor who listens to residents in the smaller wards first\n"
            "Get the contracts signed before the summer recess begins in July")
    doc = segmenter.segment(text)
    assert len(doc.text) == len(text) and doc.text.count("\n") == text.count("\n") - 2
    assert [(s.text, s.kind) for s in doc.sentences][:5] == [
        ("Bridge to stay shut", "heading"), ("By Ana Ruiz", "byline"),
        ("The ministry said on Tuesday that the bridge would stay closed until engineers had checked every cable.",
         "body"),
        ("A ferry will run in the meantime, officials said, and Sen. Alma Ruiz called the delay regrettable.", "body"),
        ("The plan has three parts:", "body")]
    assert len(doc.sentences) == 10  # the two list items and the three unmarked ones stay lines of their own
    assert segmenter.segment(text, keep_text=True).text == doc.text
    _check_offsets(doc)


def test_every_space_separator_becomes_a_plain_space_in_place(segmenter):
    """Web copy writes "Mr.&nbsp;Ruiz" and "40&nbsp;percent": each such space becomes a plain one, one character
    for one, so the offsets of the article as sent hold."""
    text = "Rep.\u00a0Ana Ruiz said 40\u202fpercent\u2009of the vote\u3000was lost.\n\nIt was late."
    doc = segmenter.segment(text)
    assert len(doc.text) == len(text) and doc.text == text.replace("\u00a0", " ").replace(
        "\u202f", " ").replace("\u2009", " ").replace("\u3000", " ")
    assert segmenter.segment(text, keep_text=True).text == doc.text  # (evaluation reads them alike)
    _check_offsets(doc)


@pytest.mark.parametrize("bad", ["", "   \n\n  "])
def test_empty_input_rejected(segmenter, bad):
    with pytest.raises(InvalidInput):
        segmenter.segment(bad)


_ALPHABET = st.sampled_from(list("abc XYZ.,;:!?\"'\u201c\u201d-\u2014\n()0123456789") + ["Mr.", "U.S.", " said ", "No. "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=60).map("".join))
def test_offsets_property(segmenter, text):
    if not text.strip():
        return
    _check_offsets(segmenter.segment(text))


def test_offsets_on_seed_articles(segmenter):
    from pathlib import Path

    files = sorted(Path(__file__).resolve().parents[2].joinpath("seeds", "articles").glob("*.txt"))
    assert len(files) >= 3
    for f in files:
        doc = segmenter.segment(f.read_text(encoding="utf-8"))
        _check_offsets(doc)
        kinds = [(s.kind, s.text) for s in doc.sentences]
        assert any(k == "heading" and t.startswith("date ") for k, t in kinds)
        assert any(k == "heading" and t.startswith("What we know about") for k, t in kinds)


# ----------------------------------------------------------------------------- the fast path agrees with Punkt
def _punkt_spans(segmenter, line):
    from scoring.segment import _INNER_BOUNDARY

    return list(segmenter._punkt.span_tokenize(line)) if _INNER_BOUNDARY.search(line) else [(0, len(line))]


_BOUNDARY_PIECES = st.sampled_from(
    ["word", "Next", "said", "Mr", "U.S", "Gen", "A", "x", "2016", "3.5", "no", "p.m", "Inc", "é", "ça",
     ".", ". ", "? ", "! ", ".\u201d ", ".\" ", ".) ", "?\u201d ", ".' ", "...", ".. ", " ", "  ", "\t", "\u201c",
     "\"", "(", ")", "--", "\u2014", ",", ":", ";", "@", "'s", "\u2019", "?", "!", "\u00a0", "-", "*", "}", "#", "F", "\u00c9", "\u01c5", "\u02b0", ".\u201d",
     # what the Punkt procedure in sentence_spans meets in news copy: numbers, '' quotes, hyphenated and bracketed
     # words, initials, other spaces and quotes
     "1995", "9%", "$4", "1,000", "-5", ".5", "''", "``", "v", "J", "D-Wis", "R-N.C", "N.Y", "a.m", "x-mr", "_",
     "\u2018", "\u00ab", "\u00bb", "[", "{", "&", "`", "\u2026", "\u2013", "\u2009", "\u202f", "\t", "\u00b2",
     "\u0301"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_BOUNDARY_PIECES, min_size=1, max_size=40).map("".join))
def test_possible_ends_are_punkts(text):
    # sentence_spans finds Punkt's possible ends with one pattern per end character
    from nltk.tokenize.punkt import PunktLanguageVars

    from scoring.segment import _possible_ends

    punkts = re.compile(PunktLanguageVars().period_context_re().pattern, re.VERBOSE)
    assert [(m.span(), m.groupdict()) for m in _possible_ends(text)] == \
        [(m.span(), m.groupdict()) for m in punkts.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(_BOUNDARY_PIECES, min_size=1, max_size=40).map("".join))
def test_fast_sentence_spans_equal_punkt(segmenter, text):
    line = text.strip()
    if line:
        assert segmenter.sentence_spans(line) == _punkt_spans(segmenter, line)


def test_fast_sentence_spans_equal_punkt_on_project_text(segmenter):
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "seeds"
    lines = [line.strip() for d in ("articles", "attribution") for f in sorted((root / d).glob("*.txt"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    for f in sorted((root / "certainty").glob("*.jsonl")):
        lines += [json.loads(row)["text"] for row in f.read_text(encoding="utf-8").splitlines() if row.strip()]
    assert len(lines) > 4000
    assert [segmenter.sentence_spans(line) for line in lines] == [_punkt_spans(segmenter, line) for line in lines]


@pytest.mark.parametrize("line", ["word.\u00a0.\u201d", "Mr.\u00a0Smith. Next", "said.\u00a0The end."])
def test_fast_sentence_spans_with_no_break_spaces(segmenter, line):
    # found by the property test: Punkt splits words on string.whitespace, which has no U+00A0
    assert segmenter.sentence_spans(line) == _punkt_spans(segmenter, line)


_WORD_PIECES = st.sampled_from(
    ["word", "Next", "next", "Mr", "mr", "U.S", "v", "A", "J", "é", "2016", "3.5", "-5", ",", ";", ":", ".", "..", "?",
     "!", "'", "''", "\"", "(", ")", "[", "\u201c", "\u201d", "--", "-", "@", "*", "#", "&", "_", "\u00a0", "x-mr"])
# what Punkt decides on: the word before a possible end, the end, then a closing mark or spaces and a token
_CONTEXTS = st.tuples(
    st.lists(_WORD_PIECES, max_size=4).map("".join), st.sampled_from(".?!"),
    st.one_of(st.sampled_from(list(")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!")),
              st.tuples(st.sampled_from([" ", "  ", "\u00a0", " \u2009"]),
                        st.lists(_WORD_PIECES, min_size=1, max_size=4).map("".join)).map("".join)),
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_CONTEXTS)
def test_context_breaks_equal_punkt(segmenter, context):
    # the decision sentence_spans makes at each possible end is Punkt's text_contains_sentbreak
    assert segmenter._context_breaks(context) == segmenter._punkt.text_contains_sentbreak(context)


def test_punkt_patterns_read_alike_by_both_engines():
    # sentence_spans runs Punkt's patterns with re; nltk runs them with the regex module. On every character a
    # line may hold to be handled so, the two agree on each class those patterns use.
    import sys

    import regex

    from scoring.segment import _PUNKT_UNALIKE

    classes = [r"\s", r"\d", r"\w", r"[^\W\d]"]
    ours, nltks = [re.compile(c) for c in classes], [regex.compile(c) for c in classes]
    admitted = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF
                and not _PUNKT_UNALIKE.match(chr(c))]
    assert len(admitted) > 500
    # sentence_spans lets a printable ASCII line through without the scan
    assert [chr(c) for c in range(128) if chr(c).isprintable()] == [ch for ch in admitted if ch.isascii()]
    for ch in admitted:
        assert [bool(r.match(ch)) for r in ours] == [bool(r.match(ch)) for r in nltks], hex(ord(ch))
        # and the test for a plain word before a period, str.isalpha, is the class [^\W\d_] there
        assert ch.isalpha() == bool(re.fullmatch(r"[^\W\d_]", ch)), hex(ord(ch))


def test_realignment_opens_with_a_closing_mark():
    # sentence_spans calls _PUNKT_REALIGNMENT only where a sentence opens with one of _PUNKT_CLOSING
    from scoring.segment import _PUNKT_CLOSING, _PUNKT_REALIGNMENT

    assert all(not _PUNKT_REALIGNMENT.match(chr(c) + " x") for c in range(0x3000) if chr(c) not in _PUNKT_CLOSING)
    assert all(_PUNKT_REALIGNMENT.match(c + " x") for c in _PUNKT_CLOSING)


@pytest.mark.parametrize("context", [
    "F. Kennedy", "F. kennedy", "F. 1960", "F. \u201cSo", "F. ,", "F.)", "F.;", "v. Wade", "V. X", "_. X",
    "1995. Clinton", "1995. clinton", "1995. ;", "1995. ?", "1995. ?!", "1,000. The", "-5. The", "3.5. The",
    "9%. Polish", "$4. The",
    "Mr. Smith", "Mr. Smith.", "Mr. Smith.\u201d", "mr. smith", "\u201cMr. President", "(Wis.) said", "D-Wis.)",
    "Holtz-Eakin. ''The", "word. ''It's", "U.S. citizenship.", "a.m.\u00a0to", "Gov.\u00a0Mike", "U-S-A! U-S-A!\u201d",
    "now?! Yes", "word... Next", "word.. Next", "word. . Next", "x.-- Next", "said.\u00a0 Two", "@AWRHawkins. Reach",
])
def test_context_breaks_equal_punkt_on_news_shapes(segmenter, context):
    assert segmenter._context_breaks(context) == segmenter._punkt.text_contains_sentbreak(context)


@pytest.mark.parametrize("line", [
    "Mr. Smith.\u201d Then he left.", "He met Mr. Smith. Then he left.", "It was 1995. Clinton said so.",
    "It was 1995. clinton said so.", "Rates rose 9%. Polish workers left.", "\u201cMr. President, will you go?\u201d",
    "Sen. Tammy Baldwin (D-Wis.) said Friday. \u201cIf so, fine.\u201d", "he said. ''It's anti-reform. She agreed.''",
    "at 6:00 a.m.\u00a0to 9:00 a.m.\u00a0Eastern.", "John F. Kennedy won. George W. Bush lost.",
    "Roe v. Wade stands. It did.", "chanting \u201cU-S-A! U-S-A!\u201d Then quiet.", "Why?! Nobody knows. Really?",
    "It ended... Then more. . . Then less.",
    "He left.\u00a0 Two questions remain.", "Reach him at @AWRHawkins. Reach him later.",
])
def test_fast_sentence_spans_equal_punkt_on_news_shapes(segmenter, line):
    assert segmenter.sentence_spans(line) == _punkt_spans(segmenter, line)
