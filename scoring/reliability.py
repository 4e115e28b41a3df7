"""Scored attributions + sources -> per-source reliability, article summary and flags.

The score of a source is a weighted mean of seven components, each in [0, 1] (higher: more weight can rest
on the source's statements as written). Weights are configuration (``reliability_weights.json``, normalised
to sum to 1, overridable per request):

* identifiability: a named person with a role 1.0; a named person 0.9; a named organisation 0.85; a document
  0.75; a pronoun never resolved 0.5; a described but unnamed source ("US officials familiar with the
  matter") 0.3.
* directness: the mean over its statements of 1.0 for a first-hand statement and, for a relayed one
  ("Reuters reported, citing officials"), 0.3 + 0.4 x the relay's identifiability.
* certainty: 0.5 x mean + 0.5 x minimum of its statements' calibrated certainty.
* stance: the mean over its statements of the cue's stance: assertive (confirmed) 1.0, neutral (said) 0.85,
  directive (warned) 0.75, denial (denied) 0.6, distancing (claimed, alleged) 0.4, unresolved 0.3.
* corroboration: 0.5 alone; 1.0 when another independent source states overlapping content (a shared
  figure, or shared content words about the same event).
* contradiction: 1.0 when nothing contradicts it; 0.3 when another source denies or contradicts one of its
  statements (a negated event of the same kind: "not due to hostile fire" against "shot down").
* interest: 1.0, or 0.5 for an interested party: a source claiming responsibility or credit for its own
  side's action, or praising its own product.

The explanation lists the components that moved the score most (|value - 0.75| x weight), in plain words.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, chain, repeat
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, NamedTuple

from .errors import InvalidInput, LexiconError
from .lexicons import LEXICON_DIR, trie_pattern
from .types import (Component, Document, Flag, Reliability, ScoredAttribution, ScoredSentence, Source,
                    SourceProfile, Summary)

COMPONENTS = ("identifiability", "directness", "certainty", "stance", "corroboration", "contradiction", "interest")
# (from LEXICON_DIR, not this module's __file__: compiled by mypyc, a module of a package sees a wrong one)
WEIGHTS_FILE = LEXICON_DIR.parent / "reliability_weights.json"
FRAMES_FILE = LEXICON_DIR / "event_frames.json"
STANCE_VALUE = {"assertive": 1.0, "neutral": 0.85, "directive": 0.75, "denial": 0.6, "distancing": 0.4,
                "unresolved": 0.3}
# values of the formula that are already on round(x, 4)'s grid: round() to a number of digits goes through a
# decimal string, slow enough to matter for the seven or so values of every source, most of them one of these
_ON_GRID = frozenset(v for v in (0.0, 0.3, 0.5, 0.6, 0.75, 0.85, 0.9, 1.0, *STANCE_VALUE.values()) if round(v, 4) == v)
_STOP = frozenset(
    "the a an of to in on at for and or but with by from that this it its is was were are be been has have had "
    "said says will would could may might as not no than their his her they he she we our us which who what "
    "there here also into about after before over more most some any all one two other such".split()
)


@dataclass(frozen=True)
class Weights:
    values: Mapping[str, float]

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> "Weights":
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise LexiconError(f"cannot read reliability weights {path}: {exc}") from exc
        return cls.of({k: v for k, v in raw.items() if not k.startswith("_")})

    @classmethod
    def of(cls, values: Mapping[str, object]) -> "Weights":
        # (values typed object: they come from callers and are checked here, compiled or not)
        unknown = set(values) - set(COMPONENTS)
        if unknown:
            raise InvalidInput(f"unknown reliability weight(s): {', '.join(sorted(unknown))}", field="weights")
        checked: dict[str, float] = {}
        for k, v in values.items():
            if not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0 or v != v or v == float("inf"):
                raise InvalidInput(f"weight {k!r} must be a finite number >= 0", field=f"weights.{k}")
            checked[k] = float(v)
        total = sum(checked.get(k, 0.0) for k in COMPONENTS)
        if total <= 0:
            raise InvalidInput("reliability weights must not all be zero", field="weights")
        return cls(MappingProxyType({k: checked.get(k, 0.0) / total for k in COMPONENTS}))

    @property
    def ordered(self) -> tuple[float, ...]:
        """The weights in ``COMPONENTS`` order."""
        return tuple([self.values[k] for k in COMPONENTS])

    @property
    def rounded(self) -> tuple[float, ...]:
        """The weights rounded to 4 digits, as a Component shows them, in ``COMPONENTS`` order."""
        return tuple([round(self.values[k], 4) for k in COMPONENTS])

    def override(self, changes: Mapping[str, object] | None) -> "Weights":
        if not changes:
            return self
        merged: dict[str, object] = dict(self.values)
        merged.update(changes)
        return Weights.of(merged)


@dataclass(frozen=True)
class EventFrames:
    frames: Mapping[str, re.Pattern[str]]
    """Frame name -> one pattern matching any of its expressions (lower-cased text)."""
    negation: re.Pattern[str]
    responsibility: tuple[str, ...]
    self_praise: re.Pattern[str]
    claims_responsibility: re.Pattern[str]
    """Found in a text when one of ``responsibility`` is part of it (one scan, not a test per phrase)."""
    any_frame: re.Pattern[str]
    """Every frame's expressions in one pattern, found at every place one starts (a lookahead, so matches may
    overlap); its group 1 is the longest expression found there. One scan instead of one per frame."""
    frames_of: Mapping[str, frozenset[str]]
    """Expression -> the frames of every expression matching where it matches: itself and its prefixes that
    end at a word boundary ("close" inside "close the plant"), whatever frames they belong to."""
    responsibility_anchors: tuple[str, ...]
    """The longest word of each of ``responsibility``: an attribution can claim responsibility only in an article
    whose lower-cased text holds one of them (a phrase's word never spans the space between cue and content,
    and every span's text is the document's), so most articles skip the search per attribution."""

    @classmethod
    def load(cls, path: Path = FRAMES_FILE) -> "EventFrames":
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            frames = raw["frames"]
            expressions = {e for words in frames.values() for e in words}
            frames_of = {m: frozenset(k for k, words in frames.items() for e in words
                                      if re.match(re.escape(e) + r"\b", m)) for m in expressions}
            return cls(MappingProxyType({k: _words_pattern(v) for k, v in frames.items()}),
                       _words_pattern(raw["negations"]), tuple(raw["responsibility"]),
                       _words_pattern(raw["self_praise"]),
                       re.compile(trie_pattern(raw["responsibility"]) if raw["responsibility"] else "(?!)"),
                       re.compile(r"\b(?=(" + trie_pattern(expressions) + r")\b)"), MappingProxyType(frames_of),
                       tuple(sorted({max(p.split(" "), key=len) for p in raw["responsibility"]})))
        except (OSError, ValueError, KeyError) as exc:
            raise LexiconError(f"cannot read {path}: {exc}") from exc


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    r"""``\b(?:word|...)\b`` as a trie written so that it starts with a word's first character: the opening
    ``\b`` is tested just after that character, by a lookbehind ("n(?<!\wn)o(?:t|...)")."""
    # a trie: searched for every attribution, a flat alternation was the stage's costliest call; and re skips
    # (in C) the characters no word starts with only when a pattern starts with a character, not with \b
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    return re.compile("(?:" + "|".join(
        re.escape(c) + (r"(?<!\w" if re.match(r"\w", c) else r"(?<=\w") + re.escape(c) + ")" + trie_pattern(rest)
        for c, rest in sorted(by_first.items())) + r")\b")


class _Evidence(NamedTuple):
    """What the corroboration, contradiction and interest rules read of an attribution, computed once per
    attribution (a tuple: built faster than a frozen dataclass, twenty-odd an article)."""

    words: frozenset[str]
    figures: frozenset[str]
    negated: bool
    low: str
    """The content, lower-cased."""
    cue_low: str
    """The cue, lower-cased (also what ``_stance_text`` lists)."""

    @property
    def with_cue(self) -> str:
        """The content and the cue: where ``_frames`` looks for event frames, only when needed."""
        return self.low + " " + self.cue_low

    @property
    def around(self) -> str:
        """The cue and the content: where ``_interest`` looks for claims of responsibility and self-praise.
        Equal to ``(cue + " " + content).lower()``: a space stops str.lower's look at a capital sigma's
        neighbours, so lower-casing the two parts apart gives the same text."""
        return self.cue_low + " " + self.low


_WORD = re.compile(r"[a-z][a-z\-]{2,}|\d[\d,.]*")
# figures, not model numbers ("KC-135") or years standing alone in a date. The test of the character before
# comes after the first digit (a lookbehind over both): a pattern starting with \d lets re skip non-digits in C
_FIGURE = re.compile(r"\d(?<![\w\-.:]\d)[\d,.]*(?![\w\-:])")
_NO_FIGURES: frozenset[str] = frozenset()


def _evidences(attributions: tuple[ScoredAttribution, ...],
               frames: EventFrames) -> tuple[dict[str, _Evidence], str]:
    """Attribution id -> its evidence, for all of an article's attributions at once; and all their lower-cased
    contents and cues joined by line breaks."""
    texts = [a.attribution.content[0].text if len(a.attribution.content) == 1
             else " ".join([x.text for x in a.attribution.content]) for a in attributions]
    lows = list(map(str.lower, texts))
    words = [frozenset(t).difference(_STOP) for t in map(_WORD.findall, lows)]
    # a text holds a figure only if it holds a digit: the few that do are searched for figures
    figures = [frozenset([f.replace(",", "") for f in _FIGURE.findall(text)]) if _has_digit(text) else _NO_FIGURES
               for text in texts]
    # negations are looked for by one scan over all the contents joined by line breaks, not one per
    # attribution. A line break is, for the pattern, what the start or end of a text is (no word character,
    # and no match holds one), so each text yields what it would alone; a match's text is found by bisection
    # over where the texts end
    negated = [False] * len(texts)
    ends = list(accumulate([len(t) + 1 for t in lows]))
    for m in frames.negation.finditer("\n".join(lows)):
        negated[bisect_right(ends, m.start())] = True
    cue_lows = list(map(str.lower, [a.attribution.cue.span.text for a in attributions]))
    # tuple.__new__, as the NamedTuple's own __new__ builds it, called in C
    return (dict(zip([a.attribution.id for a in attributions],
                     map(tuple.__new__, repeat(_Evidence), zip(words, figures, negated, lows, cue_lows)))),
            "\n".join(chain(lows, cue_lows)))


_ASCII_DIGITS = b"0123456789"


def _has_digit(text: str) -> bool:
    """Whether the text holds a digit (``\\d``, any Unicode digit)."""
    if text.isascii():
        # an ASCII text's only digits are 0-9: its bytes lose some when they are deleted (in C, much faster
        # than re's test of every character for a Unicode digit)
        return len(text.encode().translate(None, _ASCII_DIGITS)) != len(text)
    return _DIGIT.search(text) is not None


def _frames(e: _Evidence, frames: EventFrames) -> frozenset[str]:
    """The event frames an attribution's content or cue mentions."""
    # one scan for all frames (frames.any_frame), not one search per frame
    return frozenset().union(*[frames.frames_of[m] for m in frames.any_frame.findall(e.with_cue)])


