"""Letters as news copy writes them, shared by the stages: names and datelines are not ASCII ("BOGOTÁ,
Colombia (Reuters) -", "Recep Tayyip Erdoğan", "İstanbul"), so a capital is any upper-case letter, not A-Z."""
from __future__ import annotations

from itertools import chain


def _ranges(*tests) -> str:
    """The characters of the Basic Multilingual Plane passing one of ``tests`` (``str`` methods, run in C), as
    the body of a regular-expression class: ranges of code points."""
    bmp = list(map(chr, range(0x10000)))
    codes = sorted(set(map(ord, chain.from_iterable(filter(test, bmp) for test in tests))))
    out: list[list[int]] = []
    for code in codes:
        if out and out[-1][1] == code - 1:
            out[-1][1] = code
        else:
            out.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in out)


UPPER = _ranges(str.isupper, str.istitle)
"""Body of a class of every capital letter of the Basic Multilingual Plane ("[" + UPPER + "]"): what
``str.isupper`` says of a letter, and the title-case digraphs ("ǅ"). Letters and range dashes only, no other
character a class treats specially: it can be joined into other classes."""
LOWER = _ranges(str.islower)
"""Body of a class of every lower-case letter (``str.islower``)."""


def lower_same_length(text: str) -> str:
    """``text.lower()`` with the same offsets, for matching lower-case lexicon entries against it. One
    character lengthens under ``str.lower``: the dotted capital I ("İstanbul" gives "i" and a combining dot).
    It becomes a plain "i" here, so "İt is unclear" reads as "it is unclear" and every offset after it holds."""
    low = text.lower()
    if len(low) == len(text):
        return low  # (nearly every text)
    low = text.replace("\u0130", "i").lower()
    if len(low) == len(text):
        return low
    # a character beyond the dotted I that lower-casing lengthens (none in Python's Unicode tables today)
    return "".join([c if len(c.lower()) != 1 else c.lower() for c in text])
