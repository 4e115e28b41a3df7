"""Text -> Document: normalise the text and split it into sentences, keeping character offsets.

A line break always ends a sentence (news copy puts headings, bylines, datelines and list items on lines of
their own). Inside a line, NLTK's Punkt splits sentences; it is parameterised with our own abbreviation list
(``lexicons/abbreviations.txt``), so no downloaded model is needed. Two things Punkt cannot see are handled
first: a dateline ("WASHINGTON (Reuters) -") and a heading run into the first sentence of its paragraph with
no punctuation ("What we know about the crash The KC-135 ...").
"""
from __future__ import annotations

import re
import unicodedata
from itertools import accumulate
from operator import methodcaller

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

from .chars import LOWER, UPPER
from .errors import InvalidInput
from .types import Document, Sentence

# capitals and lower-case letters beyond ASCII too: "BOGOTÁ, Colombia (Reuters) -", "By Ángel Gómez". A dateline's
# place may carry a region and a date ("KORSA, Sarvan, Oct. 9 (AP) –"), a region of two words only before the
# agency or the date ("JOHANNESBURG, South Africa (Reuters) -", not the headline "US, Iran Agree - On What?")
_U, _L = f"[{UPPER}]", f"[{LOWER}]"
_DATELINE = re.compile(
    rf"^(?:{_U}[{UPPER}.'\-]+(?:[ ,]+{_U}[{UPPER}.'\-]+)*(?:,\s+{_U}{_L}+\.?(?:\s+{_U}{_L}+(?=\s*[(,]))?(?:\s+\d{{1,2}})?){{0,2}}\s*"
    r"(?:\([A-Za-z][\w .&-]{0,30}\))?\s*[-\u2013\u2014]{1,2}\s*)(?=\S)"
)
_BYLINE = re.compile(rf"^\s*(?:By|BY)\s+{_U}[\w.'\-]*(?:\s+(?:{_U}[\w.'\-]*|and|de|van|von|al-\w+)){{0,6}}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-\u2022*\u2013\u25aa\u25cf]|\d{1,2}[.)])\s+")
_LIST_MARKS = frozenset("-\u2022*\u2013\u25aa\u25cf")
_END_PUNCT = frozenset(".!?:;\"'\u201d\u2019)]")  # the last character of a (stripped) line that ends a sentence
# Words that open a sentence and are capitalised only because they do: where one follows a short run of
# words with no punctuation at the start of a paragraph, that run is a heading.
_RUN_IN_OPENERS = frozenset(
    "The A An In On At As After Before Earlier Later Meanwhile Shortly When While This These Those It Its "
    "He She They We I Officials Police According Some Many Most Two Three Four Five Six Seven Eight Nine Ten "
    "US U.S. Authorities Residents Witnesses Last Since During Despite".split()
)
_NOT_BEFORE_OPENER = frozenset(
    "to of in on at for by with from and or but the a an as than that said says told about into over under "
    "is are was were be been has have had will would can could may might".split()
)
_WORD = re.compile(r"\S+")
_TELL_FORMS = frozenset("told tells telling".split())