# ---------------------------------------------------------------------------- the formula
def combine(components: Mapping[str, float], weights: Weights) -> float:
    """The score: the weighted mean of the components, clipped to [0, 1]."""
    return _weighted([components[k] for k in COMPONENTS], weights.ordered)


def _weighted(values: list[float] | tuple[float, ...], ordered_weights: tuple[float, ...]) -> float:
    """``combine`` of the components' values in ``COMPONENTS`` order: each clipped to [0, 1] as ``min(1.0,
    max(0.0, v))`` clips it (NaN to 0.0), weighted and summed in order. (A loop: compiled it is native
    arithmetic on doubles; ``sum`` adds in the same order, but Python 3.12 on compensates its float sums.)"""
    score = 0.0
    for w, v in zip(ordered_weights, values):
        clipped = v if v > 0.0 else 0.0
        score += w * (clipped if clipped < 1.0 else 1.0)
    score = score if score > 0.0 else 0.0
    return _round4(score if score < 1.0 else 1.0)


class _Memo(dict):
    """A bounded memory of a function of floats (or tuples of them) that is slow to compute and whose inputs
    come back across sources and articles (float formatting goes through decimal strings). A hit is one dict
    look-up in C. Keys holding a zero are not kept: 0.0 and -0.0 are one key, not one result."""

    def __init__(self, make, size: int = 100_000) -> None:
        super().__init__()
        self.make, self.size = make, size

    def __missing__(self, key):
        value = self.make(key)
        if len(self) < self.size and (all(key) if isinstance(key, tuple) else key):
            self[key] = value
        return value


