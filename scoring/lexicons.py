"""Loads the lexicon data files in ``scoring/lexicons/`` into one frozen object.

The files are data, not code: each carries a ``_source`` line (or a ``#`` header) saying where its entries come
from. ``Lexicons.load`` is the only function here that touches the disk.
"""
from __future__ import annotations

import json
import re
from re import _constants as C  # type: ignore[attr-defined]  # the parser's opcodes: stable across 3.11+
from re import _parser as re_parser  # type: ignore[attr-defined]
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping, cast

from .config import LEXICON_DIR
from .errors import LexiconError

CUE_MARK_CHARACTERS = ":\u2015\u2014"
"""The characters ``Lexicons.cue_marks`` matches (each match is one of them)."""


@dataclass(frozen=True)
class VerbEntry:
    lemma: str
    kind: str
    stance: str
    needs_clause: bool = False
    """Has other common senses: a cue only with a clause or quote after it (or in trailing position)."""
    adjectival: bool = False
    """A predicative adjective of belief ("convinced"): a cue only after a form of "be"."""
    complements: frozenset[str] = frozenset()
    """What else may follow a ``needs_clause`` verb and make it a cue: "to" (a to-infinitive: "plans to cut"),
    "object" (a noun phrase: "endorsed the mayor") or a preposition ("spoke about housing")."""


@dataclass(frozen=True)
class HedgeEntry:
    type: str
    pattern: re.Pattern[str]
    unless_before: re.Pattern[str] | None
    unless_after: re.Pattern[str] | None
    source: str
    """The pattern as written in the data file, for explanations."""
    lower: re.Pattern[str]
    """The same pattern for ASCII-lower-cased text, anchored where it is matched (see ``hedge_scan``)."""


@dataclass(frozen=True)
class NoSourceEntry:
    pattern: re.Pattern[str]
    lemma: str
    stance: str
    content_around: bool = False
    """The claim is the sentence on both sides of the cue ("The bill is expected to pass"), not what follows."""
    lower: re.Pattern[str] | None = None
    """``pattern`` without IGNORECASE, for lower-cased ASCII text, where it finds the same matches at about
    half the cost; None when the pattern holds a capital letter outside an escape."""
    openings: tuple[str, ...] | None = None
    """The strings every match of ``lower`` starts with (none the beginning of another), or None when they cannot
    be listed: the attribution stage tries ``lower`` only where one of them stands."""