class Segmenter:
    """Splits normalised text into sentences. Build it once (Punkt parameters) and reuse it."""

    def __init__(self, abbreviations: frozenset[str]) -> None:
        params = PunktParameters()
        params.abbrev_types = set(abbreviations)
        self._punkt = PunktSentenceTokenizer(params)
        self._abbreviations = frozenset(abbreviations)

    def segment(
        self, text: str, *, id: str | None = None, title: str | None = None, published_at: str | None = None,
        keep_text: bool = False,
    ) -> Document:
        """Split ``text``. With ``keep_text`` the text keeps every offset (evaluation against offsets into the
        original: only its spaces are made plain and its wrapped lines unwrapped, one character for one), else
        it is normalised first."""
        text = unwrap(plain_spaces(text)) if keep_text else normalise(text)
        if not text.strip():
            raise InvalidInput("text is empty or only whitespace")
        sentences: list[Sentence] = []
        paragraph, offset, first_line, blank_before = 0, 0, True, False
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped:
                # a paragraph is a block of lines between blank lines, as find_quotes pairs quote marks in
                if blank_before and sentences:
                    paragraph += 1
                blank_before = False
                start = offset + len(line) - len(line.lstrip())
                for s, e, kind in self._split_line(stripped, start, first_line):
                    # positional arguments: a third cheaper than keywords for the frozen dataclass
                    sentences.append(Sentence(f"s{len(sentences) + 1}", s, e, text[s:e], kind, paragraph))
                first_line = False
            else:
                blank_before = True
            offset += len(line) + 1
        return Document(text=text, sentences=tuple(sentences), id=id, title=title, published_at=published_at)

    def _split_line(self, stripped: str, start: int, first_line: bool) -> list[tuple[int, int, str]]:
        end = start + len(stripped)
        first = stripped[0]  # each pattern below needs a certain first character: a test before the engine
        if first == "B" and _BYLINE.match(stripped):
            return [(start, end, "byline")]
        if (first in _LIST_MARKS or first.isdecimal()) and _LIST_ITEM.match(stripped):
            return [(start, end, "list_item")]
        if stripped[-1] not in _END_PUNCT:
            words = len(stripped.split())
            if words <= 14 and (first_line or words <= 10):
                return [(start, end, "heading")]
        out: list[tuple[int, int, str]] = []
        pos = 0
        dateline = _DATELINE.match(stripped) if first.isupper() else None
        if dateline and len(dateline.group().split()) <= 8:
            out.append((start, start + len(dateline.group().rstrip()), "dateline"))
            pos = dateline.end()
        heading_end = _run_in_heading(stripped, pos)
        if heading_end is not None:
            out.append((start + pos, start + len(stripped[:heading_end].rstrip()), "heading"))
            pos = heading_end
        body = stripped[pos:]
        spans = _join_quote_tails(body, self.sentence_spans(body))
        for s, e in _split_after_abbreviation(body, _merge_initials(body, spans)):
            out.append((start + pos + s, start + pos + e, "body"))
        return out

    def sentence_spans(self, body: str) -> list[tuple[int, int]]:
        """Punkt's sentence spans of one line (``span_tokenize``), worked out here by Punkt's own procedure on its
        own patterns: with its learned tables empty, as ours are, each decision needs only the words around a
        possible end, and this costs a small part of calling nltk, which runs every pattern through timed regex
        wrappers (tests check the two agree). A line with a character the two regex engines read differently
        goes to Punkt."""
        possible_ends = _possible_ends(body)
        # a possible boundary inside the line (_INNER_BOUNDARY) is at one of Punkt's possible ends: a line
        # without one is a sentence
        for m in possible_ends:
            if m.group("next_tok") or _INNER_BOUNDARY.match(body, m.start()):
                break
        else:
            return [(0, len(body))]
        # an ASCII line is alike exactly when printable: two quick tests spare most lines the scan
        if not (body.isascii() and body.isprintable()) and _PUNKT_UNALIKE.search(body):
            return list(self._punkt.span_tokenize(body))
        # PunktSentenceTokenizer._match_potential_end_contexts: each possible end with the word before it (from
        # the last space); an end glued to the next one's word ("?!") gives way to it
        ends: list[tuple[re.Match[str], int]] = []
        previous_start = previous_stop = 0
        for m in possible_ends:
            p = m.start()
            space = body.rfind(" ", previous_stop + 1, p)  # Punkt ignores a space right at the previous end
            word_start = space + 1 if space >= 0 else previous_start
            if ends and previous_stop > word_start:
                ends.pop()
            ends.append((m, word_start))
            previous_start, previous_stop = word_start, p
        # PunktSentenceTokenizer._slices_from_text
        slices: list[tuple[int, int]] = []
        last_break = 0
        for m, word_start in ends:
            if self._breaks(body, word_start, m):
                slices.append((last_break, m.end()))
                last_break = m.start("next_tok") if m.group("next_tok") else m.end()
        slices.append((last_break, len(body.rstrip())))
        return _realign_boundaries(body, slices)

    def _breaks(self, body: str, word_start: int, end: re.Match[str]) -> bool:
        """Whether Punkt ends a sentence at ``end`` (PunktSentenceTokenizer.text_contains_sentbreak of the
        word before it, the end and what follows)."""
        p = end.start()
        if body[p] != ".":
            return True  # "?" and "!" are tokens of their own, always breaks, and a token follows
        word = body[word_start:p]
        # the common case, "word. Next": "word." is one token, a break unless an abbreviation
        if len(word) >= 2 and word.isalpha():  # [^\W\d_]+ on the characters this line may hold (a test checks)
            if word.lower() not in self._abbreviations:
                return True
            next_tok = end.group("next_tok")
            if next_tok is None or not _END_CHAR.search(next_tok):
                return False  # "Mr. Smith": no later token can break
        return self._context_breaks(word + "." + end.group("after_tok"))

    def _context_breaks(self, context: str) -> bool:
        """PunktSentenceTokenizer.text_contains_sentbreak with no collocations, sentence starters or
        orthographic contexts learned: a token annotated as a break, followed by another token."""
        tokens = _PUNKT_WORD_TOKENS.findall(context)
        for tok, following in zip(tokens, tokens[1:]):
            # first pass (_first_pass_annotation)
            if tok in _PUNKT_END_CHARS:
                return True
            if not tok.endswith(".") or tok.endswith(".."):
                continue  # no period, or an ellipsis
            low = tok[:-1].lower()
            if low in self._abbreviations or low.split("-")[-1] in self._abbreviations:
                continue  # an abbreviation: with nothing learned, the second pass never makes it a break
            # second pass (_second_pass_annotation): an initial or a number before a word that the orthographic
            # heuristic says does not start a sentence is no break
            typ = _PUNKT_NUMERIC.sub("##number##", tok.lower())
            if len(typ) > 1 and typ[-1] == ".":
                typ = typ[:-1]
            initial = _PUNKT_INITIAL.match(tok) is not None
            if initial or typ == "##number##":
                if following in _PUNKT_PUNCTUATION or following[0].islower():
                    continue
                if initial and following[0].isupper():
                    continue
            return True
        return False