def _round4(v: float) -> float:
    """``round(v, 4)`` for v in [0, 1], by arithmetic (``round`` to digits goes through a decimal string): the
    double nearest to the four-place decimal nearest to v. v * 10**4 is off the exact product by far less than
    1e-6, so unless it lies that close to a half, the integer nearest to it is that decimal's digits, and their
    division by 10**4 (one correctly rounded operation) is the double nearest to the decimal. The rare values
    near a half are left to ``round``. (As ``certainty._rounded`` does for arrays.)"""
    if not 0.0 < v <= 1.0:  # (NaN, values beyond the range, and both zeros, which round keeps as they are)
        return v if v == 0.0 else round(v, 4)
    scaled = v * 10000.0
    nearest = float(int(scaled + 0.5))
    if abs(abs(scaled - nearest) - 0.5) < 1e-6:
        return round(v, 4)
    return nearest / 10000.0


def identifiability(source: Source | None) -> float:
    if source is None:
        return 0.0
    if source.type == "anonymous":
        return 0.3
    if not source.named:
        if source.type_evidence == "an unresolved pronoun":
            return 0.5
        if source.type in ("person", "organisation"):
            return 0.3
        return 0.6  # an institution described, not named ("the ministry"): the reader can guess which
    if source.type == "document":
        return 0.75
    if source.type == "person":
        has_role = any("," in m.text for m in source.mentions)
        return 1.0 if has_role else 0.9
    if source.type in ("government", "military", "law_enforcement", "expert") and _looks_like_person(source.name):
        return 1.0
    return 0.85




