"""Sentences -> attributions: find each cue, then its source and its content.

The rules, in the order they are tried for each cue (each attribution records which one fired):

* ``no_source``: "It is unclear whether ...", "reportedly" (``lexicons/cues.json``): content is the clause
  that follows, there is no source.
* ``according_to``: "According to X, C" / "C, according to X".
* ``inverted``: "C," said X / "C," clarified CENTCOM: the source follows the cue, the content precedes it.
* ``trailing``: "C," X said / C, X said on Monday: the source precedes the cue, the content precedes both.
* ``forward``: X said (that) C / X told reporters C / X, a spokeswoman, said C: the content follows.
* ``participle``: ..., adding that C / ..., saying C: the source is the one of the clause it hangs on.
* ``relay``: "X reported, citing Y": a second attribution, Y -> citing -> the same content, ``via`` the first.
* ``nominal``: "X's claim that C", "allegations that C".
* ``quote_continuation``: a quote in the next sentence or paragraph, with no cue of its own, continues the
  previous direct quote ("A," she said. "B.").

Without a part-of-speech tagger (NLTK's would need a download), a noun phrase is recognised from the words
that cannot belong to one (``_NP_BREAK``) and from capitalisation; reporting verbs come from
``lexicons/reporting_verbs.json``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress
from typing import NamedTuple

from .chars import UPPER, lower_same_length
from .lexicons import CUE_MARK_CHARACTERS, Lexicons, VerbEntry
from .quotes import Quote, find_quotes
from .types import Attribution, Cue, Document, Sentence, Span

_TOKEN = re.compile(r"\w+s[\u2019'](?=\s+[a-z])|[A-Z]\w*s[\u2019'](?=\s+[A-Z])|\w+(?:[\u2019'\-.&]\w+)*\.?|[\u2019']s\b|n[\u2019']t\b|--|\S")
# (single curly quotes too: British copy quotes with them, and a lone ’ token closes one, an apostrophe
# being part of its word's token)
_QUOTE_CHARS = frozenset("\"\u201c\u201d\u00ab\u00bb\u201e'\u2018\u2019")
_DOUBLE_QUOTES = frozenset("\"\u201c\u201d\u00ab\u00bb\u201e")
_CLOSE_QUOTES = frozenset("\"\u201d\u00bb'\u2019")
_AUX = frozenset(
    "has have had is are was were be been being will would could can may might must should shall did does do "
    "not n't never also later previously repeatedly again publicly privately once already still just further "
    "then recently reportedly allegedly had 's ’s 've 'd ’d ’ve often always frequently quickly separately "
    "first together long now even ever soon initially originally subsequently "
    "flatly strongly angrily firmly bluntly".split()
)
_DETERMINERS = frozenset("the a an his her its their our my your this that these those whose".split())
_NP_BREAK = frozenset(
    "that which when while because after before as if since though although but so than where whether is are "
    "was were be been being am has have had do does did will would can could may might must should shall not "
    "n't also there here then now to said says told and or nor yet once until unless whereas what how why "
    "during despite amid without within into onto upon against between through toward towards across "
    "about above below under over like via per whom - -- — – ( ) [ ] ; : , . ! ? \" “ ” « » „".split()
)
_PREPOSITIONS = frozenset(
    "of for at in on with from by to around across inside outside under over behind beyond within without among "
    "between against toward towards through about after before during since into onto upon like near all both half "
    "each".split())  # (and the quantifiers that stand before a determiner: "all the", "half the")
_NP_INNER = frozenset("of for at in on with from familiar close near by and 's ’s &".split())
_PRONOUNS = frozenset("he she they it we i you who".split())
_SUBORDINATORS = frozenset(
    "after before when while as since because although though if once until unless whereas shortly".split()
)
_TELL_VERBS = frozenset("tell inform assure warn remind brief advise urge notify promise ask".split())
_ADVERBIAL_START = frozenset(
    "on in at last this late early earlier later during on yesterday today tonight recently previously "
    "monday tuesday wednesday thursday friday saturday sunday via through after before without while when "
    "from to by then again afterwards afterward outside inside near aboard".split()
)
_NEGATED_AUX = frozenset(
    w for w in ("don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't isn't aren't wasn't weren't "
                "hasn't haven't hadn't mustn't").split()
) | frozenset(w.replace("'", "\u2019") for w in "don't doesn't didn't won't wouldn't can't couldn't shouldn't "
              "isn't aren't wasn't weren't hasn't haven't hadn't".split())
_MODALS = frozenset("will would can could may might must should shall did do does to not n't".split()) | _NEGATED_AUX
_DOCUMENT_WORDS = frozenset(
    "study report survey poll analysis review data research investigation audit inquiry probe figures records "
    "documents filings memo letter paper findings ruling census statistics video footage images photos "
    "photographs polls surveys studies tests results evidence polling".split()
)
_POSSESSIVE_DETERMINERS = frozenset("my your his her its our their".split())
_FINITE_AUX = frozenset("is are was were has have had will would can could may might must should do does did".split())
_RAISING = frozenset(
    "seem seems seemed appear appears appeared tend tends tended continue continues continued went go goes "
    "want wants wanted try tries tried".split()
)
_INTRO_OPENERS = frozenset(
    "in on at after before during since despite with without for from by under over following amid among "
    "across throughout earlier later last this next asked speaking writing".split()
)
_QUANTIFIERS = frozenset("few many several two three four five more other such mass new".split())
_CONTRACTED = frozenset("he she it who that there what where here".split())  # "he’s" is "he is", not a possessive
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later last this "
    "january february march april may june july august september october november december".split()
)
_PARTICLE_AFTER = {"point": ("out",), "call": ("for", "on"), "lay": ("out",), "spell": ("out",),
                   "weigh": ("in",)}
# words that open a passive's agent ("by officials", "by far fewer papers", "by dozens of groups"); others
# open a means ("by telephone", "by hand")
_AGENT_OPENERS = frozenset("officials police far dozens many most some several few more fewer both all two three four "
                           "five six seven eight nine ten hundreds thousands".split())
# a source's edges that are not part of it: a contracted auxiliary, an interjected phrase, a time phrase
_CONTRACTED_SUBJECT = re.compile(r"(?i)(he|she|it|i|you|we|they)['\u2019](?:s|re|ve|d|ll|m)")
_INTERJECTION = re.compile(r",\s+(?:at|in|on|during|after|before|while|when|like|unlike|despite)\s[^,]*,?\s*$")
_TRAILING_TIME = re.compile(r"\s+(?:(?:just|also|earlier|later|already)\s+)?(?:(?:this|last|next)\s+(?:week|month|year)|"
                            r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today)\s*,?\s*$")
# verbs that name what something is ("called X a hoax") and the adjectives that make such a judgement
_NAMING_VERBS = frozenset("call label dub brand term".split())
_JUDGING_ADJECTIVE = re.compile(r"un\w+ed|\w{3,}(?:ous|ful|less|able|ible)|racist|false|fake|wrong|absurd|crazy|"
                                r"unfair|inappropriate|disgusting|ridiculous|silly|stupid|dishonest|unacceptable")
_PREDICATE_STOPS = frozenset("on in at to for from with by about after before during into over under since until "
                             "of and or but that who which when while as than if".split())
# what a speaker does next ("... but gave no figure", "... and declined to comment")
_SPEAKER_ACTIONS = frozenset("gave declined refused did offered provided called urged asked added".split())
# a clause opened by one of these after a comma is the writer's comment on what was said, not part of it
_WRITERS_CLAUSE = frozenset("though although but while whereas".split())
# words that end a subject a verb's bare form can follow ("officials say", "many of them say", "41 percent
# support", "those close to him say")
_BARE_VERB_SUBJECTS = frozenset(
    "they we i you people critics experts some many most others all few both who which them whom these those "
    "percent him police staff clergy".split()
)
# tokens (lower-cased) where a content read forward may end: a dash, a semicolon, a comma, a conjunction
_SENTENCE_ADVERBS = frozenset("later earlier then meanwhile separately instead however still now also".split())
# words of an adverbial that may stand between a cue and its "that" ("for months", "on condition of anonymity")
_INTERJECTED_WORDS = frozenset("for over on in of condition anonymity months weeks years days decades again since "
                               "then now last week month year time times once twice privately publicly".split())
_CLAUSE_BREAKS = frozenset(("\u2014", ";", ",", "but", "and"))
_PARTICIPLE_CUES = frozenset("adding saying noting explaining stressing insisting warning arguing claiming".split())


# verbs of intention ("plans to"), stance ("endorsed the mayor") and topic ("spoke about") are cues only with
# one of their complements (``VerbEntry.complements``), never just because a clause or a quote follows
_COMPLEMENT_ONLY_KINDS = frozenset({"intention", "stance", "topic"})


class _Tokens(NamedTuple):
    """A sentence's word and punctuation tokens as parallel lists (index k is the k-th token): lists of strings
    and ints cost far less to build and to read than an object per token."""

    texts: list[str]
    starts: list[int]
    """Document offsets."""
    ends: list[int]
    lows: list[str]
    """The texts lower-cased."""


# _TOKEN as the engine reads it fastest, with the same matches, tried at a character that is not white space:
# each word's characters are read once (possessive runs, no backtracking to look for a final "s'"; a
# capitalised word tried first for "Democrats' Plans")
_TOKEN_AT = re.compile(
    r"[A-Z]\w*+(?:(?<=\ws)[\u2019'](?=\s+[a-zA-Z])|(?:[\u2019'\-.&]\w++)*+\.?)"
    r"|\w++(?:(?<=\ws)[\u2019'](?=\s+[a-z])|(?:[\u2019'\-.&]\w++)*+\.?)|[\u2019']s\b|n[\u2019']t\b|--|\S")


def _tokenize(sentence: Sentence, abbreviations: frozenset[str], low_text: str | None = None) -> _Tokens:
    """Word and punctuation tokens with document offsets; a final period stays on abbreviations only.
    ``low_text``: the document's text by ``lower_same_length``, to take the tokens' lower-cased forms from."""
    # _TOKEN's tokens never hold white space, so the text is cut at white space first (str.split, in C) and only
    # the pieces that are not a plain word, or a plain word and one punctuation mark, are read by the pattern
    # (one piece in fifteen in news copy); compiled (scripts/compile.py) the loop is native code
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    dotted: list[int] = []  # the tokens longer than one character that end in a period
    text, s0 = sentence.text, sentence.start
    p = 0
    match = _TOKEN_AT.match
    for piece in text.split():
        p = text.find(piece, p)  # (only white space before it since the last piece)
        e = p + len(piece)
        if piece.isalnum():  # (every character a word character)
            texts.append(piece)
            starts.append(s0 + p)
            ends.append(s0 + e)
        elif len(piece) > 1 and piece[:-1].isalnum() and piece[-1] not in "'\u2019_":
            # a word and a mark: the mark is a token of its own, a period excepted (cut below if need be); an
            # apostrophe may close a plural possessive, which depends on what follows: read by the pattern
            # (and "_" is a word character that isalnum denies)
            if piece[-1] == ".":
                dotted.append(len(texts))
                texts.append(piece)
                starts.append(s0 + p)
                ends.append(s0 + e)
            else:
                texts.append(piece[:-1])
                starts.append(s0 + p)
                ends.append(s0 + e - 1)
                texts.append(piece[-1])
                starts.append(s0 + e - 1)
                ends.append(s0 + e)
        else:
            q = p
            while q < e:
                m = match(text, q)  # (the pattern matches at any character that is not white space)
                r = m.end() if m is not None else q + 1
                if r - q > 1 and text[r - 1] == ".":
                    dotted.append(len(texts))
                texts.append(text[q:r])
                starts.append(s0 + q)
                ends.append(s0 + r)
                q = r
        p = e
    if low_text is not None and "\u03a3" not in text and "\u0130" not in text:
        # each token's str.lower is its stretch of the lower-cased document: lower-casing maps one character to
        # one, the same wherever it stands, but for the capital sigma (final or not by its neighbours) and the
        # dotted capital I (two characters; one in low_text). Slices cost less than lower-casing each token
        lows = [low_text[start:end] for start, end in zip(starts, ends)]
    else:
        # Python's str.lower (compiled code's own writes a word-final capital sigma as "σ", not "ς")
        lows = list(map(str.lower, texts))
    # the few words that end in a period: split it off unless the word is an abbreviation or an initial
    last = len(texts) - 1
    for k in reversed(dotted):
        core = texts[k][:-1]
        # (a capital letter closing the sentence is a word, not an initial: "said in a post on X.")
        if not (core.lower() in abbreviations or "." in core or (
                len(core) == 1 and core.isupper() and k < last and texts[k + 1] not in _CLOSE_QUOTES)):
            end = ends[k]
            texts[k:k + 1] = [core, "."]
            lows[k:k + 1] = [str.lower(core), "."]  # (Python's lower, as above)
            starts.insert(k + 1, end - 1)
            ends.insert(k, end - 1)
    return _Tokens(texts, starts, ends, lows)


def find_attributions(doc: Document, lexicons: Lexicons) -> tuple[Attribution, ...]:
    """All attributions of the document, in text order, with ids ``a1`` ... ."""
    quotes = find_quotes(doc.text)
    # one scan of the whole text finds the sentences that hold a possible cue; only those are read
    low = lower_same_length(doc.text)  # (the offsets hold)
    matches = _cue_scan(low, lexicons)
    hits = [p for p, _ in matches]
    # the scan found every token that is a cue form when it split the lower-cased text into words: a reader
    # then takes its candidates from the scan instead of looking up every token
    scan_finds_forms = lexicons.cue_words is not None
    # where the according_to phrases stand, found once in the lower-cased text (ASCII phrases: lower-casing a
    # sentence alone gives the same letters there)
    phrases = lexicons.according_to_phrases
    phrase_spans = sorted(span for phrase in phrases for span in _find_all(low, phrase)) \
        if all(phrase.isascii() for phrase in phrases) else None
    found: list[Attribution] = []
    sentence_starts = [s.start for s in doc.sentences]
    quote_starts, quote_ends = [q.start for q in quotes], [q.end for q in quotes]  # quotes never overlap
    for sentence in doc.sentences:
        k = bisect_right(hits, sentence.start - 1)
        if k < len(hits) and hits[k] < sentence.end and sentence.kind not in ("byline", "dateline"):
            # a reader sees the quotes that overlap its sentence (a quote running on ends in one of them)
            near = quotes[bisect_right(quote_ends, sentence.start):bisect_left(quote_starts, sentence.end)]
            words = matches[k:bisect_left(hits, sentence.end)]
            reader = _SentenceReader(doc, sentence, lexicons, near, sentence_starts, quotes, words, low)
            reader.scan_finds_forms = scan_finds_forms
            if phrase_spans is not None:
                reader.according_to_here = _holds_span(phrase_spans, sentence.start, sentence.end)
            found.extend(reader.read())
    found = _keep_inside_quotes(doc, found, quotes, quote_starts)
    found = _continue_quotes(doc, _cut_contents(doc, found), quotes)
    found = _drop_quoted_speech(found, quotes, quote_starts)
    found = _drop_reported_intentions(found)
    found = _drop_participles_inside_sources(found)
    found.sort(key=lambda a: (a.cue.span.start, a.cue.span.end))
    return _renumber(found)


def _matches_from(pattern: re.Pattern[str], openings: tuple[str, ...], text: str, start: int, end: int
                  ) -> list[tuple[int, int]]:
    """The spans ``pattern.finditer(text, start, end)`` finds, for a pattern every match of which starts with one
    of ``openings`` (none the beginning of another): the pattern is tried only where one stands (found by
    str.find, in C), not at every character as a search tries a pattern opening with a word boundary."""
    at: list[int] = []
    for opening in openings:
        i = text.find(opening, start, end)
        while i >= 0:
            at.append(i)
            i = text.find(opening, i + 1, end)
    at.sort()
    out: list[tuple[int, int]] = []
    resume = start  # where the search would go on: after the last match (no match is empty)
    for i in at:
        if i >= resume:
            m = pattern.match(text, i, end)
            if m is not None:
                out.append(m.span())
                resume = m.end()
    return out


def _find_all(text: str, phrase: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``phrase`` in ``text`` (overlapping ones too)."""
    out = []
    i = text.find(phrase)
    while i >= 0:
        out.append((i, i + len(phrase)))
        i = text.find(phrase, i + 1)
    return out