_END_CHAR = re.compile(r"[.?!]")
# Punkt's own patterns (nltk's PunktLanguageVars and PunktToken) compiled with re rather than nltk's timed regex
# wrappers; the two engines read them alike on every character _PUNKT_UNALIKE lets through (a test checks each)
_PUNKT_VARS = PunktLanguageVars()
# period_context_re once per end character: a pattern opening with a literal lets the engine skip to each
# occurrence, where one opening with a class ([.?!]) tests every position
_PUNKT_PERIOD_CONTEXTS = tuple(
    (char, re.compile(_PUNKT_VARS._period_context_fmt % {
        "NonWord": _PUNKT_VARS._re_non_word_chars, "SentEndChars": re.escape(char)}, re.VERBOSE))
    for char in PunktLanguageVars.sent_end_chars)
_PUNKT_WORD_TOKENS = re.compile(_PUNKT_VARS._word_tokenizer_re().pattern, re.VERBOSE)
_PUNKT_REALIGNMENT = re.compile(_PUNKT_VARS.re_boundary_realignment.pattern, re.MULTILINE)
_PUNKT_CLOSING = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")  # what _PUNKT_REALIGNMENT opens with
_PUNKT_NUMERIC = re.compile(PunktToken._RE_NUMERIC.pattern)
_PUNKT_INITIAL = re.compile(PunktToken._RE_INITIAL.pattern)
_PUNKT_END_CHARS = frozenset(PunktLanguageVars.sent_end_chars)
_PUNKT_PUNCTUATION = frozenset(PunktSentenceTokenizer.PUNCTUATION)
# Any character but these sends a line to Punkt: outside them re and the regex module disagree on \s, \d or
# \w somewhere (superscript digits, combining marks, ...), and the tab and other control characters are
# whitespace to Punkt's word splitting (string.whitespace) that the procedure above does not look for
_PUNKT_UNALIKE = re.compile(
    "[^\x20-\x7e\xa0-\xb1\xb4-\xb8\xba\xbb\xbf-\u024f\u2000-\u200b\u200e-\u203e\u2041-\u2053"
    "\u2055-\u206f\u20a0-\u20cf]")


def _possible_ends(body: str) -> list[re.Match[str]]:
    """The matches of Punkt's period_context_re in ``body``, in order."""
    ends: list[re.Match[str]] = []
    chars = 0
    for char, pattern in _PUNKT_PERIOD_CONTEXTS:
        if char in body:
            ends += pattern.finditer(body)
            chars += 1
    if chars > 1:
        ends.sort(key=_MATCH_START)
    return ends