def _looks_like_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() and not w.isupper() for w in words)


# ---------------------------------------------------------------------------- the stage
def assess_reliability(
    doc: Document,
    sentences: tuple[ScoredSentence, ...],
    attributions: tuple[ScoredAttribution, ...],
    sources: tuple[Source, ...],
    weights: Weights,
    frames: EventFrames,
) -> tuple[tuple[SourceProfile, ...], Summary, tuple[Flag, ...]]:
    by_id = {a.attribution.id: a for a in attributions}
    source_of = {s.id: s for s in sources}
    relayed_by = _relays(attributions)
    evidence, texts_low = _evidences(attributions, frames)
    contradictions = _contradictions(attributions, evidence, frames)
    corroborated = _corroboration(attributions, relayed_by, evidence, set(contradictions))
    # what most sources share, found once per article, so that a source whose statements all are first-hand,
    # unhedged, uncorroborated... skips the loops that would find nothing (tests of its ids against sets, in C)
    first_hand = {a.attribution.id for a in attributions if a.attribution.via is None}
    relayed = {i for i, via in relayed_by.items() if via in by_id}
    hedged_ids = {a.attribution.id for a in attributions if a.hedges and any(h.type != "booster" for h in a.hedges)}
    # a claim of responsibility holds one of the anchors, in an attribution's content or cue: one look at all
    # of them spares a search per attribution in most articles
    may_claim = any(anchor in texts_low for anchor in frames.responsibility_anchors)
    ordered_weights, rounded_weights = weights.ordered, weights.rounded
    independent = set()
    # most components repeat across an article's sources ("No other source in the article contradicts it."):
    # each distinct one is built once per call
    made: dict[tuple[str, float, str], tuple[Component, float, str]] = {}
    profiles = []
    for s in sources:
        ids = [i for i in s.attribution_ids if i in by_id]  # its statements'
        mine = [by_id[i] for i in ids]
        if not first_hand.isdisjoint(ids):
            independent.add(s.id)
        ident = identifiability(s)
        ident_text = _identifiability_text(s, ident)
        if relayed.isdisjoint(ids):
            directness, direct_text = 1.0, "It speaks on the record, first-hand."  # the mean of ones
        else:
            direct_values = []
            relay_names = []
            for a in mine:
                via = a.attribution.via
                if via is None or via not in by_id:
                    direct_values.append(1.0)
                else:
                    relay = source_of.get(by_id[via].source_id or "")
                    direct_values.append(0.3 + 0.4 * identifiability(relay))
                    if relay is not None:
                        relay_names.append(relay.name)
            directness = _mean(direct_values) if direct_values else 1.0
            direct_text = (
                f"Its statements reach the reader second-hand, relayed by {', '.join(sorted(set(relay_names)))}."
                if relay_names else "It speaks on the record, first-hand.")
        certainties = [a.certainty.certainty for a in mine] or [0.5]
        mean_c, min_c = _mean(certainties), min(certainties)
        certainty = 0.5 * mean_c + 0.5 * min_c
        certainty_text = _CERTAINTY_TEXTS[mean_c, min_c]
        stance_names = [a.attribution.cue.stance for a in mine]
        stance = _mean([STANCE_VALUE.get(name, 0.85) for name in stance_names] or [0.85])
        stance_text = _stance_text(sorted({evidence[i].cue_low for i in ids}), set(stance_names))
        if corroborated and not corroborated.keys().isdisjoint(ids):
            helpers = sorted({source_of[o].name for a in mine for o in corroborated.get(a.attribution.id, ())
                              if o in source_of})
        else:
            helpers = []
        corroboration, corroboration_text = (1.0, f"{_join(helpers)} independently report"
                                                  f"{'s' if len(helpers) == 1 else ''} overlapping content.") \
            if helpers else (0.5, "No other independent source in the article states the same thing.")
        against = [(x, y) for x, y in contradictions if x in s.attribution_ids or y in s.attribution_ids] \
            if contradictions else []
        if against:
            other_ids = {y if x in s.attribution_ids else x for x, y in against}
            names = sorted({source_of[sid].name for sid in (by_id[o].source_id for o in other_ids)
                            if sid is not None and sid in source_of})
            contradiction, contradiction_text = (
                0.3, f"Contradicted by {_join(names)}: the two accounts cannot both be true.")
        else:
            contradiction, contradiction_text = 1.0, "No other source in the article contradicts it."
        interested = _interest(s, mine, evidence, frames, may_claim) if may_claim or s.type in _PRAISING else ""
        interest, interest_text = (0.5, interested) if interested else (1.0, "Nothing marks it as an interested party.")
        # values already on round(x, 4)'s grid are kept as they are (the others are constants on it)
        values = (ident if ident in _ON_GRID else _round4(ident),
                  directness if directness in _ON_GRID else _round4(directness),
                  certainty if certainty in _ON_GRID else _round4(certainty),
                  stance if stance in _ON_GRID else _round4(stance),
                  corroboration, contradiction, interest)
        score = _weighted(values, ordered_weights)
        made_here = []
        for key, w in zip(zip(COMPONENTS, values, (ident_text, direct_text, certainty_text, stance_text,
                                                   corroboration_text, contradiction_text, interest_text)),
                          rounded_weights):
            component = made.get(key)
            if component is None:
                # with the key it is ranked by (how far it moves the score), also computed once
                k, v, text = key
                component = made[key] = (Component(k, v, w, text), -abs(v - 0.75) * w, text)
            made_here.append(component)
        ranked = sorted(made_here, key=itemgetter(1))
        explanation = (f"{s.name} scores {_two_places(score)} out of 1.", *[c[2] for c in ranked[:4]])
        hedged = len([i for i in ids if i in hedged_ids]) if hedged_ids else 0
        profiles.append(SourceProfile(
            s, _round4(mean_c), _round4(min_c), (round(hedged / len(mine), 4) if hedged else 0.0) if mine else 0.0,
            Reliability(score, tuple([c[0] for c in made_here]), explanation)))
    body = _statements(sentences)
    summary = _summary(sentences, body, attributions, sources, independent, corroborated, by_id, source_of)
    flags = _flags(doc, body, attributions, sources, independent, corroborated, contradictions, by_id, source_of)
    profiles.sort(key=_BY_SCORE_DOWN)
    return tuple(profiles), summary, flags