@dataclass(frozen=True)
class Lexicons:
    verb_forms: Mapping[str, VerbEntry]
    """Every inflected form of a reporting verb (``said``) to its entry."""
    according_to_scan: re.Pattern[str]
    """Any of the ``according_to`` phrases (lower-cased text)."""
    according_to_phrases: tuple[str, ...]
    """The ``according_to`` phrases themselves: a sentence holding none of them (a plain substring test, far
    cheaper than a regular-expression scan) has no ``according_to_scan`` match."""
    nominal: Mapping[str, str]
    """Nominal cue (``statement``) to stance."""
    cue_forms: frozenset[str]
    """Every key of ``verb_forms`` and ``nominal``, in one set: the tokens of a sentence that may be a verb or
    nominal cue are picked out by one set lookup each."""
    section_labels: frozenset[str]
    """Words that open a line as a label rather than a speaker ("Opinion: ...")."""
    no_source: tuple[NoSourceEntry, ...]
    no_source_by_word: Mapping[str, tuple[int, ...]]
    """A ``no_source`` entry's scan word to the indexes of the entries it may start a match of."""
    no_source_scan: re.Pattern[str]
    """Any of the ``no_source`` entries' scan words: one search tells whether a sentence needs the patterns."""
    hedges: tuple[HedgeEntry, ...]
    hedge_scan: re.Pattern[str]
    """Zero-width matches at every position where any hedge pattern may start (lower-cased text)."""
    hedge_index: Mapping[str, tuple[HedgeEntry, ...]]
    """First character (lower case) -> the hedge entries that can start with it, in file order."""
    hedge_anywhere: tuple[HedgeEntry, ...]
    """Entries whose first character cannot be told in advance."""
    hedge_starts: re.Pattern[str] | None
    """Faster than ``hedge_scan``, for lexicons whose patterns all start with a word character (else None): a
    match is the non-word character before a position where a hedge pattern may start (so the position is the
    match's start + 1; the text's very first position is left to ``hedge_scan``), followed by the first
    characters any pattern must start with (``_necessary_prefixes``). Finds every position ``hedge_scan`` finds
    and a few more, where no entry matches."""
    hedge_by_word: Mapping[str, tuple[HedgeEntry, ...]]
    """The first word of a hedge match (the whole run of word characters where it starts) -> the entries that
    can match starting with that word, in file order (with ``hedge_starts``)."""
    hedge_open_index: Mapping[str, tuple[HedgeEntry, ...]]
    """For a first word not in ``hedge_by_word``, its first character -> the entries whose first word cannot be
    listed (it starts with a digit, say), in file order."""
    hedge_spaced: re.Pattern[bytes] | None
    """``hedge_starts`` loosened for a one-byte copy of the text (``HEDGE_COPY``: ASCII word characters kept,
    other ASCII characters but "?" made spaces, "?" for "?" and any character beyond ASCII), after a space: finds
    every position ``hedge_starts`` finds after an ASCII non-word character other than "?" (and a few more)."""
    stance_scan: re.Pattern[str]
    cue_scan: re.Pattern[str]
    """Any word that can start an attribution (verb form, nominal cue, "according to", no-source construction,
    a colon), matched on lower-cased text: a sentence without one has no attribution and is not read."""
    """Every form of a reporting verb (lower-cased text), to count cue stances."""
    cue_words: frozenset[bytes] | None
    """The words of ``cue_scan``, as ASCII bytes, when all are lower-case ASCII letters (else None): the
    attribution stage then finds them by splitting the text rather than with ``cue_scan``."""
    cue_marks: re.Pattern[str]
    """What ``cue_scan`` matches besides its words (a colon, a dash signing a quote): one character, one of
    ``CUE_MARK_CHARACTERS``, which each match opens with."""
    abbreviations: frozenset[str]
    source_types: Mapping[str, Any]
    anonymous_markers: tuple[str, ...]
    anonymous_markers_padded: tuple[tuple[str, str], ...]
    """Each anonymous marker and the marker with a space on each side, as it is looked for (whole words)."""
    countries: frozenset[str]
    """Lower-cased country (and capital) names that, as a whole source mention, stand for a government."""
    peoples: frozenset[str]
    """Lower-cased names of a country's or state's people ("mexicans"): a group described, not a name."""
    type_words: frozenset[str]
    """Every type word of ``source_types.json`` ("officials", "police", ...)."""
    type_name_patterns: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]
    """Per source type, in order: a pattern for its acronyms (in capitals: "WHO", not "who") and one for its
    other names (lower-cased text padded with spaces)."""
    type_name_scan: tuple[re.Pattern[str], re.Pattern[str]]
    """Any type's acronym, any type's long name: when neither is found, no ``type_name_patterns`` entry is tried."""
    type_name_firsts: frozenset[str]
    """The first words of the long names (``type_name_scan``'s second pattern): a mention holding none of them as
    a space-separated word holds no long name."""
    type_word_rank: Mapping[str, tuple[int, int, str]]
    """Source-type word to (rank of its type in ``order``, its place in the type's list, the type): the type that
    comes first in ``order`` wins, and within it the word listed first."""
    type_word_length: int
    """The most words a source-type word has."""
    type_word_firsts: frozenset[str]
    """The first word of every type word or phrase: only where one stands can a phrase start."""
    type_word_spans: Mapping[str, tuple[int, ...]]
    """The first word of every type word or phrase to how many space-separated words the phrases it starts have
    ("city" -> 1, 2: "city hall", "city manager"), fewest first: only those lengths are worth looking up."""
    anonymous_marker_scan: re.Pattern[str]
    """Any anonymous marker, padded with spaces (a trie): when it finds none, no marker is looked for one by one."""

    @classmethod
    def load(cls, directory: Path = LEXICON_DIR) -> "Lexicons":
        verbs = _read_json(directory / "reporting_verbs.json")
        cues = _read_json(directory / "cues.json")
        hedges = _read_json(directory / "hedges.json")
        types = _read_json(directory / "source_types.json")
        try:
            forms: dict[str, VerbEntry] = {}
            for lemma, entry in verbs["verbs"].items():
                for form in entry["forms"]:
                    forms.setdefault(form, VerbEntry(lemma, entry["kind"], entry["stance"],
                                                     bool(entry.get("needs_clause")),
                                                     bool(entry.get("adjectival")),
                                                     frozenset(entry.get("complements", ()))))
            hedge_entries = tuple(
                HedgeEntry(
                    type=e["type"],
                    pattern=re.compile(r"\b" + e["pattern"] + r"(?!\w)", re.IGNORECASE),
                    unless_before=_compile(e.get("unless_before")),
                    unless_after=_compile(e.get("unless_after")),
                    source=e["pattern"],
                    lower=re.compile("(?:" + e["pattern"] + r")(?!\w)"),
                )
                for e in hedges["entries"]
            )
            by_first: dict[str, list[HedgeEntry]] = {}
            anywhere: list[HedgeEntry] = []
            for entry in hedge_entries:
                chars = _first_chars(list(re_parser.parse(entry.source)))
                if chars is None:
                    anywhere.append(entry)
                else:
                    for c in chars:
                        by_first.setdefault(c, []).append(entry)
            hedge_index = {c: tuple(sorted(v + anywhere, key=hedge_entries.index)) for c, v in by_first.items()}
            # one pass finds every position where some hedge pattern starts; each pattern is then tried only
            # there (38 full scans of the text cost ten times more)
            # a character class first lets the engine skip most positions with one test
            first = "" if anywhere else "(?=[" + re.escape("".join(sorted(hedge_index))) + "])"
            hedge_scan = re.compile(
                r"\b" + first + "(?=(?:" + "|".join("(?:" + e["pattern"] + ")" for e in hedges["entries"])
                + r")(?!\w))")
            hedge_starts, hedge_by_word, hedge_open_index, hedge_spaced = _hedge_word_index(hedge_entries, anywhere)
            scan_words = {w for e in cues["no_source"] for w in e["scan_words"]}
            cue_words = set(forms) | set(cues["nominal"]) | {"according", "citing", "quoting"} | scan_words
            # a colon; a quote signed with a dash, on its line or opening the next one (each branch opens with
            # its dash and looks behind only there: a look-behind first would run at every position of the
            # text, which made this scan three times slower). Every branch is one character long.
            cue_marks = (r":|\u2015(?<=\n\u2015)|[\u2015\u2014](?<=[\u201d\"\u2019][\u2015\u2014])"
                         r"|[\u2015\u2014](?<=[\u201d\"\u2019][ \n\u00a0][\u2015\u2014])")
            no_source = tuple(
                NoSourceEntry(re.compile(e["pattern"], re.IGNORECASE), e["lemma"], e["stance"],
                              e.get("content") == "around",
                              _case_sensitive_twin(e["pattern"]), _openings(e["pattern"]))
                for e in cues["no_source"]
            )
            return cls(
                verb_forms=MappingProxyType(forms),
                according_to_scan=re.compile(r"\b(?:" + "|".join(re.escape(p) for p in cues["according_to"]) + r")\b"),
                according_to_phrases=tuple(cues["according_to"]),
                no_source_scan=re.compile(
                    r"\b" + trie_pattern(scan_words) + r"\b",
                    re.IGNORECASE),
                nominal=MappingProxyType(dict(cues["nominal"])),
                cue_forms=frozenset(forms) | frozenset(cues["nominal"]),
                section_labels=frozenset(cues["section_labels"]),
                no_source=no_source,
                no_source_by_word=MappingProxyType(_by_scan_word(cues["no_source"])),
                hedges=hedge_entries,
                hedge_scan=hedge_scan,
                hedge_index=MappingProxyType(hedge_index),
                hedge_anywhere=tuple(anywhere),
                hedge_starts=hedge_starts,
                hedge_by_word=MappingProxyType(hedge_by_word),
                hedge_open_index=MappingProxyType(hedge_open_index),
                hedge_spaced=hedge_spaced,
                stance_scan=re.compile(r"\b" + trie_pattern(forms) + r"\b"),
                cue_scan=re.compile(r"\b" + trie_pattern(cue_words) + r"\b|" + cue_marks),
                cue_words=frozenset(w.encode() for w in cue_words)
                if all(re.fullmatch("[a-z]+", w) for w in cue_words) else None,
                # one of the branches' characters, then the branches themselves looking back over it
                cue_marks=re.compile("[" + CUE_MARK_CHARACTERS + "](?<=" + cue_marks + ")"),
                abbreviations=_read_abbreviations(directory / "abbreviations.txt"),
                source_types=MappingProxyType(types),
                anonymous_markers=tuple(types["anonymous_markers"]),
                anonymous_markers_padded=tuple((m, f" {m} ") for m in types["anonymous_markers"]),
                countries=frozenset(c.lower() for c in types["countries"]),
                peoples=frozenset(p.lower() for p in types["peoples"]),
                type_words=frozenset(w for t in types["types"].values() for w in t["words"]),
                type_name_patterns=tuple(_name_patterns(types)),
                type_name_scan=_name_scan(types),
                type_name_firsts=frozenset(n.split(" ")[0] for n in _split_names(
                    n for t in types["order"] for n in types["types"][t]["names"])[1]),
                type_word_rank=MappingProxyType(_type_word_rank(types)),
                type_word_length=max(len(w.split(" ")) for t in types["types"].values() for w in t["words"]),
                type_word_firsts=frozenset(w.split(" ")[0] for t in types["types"].values() for w in t["words"]),
                type_word_spans=MappingProxyType(_type_word_spans(types)),
                anonymous_marker_scan=re.compile(" " + trie_pattern(types["anonymous_markers"]) + " "),
            )
        except (KeyError, TypeError, re.error) as exc:
            raise LexiconError(f"malformed lexicon in {directory}: {exc!r}") from exc


