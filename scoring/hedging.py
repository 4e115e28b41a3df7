"""Sentences -> typed hedge cues (and boosters), from ``lexicons/hedges.json``.

A pattern that matches a word written with a capital letter in the middle of a sentence is skipped: that is a
name or a title ("Theresa May", the film "Maybe Tomorrow"), not a hedge. Hard negatives that need context
("claimed the title", "asked if", "could not read") are excluded by each entry's ``unless_before`` /
``unless_after`` patterns, so the rules stay in the data file.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import chain
from typing import Iterator, Sequence

from .chars import lower_same_length
from .lexicons import HEDGE_COPY, HedgeEntry, Lexicons
from .types import Document, Hedge, Sentence, Span

_CONTEXT = 40
_WORD = re.compile(r"\w+")


def find_hedges(doc: Document, lexicons: Lexicons) -> tuple[Hedge, ...]:
    """Hedges of every sentence, in text order; overlapping matches keep the longest."""
    return tuple(chain.from_iterable(hedges_in_sentences(doc.text, doc.sentences, lexicons)))


def hedges_in_sentences(text: str, sentences: Sequence[Sentence], lexicons: Lexicons) -> list[list[Hedge]]:
    """Hedges per sentence. One scan over the whole text finds where a pattern may start (not one scan per
    sentence or per pattern: that is what makes batches fast), the patterns that can start with the word there
    are tried, and a match is kept when it lies inside one sentence."""
    starts = [s.start for s in sentences]
    found: list[list[Hedge]] = [[] for _ in sentences]
    if not sentences:
        return found
    lo, hi = starts[0], max([s.end for s in sentences])
    low = lower_same_length(text)
    for pos, entries in _candidates(low, lo, hi, lexicons):
        for entry in entries:
            m = entry.lower.match(low, pos, hi)
            if m is None or not m.group().strip():
                continue
            start, stop = m.span()
            k = bisect_right(starts, start) - 1
            if k < 0:
                continue
            sentence = sentences[k]
            if stop > sentence.end:
                continue
            body_start = sentence.start
            # _capitalised_mid_sentence's first test inline: most matches are in lower case
            if text[start].isupper() and _capitalised_mid_sentence(text, body_start, start):
                continue
            if entry.unless_before is not None and entry.unless_before.search(
                    text[max(body_start, start - _CONTEXT):start]):
                continue
            if entry.unless_after is not None and entry.unless_after.search(
                    text[stop:min(sentence.end, stop + _CONTEXT)]):
                continue
            end = start + len(m.group().rstrip())
            found[k].append(Hedge(Span(start, end, text[start:end]), entry.type, sentence.id, entry.source))
    return [_longest(hs) if len(hs) > 1 else hs for hs in found]  # most sentences hold none


def _candidates(low: str, lo: int, hi: int, lexicons: Lexicons) -> Iterator[tuple[int, Sequence[HedgeEntry]]]:
    """Each position in low[lo:hi] where a hedge pattern may start, with the entries to try there (a superset
    of those that match, in file order)."""
    scan = lexicons.hedge_starts
    if scan is None:  # a lexicon with a pattern that may start elsewhere than at a word character
        for start in lexicons.hedge_scan.finditer(low, lo, hi):
            yield start.start(), lexicons.hedge_index.get(low[start.start()], lexicons.hedge_anywhere)
        return
    by_word, open_index = lexicons.hedge_by_word, lexicons.hedge_open_index
    if lo == 0 and lexicons.hedge_scan.match(low, 0, hi):
        word = _WORD.match(low, 0, hi).group()  # type: ignore[union-attr]  # (matched above)
        yield 0, by_word.get(word) or open_index.get(word[0], ())
    if lexicons.hedge_spaced is None:
        # hedge_starts matches the character before a candidate, then the candidate's first characters; the next
        # search starts at the candidate (a pattern's first characters may hold the next candidate)
        m = scan.search(low, max(lo - 1, 0), hi)
        while m is not None:
            pos = m.start() + 1
            # beyond the Basic Multilingual Plane the scan admits any character before a word: keep non-word ones
            if low[pos - 1] <= "\uffff" or not _WORD.match(low, pos - 1):
                word = _WORD.match(low, pos, hi).group()  # type: ignore[union-attr]  # (a word starts there)
                yield pos, by_word.get(word) or open_index.get(word[0], ())
            m = scan.search(low, pos, hi)
        return
    # hedge_starts tests its class of characters before a word at every character, then its patterns' first
    # characters at every non-word one. In a one-byte copy of the text where the other ASCII characters are
    # spaces, hedge_spaced's search jumps from space to space (the regex engine's fast path for a pattern
    # opening with one literal character); where it matches, hedge_starts confirms on the text. The few
    # positions after a "?" of the copy (a character beyond ASCII) are tried with hedge_starts alone.
    a = max(lo - 1, 0)
    copy = low[a:hi].encode("ascii", "replace").translate(HEDGE_COPY)
    found = []
    spaced, match = lexicons.hedge_spaced.search, scan.match
    hit = spaced(copy)
    while hit is not None:
        if match(low, a + hit.start(), hi) is not None:
            found.append(a + hit.start() + 1)
        hit = spaced(copy, hit.start() + 1)
    j = copy.find(b"?")
    while j >= 0:
        pos = a + j + 1
        # beyond the Basic Multilingual Plane hedge_starts admits any character before a word: keep non-word ones
        if pos < hi and match(low, pos - 1, hi) is not None and (
                low[pos - 1] <= "\uffff" or not _WORD.match(low, pos - 1)):
            found.append(pos)
        j = copy.find(b"?", j + 1)
    found.sort()  # (the positions after a "?" among the others; already in order when there are none)
    for pos in found:
        word = _WORD.match(low, pos, hi).group()  # type: ignore[union-attr]  # (a word starts there)
        yield pos, by_word.get(word) or open_index.get(word[0], ())


def _longest(found: list[Hedge]) -> list[Hedge]:
    # keep the longest of overlapping matches ("it is unclear" over "unclear")
    found.sort(key=lambda h: (h.span.start, -(h.span.end - h.span.start)))
    kept: list[Hedge] = []
    for h in found:
        if kept and h.span.start < kept[-1].span.end:
            if h.span.end - h.span.start > kept[-1].span.end - kept[-1].span.start:
                kept[-1] = h
            continue
        kept.append(h)
    return kept


def _capitalised_mid_sentence(text: str, sentence_start: int, pos: int) -> bool:
    """A capitalised word inside a sentence is a name or a title ("Theresa May"; the film "Unclear Skies"),
    unless it opens a quote that is not itself title-cased."""
    if not text[pos].isupper():
        return False
    prefix = text[sentence_start:pos].rstrip()
    if not prefix:
        return False
    if prefix[-1] in "\"\u201c\u2018'":
        following = text[pos:pos + 40].split()
        # '"Unclear Skies" opened': the next word capitalised too makes it a title
        return len(prefix) > 1 and len(following) > 1 and following[1][:1].isupper()
    return prefix[-1] not in ".!?:(\u2014-"