_PRAISING = ("company", "party_campaign")


def _mean(values: list[float]) -> float:
    """The mean of ``values`` (not empty), added in order as ``sum`` adds floats up to Python 3.11 (a loop: native
    arithmetic compiled, and the same sum on any Python)."""
    total = 0.0
    for v in values:
        total += v
    return total / len(values)


def _BY_SCORE_DOWN(p: SourceProfile) -> float:
    return -p.reliability.score


# ---------------------------------------------------------------------------- components' evidence
def _relays(attributions: tuple[ScoredAttribution, ...]) -> dict[str, str]:
    return {a.attribution.id: a.attribution.via for a in attributions if a.attribution.via}


def _root(aid: str, relays: dict[str, str], by_source: dict[str, str | None]) -> str | None:
    seen = set()
    while aid in relays and aid not in seen:
        seen.add(aid)
        aid = relays[aid]
    return by_source.get(aid)


def _corroboration(attributions: tuple[ScoredAttribution, ...], relays: dict[str, str],
                   evidence: dict[str, _Evidence], contradicting: set[tuple[str, str]]) -> dict[str, set[str]]:
    """Attribution id -> ids of other independent sources stating overlapping content: a shared figure (not a
    clock time or a model number), or at least three shared content words making half of the shorter
    statement's; never a pair that contradicts each other."""
    by_source = {a.attribution.id: a.source_id for a in attributions}
    out: dict[str, set[str]] = {}
    # what the pair test reads of each attribution, looked up once, not once per pair
    rows = []
    for a in attributions:
        if a.source_id:
            aid, via = a.attribution.id, a.attribution.via
            e = evidence[aid]
            # the root of an attribution relaying nothing is its own source
            rows.append((aid, a.source_id, via, e.words, len(e.words), e.figures,
                         _root(aid, relays, by_source) if via else a.source_id))
    # every test is symmetric, so each unordered pair is tested once and counted both ways
    for i, (ida, sa, via_a, wa, na, fa, root_a) in enumerate(rows):
        for idb, sb, via_b, wb, nb, fb, root_b in rows[i + 1:]:
            if sb == sa:
                continue
            # the overlap test first: it rules out most pairs, most of them sharing no word at all (isdisjoint
            # builds no set)
            if not (fa and fb) or fa.isdisjoint(fb):  # (most contents hold no figure: a test of sizes, native)
                if wa.isdisjoint(wb):
                    continue
                shared = len(wa & wb)
                if not (shared >= 3 and shared >= 0.5 * min(na, nb)):
                    continue
            # not independent: one relays the other, or both come through the same relay
            if root_a == root_b or via_a == idb or via_b == ida:
                continue
            if contradicting and tuple(sorted((ida, idb), key=lambda x: int(x[1:]))) in contradicting:
                continue
            out.setdefault(ida, set()).add(sb)
            out.setdefault(idb, set()).add(sa)
    return out


