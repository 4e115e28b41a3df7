"""Sentences -> typed hedge cues (and boosters), from ``lexicons/hedges.json``.

A pattern that matches a word written with a capital letter in the middle of a sentence is skipped: that is a
name or a title ("Theresa May", the film "Maybe Tomorrow"), not a hedge. Hard negatives that need context
("claimed the title", "asked if", "could not read") are excluded by each entry's ``unless_before`` /
``unless_after`` patterns, so the rules stay in the data file.
"""
from __future__ import annotations

from .lexicons import Lexicons
from .types import Document, Hedge, Sentence, Span

_CONTEXT = 40


def find_hedges(doc: Document, lexicons: Lexicons) -> tuple[Hedge, ...]:
    """Hedges of every sentence, in text order; overlapping matches keep the longest."""
    out: list[Hedge] = []
    for sentence in doc.sentences:
        out.extend(hedges_in(doc.text, sentence, lexicons))
    return tuple(out)


def hedges_in(text: str, sentence: Sentence, lexicons: Lexicons) -> list[Hedge]:
    found: list[Hedge] = []
    body = sentence.text
    for entry in lexicons.hedges:
        for m in entry.pattern.finditer(body):
            if not m.group().strip():
                continue
            if _capitalised_mid_sentence(body, m.start()):
                continue
            before = body[max(0, m.start() - _CONTEXT):m.start()]
            after = body[m.end():m.end() + _CONTEXT]
            if entry.unless_before is not None and entry.unless_before.search(before):
                continue
            if entry.unless_after is not None and entry.unless_after.search(after):
                continue
            start = sentence.start + m.start()
            end = sentence.start + len(m.group().rstrip()) + m.start()
            found.append(Hedge(Span(start, end, text[start:end]), entry.type, sentence.id, entry.source))
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


def _capitalised_mid_sentence(body: str, pos: int) -> bool:
    if not body[pos].isupper():
        return False
    prefix = body[:pos].rstrip()
    if not prefix:
        return False
    return prefix[-1] not in ".!?:\"\u201c\u2018'(\u2014-"
