"""Letters beyond ASCII: the capital and lower-case classes, and lower-casing that keeps offsets."""
import re

from hypothesis import given, settings, strategies as st

from scoring.chars import LOWER, UPPER, lower_same_length


def test_letter_classes_are_what_str_says_of_each_character():
    upper, lower = re.compile(f"[{UPPER}]"), re.compile(f"[{LOWER}]")
    for c in map(chr, range(0x10000)):
        assert (upper.fullmatch(c) is not None) == (c.isupper() or c.istitle()), hex(ord(c))
        assert (lower.fullmatch(c) is not None) == c.islower(), hex(ord(c))
    # joined into a larger class, the bodies keep their meaning
    assert re.fullmatch(f"[{UPPER}.'-]+", "S\u00c3O-PAULO.") and not re.fullmatch(f"[{UPPER}]+", "Bogot\u00e1")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ \u0130\u03a3\u00e9\u1e9e\u0307.i", max_size=40))
def test_lower_same_length_keeps_every_offset(text):
    low = lower_same_length(text)
    assert len(low) == len(text)
    # what str.lower gives, but for the dotted capital I, a plain "i" (not "i" and a combining dot)
    assert low == text.replace("\u0130", "i").lower()


def test_the_dotted_capital_i_becomes_a_plain_i():
    assert lower_same_length("\u0130stanbul \u0130T IS") == "istanbul it is"
    assert lower_same_length("Plain ASCII") == "plain ascii"