def _contradictions(attributions: tuple[ScoredAttribution, ...], evidence: dict[str, _Evidence],
                    frames: EventFrames) -> list[tuple[str, str]]:
    """Pairs (a, b) of attributions of different sources where one denies what the other asserts: a denial
    cue or a negated event of one frame ("not due to hostile fire") against an assertion of the same frame
    ("shot down"), or a denial sharing two content words with the assertion."""
    pairs: list[tuple[str, str]] = []
    items = [a for a in attributions if a.source_id]
    assertions = None
    for a in items:
        ea = evidence[a.attribution.id]
        deny = a.attribution.cue.stance == "denial"
        if not (deny or ea.negated):
            continue
        # frames are looked for only here, on the denying side, and then only the ones it names on the other
        # ("accident" is not compared): most denials name none
        shared_frame = [frames.frames[name] for name in _frames(ea, frames) if name != "accident"]
        if not (deny or shared_frame):
            continue
        if assertions is None:
            # the asserting side, chosen once, and only in an article with a denying side (most have none): a
            # relay ("..., reported Reuters") passes a claim on; the contradiction is with its original
            relays = {x.attribution.via for x in attributions if x.attribution.via}
            assertions = [b for b in items if b.attribution.cue.stance != "denial"
                          and b.attribution.id not in relays and not evidence[b.attribution.id].negated]
        for b in assertions:
            if b.source_id == a.source_id:
                continue
            eb = evidence[b.attribution.id]
            if (shared_frame and any(pattern.search(eb.with_cue) for pattern in shared_frame)) or \
                    (deny and len(ea.words & eb.words) >= 2):
                pair = (a.attribution.id, b.attribution.id)
                pair = tuple(sorted(pair, key=lambda x: int(x[1:])))  # type: ignore[assignment]
                if pair not in pairs:
                    pairs.append(pair)
    return pairs