_NEVER = re.compile(r"(?!x)x")


def _name_scan(types: Any) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern for every type's acronyms and one for every type's long names, each a trie: they only tell
    whether any name is there (a flat alternation of a hundred names is tried name by name at every space)."""
    short, long = _split_names(n for t in types["order"] for n in types["types"][t]["names"])
    # the acronyms' first letters looked at first: most positions fail that one test
    firsts = "(?=[" + re.escape("".join(sorted({n[0] for n in short}))) + "])"
    return (re.compile(firsts + r"\b" + trie_pattern(short) + r"\b") if short else _NEVER,
            re.compile(" " + trie_pattern(long) + " ") if long else _NEVER)


def _split_names(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """Known names as acronyms (three letters or fewer, in capitals) and longer names."""
    names = list(names)
    return [n.upper() for n in names if len(n) <= 3], [n for n in names if len(n) > 3]


def _by_scan_word(entries: list[Any]) -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for k, e in enumerate(entries):
        for w in e["scan_words"]:
            out.setdefault(w, []).append(k)
    return {w: tuple(v) for w, v in out.items()}


def _type_word_spans(types: Any) -> dict[str, tuple[int, ...]]:
    spans: dict[str, set[int]] = {}
    for t in types["types"].values():
        for word in t["words"]:
            parts = word.split(" ")
            spans.setdefault(parts[0], set()).add(len(parts))
    return {first: tuple(sorted(lengths)) for first, lengths in spans.items()}


def _type_word_rank(types: Any) -> dict[str, tuple[int, int, str]]:
    rank: dict[str, tuple[int, int, str]] = {}
    for order, t in enumerate(types["order"]):
        for place, word in enumerate(types["types"][t]["words"]):
            rank.setdefault(word, (order, place, t))
    return rank


def _name_patterns(types: Any) -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    out = []
    for t in types["order"]:
        short, long = _split_names(types["types"][t]["names"])
        out.append((
            t,
            re.compile(r"\b(?:" + "|".join(map(re.escape, short)) + r")\b") if short else _NEVER,
            re.compile(r" (?:" + "|".join(map(re.escape, long)) + r") ") if long else _NEVER,
        ))
    return out


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for a word list, shaped as a trie ("sa(?:id|ys?)"): Python's regex engine
    tries a flat alternation of hundreds of words one by one at every position, a trie only once."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"


def _first_chars(items: list) -> set[str] | None:
    """The characters a parsed pattern can start with, or None when that cannot be told (any character).
    Used to try, at each candidate position, only the hedge patterns that can start there."""
    out: set[str] = set()
    for op, av in items:
        if op is C.AT:
            continue
        if op is C.LITERAL:
            out.add(chr(av))
            return out
        if op is C.SUBPATTERN:
            branches, optional = [av[3]], _nullable(av[3])
        elif op is C.BRANCH:
            branches, optional = av[1], any(_nullable(b) for b in av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            branches, optional = [av[2]], av[0] == 0
        elif op is C.IN:
            for o, a in av:
                if o is C.LITERAL:
                    out.add(chr(a))
                elif o is C.RANGE:
                    out.update(chr(x) for x in range(a[0], a[1] + 1))
                elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                    out.update("0123456789")
                else:
                    return None
            return out
        else:
            return None
        for branch in branches:
            first = _first_chars(list(branch))
            if first is None:
                return None
            out |= first
        if not optional:
            return out
    return None


_WORD_CHAR = re.compile(r"\w")
_PREFIX_ATOMS = 6
"""How far past its first word ``hedge_starts`` reads each hedge pattern: most words that start some hedge ("it",
"is", "about") start none where they stand, and the next few characters tell; reading further makes a bigger
pattern for little gain."""
_CUT = (None, None)
"""Marks where ``_necessary_prefixes`` stops reading a pattern that goes on."""


@dataclass(frozen=True)
class _Atom:
    """One step of a necessary prefix: a regular expression for one character (or a repeated class)."""

    source: str
    char: str | None = None
    """The character, when the step is a literal one."""
    ends_word: bool = False
    """It matches at least one character and never a word character: a word before it ends there."""


def _necessary_prefixes(items: list, prefix: tuple[_Atom, ...] = (), out: set | None = None) -> set:
    """The beginnings (up to ``_PREFIX_ATOMS`` steps) that every match of a parsed pattern starts with, each
    with whether the pattern ends there: (steps, complete). Reading past a look-ahead or a word boundary, or
    stopping early, only lets more text through, so any text a pattern matches starts with one of these."""
    out = set() if out is None else out
    if not items:
        out.add((prefix, True))
        return out
    (op, av), rest = items[0], items[1:]
    if op is None or _steps_after_word(prefix) >= _PREFIX_ATOMS:
        out.add((prefix, False))
    elif op is C.LITERAL:
        ch = chr(av)
        _necessary_prefixes(rest, prefix + (_Atom(re.escape(ch), ch, not _WORD_CHAR.match(ch)),), out)
    elif op is C.AT or op is C.ASSERT_NOT or (op is C.ASSERT and (av[0] < 0 or rest)):
        _necessary_prefixes(rest, prefix, out)
    elif op is C.ASSERT:
        _necessary_prefixes(list(av[1]) + [_CUT], prefix, out)  # a look-ahead closing the pattern: read it
    elif op is C.SUBPATTERN and not (av[1] or av[2]):  # a group without flags of its own ("(?i:...)")
        _necessary_prefixes(list(av[3]) + rest, prefix, out)
    elif op is C.BRANCH:
        for branch in av[1]:
            _necessary_prefixes(list(branch) + rest, prefix, out)
    elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, body = av
        if high == 1:
            if low == 0:
                _necessary_prefixes(rest, prefix, out)
            _necessary_prefixes(list(body) + rest, prefix, out)
        elif (one := _class_atom(list(body))) is not None:
            repeat = "{%d,%s}" % (low, "" if high is C.MAXREPEAT else high)
            _necessary_prefixes(rest, prefix + (_Atom(one.source + repeat, None, one.ends_word and low > 0),), out)
        else:
            if low == 0:
                _necessary_prefixes(rest, prefix, out)
            _necessary_prefixes(list(body) + [_CUT], prefix, out)  # one round of the repeat, then stop
    elif (one := _class_atom([(op, av)])) is not None:
        _necessary_prefixes(rest, prefix + (one,), out)
    else:
        out.add((prefix, False))
    return out


def _steps_after_word(prefix: tuple[_Atom, ...]) -> int:
    for i, atom in enumerate(prefix):
        if atom.ends_word:
            return len(prefix) - i
    return 0


def _class_atom(items: list) -> _Atom | None:
    """A step for a parsed literal or character class (the simple kinds hedge patterns use), or None."""
    if len(items) != 1:
        return None
    op, av = items[0]
    if op is C.LITERAL:
        ch = chr(av)
        return _Atom(re.escape(ch), ch, not _WORD_CHAR.match(ch))
    if op is not C.IN:
        return None
    parts, word = [], False
    for o, a in av:
        if o is C.LITERAL:
            parts.append(re.escape(chr(a)))
            word = word or bool(_WORD_CHAR.match(chr(a)))
        elif o is C.RANGE:
            parts.append(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
            word = word or any(_WORD_CHAR.match(chr(c)) for c in range(a[0], a[1] + 1))
        elif o is C.CATEGORY and a in _CATEGORIES:
            parts.append(_CATEGORIES[a])
            word = word or a is not C.CATEGORY_SPACE
        else:
            return None
    return _Atom("[" + "".join(parts) + "]", None, not word)


_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w"}


def _atom_trie(prefixes: Iterable[tuple[_Atom, ...]]) -> str:
    """One regular expression matching text that starts with any of the prefixes, shaped as a trie (see
    ``trie_pattern``); a prefix that another one extends is enough on its own."""
    trie: dict = {}
    for prefix in prefixes:
        node = trie
        for atom in prefix:
            node = node.setdefault(atom.source, {})
        node[""] = {}

    def build(node: dict) -> str:
        if "" in node:
            return ""
        branches = [source + build(child) for source, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


def _hedge_word_index(entries: tuple[HedgeEntry, ...], anywhere: list[HedgeEntry]) -> tuple[
        re.Pattern[str] | None, dict[str, tuple[HedgeEntry, ...]], dict[str, tuple[HedgeEntry, ...]],
        re.Pattern[bytes] | None]:
    """``hedge_starts``, ``hedge_by_word``, ``hedge_open_index`` and ``hedge_spaced`` (see there)."""
    closed: dict[str, set[int]] = {}
    open_first: dict[str, set[int]] = {}
    prefixes: set[tuple[_Atom, ...]] = set()
    for i, entry in enumerate(entries):
        parsed = re_parser.parse(entry.source)
        firsts = _first_chars(list(parsed))
        if anywhere or firsts is None or not all(_WORD_CHAR.match(c) for c in firsts) \
                or parsed.state.flags & (re.IGNORECASE | re.LOCALE):
            return None, {}, {}, None
        for prefix, complete in _necessary_prefixes(list(parsed)):
            if not prefix:
                return None, {}, {}, None
            prefixes.add(prefix)
            word = ""
            for atom in prefix:
                if atom.char is None or atom.ends_word:
                    break
                word += atom.char
            else:
                atom = None
            if word and (atom.ends_word if atom is not None else complete):
                closed.setdefault(word, set()).add(i)
            else:  # the first word goes on past what was read ("\\d[\\d,.]*"): known by its first character
                for c in firsts:
                    if re.fullmatch(prefix[0].source, c):
                        open_first.setdefault(c, set()).add(i)
    by_word = {word: tuple(entries[i] for i in sorted(found | open_first.get(word[0], set())))
               for word, found in closed.items()}
    open_index = {c: tuple(entries[i] for i in sorted(found)) for c, found in open_first.items()}
    # the character before a word: every non-word character of the Basic Multilingual Plane, listed (the
    # engine then tests a character with one table look-up, where \W consults the Unicode database), and any
    # character beyond it (hedging.py skips those that are word characters)
    before: list[list[int]] = []
    run: list[int] | None = None
    for code in range(0x10000):
        if _WORD_CHAR.match(chr(code)):
            run = None
        elif run is not None and run[1] == code - 1:
            run[1] = code
        else:
            run = [code, code]
            before.append(run)
    preceding = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in before)
    starts = re.compile("[" + preceding + "\U00010000-\U0010ffff]" + _atom_trie(prefixes))
    spaced = [tuple(map(_copy_atom, prefix)) for prefix in prefixes]
    complete_atoms = [cast(tuple[_Atom, ...], p) for p in spaced if None not in p]
    return starts, by_word, open_index, \
        re.compile(b" " + _atom_trie(complete_atoms).encode("ascii")) if len(complete_atoms) == len(spaced) else None


def _openings(pattern: str) -> tuple[str, ...] | None:
    """The literal beginnings of the pattern's necessary prefixes (``_necessary_prefixes``): every match starts
    with one of them. The shortest kept where one begins another; None when a prefix opens with no literal."""
    parsed = re_parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return None
    words = set()
    for prefix, _ in _necessary_prefixes(list(parsed)):
        word = ""
        for atom in prefix:
            if atom.char is None:
                break
            word += atom.char
        if not word:
            return None
        words.add(word)
    return tuple(sorted(w for w in words if not any(o != w and w.startswith(o) for o in words)))


def _case_sensitive_twin(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` compiled without IGNORECASE when, over lower-cased ASCII text, it then finds what it finds
    with IGNORECASE over the text: no capital letter outside an escape, and no character beyond ASCII that has
    a case (the long s matches "s" when cases are ignored)."""
    plain = re.sub(r"\\.", "", pattern)
    if re.search("[A-Z]", plain) or any(c.lower() != c or c.upper() != c for c in plain if not c.isascii()):
        return None
    return re.compile(pattern)