_MATCH_START = methodcaller("start")


def _realign_boundaries(body: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """PunktSentenceTokenizer._realign_boundaries: closing quotes and brackets after an end move back onto its
    sentence; empty sentences are dropped."""
    out: list[tuple[int, int]] = []
    realign = 0
    for i, (start, stop) in enumerate(slices):
        start += realign
        if i + 1 < len(slices):
            next_start, next_stop = slices[i + 1]
            # the pattern opens with a closing mark: most sentences open otherwise, with no call to the engine
            m = body[next_start:next_start + 1] in _PUNKT_CLOSING and _PUNKT_REALIGNMENT.match(body, next_start,
                                                                                                next_stop)
            if m:
                out.append((start, next_start + len(m.group().rstrip())))
                realign = m.end() - next_start
                continue
            realign = 0
        if start < stop:
            out.append((start, stop))
    return out


def normalise(text: str) -> str:
    """Unify line breaks, drop a byte-order mark, compose Unicode (NFC), make every space a plain one (see
    ``plain_spaces``) and the line breaks of hard-wrapped paragraphs spaces (see ``unwrap``). Offsets refer to
    the result."""
    if not isinstance(text, str):
        raise InvalidInput("text must be a string")
    # a one-character test first: most texts have neither, and each replace scans the whole text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    return unwrap(plain_spaces(unicodedata.normalize("NFC", text)))


_WRAP_MIN, _WRAP_MAX = 50, 100  # the widths plain-text copy is wrapped at (wire feeds 69, e-mail 72-78)


def unwrap(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped paragraphs made spaces, one character for one, so that a
    wrapped sentence is one sentence (a line break otherwise ends one). A block of lines (between blank lines)
    is wrapped when no line is longer than 100 characters and the longest is at least 50. There the break after
    each line that fills three fifths of that width is a space, unless a list item follows; a short line (a
    heading, a byline) keeps its break, and three lines or more that all open with a capital are a list. A long
    headline over its story with no blank line between joins the story's first line, where it is found again as
    a heading run into the sentence (``_run_in_heading``)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    widths = list(map(len, map(str.rstrip, lines)))  # (0: a blank line)
    soft: list[int] = []  # indexes of lines whose line break is soft
    first = None  # where the current block of lines began
    for k, width in enumerate(widths + [0]):
        if width:
            if first is None:
                first = k
        else:
            if first is not None and k - first >= 2:
                soft += _soft_breaks(lines, widths, first, k)
            first = None
    if not soft:
        return text
    ends = list(accumulate(len(line) + 1 for line in lines))  # each line's break is at its end - 1
    pieces, start = [], 0
    for k in soft:
        pieces.append(text[start:ends[k] - 1])
        start = ends[k]
    pieces.append(text[start:])
    return " ".join(pieces)


def _soft_breaks(lines: list[str], widths: list[int], first: int, stop: int) -> list[int]:
    """The soft breaks among the lines ``first`` to ``stop`` - 1, one block (see ``unwrap``)."""
    width = max(widths[first:stop])
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return []
    if stop - first >= 3 and all(lines[k].lstrip()[:1].isupper() for k in range(first, stop)):
        return []  # lines that all open with a capital are a list without marks, not a wrapped paragraph
    out = []
    for k in range(first, stop - 1):
        following = lines[k + 1].lstrip()
        if widths[k] >= 0.6 * width and not (following[:1] in _LIST_MARKS or _LIST_ITEM.match(following)):
            out.append(k)
    return out


# the space separators of Unicode but the plain space: no-break (web copy writes "Mr.&nbsp;Ruiz", "40&nbsp;percent"),
# narrow no-break, figure, en, em, thin, hair, ideographic ...
_RARE_SPACES = ("\u1680", *map(chr, range(0x2000, 0x200B)), "\u202f", "\u205f", "\u3000")  # (but the no-break)


def plain_spaces(text: str) -> str:
    """``text`` with every space separator a plain space: one character for one, so offsets do not move, and
    rules written with " " (titles, appositions, name words) read "Rep.\u00a0Clyburn" as "Rep. Clyburn"."""
    # (a substring test and str.replace per kind of space, both in C: str.translate and a regular-expression
    # class each looked at every character in turn, at 4-40 times the cost)
    if text.isascii():
        return text
    for space in ("\u00a0", *_RARE_SPACES):
        if space in text:
            text = text.replace(space, " ")
    return text


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s*$")
_PUNCT_ENDS = frozenset(".!?:;,\"'\u201d\u2019)\u2014-")
# a possible sentence boundary inside a line: only lines with one need Punkt
_INNER_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+\S")


def _run_in_heading(line: str, pos: int) -> int | None:
    """Offset where a run-in heading ends ("What we know The KC-135 ..."), or None."""
    words = line[pos:].split(None, 12)[:12]
    if _RUN_IN_OPENERS.isdisjoint(words[1:]):
        return None  # most lines: no opener word among the first twelve
    for k in range(1, len(words)):
        word, prev = words[k], words[k - 1]
        if prev[-1] in _PUNCT_ENDS or prev in _TELL_FORMS:
            return None  # "... Mook told CBS This Morning that": a programme after "told", not a heading
        if word in _RUN_IN_OPENERS and prev.lower() not in _NOT_BEFORE_OPENER and (
            prev[0].islower() or prev[0].isdigit() or k >= 2
        ):
            start = next(m.start() for i, m in enumerate(_WORD.finditer(line, pos)) if i == k)
            rest = line[start:]
            if len(rest.split(None, 3)) >= 4 and _SENTENCE_END.search(rest):
                return start
    return None


# An abbreviation that can also end a sentence ("voted no.", "at 3 p.m.", "in the U.S.") followed by a word that
# typically opens one.
# The match starts at the period and looks back for the abbreviation: a pattern opening with a literal lets the
# engine skip to each period, where one opening with a word boundary was tried at every position of the line.
_ENDING_ABBREVIATIONS = "no p.m a.m U.S U.K Inc Co Corp Ltd Jr Sr".split()
_ABBREVIATION_END = re.compile(
    # first one test of the letter before the period, which rules out most periods
    r"\.(?<=[" + "".join(sorted({a[-1] for a in _ENDING_ABBREVIATIONS})) + r"]\.)"
    r"(?:" + "|".join(rf"(?<=\b{re.escape(a)}\.)" for a in _ENDING_ABBREVIATIONS) + r")"
    r"\s+(?=(?:The|A|An|He|She|It|They|We|I|This|That|These|Those|His|Her|Its|Their|But|And|In|On|At|After|"
    r"Before|When|While|Police|Officials)\b)")


def _split_after_abbreviation(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not _ABBREVIATION_END.search(text):
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        start = s
        for m in _ABBREVIATION_END.finditer(text, s, e):
            out.append((start, m.start() + 1))  # up to the period
            start = m.end()
        out.append((start, e))
    return out


def _join_quote_tails(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ '"Why now?" she asked.' is one sentence: a quote ending in ? or ! and followed by a lower-case word
    continues into its reporting clause; so does a split before closing punctuation or after a dotted
    initialism followed by a lower-case word ("the S.E.C. said")."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and ((text[s:s + 1].islower() and text[out[-1][1] - 2:out[-1][1]] in _QUESTION_CLOSERS)
                    or text[s:s + 1] in _NEVER_OPENS
                    or (text[s:s + 1].islower() and _DOTTED_END.search(text, 0, out[-1][1]))):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


# a sentence never opens with closing punctuation: '(D-N.M.), chair of ...' was split after a dotted initialism
_NEVER_OPENS = frozenset("),;]")
# "the S.E.C. said": a dotted initialism followed by a lower-case word ends no sentence
_DOTTED_END = re.compile(r"(?:^|[\s(-])(?:[^\W\d_]\.){2,}\)?$")  # also "Rep. Jo Li (R-S.C.) said"
_QUESTION_CLOSERS = frozenset(a + b for a in "?!" for b in "\"\u201d'\u2019")


def _merge_initials(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo Punkt splits after a lone initial ("John F. Kennedy") or a decimal's point."""
    if len(spans) < 2:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and _ends_with_initial(text, *out[-1]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _ends_with_initial(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends in a lone capital initial ("John F. Kennedy", "Ö."), after a space or "(" or
    alone."""
    return end - start >= 2 and text[end - 1] == "." and text[end - 2].isupper() and (
        end - 2 == start or text[end - 3].isspace() or text[end - 3] == "(")
