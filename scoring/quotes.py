"""Find the quoted passages of a document, including quotes that run over sentences and paragraphs.

Curly quotes pair by direction; straight double quotes (and the doubled apostrophes some papers print for
them) alternate within a paragraph. A paragraph that opens with a quote mark while the previous paragraph's
quote is still open continues that quote (the news convention for multi-paragraph quotes). A quote that never
closes ends with its paragraph: unbalanced quote marks never make an article fail.
"""
from __future__ import annotations

import re
from .types import frozen

# a line break with only white space up to the next one: paragraphs are what lies between such breaks
_PARAGRAPH_BREAK = re.compile(r"\n(?=\s*\n)")
_MARK = re.compile(r"\u201c|\u201d|\"|''|\u00ab|\u00bb|\u201e")
_OPENERS = {"\u201c", "\u00ab", "\u201e"}
_CLOSERS = {"\u201d", "\u00bb"}


@frozen  # (built faster than dataclass(frozen=True), which sets each field through object.__setattr__)
class Quote:
    start: int
    """Offset of the opening mark."""
    end: int
    """Offset one past the closing mark (or the end of the paragraph for an unclosed quote)."""
    closed: bool
    group: int
    """Quotes of one multi-paragraph quotation share a group number."""


def find_quotes(text: str) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    group = 0
    carry_open = False  # the previous paragraph ended inside a quote
    for p_start, p_end in _paragraphs(text):
        p_text = text[p_start:p_end]
        open_at: int | None = None
        first = True
        for m in _MARK.finditer(p_text):
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
    return tuple(q for q in quotes if q.end > q.start + 1)


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