HEDGE_COPY = bytes(c if _WORD_CHAR.match(chr(c)) or c == 63 else 32 for c in range(128)) + b"?" * 128
"""bytes.translate table for ``hedge_spaced``'s copy of a text (encoded to ASCII, "?" for any other character)."""


def _copy_byte(c: str) -> str:
    return "?" if c == "?" or c > "\x7f" else c if _WORD_CHAR.match(c) else " "


def _copy_atom(atom: _Atom) -> _Atom | None:
    """The step matching in the copy what ``atom`` matches in the text: a literal's byte, or a class of the bytes
    of the ASCII characters the class takes, and "?" (it may take any beyond ASCII); None when not told."""
    if atom.char is not None:
        return _Atom(re.escape(_copy_byte(atom.char)))
    m = re.fullmatch(r"(\[.*\])(\{\d+,\d*\})?", atom.source, re.S)
    if m is None:
        return None
    chars = {_copy_byte(chr(c)) for c in range(128) if re.fullmatch(m.group(1), chr(c))} | {"?"}
    return _Atom("[" + "".join(re.escape(c) for c in sorted(chars)) + "]" + (m.group(2) or ""))


def _nullable(items) -> bool:
    for op, av in items:
        if op is C.AT or (op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0):
            continue
        if op is C.SUBPATTERN and _nullable(av[3]):
            continue
        if op is C.BRANCH and any(_nullable(b) for b in av[1]):
            continue
        return False
    return True


def _compile(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc}") from exc


def _read_abbreviations(path: Path) -> frozenset[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc}") from exc
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
