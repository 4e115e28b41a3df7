"""Sentences -> typed hedge cues (and boosters), from ``lexicons/hedges.json``.

A pattern that matches a word written with a capital letter in the middle of a sentence is skipped: that is a
name or a title ("Theresa May", the film "Maybe Tomorrow"), not a hedge. Hard negatives that need context
("claimed the title", "asked if", "could not read") are excluded by each entry's ``unless_before`` /
``unless_after`` patterns, so the rules stay in the data file.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from .lexicons import ASCII_LOWER, Lexicons
from .types import Document, Hedge, Sentence, Span

_CONTEXT = 40


def find_hedges(doc: Document, lexicons: Lexicons) -> tuple[Hedge, ...]:
    """Hedges of every sentence, in text order; overlapping matches keep the longest."""
    found = hedges_in_sentences(doc.text, doc.sentences, lexicons)
    return tuple(h for hs in found for h in hs)


def hedges_in_sentences(text: str, sentences: Sequence[Sentence], lexicons: Lexicons) -> list[list[Hedge]]:
    """Hedges per sentence. Each pattern runs once over the whole text (not once per sentence: that is
    what makes batches fast); a match is kept when it lies inside one sentence."""
    starts = [s.start for s in sentences]
    found: list[list[Hedge]] = [[] for _ in sentences]
    if not sentences:
        return found
    lo, hi = sentences[0].start, max(s.end for s in sentences)
    low = lower_same_length(text)
    for start in lexicons.hedge_scan.finditer(low, lo, hi):
        pos = start.start()
        for entry in lexicons.hedge_index.get(low[pos], lexicons.hedge_anywhere):
            m = entry.lower.match(low, pos, hi)
            if m is None or not m.group().strip():
                continue
            k = bisect_right(starts, m.start()) - 1
            if k < 0:
                continue
            sentence = sentences[k]
            if m.end() > sentence.end:
                continue
            body_start = sentence.start
            if _capitalised_mid_sentence(text, body_start, m.start()):
                continue
            before = text[max(body_start, m.start() - _CONTEXT):m.start()]
            after = text[m.end():min(sentence.end, m.end() + _CONTEXT)]
            if entry.unless_before is not None and entry.unless_before.search(before):
                continue
            if entry.unless_after is not None and entry.unless_after.search(after):
                continue
            end = m.start() + len(m.group().rstrip())
            found[k].append(Hedge(Span(m.start(), end, text[m.start():end]), entry.type, sentence.id, entry.source))
    return [_longest(hs) for hs in found]


def lower_same_length(text: str) -> str:
    """Lower-cased text with the same offsets (``str.lower`` can lengthen a few non-ASCII letters)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(ASCII_LOWER)


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