def _holds_span(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``spans`` (sorted) lies within [start, end)."""
    for k in range(bisect_left(spans, (start,)), len(spans)):
        s, e = spans[k]
        if s >= end:
            return False
        if e <= end:
            return True
    return False


# one byte a character: ASCII letters a-z stay, the other ASCII word characters (A-Z, 0-9, _) become "Z" (part
# of a word, never a cue word) and everything else a space (characters beyond ASCII arrive as "?")
_WORD_BYTES = bytes(c if 97 <= c <= 122 else 90 if 48 <= c <= 57 or 65 <= c <= 90 or c == 95 else 32
                    for c in range(256))


def _cue_scan(scanned: str, lexicons: Lexicons) -> list[tuple[int, str]]:
    """(offset, text) of what ``lexicons.cue_scan`` finds in ``scanned``, in text order. Its words are found by
    splitting a one-byte copy of the text into words and looking them up in a set, all in C: the pattern
    stepped through every character (a tenth of the stage's time)."""
    if lexicons.cue_words is None:
        return [(m.start(), m.group()) for m in lexicons.cue_scan.finditer(scanned)]
    runs = scanned.encode("ascii", "replace").translate(_WORD_BYTES)
    words = runs.split()
    padded = b" " + runs + b" "
    found = []
    n, i = len(scanned), 0
    for word in compress(words, map(lexicons.cue_words.__contains__, words)):
        # every word of the copy that is a cue word is one here, in text order: the next one is at the next find
        i = padded.find(b" " + word + b" ", i)  # (i: the word's offset in the text)
        k = len(word)
        # a character beyond ASCII next to the word was a space in the copy: the pattern's \b sees what it is
        if (i == 0 or not scanned[i - 1].isalnum()) and (i + k == n or not scanned[i + k].isalnum()):
            found.append((i, word.decode()))
        i += k + 1
    # the marks: each of their few characters found by str.find (a scan in C), then tried by the pattern
    match = lexicons.cue_marks.match
    for mark in CUE_MARK_CHARACTERS:
        i = scanned.find(mark)
        while i >= 0:
            m = match(scanned, i)
            if m is not None:
                found.append((i, m.group()))
            i = scanned.find(mark, i + 1)
    found.sort()
    return found


class _SentenceReader:
    def __init__(self, doc: Document, sentence: Sentence, lexicons: Lexicons, quotes: tuple[Quote, ...],
                 sentence_starts: list[int], all_quotes: tuple[Quote, ...] = (),
                 cue_words: list[tuple[int, str]] | None = None, low_text: str | None = None):
        self.doc, self.sentence, self.lex, self.quotes = doc, sentence, lexicons, quotes
        self.sentence_starts, self.all_quotes = sentence_starts, all_quotes
        self.cue_words = cue_words  # (offset, word) of what the document's cue scan found in this sentence
        self.text = doc.text
        self.texts, self.starts, self.ends, self.lows = _tokenize(sentence, lexicons.abbreviations, low_text)
        self.n = len(self.texts)  # the number of tokens
        # set by find_attributions: whether ``cue_words`` holds every token that is a cue form (a scan of the
        # lower-cased text), and whether an according_to phrase stands in the sentence (None: not known)
        self.scan_finds_forms = False
        self.according_to_here: bool | None = None
        self.low_text = low_text  # the document's text by lower_same_length
        self._heading: bool | None = None

    @property
    def heading(self) -> bool:
        """A heading or a title-case line ("Trump Says He Will Win"): capitals do not mark names there."""
        if self._heading is None:  # found once per sentence (a plain attribute: works compiled, see types.py)
            words = [w for w in self.texts if w[0].isalpha() and len(w) > 3]
            self._heading = self.sentence.kind == "heading" or (
                len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words))
        return self._heading

    # -------------------------------------------------------------- cue candidates
    def read(self) -> list[Attribution]:
        if self.sentence.kind in ("byline", "dateline"):
            return []
        out: list[Attribution] = []
        taken: list[tuple[int, int]] = []
        for attribution in self._no_source():
            out.append(attribution)
            taken.append((attribution.cue.span.start, attribution.cue.span.end))
        for attribution in self._colon():
            out.append(attribution)
            taken.append((attribution.cue.span.start, attribution.cue.span.end))
        for attribution in self._according_to() + self._document_frame() + self._signed_quote():
            out.append(attribution)
            taken.append((attribution.cue.span.start, attribution.cue.span.end))
        nominal = self.lex.nominal
        for i in self._cue_candidates():
            low, start = self.lows[i], self.starts[i]
            if taken and any(s <= start < e for s, e in taken):
                continue
            entry = self._verb_entry(i)
            if entry is not None:
                out.extend(self._from_verb(i, entry, out))
            elif low in nominal:
                out.extend(self._nominal(i))
            elif low == "citing" and i > 1 and self.texts[i - 1] == "," \
                    and not any(a.cue.span.start == start for a in out):
                out.extend(self._citing_reason(i))
        if self.sentence.text.rstrip(" \"\u201d'\u2019").endswith("?"):
            # "Do you know where ...?", "Would you think ...?": the writer asks the reader, nobody is reported
            out = [a for a in out if a.source is None or a.source.text.lower() != "you"
                   or any(q.start <= a.cue.span.start < q.end for q in self.quotes)]
        return out

    def _cue_candidates(self) -> list[int]:
        """Indexes of the tokens that are a verb form or a nominal cue, in order."""
        cue_forms = self.lex.cue_forms
        if not self.scan_finds_forms:
            # every token looked up, in C (compress, map)
            return list(compress(range(self.n), map(cue_forms.__contains__, self.lows)))
        # the document's scan found each such token as a word at its start: look only at those few words
        out: list[int] = []
        starts, lows = self.starts, self.lows
        for pos, word in self.cue_words or ():
            if word in cue_forms:
                i = bisect_left(starts, pos)
                if i < self.n and starts[i] == pos and lows[i] == word:
                    out.append(i)
        return out

    def _citing_reason(self, i: int) -> list[Attribution]:
        """ "The airline cut 200 routes, citing weak demand": the clause's subject gives the reason."""
        end = i + 1
        while end < self.n and self.texts[end] not in (",", ";", ".", "\u2014", "--", ":"):
            end += 1
        if end + 1 < self.n and self.texts[end] == "," and self.lows[end + 1] in self.lex.verb_forms:
            return []  # "The Punch, citing officials, reported that ...": a relay, made with the verb's attribution
        subject = self._np_left_sentence_subject(clause_end=i - 1)
        if end == i + 1 or subject is None or subject.end > self.starts[i] \
                or subject.text.lower() in ("it", "there", "this", "that"):
            return []
        k = self._tok_at(subject.start)
        if k is not None and self.lows[k] in _DETERMINERS:
            # no tagger to find where the noun phrase ends: the determiner, its noun and any capitalised words
            last = k + 1
            while last + 1 < i and self.texts[last + 1][0].isupper():
                last += 1
            subject = self._span(subject.start, self.ends[last])
        entry = self.lex.verb_forms["citing"]
        cue = Cue(self._span(self.starts[i], self.ends[i]), entry.lemma, entry.kind, entry.stance)
        content = self._span(self.starts[i + 1], self.ends[end - 1])
        return [self._make(cue, subject, (content,), "participle")]

    def _verb_entry(self, i: int) -> VerbEntry | None:
        low, text = self.lows[i], self.texts[i]
        entry = self.lex.verb_forms.get(low)
        if entry is None or low in ("citing", "quoting"):
            return None  # "citing X" is a relay, made by the rule for the verb it hangs on
        if text[0].isupper() and i > 0 and not self.heading and self.texts[i - 1] not in _QUOTE_CHARS:
            return None  # a name or title ("United States", "Says You")
        prev = self.lows[i - 1] if i else ""
        nxt = self.lows[i + 1] if i + 1 < self.n else ""
        possessive = prev.endswith(("'s", "’s")) and prev[:-2] not in _CONTRACTED
        relative = prev == "that" and self._relative_that(i - 1)
        if (prev in _DETERMINERS and not relative) or prev in ("'s", "’s") or possessive or (
                prev and self.lex.verb_forms.get(prev) is None and prev in ("of", "for", "with")) or (
                prev in _QUANTIFIERS and low.endswith("s")):
            return None  # a noun: "the report", "her claims", "the campaign's press", "a few questions"
        if low.endswith("ing") and nxt == "by" and (i == 0 or prev in _DETERMINERS or prev == "additional"
                                                         or self.texts[i - 1].istitle()):
            return None  # a credit line: "Additional reporting by ..."
        credit_or_hierarchy = entry.lemma == "report" and (
            nxt == "from" or (nxt == "to" and low in ("report", "reports")))
        if credit_or_hierarchy or (low in ("supposed", "known") and nxt in ("to", "as")) \
                or prev in ("no", "without", "beyond"):
            # "X reported from Kabul" (a credit), "is supposed to" (obligation), "known as" (a name), "no doubt"
            return None
        if low.endswith("s") and low != entry.lemma and i and self.texts[i - 1][0].islower() and (
                (prev.endswith("ed") and prev[:1].isalpha())
                or (i >= 2 and self.lows[i - 2] in ("not", "n't", "to", "will", "would", "can", "could"))):
            return None  # "published plans to close", "did not unveil plans to": a noun after a verb
        if low.endswith("s") and low != entry.lemma and i >= 2 and self.lows[i - 2] in _POSSESSIVE_DETERMINERS \
                and self.texts[i - 1][0].islower() and prev not in self.lex.verb_forms \
                and (nxt in _FINITE_AUX or nxt in (".", ",", ";", "alive", "")):
            return None  # "kept their title hopes alive", "their peace hopes were dashed": a noun
        if low == entry.lemma and low in self.lex.nominal and i >= 2 and self.texts[i - 1][0].isupper() \
                and (not prev.endswith("s") or prev in ("times", "news")):  # ("The Democrats claim" is a verb)
            k = i - 1
            while k > 0 and self.texts[k][0].isupper():
                k -= 1
            if self.lows[k] in _DETERMINERS:
                return None  # "in a June report", "the New York Times report": a noun after a name
        if entry.kind in _COMPLEMENT_ONLY_KINDS and low.endswith("ing") and prev not in (
                "is", "are", "was", "were", "be", "been", "am", "not", "'s", "’s", "'re", "’re", ","):
            return None  # "ads supporting the measure": a participle describing a noun
        if entry.adjectival:
            if prev not in ("is", "are", "was", "were", "be", "been", "am", "remain", "remains", "remained") and \
                    not prev.endswith("ly"):
                return None
            return entry if self._clause_follows(i, entry.lemma) else None
        form_is_base = low == entry.lemma
        if form_is_base and prev in ("also", "still", "now", "too", "all", "both", "often", "long") and i >= 2:
            i_subject = i - 1  # "police also fear", "officials now say": the word before the adverb decides
            prev = self.lows[i - 2]
        else:
            i_subject = i
        if form_is_base:
            # a bare form is a verb after a modal/auxiliary or a plural/pronoun subject ("officials say")
            i, i_verb = i_subject, i
            if not (relative or prev in _MODALS or prev in _BARE_VERB_SUBJECTS
                    or (i >= 3 and self.texts[i - 1][0].isupper() and not self.heading
                        and any(w in ("and", "in", "at", "along", "from", "of", "near", "across")
                                for w in self.lows[max(0, i - 6):i - 1]))  # "Lee and Park say"
                    or (i >= 3 and any(self.lows[k] in _BARE_VERB_SUBJECTS and self.lows[k + 1] in (
                        "on", "in", "at", "from", "across", "inside", "within")
                        or (self.lows[k] in ("critics", "experts", "people") and self.lows[k + 1] == "of")
                        for k in range(max(0, i - 6), i - 2)))
                    # ("critics on the council say", "critics of the plan allege"; not "some of the fear")
                    or prev.endswith("ly") or (i == 1 and self.texts[0][0].isupper())
                    or (i and self.texts[i - 1][-1:] == "s" and self.texts[i - 1][0].isalpha()
                        and prev not in _NP_BREAK and prev not in ("is", "was", "has", "this", "its", "us"))):
                return None
            i = i_verb
            prev = self.lows[i - 1]
        if low.endswith("s") and low != entry.lemma and (
                nxt in ("is", "are", "was", "were", "have", "has", "had", "will", "would", "broke", "erupted")
                or (nxt in ("in", "of", "over", "at", "from", "against", "as", "about") and i > 0
                    and nxt not in entry.complements  # "court rules against", "Mr. Obama speaks of"
                    and self.texts[i - 1][0].islower() and prev not in _PRONOUNS
                    and (entry.needs_clause or low in self.lex.nominal))
                or (prev.endswith("ing") and prev not in _PARTICIPLE_CUES)):
            return None  # "two suspects were held", "dimming hopes of": a noun
        if entry.needs_clause and low.endswith("ed") and i >= 2 and self.lows[i - 2] in ("a", "an", "the") \
                and nxt in ("on", "in", "at", "by", "last", "this", "earlier", "monday", "tuesday", "wednesday",
                            "thursday", "friday", "saturday", "sunday", "online") \
                and not (i + 2 < self.n and nxt in _TIME_WORDS
                         and (self.lows[i + 2] in entry.complements or self.lows[i + 2] == "that")):
            return None  # "a study published on Wednesday": a participle describing a noun
        if low.endswith("s") and not low.endswith("ss") and low != entry.lemma:
            # "reports", "claims", "calls", "estimates": verbs only with a subject-like word before them
            quote_before = prev in _CLOSE_QUOTES or (prev == "," and i >= 2 and self.texts[i - 2] in _CLOSE_QUOTES)
            if prev in _NP_BREAK and prev not in ("and",) and prev not in _PRONOUNS and prev not in _AUX \
                    and not (prev == "," and self._apposition_subject(i)) \
                    and not relative and not quote_before:  # ('"...," says Paul Rieckhoff' is inverted)
                if not self.heading:
                    return None  # (after "NAME, a geriatrician," the -s form is the verb)
        if low.endswith("ed") and i > 0:
            if entry.lemma in ("accuse", "suspect") and nxt == "of":
                return None  # "a man accused of stealing": the man is accused, nobody here accuses
            if (prev in _DETERMINERS or prev[:1].isdigit() or prev in _QUANTIFIERS) and i + 1 < self.n \
                    and self.texts[i + 1].isalpha() and self.texts[i + 1].islower() \
                    and self.lows[i + 1] not in _NP_BREAK and self.lows[i + 1] not in _DETERMINERS:
                return None  # "1,042 confirmed cases", "the reported attack": an adjective before its noun
            if nxt in ("in", "at", "across", "near", "since", "during", "throughout") and prev.isalpha() \
                    and self.texts[i - 1].islower() and prev not in _AUX and prev not in _PRONOUNS \
                    and prev not in _MODALS and "that" not in self.lows[i + 1:i + 8] \
                    and _QUOTE_CHARS.isdisjoint(self.texts[i + 1:i + 8]):
                return None  # "with outbreaks reported in 19 states": a participle describing the noun
        passive_with_agent = False
        if low.endswith("ed") or low in ("told", "said", "thought", "found", "known", "shown", "written"):
            k = i - 1
            while k > 0 and self.lows[k] in _AUX and self.lows[k] not in (
                    "is", "are", "was", "were", "be", "been", "being"):
                k -= 1
            if self.lows[k] in ("is", "are", "was", "were", "be", "been", "being", "get", "got") and k < i:
                # passive: only "was quoted as saying" and "was told by X" stay attributions here
                if not (nxt == "by" or (low == "quoted" and nxt == "as")):
                    return None
                passive_with_agent = nxt == "by" and self._passive_by(i, i + 1)
            if nxt and nxt[0].isalpha() and entry.stance in ("distancing", "assertive") and prev in _DETERMINERS:
                return None
        if entry.needs_clause and not passive_with_agent:
            # verbs with other common senses count only with a clause or quote after them, or in the passive
            # with their agent ("is endorsed by dozens of papers")
            if not self._clause_follows(i, entry.lemma):
                return None
        return entry

    def _clause_follows(self, i: int, lemma: str) -> bool:
        j = i + 1
        if lemma in _PARTICLE_AFTER and j < self.n and self.lows[j] in _PARTICLE_AFTER[lemma]:
            return True
        nxt = self.lows[j] if j < self.n else ""
        entry = self.lex.verb_forms.get(self.lows[i])
        if nxt == "to" and entry is not None and entry.stance == "directive":
            return True  # "pledged to push for ...", "urged voters to ..."
        if entry is not None and entry.complements and j < self.n:
            while j + 1 < self.n and ((nxt.endswith("ly") and nxt not in ("italy", "family")) or (
                    nxt in _TIME_WORDS and nxt not in ("this", "last", "may"))):
                j += 1  # "spoke emotionally of", "ruled Friday against"
                nxt = self.lows[j]
            after = j + 1 < self.n  # a token after the complement
            if nxt == "to" and "to" in entry.complements:
                # a to-infinitive ("refused to sign"), not a destination ("wants to the coast")
                return after and self.texts[j + 1][0].isalpha() and self.lows[j + 1] not in _DETERMINERS \
                    and not self.texts[j + 1][0].isupper()
            if nxt in entry.complements and nxt != "as" and after and self.texts[j + 1][0].isalnum():
                return True  # "spoke about the levy"
            if "as" in entry.complements and self._object_follows(j) \
                    and "as" in self.lows[j + 1:j + 9]:
                return True  # "see reauthorization as an opportunity", "viewed the deal as a surrender"
            if "object" in entry.complements and self._object_follows(j, bare=not self._relative_subject(i)):
                return True  # "endorsed the mayor", "questioned Mr. Ito's figures"
            if entry.kind in _COMPLEMENT_ONLY_KINDS:
                return False
        if self.lows[j:j + 2] == ["on", "condition"]:
            return False  # "speaking on condition of anonymity" describes the source
        if nxt in ("he", "she", "it", "they", "we", "i", "there", "his", "her", "their", "its", "the", "a", "an",
                   "this", "these", "those") and \
                entry is not None and entry.kind == "cognition":
            return True  # "analysts agreed it was ...": a clause without "that"
        if nxt in ("he", "she", "they", "we", "i") and entry is not None and entry.kind == "speech":
            return True  # "adding he would never vote": a subject pronoun opens a clause
        if lemma in _NAMING_VERBS and self._object_and_predicate(j):
            return True  # "has called climate change a hoax", "called the charges unfounded"
        if lemma in ("describe", "characterize", "characterise", "label", "dub", "call") and \
                "as" in self.lows[j:j + 8] and lemma != "call":
            return True  # "described the showdown as ominous"
        if lemma in ("find", "show", "suggest", "conclude", "estimate", "project", "predict") and \
                not _DOCUMENT_WORDS.isdisjoint(self.lows[max(0, i - 12):i]):
            return True  # "a 2014 study found 31 incidents"
        if nxt in ("how", "why", "what", "where", "who", "which") and entry is not None \
                and entry.kind in ("speech", "cognition"):
            return True  # an embedded question: "explained how the levy works", "asked why"
        for k in range(j, min(j + 6, self.n)):
            start = self.starts[k]
            if self.lows[k] in ("that", "whether", "if", ":") or any(q.start == start for q in self.quotes):
                return True
        if nxt in ("to", "in") and "that" in self.lows[j + 6:j + 10]:
            return True  # an addressee or a medium first: "wrote to the university's integrity office that"
        # trailing position: '"...," she asked.' / 'C, he predicted.' (not an object: "who wrote the bill,")
        if i >= 1 and nxt not in ("the", "a", "an", "this", "these", "those") and self._trailing_after(i + 1):
            # or '"Who knows?" Graham asked.': the quote closed the sentence before
            return any(w == "," or w in _CLOSE_QUOTES for w in self.texts[max(0, i - 8):i]) or (
                i <= 4 and bool(self._quote_before_sentence()))
        return False

    def _object_and_predicate(self, j: int) -> bool:
        """An object then what it is called follows token ``j``: "climate change a hoax", "him “a liar”",
        "the charges unsubstantiated" (a predicate noun phrase, a quote, or a judging adjective within six
        words, before any punctuation or preposition)."""
        if j >= self.n or not self.texts[j][0].isalnum():
            return False
        for k in range(j + 1, min(j + 7, self.n)):
            low, text = self.lows[k], self.texts[k]
            if low in ("a", "an") or text in _QUOTE_CHARS or text == "‘":
                return True
            if _JUDGING_ADJECTIVE.fullmatch(low) and self.lows[k - 1] not in _DETERMINERS:
                return True
            if not text[0].isalnum() or low in _PREDICATE_STOPS:
                return False
        return False

    def _relative_subject(self, i: int) -> bool:
        """The verb at ``i`` has a relative pronoun for its subject ("a group that has attacked ...")."""
        k = i - 1
        while k >= 0 and (self.lows[k] in _AUX or self.lows[k] in _NEGATED_AUX
                          or self.lows[k].endswith("ly")):
            k -= 1
        return k >= 0 and self.lows[k] in ("that", "which", "who")

    def _object_follows(self, j: int, bare: bool = True) -> bool:
        """A noun phrase object starts at token ``j`` and runs for at least two words or is a name (or, with
        ``bare``, is a noun without a determiner)."""
        low, text = self.lows[j], self.texts[j]
        if text in _QUOTE_CHARS or low in ("him", "them", "us", "me"):
            return True  # 'attacked "the hateful ideology"', "despised them"
        if low in ("the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those", "him",
                       "them", "us", "me", "other", "some", "all", "both", "each", "every", "several", "many")\
                or text[0].isdigit():
            return j + 1 < self.n and self.texts[j + 1][0].isalnum()
        if text[0].isupper() and text[0].isalpha():
            return True
        # a bare noun phrase: "attacked loopholes that ...", "described crass behavior" (not after a relative
        # pronoun: "a group that has attacked shipping" describes the group)
        return bare and text[0].isalpha() and low not in _NP_BREAK and low not in _NP_INNER \
            and not low.endswith("ly") and low not in self.lex.verb_forms and low not in _PRONOUNS \
            and low not in ("it", "her", "its", "their", "his", "out", "up", "off", "down", "back", "away")

    # -------------------------------------------------------------- rule: no source
    def _no_source_matches(self) -> list[list[tuple[int, int]]]:
        """Each no-source entry's matches in the sentence, as (start, end) in document offsets, in text order.
        Where the document's cue scan already found the scan words, only the patterns of the scan words found
        in the sentence are tried (a scan of every sentence by every pattern cost more than all the other
        rules)."""
        s0, s1 = self.sentence.start, self.sentence.end
        if self.cue_words is None:
            if not self.lex.no_source_scan.search(self.sentence.text):
                return [[] for _ in self.lex.no_source]
            return [[(s0 + m.start(), s0 + m.end()) for m in e.pattern.finditer(self.sentence.text)]
                    for e in self.lex.no_source]
        out: list[list[tuple[int, int]]] = [[] for _ in self.lex.no_source]
        by_word, entries = self.lex.no_source_by_word, self.lex.no_source
        # an ASCII sentence: the patterns without IGNORECASE over the lower-cased text (ASCII letters fold to
        # lower case alone, so the matches are the same)
        low = self.low_text if self.low_text is not None and self.sentence.text.isascii() else None
        for k in {k for _, word in self.cue_words for k in by_word.get(word, ())}:
            # only the entries with a scan word here, each over the sentence once
            entry = entries[k]
            if low is not None and entry.lower is not None:
                out[k] = _matches_from(entry.lower, entry.openings, low, s0, s1) if entry.openings is not None \
                    else [m.span() for m in entry.lower.finditer(low, s0, s1)]
            else:
                out[k] = [m.span() for m in entry.pattern.finditer(self.text, s0, s1)]
        return out

    def _no_source(self) -> list[Attribution]:
        out: list[Attribution] = []
        if self.cue_words is not None and self.lex.no_source_by_word.keys().isdisjoint(
                [word for _, word in self.cue_words]):
            return out  # (most sentences: no scan word, no pattern to try)
        for entry, spans in zip(self.lex.no_source, self._no_source_matches()):
            for cs, ce in spans:
                if any(a.cue.span.start < ce and cs < a.cue.span.end for a in out):
                    continue
                if entry.content_around:
                    content = self._clause_around(cs, ce)
                else:
                    content = self._span_until_end(ce)
                if not content:
                    continue
                cue = Cue(self._span(cs, ce), entry.lemma, "no_source", entry.stance)
                out.append(self._make(cue, None, content, "no_source"))
                break
        return out

    def _clause_around(self, cs: int, ce: int) -> tuple[Span, ...]:
        # "The group reportedly shot down ...": the whole sentence but the cue word is the claim
        s, e = self.sentence.start, self.sentence.end
        return tuple(p for p in (self._trim(s, cs), self._trim(ce, e)) if p is not None)

    # -------------------------------------------------------------- rule: speaker colon
    def _colon(self) -> list[Attribution]:
        """ "WALLACE: Let me ask ...", "Poll: Clinton leads": a short name opening the sentence, then a colon."""
        if ":" not in self.sentence.text:
            return []  # (most sentences: one search in C instead of a loop over the first tokens)
        texts, lows, starts, ends = self.texts, self.lows, self.starts, self.ends
        # a transcript printed as a quotation opens with its mark: '"WALLACE: Let me ask ...'
        first = 1 if self.n > 2 and texts[0] in _QUOTE_CHARS and texts[1].isupper() \
            and len(texts[1]) > 1 else 0
        for k in range(first + 1, min(self.n - 1, first + 7)):
            if texts[k] == ":":
                head = texts[first:k]
                if not all(w[0].isupper() or low in ("of", "the", "and", ".", "'s", "’s")
                           for w, low in zip(head, lows[first:k])) \
                        or any(w in _QUOTE_CHARS for w in head) or lows[0] in _TIME_WORDS \
                        or lows[0] in self.lex.section_labels or lows[0] in _DETERMINERS:
                    return []
                if re.fullmatch(r"\d+", texts[k + 1]):
                    return []  # a time "10:30"
                end = self.sentence.end
                if all(w.isupper() or not w[0].isalpha() for w in head) \
                        and self.text[self.sentence.start - 1:self.sentence.start] in ("", "\n"):
                    # a transcript's turn ("PENCE: Well, look. ...") runs to the end of its paragraph
                    line_end = self.text.find("\n", self.sentence.start)
                    end = len(self.text) if line_end < 0 else line_end
                content = self._trim(starts[k + 1], end)
                if content is None:
                    return []
                source = self._span(starts[first], ends[k - 1])
                cue = Cue(self._span(starts[k], ends[k]), ":", "speech", "neutral")
                return [self._make(cue, source, (content,), "colon")]
            if texts[k] in (",", ".", ";") or texts[k] in _QUOTE_CHARS:
                return []
        return []

    # -------------------------------------------------------------- rule: according to
    def _according_to(self) -> list[Attribution]:
        out: list[Attribution] = []
        if self.according_to_here is False:
            return out  # (most sentences: the document's phrases were found once, in find_attributions)
        low = lower_same_length(self.sentence.text)  # (its offsets are the sentence's)
        if not any(phrase in low for phrase in self.lex.according_to_phrases):
            return out  # (five substring tests instead of a regular-expression scan)
        for m in self.lex.according_to_scan.finditer(low):
            if m.group() in ("citing", "quoting"):
                continue  # relays are made by the rule for the verb they hang on (see _with_relay)
            cs, ce = self.sentence.start + m.start(), self.sentence.start + m.end()
            i = self._tok_at(ce)
            if i is None:
                continue
            src_end = self._np_right(i, appositions=bool(self.sentence.text[: m.start()].strip()))
            if src_end == i:
                continue
            if src_end + 2 < self.n and self.texts[src_end] == "(" and self.texts[src_end + 2] == ")" \
                    and self.texts[src_end + 1].isupper():
                src_end += 3  # "According to the Institute for Sea and Atmosphere (IPMA), C": its acronym
            if not self.sentence.text[: m.start()].strip() and src_end + 3 < self.n and self.texts[src_end] == ",":
                # "According to the company's finance chief, David Reyes, C": a name apposed to the source
                k = src_end + 1
                while k < self.n and self.texts[k][0].isupper() and self.texts[k] not in _QUOTE_CHARS:
                    k += 1
                if k - (src_end + 1) >= 2 and k + 1 < self.n and self.texts[k] == ",":
                    src_end = k
            source = self._span(self.starts[i], self.ends[src_end - 1])
            before = self.sentence.text[: m.start()].strip()
            if before:  # "C, according to X"
                content = self._trim(self.sentence.start, cs)
            else:  # "According to X, C"
                after = src_end
                while after < self.n and self.texts[after] in (",", "\u2014"):
                    after += 1
                content = self._trim(self.starts[after], self.sentence.end) \
                    if after < self.n else None
            if content is None:
                continue
            cue = Cue(self._span(cs, ce), "according to", "according_to", "neutral")
            out.append(self._make(cue, source, (content,), "according_to"))
        return out

    # -------------------------------------------------------------- rule: a document as the frame
    def _document_frame(self) -> list[Attribution]:
        """ "In a poll released Monday, 45 percent said ...", "By one estimate, ...": an opening phrase
        naming a document or a count is the source of the clause after its comma."""
        texts, lows, starts, ends = self.texts, self.lows, self.starts, self.ends
        if self.n < 6 or lows[0] not in ("in", "by", "as"):
            return []
        comma = next((k for k in range(2, min(self.n, 14)) if texts[k] == ","), None)
        if comma is None or comma + 2 >= self.n:
            return []
        words = set(lows[1:comma])
        if lows[0] == "as" and lows[1].endswith("ed") and lows[1] in self.lex.verb_forms \
                and lows[2] in ("in", "by") and comma > 3:
            # "As stated in the commentary, C" / "As reported by the agency, C"
            content = self._trim(starts[comma + 1], self.sentence.end)
            if content is None:
                return []
            entry = self.lex.verb_forms[lows[1]]
            cue = Cue(self._span(starts[1], ends[1]), entry.lemma, entry.kind, entry.stance)
            return [self._make(cue, self._span(starts[3], ends[comma - 1]), (content,), "document")]
        if lows[0] == "as":
            return []
        if lows[0] == "in" and (not (words & _DOCUMENT_WORDS and lows[1] in _DETERMINERS | {"its"})
                                    or lows[2] in ("wake", "aftermath", "face", "light", "midst")):
            return []  # ("In the wake of the Times report, ..." dates the clause, it does not source it)
        if lows[0] == "by" and not words & {"estimate", "estimates", "count", "account", "accounts", "measure",
                                                  "tally", "calculation", "calculations"}:
            return []
        content = self._trim(starts[comma + 1], self.sentence.end)
        if content is None:
            return []
        cue = Cue(self._span(starts[0], ends[0]), lows[0], "document", "neutral")
        return [self._make(cue, self._span(starts[1], ends[comma - 1]), (content,), "document")]

    # -------------------------------------------------------------- rule: a quote signed with a dash
    def _signed_quote(self) -> list[Attribution]:
        """ '"We can do better." ― Ana Ruiz': a quotation signed, after a dash, with a name (pull quotes,
        collected reader comments, embedded posts)."""
        texts, lows, starts, ends = self.texts, self.lows, self.starts, self.ends
        if "\u2015" not in self.sentence.text and "\u2014" not in self.sentence.text:
            return []
        for d, text in enumerate(texts):
            if text not in ("\u2015", "\u2014"):
                continue
            before = self.text[max(0, starts[d] - 2):starts[d]].rstrip()
            if not before or before[-1] not in "\u201d\"\u2019":
                continue
            end = d + 1
            while end < self.n and end - d <= 5 and (texts[end][0].isupper() or texts[end] in (
                    ".", "-", "'") or lows[end] in ("de", "van", "von", "al")):
                end += 1
            if not any(w[0].isupper() for w in texts[d + 1:end]) or (
                    end < self.n and texts[end] not in (".", "(", ",")):
                continue
            q = self._quote_ending_before(starts[d])
            if q is None:
                continue
            while end > d + 1 and texts[end - 1] == ".":
                end -= 1
            source = self._span(starts[d + 1], ends[end - 1])
            cue = Cue(self._span(starts[d], ends[d]), "sign", "speech", "neutral")
            # (the quote stands in an earlier sentence, outside self.quotes: its kind is given)
            return [self._make(cue, source, (self._span(q.start, q.end),), "signed", quotes=(q,))]
        return []

    # -------------------------------------------------------------- verbs
    def _from_verb(self, i: int, entry, made_so_far: list[Attribution]) -> list[Attribution]:
        cue_start_i = i
        # (a capital inside the sentence is a name's, not an auxiliary's: "Theresa May said", "Rep. Will Hurd")
        while cue_start_i > 0 and not (cue_start_i > 1 and self.texts[cue_start_i - 1][0].isupper()) and (
                self.lows[cue_start_i - 1] in _AUX or self.lows[cue_start_i - 1] in _NEGATED_AUX
                or self.lows[cue_start_i - 1].endswith("ly")):
            cue_start_i -= 1
        if cue_start_i >= 2 and self.lows[cue_start_i - 1] == "to" and self.lows[cue_start_i - 2] in _RAISING:
            cue_start_i -= 2  # "seemed to think", "appeared to confirm"
            while cue_start_i > 0 and self.lows[cue_start_i - 1] in _AUX:
                cue_start_i -= 1
        elif cue_start_i >= 3 and self.lows[cue_start_i - 2:cue_start_i] == ["on", "to"] \
                and self.lows[cue_start_i - 3] in ("went", "go", "goes", "going", "gone"):
            cue_start_i -= 3  # "went on to say"
        cue_end_i = i + 1
        if entry.lemma in _PARTICLE_AFTER and cue_end_i < self.n \
                and self.lows[cue_end_i] in _PARTICLE_AFTER[entry.lemma]:
            cue_end_i += 1
        if self.lows[i] == "quoted" and cue_end_i + 1 < self.n and self.lows[cue_end_i] == "as":
            cue_end_i += 2  # "was quoted as saying"
        # auxiliaries belong to the cue only when a source stands before them
        while cue_start_i < i and self.lows[cue_start_i] in ("'s", "’s") and cue_start_i == 0:
            cue_start_i += 1
        cue = Cue(
            self._span(self.starts[cue_start_i], self.ends[cue_end_i - 1]),
            entry.lemma, entry.kind, entry.stance,
        )
        low = self.lows[i]
        if low.endswith("ing") and cue_start_i == 0 and i == 0 and entry.kind == "speech" \
                and "," in self.texts[1:]:
            # "Claiming the criticism was unfair, Trump said ...": the main clause's subject speaks
            content = self._content_after(cue_end_i, entry.lemma, stop_at_comma=True)
            comma = next(k for k in range(1, self.n) if self.texts[k] == ",")
            first = comma + 1
            if not content or first >= self.n or not (self.texts[first][0].isupper() or self.lows[first] in _DETERMINERS
                                                      or self.lows[first] in _PRONOUNS):
                return []
            end = self._np_right(comma + 1, appositions=False)
            if end == comma + 1 or end >= self.n or not (self.lows[end] in self.lex.verb_forms
                                                         or self.lows[end] in _FINITE_AUX):
                return []
            source: Span | None = self._span(self.starts[first], self.ends[end - 1])
            return [self._make(cue, source, content, "participle")]
        # ", even suggesting C" and ", going on to say C" hang on the clause like ", suggesting C"
        participle = (low.endswith("ing") and cue_start_i == i) or self.lows[cue_start_i] == "going"
        k = cue_start_i - 1
        if k > 0 and self.lows[k] == "even":
            k -= 1
        before_participle = self.lows[k] if k >= 0 else ""
        if participle and cue_start_i > 0 and (
                before_participle in (",", "by", "after", "before", "while", "when", "without", "in", "and", "also")
                or (low in _PARTICIPLE_CUES and before_participle not in _PRONOUNS)):
            # "..., adding that C" / "responded by saying C": the source is the clause's
            return self._participle(cue, cue_start_i, cue_end_i, made_so_far)
        if participle and cue_start_i > 0 and self.texts[cue_start_i - 1][0].isalnum() \
                and self.lows[cue_start_i - 1] not in _PRONOUNS and not self.texts[cue_start_i - 1][0].isupper() \
                and i + 2 < self.n and self.texts[i + 1].isalpha() and self.texts[i + 1].islower() \
                and self.texts[i + 2] in (",", ".", ")", ";"):
            return []  # "a provider of supply-chain forecasting software": an -ing form after a noun describes it
        if self._passive_by(cue_start_i, cue_end_i):
            return self._passive(cue, cue_start_i, cue_end_i)
        # inverted: '"C," said X' / 'C, clarified CENTCOM'
        before = self.texts[cue_start_i - 1] if cue_start_i else ""
        if before == "," and self._apposition_subject(cue_start_i):
            before = ""  # "X, an armed group, claimed ...": X is the subject, nothing is inverted
        if before in (",", "\u2014", "-") or before in _CLOSE_QUOTES:
            src_end = self._np_right(cue_end_i)
            first = cue_end_i
            # "said Tuesday" is a time; "told The Post" names the addressee
            named = first < self.n and self.lows[first] not in _TIME_WORDS and entry.lemma not in _TELL_VERBS
            after_quote = before in _CLOSE_QUOTES or (
                before == "," and cue_start_i >= 2 and self.texts[cue_start_i - 2] in _CLOSE_QUOTES)
            if src_end > cue_end_i and named and (
                    self.texts[first][0].isupper() or self.texts[first][0].isdigit() or self.lows[first] in (
                        "the", "a", "an", "he", "she", "they", "it", "we",
                                                             "i", "one", "two", "three", "several", "some")
            ) and (self._trailing_after(src_end) or (after_quote and self._description_after(src_end))):
                source = self._span(self.starts[cue_end_i], self.ends[src_end - 1])
                content = self._content_before(cue_start_i - 1)
                if content:
                    return self._with_relay(self._make(cue, source, content, "inverted"), src_end)
        # source before the cue ("Acme Corp, a maker of garden tools, today announced": the time is neither)
        subject_end = cue_start_i
        while subject_end > 1 and self.lows[subject_end - 1] in ("today", "yesterday", "tonight"):
            subject_end -= 1
        src = self._np_left(subject_end)
        if src is None and cue_start_i > 0 and self.lows[cue_start_i - 1] in ("and", "but"):
            earlier = [a for a in made_so_far if a.source is not None and a.cue.span.end <= cue.span.start
                       and a.source.text.lower() not in ("who", "which", "that")]
            subject = earlier[-1].source if earlier else self._np_left_sentence_subject()
            content = self._content_after(cue_end_i, entry.lemma)
            if subject is not None and content:
                return self._with_relay(self._make(cue, subject, content, "coordinated"), cue_end_i)
        if src is None:
            return []
        src_start_i, subordinate = src
        relayed = None
        if subject_end >= 2 and self.texts[subject_end - 1] == ",":
            # "The Punch newspaper, citing officials at the ministry, reported ...": the source is the paper, the
            # officials are relayed through it
            c = next((k for k in range(src_start_i + 1, subject_end - 2) if self.texts[k] == ","
                      and self.lows[k + 1] in ("citing", "quoting")), None)
            if c is not None:
                relayed = (self.starts[c + 2], self.ends[subject_end - 2], self.starts[c + 1], self.ends[c + 1])
                subject = self._span(self.starts[src_start_i], self.ends[c - 1])
            else:
                subject = self._span(self.starts[src_start_i], self.ends[subject_end - 1])
        else:
            subject = self._span(self.starts[src_start_i], self.ends[subject_end - 1])
        source = self._strip_source(subject)
        if source is None:
            return []
        if src_start_i >= 2 and self.lows[src_start_i - 1] == "as" and self._trailing_after(cue_end_i):
            content = self._content_before(src_start_i - 1)  # "..., as police have said."
            if content:
                return [self._make(cue, source, content, "trailing")]
        before_src = self.texts[src_start_i - 1] if src_start_i else ""
        after_cue = cue_end_i
        if entry.lemma in _TELL_VERBS and self._np_right(cue_end_i) > cue_end_i:
            after_cue = self._np_right(cue_end_i)  # '"...," Mr. Clarke told some of the miners.'
        # a spaced hyphen before the source ends the content only when none follows the cue ("The plan is dead -
        # the minister said."); after a time or a dateline ("17:40 - The agency reported, citing ...") it opens
        # the sentence
        lead = before_src == "-" and (self._content_after_cue(cue_end_i) or not any(
            c.islower() for c in self.text[self.sentence.start:self.starts[src_start_i - 1]]))
        if (before_src in (",", "\u2014", "-") or before_src in _CLOSE_QUOTES) and not lead \
                and (self._trailing_after(cue_end_i) or self._trailing_after(after_cue)) \
                and not self._intro_phrase(src_start_i - 1, short=self._content_after_cue(cue_end_i)) \
                and source.text.lower() not in ("who", "which"):
            content = self._content_before(src_start_i - 1)
            if content:
                return self._with_relay(self._make(cue, source, content, "trailing"), cue_end_i)
        if src_start_i == 0 and self._trailing_after(cue_end_i) and not self._content_after_cue(cue_end_i):
            # '"How many times must we see this?" Clinton said.': the quote before the sentence is the content
            quote = self._quote_before_sentence()
            if quote:
                return [self._make(cue, source, quote, "trailing")]
        content = self._content_after(cue_end_i, entry.lemma, stop_at_comma=subordinate)
        if not content:
            return []
        if before_src == "," and cue_end_i < self.n and self.texts[cue_end_i] == "," \
                and not subordinate and entry.kind in ("speech", "cognition"):
            # "The latest test, North Korea said, was the most powerful": the words before the parenthetical
            # cue are the first fragment of what was said
            fragment = self._content_before(src_start_i - 1)
            if fragment and fragment[0].end <= content[0].start and not any(
                    w in _QUOTE_CHARS for w in self.texts[:src_start_i]) \
                    and not self._intro_phrase(src_start_i - 1, short=False):
                content = fragment + content
        outer = self._make(cue, source, content, "forward")
        if relayed is not None:
            relay_cue = Cue(self._span(relayed[2], relayed[3]), "cite", "relay", "neutral")
            return [outer, Attribution(id="", cue=relay_cue, source=self._span(relayed[0], relayed[1]),
                                       content=outer.content, quote=outer.quote, sentence_ids=outer.sentence_ids,
                                       via=f"@{outer.cue.span.start}", rule="relay")]
        return self._with_relay(outer, cue_end_i)

    def _passive_by(self, cs: int, ce: int) -> bool:
        """ "was first reported by X", "the figure reported by X": a passive cue with its agent."""
        if ce + 1 >= self.n or self.lows[ce] != "by":
            return False
        agent, agent_low = self.texts[ce + 1], self.lows[ce + 1]
        if not (agent[0].isupper() or agent_low in _DETERMINERS or agent_low in _AGENT_OPENERS
                or agent[0].isdigit()):
            return False  # "said by telephone": a means, not an agent
        return self.lows[ce - 1].endswith("ed") or self.lows[ce - 1] in ("told", "said", "written", "shown")

    def _passive(self, cue: Cue, cs: int, ce: int) -> list[Attribution]:
        end = self._np_right(ce + 1)
        if end == ce + 1 or cs == 0:
            return []
        source = self._span(self.starts[ce + 1], self.ends[end - 1])
        if {"was", "were", "is", "are", "been", "be", "being"}.isdisjoint(self.lows[cs:ce]):
            # a reduced relative: what was reported is the noun phrase just before
            found = self._np_left_plain(cs)
            if found is None:
                return []
            content = self._trim(self.starts[found[0]], self.ends[cs - 1])
            return [self._make(cue, source, (content,), "passive")] if content else []
        start = 0
        for k in range(cs - 1, -1, -1):
            if self.texts[k] in (",", ";", "\u2014") or self.lows[k] in _SUBORDINATORS:
                start = k + 1
                break
        content = self._trim(self.starts[start], self.ends[cs - 1])
        if content is None or content.text.lower() in ("which", "that", "who"):
            return []  # ("the report, which was first published by the FT": what it reported is not in the clause)
        return [self._make(cue, source, (content,), "passive")]

    def _participle(self, cue: Cue, cs: int, ce: int, made: list[Attribution]) -> list[Attribution]:
        content = self._content_after(ce, cue.lemma)
        if not content:
            return []
        # the source of the attribution this clause hangs on, else the subject of the sentence
        earlier = [a for a in made if a.source is not None and a.cue.span.end <= self.starts[cs]
                   and a.source.text.lower() not in ("who", "which", "that")]
        source = earlier[-1].source if earlier else self._np_left_sentence_subject()
        if source is None:
            return []
        return [self._make(cue, source, content, "participle")]

    def _with_relay(self, outer: Attribution, after_i: int) -> list[Attribution]:
        j = after_i
        while j < self.n and (self.texts[j] == "," or self.lows[j] in _ADVERBIAL_START
                                      or self.lows[j] in ("monday", "tuesday", "wednesday", "thursday",
                                                              "friday", "saturday", "sunday")):
            if self.lows[j] in ("citing", "quoting"):
                break
            j += 1
            if j - after_i > 4:
                return [outer]
        if j < self.n and self.lows[j] in ("citing", "quoting"):
            end = self._np_right(j + 1)
            if end > j + 1:
                source = self._span(self.starts[j + 1], self.ends[end - 1])
                cue = Cue(self._span(self.starts[j], self.ends[j]), "cite", "relay", "neutral")
                inner = Attribution(id="", cue=cue, source=source, content=outer.content, quote=outer.quote,
                                    sentence_ids=outer.sentence_ids, via=f"@{outer.cue.span.start}",
                                    rule="relay")
                return [outer, inner]
        return [outer]

    def _nominal(self, i: int) -> list[Attribution]:
        nxt = self.lows[i + 1] if i + 1 < self.n else ""
        if nxt != "that":
            return []
        if i >= 2 and self.lows[i - 2] in ("in", "at") and self.lows[i - 1] in ("a", "an", "his", "her",
                                                                                      "its", "their"):
            return []  # "said in a statement that ...": the verb is the cue
        prev = self.lows[i - 1] if i else None
        source = None
        if prev is not None and prev.endswith(("'s", "’s")) and len(prev) > 2 \
                and prev[:-2] not in _CONTRACTED:
            k = i - 1
            while k > 0 and self.texts[k - 1][0].isupper():
                k -= 1
            source = self._span(self.starts[k], self.ends[i - 1] - 2)
        elif prev is not None and prev in ("'s", "’s") and i >= 2:
            j = i - 1
            k = j
            while k > 0 and (self.texts[k - 1][0].isupper()):
                k -= 1
            if k < j:
                source = self._span(self.starts[k], self.ends[j - 1])
        elif prev is not None and prev in ("his", "her", "their", "its"):
            source = self._span(self.starts[i - 1], self.ends[i - 1])
        elif prev is None or prev not in _DETERMINERS:
            return []
        content = self._content_after(i + 1, "")
        if not content:
            return []
        low = self.lows[i]
        cue = Cue(self._span(self.starts[i], self.ends[i]), low.rstrip("s") if low.endswith("s") else low,
                  "nominal", self.lex.nominal[low])
        return [self._make(cue, source, content, "nominal")]

    def _apposition_subject(self, cue_i: int) -> bool:
        """True for "NAME, APPOSITION, cue" opening its clause, with no quote before the cue."""
        if not _QUOTE_CHARS.isdisjoint(self.texts[:cue_i]):
            return False
        found = self._np_left(cue_i)
        if found is None:
            return False
        start, _ = found
        return start == 0 or self.texts[start - 1] == "," or self.lows[start - 1] in _SUBORDINATORS \
            or self.lows[start - 1] in ("that", "say", "says", "said")  # ("Prosecutors say the colleague, ...,")

    # -------------------------------------------------------------- noun phrases
    def _np_left(self, cue_i: int) -> tuple[int, bool] | None:
        """Start index of the source noun phrase ending right before the cue, and whether it sits in a
        subordinate clause ("after CENTCOM confirmed the crash, ...")."""
        j = cue_i - 1
        if j < 0:
            return None
        # apposition: NAME, a spokeswoman for X, said
        if self.texts[j] == ",":
            k = j - 1
            while k >= 0 and self.texts[k] != "," and j - k <= 30:
                k -= 1
            if k > 0 and self.texts[k] == ",":
                appos_first = self.lows[k + 1]
                if k >= 3 and self.texts[k - 1].isdigit() and self.texts[k - 2] == ",":
                    k -= 2  # an age before the apposition: "Dennis Yoder, 68, who has diabetes, said"
                if appos_first in _DETERMINERS or appos_first in _QUANTIFIERS or appos_first in (
                                                                  "one", "who", "which", "whose", "including", "such",
                                                                  "citing", "quoting",
                                                                  "like", "both", "along", "now", "then",
                                                                  "formerly", "herself", "himself") or \
                        appos_first.isdigit() or \
                        appos_first.endswith("ing") or \
                        self.texts[k + 1][0].isupper() or self._role_apposition(k, j) or \
                        self._name_after_role(k, j):
                    head = self._np_left_plain(k)
                    if head is not None:
                        return head
            return None
        if self.texts[j] in ("--", "\u2014", "\u2013"):
            k = j - 1
            while k > 0 and self.texts[k] not in ("--", "\u2014", "\u2013") and j - k <= 30:
                k -= 1
            if k > 0 and self.texts[k] in ("--", "\u2014", "\u2013"):
                return self._np_left_plain(k)
            return None
        return self._np_left_plain(cue_i)

    def _role_apposition(self, k: int, j: int) -> bool:
        """ "Tom Avery, director of the port, said": a name, then a role with no determiner and no verb."""
        if k < 1 or not (self.texts[k - 1][0].isupper() or self.texts[k - 1] == ")") \
                or not 1 <= j - k - 1 <= 16:
            return False
        # "and" only between two roles: "director of the center and a professor at the school"
        return not any(low in ("is", "are", "was", "were", "has", "have", "had", "will", "would", "but")
                       or (low == "and" and self.lows[m + 1] not in ("a", "an", "the"))
                       or (low in self.lex.verb_forms and not self._noun_modifier(m))
                       for m, low in enumerate(self.lows[k + 1:j], k + 1))

    def _name_after_role(self, k: int, j: int) -> bool:
        """ "Its organiser, retired engineer Margaret Doyle, said": role words in lower case (no verb among
        them), then a name of two or more capitalised words closing the apposition between commas k and j."""
        words = self.texts[k + 1:j]
        names = 0
        while names < len(words) and words[-1 - names][0].isupper():
            names += 1
        roles = words[:len(words) - names]
        return names >= 2 and 1 <= len(roles) <= 3 and all(
            w.isalpha() and w.islower() and w not in _NP_BREAK and w not in _DETERMINERS
            and (w not in self.lex.verb_forms or self._noun_modifier(k + 1 + m)) for m, w in enumerate(roles))

    def _np_left_plain(self, end_i: int) -> tuple[int, bool] | None:
        j = end_i - 1
        start = end_i
        while j >= 0 and end_i - j <= 12:
            low, text = self.lows[j], self.texts[j]
            if text == ")" and j > 1:
                k = j - 1
                while k > 0 and self.texts[k] != "(" and j - k <= 6:
                    k -= 1
                if self.texts[k] == "(" and k > 0 and self.texts[k - 1][0].isupper():
                    start = k
                    j = k - 1
                    continue
            if low == "that" and j == end_i - 1:
                return (j, False) if self._relative_that(j) else None
            if low == "whom" and j == end_i - 1 and j >= 2 and self.lows[j - 1] == "of" \
                    and self.lows[j - 2] in _BARE_VERB_SUBJECTS | _QUANTIFIERS:
                return (j - 2, False)  # "families of victims, many of whom say ..."
            if (low in _PRONOUNS or (low == "which" and j > 0 and self.texts[j - 1] == ",")) \
                    and j == end_i - 1:
                start = j  # a pronoun, or "which" after a comma ("China and the US, which vowed ...")
                j -= 1
                break
            if j < end_i - 1 and low in self.lex.verb_forms and not text[0].isupper() \
                    and not self._noun_modifier(j):
                break
            if low in _NP_BREAK and not (low == "and" and start < end_i and j > 0
                                          and self.lows[j - 1] not in _NP_BREAK) and not (
                    low == "to" and j > 0 and self.lows[j - 1] in ("close", "closest", "near", "loyal")) and not (
                    text[0].isupper() and low.isalpha() and j > 0 and self.texts[j - 1][0].isupper()
                    and not self.heading):
                break  # ("people close to him" stays one noun phrase; "Theresa May", "Rep. Will Hurd" are names)
            if text in _QUOTE_CHARS:
                break
            start = j
            if low in ("the", "a", "an") and j > 1 and self.lows[j - 2] in _DETERMINERS \
                    and self.texts[j - 1].isalpha() and self.texts[j - 1].islower() \
                    and self.lows[j - 1] not in _DETERMINERS and self.lows[j - 1] not in _PREPOSITIONS:
                j -= 1
                break  # "a figure | the agency expects": a determiner and its noun before end another noun phrase
            if low in ("the", "a", "an") and j > 0 and self.texts[j - 1][0].isupper() and not self.heading:
                j -= 1
                break  # "told Reuters | the police had said": a name does not run on into a determiner
            j -= 1
        if start == end_i:
            return None
        # trim leading inner words ("of", "and") and sentence adverbs ("Later the moderator said")
        untrimmed = start
        while start < end_i and (self.lows[start] in _NP_INNER or (
                start < end_i - 1 and self.lows[start] in _SENTENCE_ADVERBS)):
            start += 1
        if start == end_i:
            return None
        if start > untrimmed > 0 and self.lows[untrimmed - 1] in self.lex.verb_forms \
                and self.lows[untrimmed] not in ("and", "&"):
            return None  # "said in a statement posted ...": the object of a preposition after a verb, no subject
        if not any(w[0].isalnum() for w in self.texts[start:end_i]):
            return None
        # a source is a noun phrase: reject runs that end in an adverb or adjective-only material
        last = self.lows[end_i - 1]
        if last.endswith("ly") and last not in ("italy", "ally", "family", "assembly", "daily", "supply"):
            return None
        if last.endswith("ed") and end_i - 1 > start and self.texts[end_i - 1].islower() \
                and self.lows[end_i - 2] not in _DETERMINERS and self.lows[end_i - 2] not in _PRONOUNS:
            return None  # "the government ignored | repeated warnings": a verb, the cue word an adjective ("the
            # experts I interviewed said" is a subject)
        if start > 0 and self.lows[start - 1] in self.lex.verb_forms and \
                not self.texts[start][0].isupper() and self.lows[start] not in _DETERMINERS \
                and not self._noun_modifier(start - 1):
            return None  # the object of another verb ("claimed responsibility ... posted"), not a subject
        subordinate = j >= 0 and self.lows[j] in _SUBORDINATORS
        return start, subordinate

    def _relative_that(self, j: int) -> bool:
        """ "a super PAC that intends to ...": "that" after a noun opens a relative clause (after a verb, or
        a noun that takes a clause, it is a complementiser)."""
        prev = self.lows[j - 1] if j > 0 else None
        return prev is not None and self.texts[j - 1][0].isalpha() and prev not in self.lex.verb_forms \
            and prev not in _NP_BREAK and prev not in self.lex.nominal and prev not in (
                "so", "such", "now", "given", "fact", "idea", "view", "hope", "sense", "news", "evidence")

    def _noun_modifier(self, k: int) -> bool:
        """A verb's bare form used as a noun before another noun: "state officials", "the report authors"."""
        entry = self.lex.verb_forms.get(self.lows[k])
        if entry is None:
            return False
        prev = self.lows[k - 1] if k else ""
        if self.lows[k] == entry.lemma + "s" and (prev in _DETERMINERS or prev in ("federal", "state", "local",
                                                                                 "national")) \
                and k + 1 < self.n and self.texts[k + 1][0].isalpha() \
                and self.lows[k + 1] not in self.lex.verb_forms:
            return True  # a plural before its noun: "the appeals court"
        if self.lows[k] != entry.lemma:
            return False
        return k == 0 or prev in _DETERMINERS or prev in _QUANTIFIERS or prev in (
            ",", "and", "or", "of", "for", "from", "with", "federal", "local", "national") or prev[:1].isdigit() \
            or (self.texts[k - 1][0].isupper()  # "the New York state attorney general"
                and not (k == 1 and prev.endswith("s")))  # ("Prosecutors say": a plural subject and its verb)

    def _np_left_sentence_subject(self, clause_end: int | None = None) -> Span | None:
        """The subject of the sentence's main clause, for cues that have none of their own ("X spoke to
        the crowd, promising C"): after an introductory phrase closed by a comma, a pronoun, a run of
        capitalised words, or a determiner with up to four words. A comma at ``clause_end`` closes the main
        clause, not an introductory phrase."""
        texts, lows = self.texts, self.lows
        if not texts or texts[0] in _QUOTE_CHARS:
            return None
        k = 0
        for c in range(min(self.n, 14, self.n if clause_end is None else clause_end)):
            if texts[c] == ",":
                if not any(self.lex.verb_forms.get(low) or low in ("is", "are", "was", "were", "has", "have",
                                                                   "had") for low in lows[:c]):
                    k = c + 1
                break
        while k < self.n and (texts[k] == "," or lows[k] in ("however", "meanwhile", "but", "and",
                                                                         "yet", "still", "also", "then")):
            k += 1
        if k >= self.n:
            return None
        first = lows[k]
        if first.replace("’", "'") in ("it's", "that's", "there's", "here's", "what's"):
            return None  # "It's worth noting that ...": the writer's own aside, no one's statement
        if first in _PRONOUNS and first not in ("who",):
            return self._span(self.starts[k], self.ends[k])
        end = k
        if first in _DETERMINERS:
            end = k + 1
            while end < self.n and end - k <= 6 and lows[end] not in _NP_BREAK and \
                    self.lex.verb_forms.get(lows[end]) is None and not (
                        # a word with an object after it is the verb: "A group of doctors in 2015 sent a letter"
                        end + 1 < self.n and lows[end] not in _NP_INNER and texts[end][0].islower()
                        and lows[end + 1] in _DETERMINERS):
                end += 1
        elif texts[k][0].isupper():
            while end < self.n and (texts[end][0].isupper() or (
                    lows[end] in ("of", "the", "and", "'s", "’s", "-", ".") and end + 1 < self.n
                    and texts[end + 1][0].isupper())):
                end += 1
            # a possessive name and its head noun: "Kovac's office issued a statement saying ..."
            if end < self.n and lows[end - 1].endswith(("'s", "’s")) and lows[end - 1][:-2] not in _CONTRACTED \
                    and lows[end].isalpha() \
                    and texts[end][0].islower() and lows[end] not in _NP_BREAK and lows[end] not in self.lex.verb_forms:
                end += 1
        if end == k:
            return None
        return self._span(self.starts[k], self.ends[end - 1])

    def _np_right(self, i: int, appositions: bool = True) -> int:
        """End index (exclusive) of the noun phrase starting at token i."""
        j = i
        while j < self.n and j - i < 14:
            low, text = self.lows[j], self.texts[j]
            if j > i and low in _DETERMINERS and self.lows[j - 1] not in _NP_INNER and not (
                    j - 2 >= i and self.lows[j - 1] == "to" and self.lows[j - 2] in ("close", "closest", "near", "loyal")):
                break  # a new noun phrase starts: "told reporters | the water was safe"
            if text == "," and j + 1 < self.n and not appositions:
                break
            if text == "," and j + 1 < self.n:
                # apposition after a name: "Jane Doe, a spokeswoman for the agency,"
                nxt = self.lows[j + 1]
                role = (j > i and self.texts[j - 1][0].isupper() and nxt[0].isalpha()
                        and nxt not in _NP_BREAK and nxt not in self.lex.verb_forms and self._role_until_end(j + 1))
                if (nxt in ("a", "an", "the", "who") and j > i) or role:
                    k = j + 1
                    while k < self.n and self.texts[k] not in (",", ".", "!", "?", "\u2014") \
                            and self.texts[k] not in _QUOTE_CHARS:
                        k += 1
                    if nxt != "who" and any(self.lows[m] in self.lex.verb_forms and self.texts[m].islower()
                                            and not self._noun_modifier(m) for m in range(j + 2, k - 1)):
                        break  # ", a figure the agency expects to double": a comment on the content, no role
                    return k
                break
            if low in _NP_BREAK and low not in ("and",) and not (
                    text == "." and j > i and self.lows[j - 1].rstrip(".") in self.lex.abbreviations) and not (
                    low == "to" and j > i and self.lows[j - 1] in ("close", "closest", "near", "loyal")):
                break  # ("a person close to the campaign" stays one noun phrase)
            if j > i and low in ("briefed", "involved", "knowledgeable") and j + 1 < self.n \
                    and self.lows[j + 1] in ("on", "in", "about", "with"):
                j += 2  # "two people briefed on the matter", "officials involved in the talks"
                continue
            if text in _QUOTE_CHARS:
                break
            if j > i and low in ("in", "on", "at") and j + 1 < self.n and (
                    self.lows[j + 1] in ("a", "an", "statement", "monday", "tuesday", "wednesday", "thursday",
                                             "friday", "saturday", "sunday", "an", "his", "her", "its", "their")):
                break
            if j > i and low in ("who", "that") and _QUOTE_CHARS.isdisjoint(self.texts[j:j + 12]):
                # a short relative clause belongs to the source: "two officials who spoke on condition of
                # anonymity" (up to the next comma)
                k = j + 1
                while k < self.n and self.texts[k] not in (",", ".", ";", "\u2014") and k - j <= 12:
                    k += 1
                if k < self.n and self.texts[k] in (",", ".", ";", "\u2014") and k - j <= 12:
                    return k
                break
            if j > i and low in ("citing", "quoting", "adding", "saying", "without", "noting", "which",
                                 "he", "she", "they", "we", "i", "it"):
                break  # (a subject pronoun opens the content: "told the court he was innocent")
            if j > i and (low in ("on", "late", "last", "earlier", "yesterday", "today", "tonight") or
                          low in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")):
                break
            j += 1
        while j > i and self.lows[j - 1] in _NP_INNER:
            j -= 1
        return j

    def _role_until_end(self, k: int) -> bool:
        """True when tokens from k to the end of the sentence (or the next comma) read as a role
        ("head of the centrist Tax Policy Center."): short, and no verb or quote in them."""
        n = 0
        while k < self.n and self.texts[k] not in (",", ".", "!", "?", ";", "\u2014"):
            if self.texts[k] in _QUOTE_CHARS or self.lows[k] in (
                    "is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says", "that") or n > 12:
                return False
            n += 1
            k += 1
        return n > 0

    def _intro_phrase(self, comma_i: int, short: bool = True) -> bool:
        """True when the words before the comma at comma_i only set the scene ("In July, X called for ...",
        "Bemoaning the system, X accused ..."): no quote, and a preposition, subordinator or participle
        first, or (with ``short``) three words at most."""
        part, lows = self.texts[:comma_i], self.lows[:comma_i]
        if not part or not _QUOTE_CHARS.isdisjoint(part) or "," in part or self.texts[comma_i] != ",":
            return False  # "In addition, C, a spokesman said": a second comma means C came between
        first = lows[0]
        if first == "at" and len(part) > 1 and lows[1] in ("least", "most"):
            return False  # "At least 12 people died, the agency said": a figure, not a scene
        if first.endswith("ing") and len(part) > 3 and not _FINITE_AUX.isdisjoint(lows[1:]):
            return False  # "Shifting monsoons could affect a billion people, Mr. Obama said": a clause
        return (short and len(part) <= 3) or first in _INTRO_OPENERS or first in _SUBORDINATORS or (
            first.endswith("ing") and first not in ("something", "nothing", "everything", "anything"))

    def _description_after(self, j: int) -> bool:
        """'"C," said Dana Holt, an economist who served as ... and is now ...': after a quote and its inverted
        cue and source, a comma or bracket goes on describing the source; no quote or "that" follows."""
        if j >= self.n or self.texts[j] not in (",", "("):
            return False
        return _QUOTE_CHARS.isdisjoint(self.texts[j:]) and "that" not in self.lows[j:]

    def _trailing_after(self, j: int) -> bool:
        """True when what follows token j is only the end of an attribution clause (time, place, "in a
        statement", ", citing ...", ", adding ..."), i.e. the content is not after the cue."""
        n, texts, lows = self.n, self.texts, self.lows
        if j >= n:
            return True
        first, first_low = texts[j], lows[j]
        if first in (".", "!", "?", ";") or first in _CLOSE_QUOTES or first_low in ("citing", "quoting"):
            return True
        if first == ",":
            nxt = lows[j + 1] if j + 1 < n else ""
            if nxt.endswith("ing") and nxt not in ("something", "nothing", "anything", "everything", "king", "thing"):
                return True  # '..., said X, summing up the talks'
            return nxt in ("citing", "quoting", "adding", "saying", "noting", "according", "without", "but",
                           "now", "formerly", "himself", "herself",
                           "and", "referring", "in", "who", "which", "while", "explaining", "stressing",
                           "insisting", "warning", "arguing", "as", "after", "before", "when", "though",
                           "although", "despite", "calling", "describing", "pointing") or \
                (j + 1 < n and texts[j + 1] in _QUOTE_CHARS)
        if first_low in ("that", ":") or first in _QUOTE_CHARS:
            return False
        # "said on Monday." / "told reporters." / "said in a statement."
        k = j
        window = 20 if first_low in _ADVERBIAL_START or first_low in _SUBORDINATORS else 9
        while k < n and texts[k] not in (".", ",", "!", "?", ";") and k - j < window:
            if lows[k] in ("that",) or texts[k] in _QUOTE_CHARS or (
                    k > j and self.lex.verb_forms.get(lows[k]) is None and lows[k] in (
                        "is", "are", "was", "were", "will", "would", "had", "has", "have", "could", "can")):
                return False
            k += 1
        if k < n and texts[k] in (".", "!", "?", ";", ","):
            return first_low in _ADVERBIAL_START or first_low in _SUBORDINATORS or first_low in (
                "reporters", "journalists", "the", "a", "an", "him", "her", "them", "us", "me") or \
                first[0].isupper() or first_low.endswith("ly")
        return False

    # -------------------------------------------------------------- content
    def _content_before(self, comma_i: int) -> tuple[Span, ...]:
        """Content ending at token comma_i (a comma, dash or closing quote before the attribution clause)."""
        if comma_i < 0:
            return ()
        end_text = self.texts[comma_i]
        end = self.ends[comma_i] if end_text in _CLOSE_QUOTES else self.starts[comma_i]
        if end_text == "," and comma_i > 0 and self.texts[comma_i - 1] in _CLOSE_QUOTES:
            end = self.ends[comma_i]  # '"...",' keep the comma inside the quote span
        start = self.sentence.start
        # a dash or colon before the content starts it: 'It is not clear — "C," said X'
        for k in range(comma_i - 1, -1, -1):
            if self.texts[k] in ("\u2014", "--", ";", ":"):
                start = self.ends[k]
                break
        # a quote that closes here may have opened in an earlier sentence
        for q in self.quotes:
            if q.start < end <= q.end + 1 and q.end <= self.sentence.end:
                end = max(end, q.end)
                if q.start < self.sentence.start:
                    return (self._span(q.start, end),)
                break
        span = self._trim(start, end)
        return (span,) if span else ()

    def _content_after(self, j: int, lemma: str, stop_at_comma: bool = False) -> tuple[Span, ...]:
        n = self.n
        # skip the addressee of tell-verbs and adverbials before the content
        if lemma in _TELL_VERBS and j < n and self.lows[j] not in ("that",) and self.texts[j] not in _QUOTE_CHARS:
            end = self._np_right(j)
            if end > j and not (end < n and self.lows[end] in _FINITE_AUX):
                j = end  # (not "warn the numbers may be undercounted": there the noun phrase is the subject)
        for _ in range(3):
            if j < n and self.texts[j] in (",", ":"):
                j += 1
            if j < n and self.lows[j] in ("citing", "quoting"):
                # skip the relayed source: ", citing two officials who spoke on condition of anonymity, that"
                comma = next((k for k in range(j + 1, min(n, j + 16)) if self.texts[k] == ","), None)
                if comma is not None:
                    j = comma + 1
            if j + 1 < n and self.lows[j] in ("in", "at", "on") and self.lows[j + 1] in (
                    "a", "an", "his", "her", "its", "their", "the", "monday", "tuesday", "wednesday",
                    "thursday", "friday", "saturday", "sunday"):
                k = j + 1
                while k < n and self.texts[k] not in (",",) and self.lows[k] not in ("that",) \
                        and self.texts[k] not in _QUOTE_CHARS and k - j < 7 and not (
                        self.lows[k] in _PRONOUNS or self.lows[k] == "it"):
                    k += 1
                if k - j < 7:
                    j = k
            elif j + 2 < n and self.lows[j] == "on" and self.texts[j + 1][0].isupper() and (
                    self.lows[j + 2] == "that" or self.texts[j + 2] in (",", ":")):
                j += 2  # "wrote on X that", "said on Telegram:": where it was said, not what
            elif j < n and self.lows[j] in ("on", "late", "last", "earlier", "yesterday", "today", "monday",
                                                "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
                if self.lows[j] in ("on", "late", "last", "earlier"):
                    j += 1
                if j < n and self.lows[j] in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                                  "saturday", "sunday", "week", "month", "year", "night",
                                                  "yesterday", "today"):
                    j += 1
        # an interjection or adverbial between the cue and its "that": "told me, on condition of anonymity,
        # that", "has said repeatedly that", "has signaled for months that"
        t = next((t for t in range(j, min(j + 7, n)) if self.lows[t] == "that"), None)
        if t is not None and t > j and all(self.texts[m] == "," or (self.texts[m].islower() and (
                self.lows[m].endswith("ly") or self.lows[m] in _INTERJECTED_WORDS)) for m in range(j, t)):
            j = t
        if j >= n and self.texts[-1] == ":":
            return self._quote_after_sentence()
        if j >= n or self.texts[j] in (".", "!", "?") or self.lows[j] == "according":
            return ()
        start = self.starts[j]
        end = self.sentence.end
        if stop_at_comma:
            for k in range(j, n):
                if self.texts[k] in (",", ";", "\u2014"):
                    end = self.starts[k]
                    break
        else:
            # stop before a trailing attribution of another source: 'C — "Q," clarified X', and before a
            # concessive clause that is the writer's, not the speaker's: 'C, though she gave no details'
            # (other words: nothing below can hold for them; found in C, not by a Python step per token)
            for k in compress(range(j + 1, n), map(_CLAUSE_BREAKS.__contains__, self.lows[j + 1:])):
                if (self.texts[k] in ("\u2014", ";") and k + 1 < n) or (
                        self.texts[k] == "," and k + 1 < n and self.lows[k + 1] in _WRITERS_CLAUSE
                        or self._second_predicate(k)) and not any(
                        q.start <= self.starts[k] < q.end for q in self.quotes):
                    end = self.starts[k]
                    break
        # a quote opening in the content and closing in a later sentence extends the content
        for q in self.quotes:
            if start <= q.start < end and q.end > self.sentence.end and not stop_at_comma:
                end = q.end
        span = self._trim(start, end)
        if span is not None and not _TWO_WORDS.search(span.text) and not any(
                ch in _QUOTE_CHARS for ch in span.text) and not span.text[:1].isupper() \
                and span.text.lower() not in ("him", "them", "us", "me"):
            return ()  # "has not commented publicly": no content, no attribution ("endorsed Clinton" has one)
        return (span,) if span else ()

    def _second_predicate(self, k: int) -> bool:
        """ "said bodies had been recovered but gave no figure": "but" (or "and") then a verb in the past tense
        starts a second predicate of the speaker, not more of what was said."""
        if self.lows[k] not in ("but", "and") or k + 1 >= self.n:
            return False
        nxt = self.lows[k + 1]
        return nxt in _SPEAKER_ACTIONS or (nxt.endswith("ed") and nxt in self.lex.verb_forms)

    def _content_after_cue(self, j: int) -> bool:
        """Whether words that could be content follow token j ("said on Monday." has none)."""
        return any(text[0].isalnum() and low not in _TIME_WORDS and low not in _ADVERBIAL_START
                   for text, low in zip(self.texts[j:], self.lows[j:]))

    def _quote_ending_before(self, pos: int) -> Quote | None:
        """The quotation that ends at ``pos`` or before it with only white space between."""
        end = pos
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        return next((q for q in self.all_quotes if q.end == end), None)

    def _quote_before_sentence(self) -> tuple[Span, ...]:
        """The closed quotation that ends right before this sentence, in the same paragraph."""
        q = self._quote_ending_before(self.sentence.start)
        if q is None or not q.closed or self.text.count("\n\n", q.end, self.sentence.start):
            return ()
        return (self._span(q.start, q.end),)

    def _quote_after_sentence(self) -> tuple[Span, ...]:
        """ "He said:" closing its paragraph introduces the quotation that opens the next one, or the next
        paragraph itself when it is set as a block quote, with no quote marks."""
        rest = self.text[self.sentence.end:self.sentence.end + 8]
        start = self.sentence.end + len(rest) - len(rest.lstrip())
        q = next((q for q in self.all_quotes if q.start == start), None)
        if q is None:
            if "\n" not in rest[:len(rest) - len(rest.lstrip())] or start >= len(self.text):
                return ()
            end = self.text.find("\n", start)
            span = self._trim(start, len(self.text) if end < 0 else end)
            return (span,) if span else ()
        end = max((p.end for p in self.all_quotes if p.group == q.group and p.start >= q.start), default=q.end)
        return (self._span(q.start, end),)

    # -------------------------------------------------------------- helpers
    def _tok_at(self, offset: int) -> int | None:
        k = bisect_left(self.starts, offset)  # (token starts increase)
        return k if k < self.n else None

    def _span_until_end(self, start: int) -> tuple[Span, ...]:
        end = self.sentence.end
        when = _TIME_BEFORE_THAT.match(self.text, start, end)
        if when:
            start = when.end()  # "It was reported earlier this month that C": the time is the report's
        m = re.search(r"\s[\u2014\u2013]\s|;", self.text[start:end])
        if m:
            end = start + m.start()
        span = self._trim(start, end)
        return (span,) if span else ()

    def _span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def _trim(self, s: int, e: int) -> Span | None:
        """The span [s, e) without surrounding whitespace and a final sentence period or comma outside quotes
        (offsets, not a Span: most callers would build one only to have it trimmed)."""
        while s < e and (self.text[s].isspace() or self.text[s] in ",;:\u2014\u2013-"):
            s += 1
        while e > s and (self.text[e - 1].isspace() or self.text[e - 1] in ",;:\u2014\u2013-"):
            e -= 1
        if e > s and self.text[e - 1] in ".!?" and not any(q.start < e - 1 < q.end for q in self.quotes):
            if self.text[e - 1] == ".":
                e -= 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        if e - s < 2:
            return None
        return self._span(s, e)

    def _strip_source(self, span: Span) -> Span | None:
        """The source without spaces and commas at its edges, except the comma that closes an apposition
        ("Ana Ruiz, a spokeswoman for the port," as the corpus guidelines mark it); without a contracted
        auxiliary ("He's said"), a time phrase after it ("Wells Fargo just this month said") or an
        interjected phrase that is no apposition ("Clinton, at Monday's debate, said")."""
        s, e = span.start, span.end
        text = self.text[s:e]
        contracted = _CONTRACTED_SUBJECT.fullmatch(text.rstrip(" ,"))
        if contracted:
            e = s + contracted.end(1)
        interjected = _INTERJECTION.search(text)
        if interjected:
            e = s + interjected.start()
        timed = _TRAILING_TIME.search(self.text, s, e)
        if timed and timed.start() > s:
            e = timed.start()
        while e > s and self.text[e - 1] in " ,":
            e -= 1
        while s < e and self.text[s] in " ,":
            s += 1
        if s < e < span.end and self.text[e] == "," and "," in self.text[s:e]:
            e += 1
        return self._span(s, e) if e > s else None

    def _make(self, cue: Cue, source: Span | None, content: tuple[Span, ...], rule: str,
              quotes: tuple[Quote, ...] | None = None) -> Attribution:
        # the first start and last end of content, cue and source (a loop: content holds one span or two)
        lo, hi = cue.span.start, cue.span.end
        for sp in content + (source,) if source else content:
            if sp.start < lo:
                lo = sp.start
            if sp.end > hi:
                hi = sp.end
        sids = _sentence_ids(self.doc, self.sentence_starts, lo, hi)
        return Attribution(id="", cue=cue, source=source, content=content,
                           quote=_quote_kind(content, self.quotes if quotes is None else quotes),
                           sentence_ids=sids, rule=rule)


def _keep_inside_quotes(doc: Document, found: list[Attribution], quotes: tuple[Quote, ...],
                        quote_starts: list[int]) -> list[Attribution]:
    """A cue inside a quote ("... until the recorders tell us otherwise," said X) keeps its content inside
    that quote; and no content may contain its own cue (the quote "We heard ..." is not what "We" heard)."""
    out = []
    for a in found:
        cue = a.cue.span
        if any(c.start <= cue.start and cue.end <= c.end for c in a.content):
            continue
        # quotes never overlap: only the last one opening before the cue can hold it
        k = bisect_left(quote_starts, cue.start) - 1
        q = quotes[k] if k >= 0 and cue.end <= quotes[k].end else None
        content = a.content
        if q is not None:
            clipped = []
            for c in content:
                s, e = max(c.start, q.start), min(c.end, q.end)
                text = doc.text[s:e].rstrip(" ,.\"\u201d\u2019")
                if _TWO_WORDS.search(text):
                    clipped.append(Span(s, s + len(text), text))
            if not clipped:
                continue
            content = tuple(clipped)
        out.append(a if content == a.content else Attribution(
            id=a.id, cue=a.cue, source=a.source, content=content, quote=a.quote, sentence_ids=a.sentence_ids,
            via=a.via, rule=a.rule))
    return out


def _cut_contents(doc: Document, found: list[Attribution]) -> list[Attribution]:
    """End a forward content where a later attribution clause of another cue begins inside it
    ('X said C, reported Reuters': C stops before ', reported Reuters'), and mark relays: an attribution
    whose cue and source lie inside another's content is relayed by it (``via``)."""
    # where the clauses of attributions that can cut another's content begin: their cue and their source
    # (a borrowed source, as in "X claimed C and said D", lies outside the content it would cut)
    marks = sorted((m, k) for k, b in enumerate(found)
                   if b.rule in ("inverted", "trailing", "according_to", "participle", "coordinated")
                   or (b.rule == "forward" and b.source is not None
                       and _CLAUSE_JOIN.search(doc.text, max(0, b.source.start - 8), b.source.start))
                   for m in ([b.cue.span.start] + ([b.source.start] if b.source else [])))
    mark_at = [m for m, _ in marks]
    out = []
    for n, a in enumerate(found):
        content = a.content
        if a.rule in ("forward", "participle", "no_source", "nominal") and content:
            last = content[-1]
            cut = next((m for m, k in marks[bisect_right(mark_at, last.start):bisect_left(mark_at, last.end)]
                        if k != n), last.end)
            if cut < last.end:
                text = re.sub(r"(?:[\s,\u2014\u2013-]|\b(?:and|but|or)\b)+$", "", doc.text[last.start:cut])
                if len(text) >= 2:
                    content = content[:-1] + (Span(last.start, last.start + len(text), text),)
        out.append(a if content == a.content else Attribution(
            id=a.id, cue=a.cue, source=a.source, content=content, quote=a.quote, sentence_ids=a.sentence_ids,
            via=a.via, rule=a.rule))
    # contents sorted by start, to find those around a cue without comparing every pair of attributions
    contents = sorted((c.start, c.end, k) for k, b in enumerate(out) if b.rule != "relay" for c in b.content)
    starts = [c[0] for c in contents]
    longest = max((e - s for s, e, _ in contents), default=0)
    relayed = []
    for n, a in enumerate(out):
        via = a.via
        if via is None and a.source is not None:
            first = min(a.cue.span.start, a.source.start)
            holders = [k for s, e, k in contents[bisect_left(starts, first - longest):bisect_right(starts, first)]
                       if k != n and a.source.end <= e]
            if holders:
                via = f"@{out[min(holders)].cue.span.start}"
        relayed.append(a if via == a.via else Attribution(
            id=a.id, cue=a.cue, source=a.source, content=a.content, quote=a.quote, sentence_ids=a.sentence_ids,
            via=via, rule=a.rule))
    return relayed


# two words or more: a word character, then others, then a word character again
_TWO_WORDS = re.compile(r"\w\W+\w")
# a time phrase between a cue and its "that" ("earlier this month", "last week", "on Monday", "in March")
_TIME_BEFORE_THAT = re.compile(
    r"\s*(?:(?:earlier|later)\s+)?(?:(?:this|last|next|earlier|later)\s+(?:week|month|year|morning|evening|"
    r"night|spring|summer|autumn|fall|winter)|on\s+[A-Z]\w+|in\s+[A-Z]\w+|yesterday|today|earlier|recently)"
    r",?(?=\s+that\b)")
# "X said C, and Y said D": a forward attribution whose source follows "and"/"but" starts a new clause
_CLAUSE_JOIN = re.compile(r",?\s(?:and|but)\s+$")


def _drop_quoted_speech(found: list[Attribution], quotes: tuple[Quote, ...], quote_starts: list[int]
                        ) -> list[Attribution]:
    """Drop an attribution whose cue stands inside a quotation that another attribution reports: in
    '"I think the bridge will hold," the engineer said' the whole quote is the engineer's, and "I think" is part of
    what she said (its hedge is still found by the hedging stage), not a second source."""
    reported: set[int] = set()  # indexes of quotes that are (part of) some attribution's content
    for b in found:
        if b.rule == "relay":
            continue
        for c in b.content:
            for k in range(max(0, bisect_right(quote_starts, c.start) - 1), bisect_left(quote_starts, c.end)):
                q = quotes[k]
                if q.start < c.end and c.start < q.end and not q.start <= b.cue.span.start < q.end:
                    reported.add(k)
    out = []
    for a in found:
        k = bisect_right(quote_starts, a.cue.span.start) - 1
        if a.rule != "relay" and k >= 0 and k in reported and quotes[k].start < a.cue.span.start \
                and a.cue.span.end <= quotes[k].end \
                and not (a.rule.startswith("colon") and a.source is not None and a.source.start <= quotes[k].start + 1):
            continue  # (a transcript label opening the quote, '"WALLACE: ...', names a new speaker)
        out.append(a)
    return out


def _drop_reported_intentions(found: list[Attribution]) -> list[Attribution]:
    """Drop an intention, stance or topic whose cue stands inside what another attribution (not itself an
    intention, stance or topic) reports: in "She said the council plans to close the school", that the council
    plans it is part of what she said, not a second statement by the council (speech and belief reported that
    way stay: they are relays)."""
    contents = [c for b in found if b.rule != "relay" and b.cue.kind not in _COMPLEMENT_ONLY_KINDS for c in b.content]
    return [a for a in found if not (a.cue.kind in _COMPLEMENT_ONLY_KINDS and a.rule != "relay"
                                     and _within(a.cue.span, contents))]


def _drop_participles_inside_sources(found: list[Attribution]) -> list[Attribution]:
    """Drop a passive participle that lies inside another attribution's source: in "according to figures
    published by the finance department", "published by" describes the source, it is not a second statement
    (a relative clause with its own verb, "Mr. Kamin, who emphasized that ...", stays)."""
    sources = [a.source for a in found if a.source is not None and a.rule != "relay"]
    return [a for a in found if not (a.rule == "passive" and _within(a.cue.span, sources))]


def _within(span: Span, spans: list[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def _sentence_ids(doc: Document, starts: list[int], start: int, end: int) -> tuple[str, ...]:
    """Ids of the sentences that overlap [start, end) (``starts``: the sentences' start offsets)."""
    k = max(0, bisect_right(starts, start) - 1)
    out = []
    while k < len(doc.sentences) and doc.sentences[k].start < end:
        if doc.sentences[k].end > start:
            out.append(doc.sentences[k].id)
        k += 1
    return tuple(out)


def _quote_kind(content: tuple[Span, ...], quotes: tuple[Quote, ...]) -> str:
    if not content:
        return "none"
    total = sum(len(c.text.strip()) for c in content)
    quoted = 0
    for c in content:
        for q in quotes:
            lo, hi = max(c.start, q.start), min(c.end, q.end)
            if hi > lo:
                quoted += hi - lo
    if quoted == 0:
        return "indirect"
    if quoted >= total - 3:
        return "direct"
    return "mixed"


_NEW_SENTENCE = re.compile(rf"[.!?]\s+[{UPPER}]")
_CUE_CLAUSE_ONLY = re.compile(r"^\s*[,.]?[^\"\u201c]{0,80}[.,]\s*$")


def _continue_quotes(doc: Document, found: list[Attribution], quotes: tuple[Quote, ...]) -> list[Attribution]:
    """A direct quote with no cue of its own, right after an attributed direct quote, continues it."""
    covered = [(c.start, c.end) for a in found for c in a.content]
    # a quote opened by a speaker's label ('"IBARRA: ...') belongs to that speaker, whatever came before it
    covered += [(a.source.start - 1, a.source.start) for a in found
                if a.rule == "colon" and a.source is not None
                and doc.text[a.source.start - 1:a.source.start] in _QUOTE_CHARS]
    # a quote is covered when some span starts at or before it and ends after its start: the furthest end
    # among the spans that start by then tells (a quote continued below never covers a later one: quotes
    # never overlap)
    covered.sort()
    covered_starts = [s for s, _ in covered]
    reach = list(accumulate((e for _, e in covered), max))
    out = list(found)
    by_end = sorted(range(len(out)), key=lambda k: out[k].content[-1].end if out[k].content else 0)
    # only attributed direct quotes are continued (extending one's content below does not change that); a
    # quote signed with a dash ends at its signature
    continued = [k for k in by_end if out[k].quote == "direct" and out[k].content and out[k].source is not None
                 and out[k].rule != "signed"]
    headings = [s for s in doc.sentences if s.kind == "heading"]
    sentence_starts = [s.start for s in doc.sentences]
    for q in quotes:
        before = bisect_right(covered_starts, q.start)  # the spans that start at or before the quote
        if before and reach[before - 1] > q.start:
            continue
        # the attributed direct quote that ends closest before this quote, in the same or previous paragraph
        best = None
        for k in continued:
            end = out[k].content[-1].end
            if end <= q.start and q.start - end < 160 and doc.text.count("\n\n", end, q.start) <= 1 and \
                    not any(s.start < q.start and s.end > end for s in headings):
                best = k
        if best is None:
            continue
        a = out[best]
        between = doc.text[a.content[-1].end:q.start]
        # only when nothing but the cue clause or whitespace separates them (a long one too, when no sentence
        # starts in it: '"...," said Col. Benjamin Aquino, a spokesman for the army's Eastern Command. "..."')
        if _NEW_SENTENCE.search(between) and not _CUE_CLAUSE_ONLY.match(between) and (
                any(a.content[-1].end < st < q.start for st in sentence_starts) or not _DOUBLE_QUOTES.isdisjoint(between)):
            continue
        span = Span(q.start, q.end, doc.text[q.start:q.end])
        sids = tuple(sorted(set(a.sentence_ids) | {s.id for s in doc.sentences if s.start < q.end and q.start < s.end},
                            key=lambda x: int(x[1:])))
        out[best] = Attribution(id=a.id, cue=a.cue, source=a.source, content=a.content + (span,), quote=a.quote,
                                sentence_ids=sids, via=a.via, rule=a.rule + "+quote_continuation")
    return out


def _renumber(found: list[Attribution]) -> tuple[Attribution, ...]:
    # drop exact duplicates (the same cue found twice), then number; relays point at their outer attribution
    seen: set[tuple] = set()
    unique = []
    for a in found:
        key = (a.cue.span.start, a.cue.span.end, a.source.start if a.source else None, a.rule == "relay")
        if key in seen:
            continue
        seen.add(key)
        unique.append(a)
    ids: dict[str, str] = {}
    for n, a in enumerate(unique, 1):
        if a.rule != "relay":
            ids.setdefault(f"@{a.cue.span.start}", f"a{n}")
    out = []
    for n, a in enumerate(unique, 1):
        via = ids.get(a.via) if a.via else None
        content = tuple(_strip_spaces(c) for c in a.content)
        out.append(Attribution(id=f"a{n}", cue=a.cue, source=a.source, content=content, quote=a.quote,
                               sentence_ids=a.sentence_ids, via=via, rule=a.rule))
    return tuple(out)


def _strip_spaces(span: Span) -> Span:
    """The span without white space at its edges (a quote cut off where the next one opens ends in a space or
    a line break)."""
    text = span.text.strip()
    if text == span.text or not text:
        return span
    start = span.start + span.text.index(text)
    return Span(start, start + len(text), text)