def _interest(s: Source, mine: list[ScoredAttribution], evidence: dict[str, _Evidence], frames: EventFrames,
              may_claim: bool) -> str:
    """``may_claim``: whether the article holds one of ``frames.responsibility_anchors`` (when not, no search
    for a claim of responsibility can find one)."""
    may_praise = s.type in ("company", "party_campaign")
    if not (may_claim or may_praise):
        return ""
    for a in mine:
        around = evidence[a.attribution.id].around  # the texts already lower-cased for the attribution's evidence
        if may_claim and frames.claims_responsibility.search(around):
            return ("It claims responsibility for an action of its own side, so it has an interest in how "
                    "the event is told.")
        if may_praise and a.attribution.quote in ("direct", "mixed") and frames.self_praise.search(around):
            return "It speaks about its own product or record, so it has an interest in the story."
    return ""


# a score as its explanation shows it; the certainty component's explanation, by (mean, lowest)
_two_places = _Memo(lambda score: f"{score:.2f}").__getitem__
_CERTAINTY_TEXTS = _Memo(lambda mean_min: "Its statements are worded with a mean certainty of "
                                          f"{mean_min[0]:.2f} (lowest {mean_min[1]:.2f}).")


def _identifiability_text(s: Source, value: float) -> str:
    if value >= 1.0:
        return f"{s.name} is named, with a role the reader can check."
    if value >= 0.85:
        return f"{s.name} is named."
    if value >= 0.75:
        return f"{s.name} is a document the reader could look up."
    if value >= 0.6:
        return f"“{s.name}” is an institution the article describes but never names."
    if value >= 0.5:
        return "The source is only a pronoun the article never ties to a name."
    return f"“{s.name}” is described but not named, so the reader cannot check who is speaking."


def _stance_text(cues: list[str], stances: set[str]) -> str:
    """``cues``: the statements' cues, lower-cased, sorted, each once; ``stances``: their stances."""
    if "distancing" in stances:
        return f"The article distances itself from some of its statements ({', '.join(cues)})."
    if stances <= {"assertive"}:
        return f"Its statements are presented as confirmed ({', '.join(cues)})."
    return f"Its statements are reported neutrally ({', '.join(cues)})."


def _join(names: list[str]) -> str:
    if not names:
        return "another source"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# ---------------------------------------------------------------------------- article level
def _statements(sentences: tuple[ScoredSentence, ...]) -> list[ScoredSentence]:
    return [s for s in sentences if s.sentence.kind in _STATEMENT_KINDS]


_STATEMENT_KINDS = frozenset(("body", "list_item"))


def _summary(sentences: tuple[ScoredSentence, ...], body: list[ScoredSentence],
             attributions: tuple[ScoredAttribution, ...], sources: tuple[Source, ...], independent: set[str],
             corroborated: dict[str, set[str]], by_id: dict[str, ScoredAttribution], src: dict[str, Source]
             ) -> Summary:
    n = len(body) or 1
    # a sentence is attributed (anonymously) when one of its attributions has a source (an anonymous one): the
    # ids of those attributions in two sets, each sentence tested against them in C, not by a generator
    with_source = {i for i, a in by_id.items() if a.source_id}
    # (most articles have no anonymous source: their attributions are not looked at again)
    anonymous_sources = {i for i, s in src.items() if s.type == "anonymous"}
    anonymous_ids = {i for i, a in by_id.items() if a.source_id in anonymous_sources} if anonymous_sources \
        else set()
    attributed = [s for s in body if not with_source.isdisjoint(s.attribution_ids)]
    anonymous = [s for s in attributed if not anonymous_ids.isdisjoint(s.attribution_ids)] if anonymous_ids else []
    # (the emptiness test first spares building a generator for most sentences)
    hedged = [s for s in body if s.hedges and any(h.type != "booster" for h in s.hedges)]
    sourced = [a for a in attributions if a.source_id]
    single = [a for a in sourced if not corroborated.get(a.attribution.id)]
    return Summary(
        sentences=len(sentences), statements=len(body),
        attributed_share=round(len(attributed) / n, 4), anonymous_share=round(len(anonymous) / n, 4),
        hedged_share=round(len(hedged) / n, 4), sources=len(sources), independent_sources=len(independent),
        single_source_share=round(len(single) / len(sourced), 4) if sourced else 0.0,
    )


