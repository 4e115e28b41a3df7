"""Find the quoted passages of a document, including quotes that run over sentences and paragraphs.

Curly quotes pair by direction; straight double quotes (and the doubled apostrophes some papers print for
them) alternate within a paragraph. A paragraph that opens with a quote mark while the previous paragraph's
quote is still open continues that quote (the news convention for multi-paragraph quotes). A quote that never
closes ends with its paragraph: unbalanced quote marks never make an article fail.

Single curly quotes are quotations too where they stand outside double ones (British style: ‘We will
rebuild,’ she said; American headlines: Mayor calls plan ‘reckless’). Their closing mark is also the
apostrophe, so a single quote counts only when it closes in its paragraph, before the next opening mark: at
the first ’ after the opening ‘ that no letter follows, passing over a plural possessive (the players’ union)
where another such ’ follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .types import COMPILED, fast_init

# a line break with only white space up to the next one: paragraphs are what lies between such breaks
_PARAGRAPH_BREAK = re.compile(r"\n(?=\s*\n)")
_MARKS = ("\u201c", "\u201d", "\"", "''", "\u00ab", "\u00bb", "\u201e")
_MARK = re.compile("|".join(map(re.escape, _MARKS)))
_OPENERS = {"\u201c", "\u00ab", "\u201e"}
_CLOSERS = {"\u201d", "\u00bb"}


@dataclass(frozen=True, init=False)
class Quote:
    start: int
    """Offset of the opening mark."""
    end: int
    """Offset one past the closing mark (or the end of the paragraph for an unclosed quote)."""
    closed: bool
    group: int
    """Quotes of one multi-paragraph quotation share a group number."""

    def __init__(self, start: int, end: int, closed: bool, group: int) -> None:
        self.start = start  # type: ignore[misc]
        self.end = end  # type: ignore[misc]
        self.closed = closed  # type: ignore[misc]
        self.group = group  # type: ignore[misc]


if not COMPILED:  # built faster (see types.fast_init)
    fast_init(Quote)


def find_quotes(text: str) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    group = 0
    carry_open = False  # the previous paragraph ended inside a quote
    carry_single = False  # ... inside a single-quoted one
    paragraphs = _paragraphs(text)
    for k, (p_start, p_end) in enumerate(paragraphs):
        p_text = text[p_start:p_end]
        open_at: int | None = None
        first = True
        # a paragraph with none of the marks (most hold none) is not stepped through by the pattern: a search for
        # each mark is a scan in C, several times faster than the regex engine's test of every character
        marks = _MARK.finditer(p_text) if any(each in p_text for each in _MARKS) else ()
        for m in marks:
            mark = m.group()
            pos = p_start + m.start()
            is_open = mark in _OPENERS or (mark not in _CLOSERS and open_at is None)
            before = p_text[m.start() - 1] if m.start() else " "
            after = p_text[m.end()] if m.end() < len(p_text) else " "
            # a straight quote glued to the end of a word closes; glued to the start of a word opens
            if mark not in _OPENERS and mark not in _CLOSERS:
                if open_at is None and before.isalnum() and not after.isalnum():
                    is_open = False
                elif open_at is not None and after.isalnum() and not before.isalnum() and before not in ",.!?;:":
                    is_open = True
            elif mark in _CLOSERS and open_at is None:
                # a closing mark where none is open, glued to the start of a word, is a misprinted opener
                is_open = after.isalnum() and before.isspace()
            if is_open:
                if open_at is not None:  # an opener inside an open quote: close the old one before it
                    quotes.append(Quote(open_at, pos, False, group))
                if not (first and carry_open and m.start() <= 2):
                    group += 1
                open_at = pos
            elif open_at is not None:
                quotes.append(Quote(open_at, p_start + m.end(), True, group))
                open_at = None
            first = False
        carry_open = open_at is not None
        if open_at is not None:
            end = p_start + len(p_text.rstrip())
            quotes.append(Quote(open_at, end, False, group))
        if "\u2018" in p_text:
            doubles = [(q.start, q.end) for q in quotes if q.end > p_start]
            # the news convention for a quotation over paragraphs: the next paragraph opens with a quote mark
            following = text[paragraphs[k + 1][0]:paragraphs[k + 1][1]].lstrip()[:1] if k + 1 < len(paragraphs) \
                else ""
            singles = _single_quotes(p_text, p_start, doubles, following == "\u2018")
            for n, (start, end, closed) in enumerate(singles):
                if not (n == 0 and carry_single and start - p_start <= 2):
                    group += 1
                quotes.append(Quote(start, end, closed, group))
            carry_single = bool(singles) and not singles[-1][2]
        else:
            carry_single = False
    if any(q.start < p.start for p, q in zip(quotes, quotes[1:])):
        quotes.sort(key=lambda q: q.start)  # (single quotes found after a paragraph's double ones)
    return tuple(q for q in quotes if q.end > q.start + 1)


# an opening single quote: at the start of the paragraph or after a space or an opening bracket or dash,
# before a letter or an opening mark (before a digit it stands for the century: "the ‘90s")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013-]))\u2018(?=[^\W\d_]|[\u201c\"])")
# a closing one: after something other than a space, before no letter or digit
_SINGLE_CLOSE = re.compile(r"(?<=\S)\u2019(?!\w)")
# a plural possessive, not a close: "the players’ union", "in two weeks’ time"
_POSSESSIVE = re.compile(r"(?<=s)\u2019 (?=[a-z])")


def _single_quotes(p_text: str, p_start: int, doubles: list[tuple[int, int]], runs_on: bool
                   ) -> list[tuple[int, int, bool]]:
    """(start, end, closed) in the text of the single-quoted passages of a paragraph that lie outside its
    double-quoted ones (inside them single quotes are a quote within the quote, already covered). One that
    does not close runs to the paragraph's end when the quotation ``runs_on`` (the next paragraph opens with a
    single quote), else it is no quote ("the ‘90s")."""
    out: list[tuple[int, int, bool]] = []
    pos = 0
    while True:
        m = _SINGLE_OPEN.search(p_text, pos)
        if m is None:
            return out
        start = p_start + m.start()
        pos = m.end()
        if any(s <= start < e for s, e in doubles):
            continue
        # the close comes before the next opening single quote and before the next double quote
        limit = min([p_text.find("\u2018", pos) % (len(p_text) + 1)]
                    + [s - p_start for s, _ in doubles if s > start])
        closes = list(_SINGLE_CLOSE.finditer(p_text, pos, limit))
        if closes:
            # the first that is no plural possessive; else the first ("a ‘reckless’ plan")
            close = next((c for c in closes if not _POSSESSIVE.match(p_text, c.start())), closes[0])
            out.append((start, p_start + close.end(), True))
            pos = close.end()
        elif runs_on and limit == len(p_text):
            out.append((start, p_start + len(p_text.rstrip()), False))
            return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    r"""(start, end) of each paragraph: the runs of text between paragraph breaks, as the pattern
    ``(?:[^\n]|\n(?!\s*\n))+`` finds them (but that pattern steps through every character in Python's regex
    engine, while the breaks are found by a search that only stops at line breaks)."""
    out = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if len(text) > start:
        out.append((start, len(text)))
    return out