# a figure or a word of cause: r"\d|\b(?:killed|...)\b" as two searches, each starting with a character so
# that re skips the others in C
_DIGIT = re.compile(r"\d")
_CAUSE_WORDS = ("killed", "died", "caused", "because", "will", "must")
_CAUSE = _words_pattern(list(_CAUSE_WORDS))


def _figure_or_cause(text: str) -> bool:
    """Whether the text holds a digit (``_DIGIT``) or a word of cause (``_CAUSE``)."""
    if _has_digit(text):
        return True
    # the pattern is tried only in a text holding one of its words (substring tests, in C)
    return any(word in text for word in _CAUSE_WORDS) and _CAUSE.search(text) is not None


def _flags(doc: Document, body: list[ScoredSentence], attributions: tuple[ScoredAttribution, ...],
           sources: tuple[Source, ...], independent: set[str], corroborated: dict[str, set[str]],
           contradictions: list[tuple[str, str]], by_id: dict[str, ScoredAttribution], src: dict[str, Source]
           ) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    covered = {i for a in attributions for i in a.attribution.sentence_ids}
    unattributed = [s.sentence.id for s in body
                    if s.sentence.id not in covered and s.certainty.label == "certain"
                    and _figure_or_cause(s.sentence.text)]
    if unattributed:
        flags.append(Flag("unattributed_claim", f"{len(unattributed)} factual statement(s) with figures or causes "
                          "are given without any source.", tuple(unattributed)))
    for a in attributions:
        s = src.get(a.source_id or "")
        if s is None or s.type != "anonymous":
            continue
        if not corroborated.get(a.attribution.id):
            flags.append(Flag("anonymous_only", f"“{_short(a)}” rests only on an unnamed source ({s.name}).",
                              a.attribution.sentence_ids, (a.attribution.id,)))
        if a.attribution.via:
            relay = by_id.get(a.attribution.via)
            relay_name = src[relay.source_id].name if relay and relay.source_id in src else "another source"
            flags.append(Flag("relayed_without_original", f"{relay_name} relays this claim from a source it "
                              "does not name.", a.attribution.sentence_ids, (a.attribution.id, a.attribution.via)))
    for x, y in contradictions:
        ax, ay = by_id[x], by_id[y]
        nx = src[ax.source_id].name if ax.source_id in src else "a source"
        ny = src[ay.source_id].name if ay.source_id in src else "a source"
        flags.append(Flag("contradiction", f"{nx} (“{_short(ax)}”) contradicts {ny} (“{_short(ay)}”).",
                          tuple(sorted(set(ax.attribution.sentence_ids) | set(ay.attribution.sentence_ids),
                                       key=lambda i: int(i[1:]))), (x, y)))
    if len(independent) <= 1 and attributions:
        flags.append(Flag("single_source", "The story rests on one independent source or fewer.",
                          tuple(sorted({i for a in attributions for i in a.attribution.sentence_ids},
                                       key=lambda i: int(i[1:])))))
    for a in attributions:
        if a.source_id is None and a.attribution.cue.stance == "unresolved":
            flags.append(Flag("unresolved_question", f"Open question: {_short(a)}.", a.attribution.sentence_ids,
                              (a.attribution.id,)))
    approx = [s.sentence.id for s in body if s.hedges and any(h.type == "approximator" for h in s.hedges)]
    if approx:
        flags.append(Flag("approximate_figures", "Figures given only as estimates (as many as, at least, about).",
                          tuple(approx)))
    return tuple(flags)



def _short(a: ScoredAttribution, limit: int = 90) -> str:
    text = " ".join(c.text for c in a.attribution.content).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
