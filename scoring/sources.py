"""Attributions -> sources: merge the mentions of one real-world source and type it.

Merging, in order, for each mention (in text order):
1. the same name once titles, determiners, possessives and appositions are set aside
   ("Mr. Stenger" = "Stenger" = "William Stenger"; "the Islamic Resistance in Iraq" = "Islamic Resistance");
2. an acronym whose letters are prefixes of the words of a longer name ("CENTCOM" = "US Central Command",
   "FBI" = "Federal Bureau of Investigation"), also inside a longer mention ("US CENTCOM", "the CENTCOM
   statement");
3. a definite description ("the news agency", "the group", "the ministry") joins the most recent source
   whose type or name that head noun fits; a role ("the senator", "the Vermont governor") only a source
   given that role before ("Sen. Lindsey Graham"), of the same party;
4. a pronoun joins the nearest earlier source it can stand for (he/she: a person; it: an organisation;
   they: a group or plural).
A person stays a person whatever type an apposition gives ("Chad Bown, an expert on trade" is typed expert;
"Mr. Bown" and "he" still refer to him), and one word joins a person only when it is part of the person's own
name ("Stein" is not "Stein spokeswoman Melezia Figueroa").
A mention nothing joins becomes a new source. Types come from ``lexicons/source_types.json``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from .chars import LOWER, UPPER
from .lexicons import Lexicons
from .quotes import find_quotes
from .types import Attribution, Document, Source, Span

_TITLES = frozenset(
    "mr mrs ms miss dr prof sen senator rep gov governor gen general col colonel lt maj major capt captain "
    "adm admiral sgt president vice prime minister secretary chancellor judge justice mayor chief "
    "spokesman spokeswoman spokesperson sir lord lady rev father sister brother king queen prince "
    "princess sheikh ayatollah pope officer detective inspector superintendent commissioner ambassador".split()
)
_DROP = frozenset("the a an 's ’s statement statements spokesman spokeswoman spokesperson's officials "
                  "official's".split())
_COUNTRY_PREFIX = frozenset("us u.s. uk u.k. un u.n.".split())
_PERSON_PRONOUNS = frozenset("he she him her his i me".split())
_ORG_PRONOUNS = frozenset("it its".split())
_PLURAL_PRONOUNS = frozenset("they them we".split())
_HEAD_TO_TYPES = {
    "agency": ("news_agency", "government"), "news agency": ("news_agency",), "newspaper": ("news_agency",),
    "paper": ("news_agency",), "broadcaster": ("news_agency",), "network": ("news_agency",),
    "outlet": ("news_agency",), "magazine": ("news_agency",), "group": ("armed_group", "ngo", "company"),
    "militia": ("armed_group",), "militants": ("armed_group",), "rebels": ("armed_group",),
    "ministry": ("government", "military"), "department": ("government", "law_enforcement", "military"),
    "government": ("government",), "administration": ("government",), "command": ("military",),
    "military": ("military",), "army": ("military",), "police": ("law_enforcement",),
    "company": ("company",), "firm": ("company",), "bank": ("company",), "airline": ("company",),
    "campaign": ("party_campaign",), "party": ("party_campaign",), "court": ("law_enforcement",),
    "charity": ("ngo",), "organisation": ("ngo", "government", "company"),
    "organization": ("ngo", "government", "company"), "union": ("ngo",), "coalition": ("ngo",),
    "university": ("expert",), "study": ("document", "expert"), "report": ("document",),
    "senator": ("government",), "governor": ("government",), "president": ("government",),
    "minister": ("government",), "mayor": ("government",), "candidate": ("party_campaign",),
    "nominee": ("party_campaign",), "statement": (), "official": ("government",),
}


# heads of a description that can refer back to a person named before ("the senator" = Sen. Lindsey Graham),
# with the words one of that source's mentions must hold (its title or role)
_ROLE_FORMS = {"senator": ("sen", "senator"), "governor": ("gov", "governor"), "president": ("president",),
               "minister": ("minister",), "mayor": ("mayor",), "candidate": ("candidate",), "nominee": ("nominee",),
               "judge": ("judge",)}
_PERSON_ROLES = frozenset(_ROLE_FORMS)
_PARTIES = frozenset("republican republicans gop democratic democrat democrats libertarian green".split())


@dataclass
class _Group:
    mentions: list[Span] = field(default_factory=list)
    attribution_ids: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    names: list[str] = field(default_factory=list)
    name_parts: dict[str, _Name] = field(default_factory=dict)
    """Each distinct name (in the order first written) and its words as the merging rules compare them with every
    later mention: a name the source was quoted by again has nothing new to compare."""
    name_words: set[str] = field(default_factory=set)
    """The capitalised words of all its names (``_Name.cap_words``): a mention sharing none of them and with no
    acronym on either side cannot share a name with this source, whose names need not be read one by one."""
    name_acronyms: bool = False
    """Whether one of its names has an acronym in it."""
    first_words: set[str] = field(default_factory=set)
    """The first word (lower case) of each of its mentions, and the head of an unnamed person's ("spokeswoman"):
    its gender ("she", "Mr.") is read there."""
    descriptions: list[str] = field(default_factory=list)
    """Unnamed mentions as read (an antecedent stands in for "who")."""
    type: str = "organisation"
    type_evidence: str = ""
    named: bool = False
    person: bool = False
    writer: bool = False
    """The article's writer ("I" outside quotes): never "he", "she" or "they"."""
    plural: bool = False
    """Described as many people ("Critics", "local residents"): never "he" or "she"."""
    evidence: list[str] = field(default_factory=list)


def resolve_sources(
    doc: Document, attributions: tuple[Attribution, ...], lexicons: Lexicons
) -> tuple[tuple[Source, ...], dict[str, str]]:
    """Merged, typed sources and a map attribution id -> source id."""
    groups: list[_Group] = []
    owner: dict[str, int] = {}
    article = _Article(doc.text, lexicons)
    writer: int | None = None
    for a in attributions:
        if a.source is None:
            continue
        mention = a.source
        full = mention.text
        core = article.core(full)
        target = None
        reason = ""
        if a.cue.lemma == ":" and core.isupper() and article.type_of(full, "name")[0] == "organisation":
            # a transcript's speaker label ("WALLACE: ..."): capitals are the transcript's style, not an acronym
            core = full = core.title()
            reason = "a speaker's label in a transcript; "
        kind = article.kind(core)
        core_low = core.lower()
        part_of = _PART_OF_WHOM.fullmatch(core) if core_low.endswith("whom") else None  # (a test before the pattern)
        if core_low in ("who", "which", "that") or part_of:
            # a relative pronoun stands for the noun phrase just before it ("Luis Rubio, who heads ...");
            # "many of whom" for part of it
            antecedent = _antecedent(doc.text, mention.start)
            if antecedent:
                core = f"{part_of.group(1)} of {antecedent}" if part_of else antecedent
                kind = article.kind(core)
                reason = f"“{mention.text}” refers to “{antecedent}” before it; "
        if core.lower() in _FIRST_PERSON and not article.inside_quote(mention.start):
            # "I" or "we" in the article's own words is its writer, not the last person quoted
            if writer is None:
                groups.append(_Group(type="person", type_evidence="the article's writer (the first person outside "
                                     "a quotation)", person=True, descriptions=["the writer"], writer=True))
                writer = len(groups) - 1
            target, reason = writer, "the first person outside a quotation: the article's writer"
        elif kind == "pronoun":
            target, reason = _pronoun_target(core.lower(), groups)
            if core.lower() in _FEMININE | _MASCULINE:
                # nobody quoted before fits, or a person named as a sentence's subject since that source was last
                # mentioned ("Gov. Frank Delacroix declined to say ... "...," he said"): the nearest person the
                # article named, introduced as a source from here on
                # (with a source found, only the text since its last mention is read: a name there is later)
                named = _person_named_before(mention.start, core.lower(), article,
                                             groups[target].mentions[-1].end if target is not None else 0)
                if named and target is not None:
                    # (a named person the article already quoted keeps the gender its mentions gave it)
                    known, _ = _name_target(named[0], groups, article, True)
                    if known is not None and _gender(groups[known]) not in (
                            None, "f" if core.lower() in _FEMININE else "m"):
                        named = None
                if named and (target is None or article.opens_sentence(named[1])):
                    core, full, kind, target = named[0], named[0], "name", None
                    reason = f"“{mention.text}” refers to “{named[0]}”, the nearest person named before it; "
        elif kind == "description":
            target, found = _description_target(core.lower(), groups, lexicons)
            reason += found
        personal = kind == "name" and article.personal(core)
        if target is None and kind in ("name", "description"):
            target, found = _name_target(core, groups, article, personal)
            reason += found
        if target is None:
            g = _Group()
            groups.append(g)
            target = len(groups) - 1
            reason += "first mention"
        g = groups[target]
        g.mentions.append(mention)
        if core.strip():
            # (the core's: in "His daughter, Siobhan Brennan," "his" is her father's)
            g.first_words.add(core.lower().split()[0])
        g.attribution_ids.append(a.id)
        g.evidence.append(f"“{mention.text}”: {reason}")
        if kind != "pronoun":
            _add_name(g, core, full, kind, personal, article)
            at = full.find(core) if kind == "name" and "(" in full else -1
            defined = _DEFINED_ACRONYM.match(full, at + len(core)) if at >= 0 else None
            if defined:
                # "the Portuguese Institute for Sea and Atmosphere (IPMA)": the article defines the acronym it
                # will use, letters or no letters in common ("IPMA" stands for the Portuguese name)
                acronym = article.name(defined.group(1))
                if acronym.key is not None:
                    g.keys.add(acronym.key)
                    g.evidence[-1] += f"; defines the acronym “{defined.group(1)}”"
        owner[a.id] = target
    # a relayed source stated through "citing" is anonymous unless it is named
    sources = []
    ids = {}
    for n, g in enumerate(groups, 1):
        sid = f"src{n}"
        ids[n - 1] = sid
        name = _best_name(g)
        if g.type_evidence.startswith(_WEAK_EVIDENCE):
            _type_by_introduction(g, article)
        if not g.type_evidence:  # only pronouns: an unresolved person or group
            g.type, g.type_evidence = ("person", "an unresolved pronoun") if g.person or any(
                m.text.lower() in _PERSON_PRONOUNS for m in g.mentions) else ("organisation", "an unresolved pronoun")
        sources.append(Source(
            id=sid, name=name, type=g.type, named=g.named, mentions=tuple(g.mentions),
            attribution_ids=tuple(g.attribution_ids), type_evidence=g.type_evidence,
            merge_evidence=tuple(g.evidence),
        ))
    return tuple(sources), {aid: ids[k] for aid, k in owner.items()}


# a capitalised word ending where the search ends ("Donald" before " Trump")
_FIRST_NAME_BEFORE = re.compile(rf"(?<![\w.’'-])[{UPPER}][{LOWER}]+$")
# a sentence start (text start, paragraph, or ". " / '." ') and capitalised words only up to the end
_OPENS_SENTENCE = re.compile(rf"(?:^|\n|[.!?][\"”’']?\s)\s*(?:[{UPPER}][\w.’'-]*\s+)*$")
# an acronym defined in brackets right after a name: "(IPMA)", "(U.N.)", "(M&S)"; not "(R-Utah)"
_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&.]{1,9})\)")
# where find_quotes ends a paragraph (its paragraphs are runs of "[^\n]|\n(?!\s*\n)")
_PARAGRAPH_BREAK = re.compile(r"\n(?=\s*\n)")
_PART_OF_WHOM = re.compile(r"(\w+) of whom", re.IGNORECASE)
_NEXT_CHARACTER = re.compile(r"\s*\S")


class _Article:
    """What a few rules need to know about the whole article, worked out once and only when first asked."""

    def __init__(self, text: str, lexicons: Lexicons) -> None:
        self.text = text
        self.lexicons = lexicons
        self._quotes: dict[int, tuple[tuple[int, int], ...]] = {}
        self._types: dict[tuple[str, str], tuple[str, str]] = {}
        self._cores: dict[str, str] = {}
        self._words: dict[str, list[str]] = {}
        self._names: dict[str, _Name] = {}
        self._personal: dict[str, bool] = {}
        self._kinds: dict[str, str] = {}

    def writes_in_lower_case(self, word: str) -> bool:
        r"""Whether ``word`` is one of the words the article writes in lower case, as ``\b[a-z][a-z’'-]+`` finds
        them ("polling" makes "Polling averages" no name). Only the places ``word`` stands are read: listing
        every word of the article cost more than all the questions asked of it."""
        if not _LOWER_WORD.fullmatch(word):
            return False
        text = self.text
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (end == len(text) or text[end] not in _LOWER_WORD_CHARS) and _lower_word_starts(text, at):
                return True
            at = text.find(word, at + 1)
        return False

    def opens_sentence(self, pos: int) -> bool:
        """Whether only capitalised words ("Ohio Gov.") stand between ``pos`` and the start of its sentence."""
        before = self.text[max(0, pos - 60):pos]
        return _OPENS_SENTENCE.search(before) is not None

    def has_first_name(self, surname: str) -> bool:
        """Whether the article writes the word after a capitalised first name ("Donald Trump"): a person's."""
        text = self.text
        at = text.find(" " + surname)
        while at > 0:
            end = at + 1 + len(surname)
            if (end == len(text) or not _is_word_char(text[end])) and _FIRST_NAME_BEFORE.search(text, max(0, at - 30), at):
                return True
            at = text.find(" " + surname, at + 1)
        return False

    def inside_quote(self, pos: int) -> bool:
        """Whether ``pos`` is inside a quotation. ``find_quotes`` pairs quote marks within a paragraph (a quote
        never runs past its paragraph's end), so only the paragraph around ``pos`` is read, once, with the first
        mark of the next one (a single quote left open runs on only when the next paragraph opens with one)."""
        start, end = self._paragraph(pos)
        quotes = self._quotes.get(start)
        if quotes is None:
            following = _NEXT_CHARACTER.match(self.text, end)
            quotes = self._quotes[start] = tuple(
                (start + q.start, start + q.end)
                for q in find_quotes(self.text[start:following.end() if following else end]))
        return any(a < pos < b for a, b in quotes)

    def _paragraph(self, pos: int) -> tuple[int, int]:
        """The paragraph around ``pos`` as ``find_quotes`` splits the text: between line breaks followed by a blank
        line (``pos`` itself may be such a break: then the paragraph before it, which does not hold it)."""
        text = self.text
        start = text.rfind("\n", 0, pos)
        while start >= 0 and not _PARAGRAPH_BREAK.match(text, start):
            start = text.rfind("\n", 0, start)
        end = _PARAGRAPH_BREAK.search(text, pos)
        return start + 1, end.start() if end else len(text)

    def type_of(self, full: str, kind: str) -> tuple[str, str]:
        """``_type_of``, worked out once per text and kind: an article quotes the same source many times."""
        found = self._types.get((full, kind))
        if found is None:
            found = self._types[full, kind] = _type_of(full, kind, self)
        return found

    def words(self, text: str) -> list[str]:
        """``_words``, worked out once per text (a mention's core is read for its kind, its name and its type)."""
        found = self._words.get(text)
        if found is None:
            found = self._words[text] = _words(text)
        return found

    def core(self, full: str) -> str:
        """``_core``, worked out once per text (for the mention, then for its type)."""
        found = self._cores.get(full)
        if found is None:
            found = self._cores[full] = _core(full)
        return found

    def kind(self, core: str) -> str:
        """``_mention_kind``, worked out once per text."""
        found = self._kinds.get(core)
        if found is None:
            found = self._kinds[core] = _mention_kind(core, self)
        return found

    def name(self, core: str) -> _Name:
        """A mention's words as the merging rules compare them, worked out once per text. Apostrophes are
        compared as one ("O’Neill" is "O'Neill": copy from several desks mixes them in one article)."""
        found = self._names.get(core)
        if found is None:
            plain = core.replace("\u2019", "'") if "\u2019" in core else core
            found = self._names[core] = _Name(plain, self.words(plain), self.lexicons.type_words)
        return found

    def personal(self, core: str) -> bool:
        """``_is_personal_name``, worked out once per text."""
        found = self._personal.get(core)
        if found is None:
            found = self._personal[core] = _is_personal_name(core, self)
        return found


_LOWER_WORD = re.compile(r"[a-z][a-z’'-]+")
_LOWER_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz’'-")


def _lower_word_starts(text: str, at: int) -> bool:
    r"""Whether ``\b[a-z][a-z’'-]+``, scanning ``text`` from its start, starts a match at ``at`` (a lower-case
    letter): a word boundary, and no match started further left running on through it ("ray" in "x-ray")."""
    if at > 0 and _is_word_char(text[at - 1]):
        return False
    x = at - 1
    while x >= 0 and text[x] in _LOWER_WORD_CHARS:
        if "a" <= text[x] <= "z" and (x == 0 or not _is_word_char(text[x - 1])):
            return False
        x -= 1
    return True


class _Name:
    """The words of one mention's core ("Mr. William Stenger") that the merging rules compare, worked out once
    per text and call: as a new mention, then as an earlier name every later mention is compared with."""

    def __init__(self, core: str, words: list[str], roles: frozenset[str]) -> None:
        self.words = words
        tokens = _key_tokens(words)
        self.key = " ".join(tokens) if tokens else None
        """The name without titles, determiners and possessives ("william stenger"); None when nothing is left."""
        capitals = _capital_tokens(words)
        self.capital_count = len(capitals)
        self.caps: list[str] = []
        """As an earlier name: its capitalised words, country words left out."""
        self.cap_words: set[str] = set()
        self.acronyms: list[str] = []
        self.untitled: list[str] = []
        """As a later mention: its capitalised words, titles and country words left out."""
        self.own: set[str] = set()
        self.untitled_acronyms: list[str] = []
        for c in capitals:  # one pass fills all six
            low = c.lower()
            if low in _COUNTRY_PREFIX:
                continue
            acronym = c.isupper() and len(c) >= 3
            self.caps.append(c)
            self.cap_words.add(low)
            if acronym:
                self.acronyms.append(c)
            if low not in _TITLES:
                self.untitled.append(c)
                self.own.add(low)
                if acronym:
                    self.untitled_acronyms.append(c)
        self.person_tokens = _person_tokens(words, roles)
        """Its own words if it is a person's (see ``_person_tokens``)."""
        last = core.split()[-1:]
        # "A New York judge", "the Trump campaign": capitals that only modify a noun name something else
        self.described = bool(last) and last[0][:1].islower()


# ------------------------------------------------------------------ mention analysis
def _core(text: str) -> str:
    """The mention without its apposition or relative clause: "Jane Doe, a spokeswoman," -> "Jane Doe"; but
    a description's apposed name is the name: "The minister of the economy, Mr. Ruiz Vela," -> "Mr. Ruiz Vela",
    "Rivera's spokeswoman, Amy Chen," -> "Amy Chen"."""
    end = _CORE_END.search(text)
    core = (text[:end.start()] if end else text).strip()
    apposed = _APPOSED_NAME.match(text, len(core))
    if apposed and _DESCRIPTION_BEFORE_NAME.fullmatch(core):
        return apposed.group(1)  # also "Rivera's spokeswoman, Amy Chen,"
    return core or text.strip()


# ",", or spaces before "(", "who " or "which ": written with its first character as a class, so that re skips
# to a comma or a space at once instead of trying each branch at every character
_CORE_END = re.compile(r"[,\s](?:(?<=,)|(?<=\s)\s*(?:\(|who\s|which\s))")
_U = f"[{UPPER}]"  # a capital, beyond ASCII too ("Erdoğan", "Ángel Gómez")
# a description that a name in apposition names: a determiner or a possessive, any capitals ("The White House"),
# then a head noun in lower case or an all-capital role ("press secretary", "spokesman for the Council",
# "Millbrook’s MP"); not "The Council of Northern States", whose head is its own name
_DESCRIPTION_BEFORE_NAME = re.compile(
    rf"(?:(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]hat|[Tt]his)\s+|(?=[{LOWER}])|(?:{_U}[\w.-]*\s+)*{_U}[\w.-]*[’']s?\s+)"
    rf"(?:{_U}[\w.-]*\s+)*(?:(?!(?:of|in|for|at|on|from|to|and)\b)[{LOWER}][\w’'-]*|[{UPPER}]{{2,5}}\b)(?:\s.*)?")
# a name in apposition: capitals, with the particles names carry ("Kataib al-Nasr", "Ursula von der Leyen")
_NAME_WORD = rf"(?:{_U}[\w’'-]+|(?:al|el|bin|ibn|de|da|di|du|van|von|der|del|la|le)(?:-{_U}[\w’'-]+)?)"
# ", Mr. Ruiz Vela," / ", Dana Pirlo" / ", retired engineer Margaret O’Dowd," closing the mention: a personal name
# apposed to a description (the role words before it are the description's)
_APPOSED_NAME = re.compile(
    rf",\s+(?:(?!(?:a|an|the|of|for|in|at|and|with|who|which)\b)[{LOWER}][\w-]*\s+){{0,3}}"
    rf"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?{_U}[\w’'-]+(?:\s+{_NAME_WORD}){{0,3}})"
    rf"(?:\s+(?:of|at|from)\s+(?:the\s+)?{_U}[^,]*)?,?$")  # ("Raymond Osei of the University of Michigan")


def _antecedent(text: str, start: int) -> str | None:
    """The noun phrase right before a relative pronoun at ``start``: a run of capitalised words, or a short
    determiner phrase ("the agency")."""
    before = text[max(0, start - 100):start].rstrip(" ,")
    name = _NAME_BEFORE.search(before)
    described = _DESCRIPTION_BEFORE.search(before)
    if name and name.group(1).split()[-1][:1].isupper():
        # "a super PAC that ...": the description around the capitalised head is the antecedent
        if described and len(described.group(1)) > len(name.group(1)):
            return described.group(1)
        return name.group(1)
    if described:
        return described.group(1)
    plural = _BARE_PLURAL_BEFORE.search(before)  # "attention from patient groups, which say ..."
    return plural.group(1) if plural else None


_BARE_PLURAL_BEFORE = re.compile(r"\b(?:from|by|of|among|with|for|to|and)\s+((?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*[^s\W]s)$")
_NAME_BEFORE = re.compile(rf"((?:{_U}[\w.'’-]*)(?:\s+(?:of|the|for|and|de|{_U}[\w.'’-]*))*)$")
_DESCRIPTION_BEFORE = re.compile(r"\b((?:the|a|an)\s+[\w'’-]+(?:\s+[\w'’-]+){0,2})$", re.IGNORECASE)
_TAIL = re.compile(r" (?:for|of|at|with|from) (?=the |a |an )")
_ROLE_BEFORE_PLACE = re.compile(r" (?:for|of|at|with|from) ")
_WORD = re.compile(r"[\w.\-&’']+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


# words that open a description and are capitalised only because they open the sentence ("Few people said")
_OPENERS = frozenset("another one each every few most other others both all any no only nearly perhaps maybe "
                     "his her their its our my your this these those such two three four five six seven eight nine "
                     "ten eleven twelve twenty thirty forty fifty dozens hundreds thousands".split())


def _mention_kind(core: str, article: _Article) -> str:
    """ "pronoun", "name", "description" (the/this/that + a few words) or "anonymous"; a word the article also
    writes in lower case is no name ("Polling averages": "polling" is a word)."""
    low = core.lower()
    if low in _PRONOUNS:
        return "pronoun"
    words = article.words(_without_pollster(core))
    capitalised = _names_something(words, article)
    if low.startswith(("the ", "this ", "that ")) and len(words) <= 4 and words[-1].islower() and (
            not capitalised or words[-1] in _PERSON_ROLES):
        # "the South Carolina senator": a place names which senator, the mention is still a description
        return "description"
    if capitalised:
        return "name"
    return "anonymous"


_PRONOUNS = _PERSON_PRONOUNS | _ORG_PRONOUNS | _PLURAL_PRONOUNS | {"who", "you"}
_NUMBERS_OPENING = frozenset(("the", "a", "an", "some", "two", "three", "several", "many"))
_OPENERS_BEFORE_NATIONALITY = _OPENERS | {"a", "an", "some", "many"}


def _names_something(words: list[str], article: _Article) -> bool:
    """Whether some capitalised word of a mention is a name's (the first one found decides)."""
    lexicons = article.lexicons
    for k, w in enumerate(words):
        if not w[0].isupper():
            continue
        low = w.lower()
        if low in lexicons.peoples:
            continue
        # a capital that only opens the sentence ("Officials said") does not make a name
        if k == 0 and (low in _NUMBERS_OPENING or low in lexicons.type_words):
            continue
        # a nationality as an adjective ("American business leaders") is not a name
        if _nationality(w) and (k == 0 or (k == 1 and words[0].lower() in _OPENERS_BEFORE_NATIONALITY)) \
                and k + 1 < len(words) and words[k + 1][0].islower():  # ("two Democratic speechwriters")
            continue
        # a common word opening the sentence, the rest in lower case: "Another critic", "Polling averages"
        if k == 0 and len(words) > 1 and all(x[0].islower() for x in words[1:]) and (
                low in _OPENERS or article.writes_in_lower_case(low)
                # an adjective before a type word: "Legal experts", "Local media", "Environmental groups"
                or (_ADJECTIVE_SHAPE.fullmatch(low) is not None and words[-1].lower() in lexicons.type_words)):
            continue
        if k == 0 and len(words) == 1 and low in _OPENERS:
            continue  # "Others say ...", "Many said ..."
        return True
    return False


# the endings of common English adjectives ("legal", "local", "economic", "independent", "western")
_ADJECTIVE_SHAPE = re.compile(r"[a-z]{2,}(?:al|ic|ive|ous|ent|ant|ary|ern|ior|ile|ful|less|ed)")


def _nationality(word: str) -> bool:
    """ "US", "U.S.", "Iraqi", "Russian", "Chinese", "British": a country word, not a name."""
    low = word.lower().strip(".")
    return low in _COUNTRY_PREFIX or low in ("us", "u.s", "uk", "u.k", "eu", "un") or (
        len(low) > 3 and word[0].isupper() and _NATIONALITY_WORD.fullmatch(low) is not None)


_NATIONALITY_WORD = re.compile(r"[a-z]+(?:an|ian|ese|ish|i|ic)")


def _key_tokens(words: list[str]) -> list[str]:
    """The words lower-cased, without determiners and possessive marks, titles before the name left out."""
    tokens: list[str] = []
    for w in words:  # one pass: titles are dropped only until the first other word
        t = w.lower().strip(".’'")
        if not t or t in _DROP or (not tokens and t in _TITLES):
            continue
        tokens.append(t[:-2] if t.endswith(("’s", "'s")) else t)
    return tokens


def _capital_tokens(words: list[str]) -> list[str]:
    return [w.strip(".’'").rstrip("s") if w.endswith(("’s", "'s")) else w.strip(".’'")
            for w in words if w[0].isupper() and w.lower() not in ("the", "a", "an")]


def _is_acronym_of(acronym: str, words: list[str]) -> bool:
    """True when the acronym's letters are prefixes of consecutive words ("centcom" of central command)."""
    acronym = acronym.lower().replace(".", "")
    words = [w.lower() for w in words if w.lower() not in ("of", "the", "for", "and", "&", "in", "on")]

    def match(a: str, k: int) -> bool:
        if not a:
            return k == len(words) or k > 0
        if k >= len(words):
            return False
        w = words[k]
        for n in range(min(len(a), len(w)), 0, -1):
            if w.startswith(a[:n]) and match(a[n:], k + 1):
                return True
        return False

    return len(acronym) >= 2 and len(words) >= 2 and any(match(acronym, k) for k in range(len(words)))


def _name_target(core: str, groups: list[_Group], article: _Article, personal: bool = False) -> tuple[int | None, str]:
    """The group an earlier mention of this name started; ``personal``: the name is a person's."""
    this = article.name(core)
    key = this.key
    if key is None:
        return None, ""
    for k in range(len(groups) - 1, -1, -1):
        g = groups[k]
        if key in g.keys:
            return k, "same name as an earlier mention"
    own, acronyms, words, described = this.own, this.untitled_acronyms, this.untitled, this.described
    for k in range(len(groups) - 1, -1, -1):
        g = groups[k]
        if not acronyms and not g.name_acronyms and own.isdisjoint(g.name_words):
            continue  # no acronym to spell out and no word in common: none of its names can match
        if personal and len(this.person_tokens) >= 2 and g.person and any(
                len(earlier.person_tokens) >= 2 and not (earlier.person_tokens <= this.person_tokens
                                                          or this.person_tokens <= earlier.person_tokens)
                for earlier in g.name_parts.values()):
            continue  # "Siobhan Brennan" is not "Elias Brennan": one surname, two people
        for name, earlier in g.name_parts.items():
            for c in acronyms:
                if _is_acronym_of(c, earlier.caps):
                    return k, f"“{c}” is the acronym of “{name}”"
            for c in earlier.acronyms:
                if _is_acronym_of(c, words):
                    return k, f"“{c}” is the acronym of “{core}”"
            theirs = earlier.cap_words
            # one word names a person only when it is part of that person's own name, not a word before their
            # title ("Stein" is not "Stein spokeswoman Melezia Figueroa")
            if own and theirs and not described and (own <= theirs or theirs <= own) and (
                    len(own & theirs) >= 2 or (g.person and len(own) == 1 and own <= earlier.person_tokens)
                    # "Pence", then "Gov. Mike Pence"
                    or (len(own) == 1 and own <= earlier.person_tokens and len(earlier.person_tokens) >= 2
                        and 0 < _own_name_start(earlier.words, article.lexicons.type_words))
                    # "Brightwater co-founder and CEO Tomas Lindqvist", then "Lindqvist"
                    or (not g.person and len(own) == 1 and earlier.caps[:1] and own == {earlier.caps[0].lower()}
                        and g.type in ("company", "organisation") and not article.has_first_name(words[0]))
                    # "Halvorsen Analytics plc", then "Halvorsen" (but not "Trump" where "Donald Trump" is named)
                    or (g.person and personal and len(theirs) == 1 and theirs <= this.person_tokens)
                    or (len(own) == 1 and len(theirs) == 1)):
                return k, f"shares the name “{' '.join(sorted(own & theirs))}” with “{name}”"
    return None, ""


def _person_tokens(words: list[str], roles: frozenset[str]) -> set[str]:
    """The words of a person's own name: the capitalised words after the last title or lower-case word
    ("Stein spokeswoman Melezia Figueroa" -> melezia, figueroa)."""
    return {w.strip(".’'").lower() for w in words[_own_name_start(words, roles):] if w[0].isupper()}


def _own_name_start(words: list[str], roles: frozenset[str]) -> int:
    """Where a person's own name starts: after the last title, role ("Councillor", "City Manager": a word of
    ``roles``) or lower-case word (0 when there is none); the last word is never a title ("Mr. King")."""
    for k in range(len(words) - 2, -1, -1):  # from the end: the last one decides
        w = words[k]
        if w[0].islower() or w.lower().strip(".") in _TITLES or w.lower() in roles:
            return k + 1
    return len(words) if words and words[-1][0].islower() else 0


def _description_target(low: str, groups: list[_Group], lexicons: Lexicons) -> tuple[int | None, str]:
    words = low.split()
    head = words[-1] if words else ""
    two = " ".join(words[-2:])
    # the head's types; a bare head not listed here takes its type from the lexicon ("the carmaker": a
    # company), but not a modified one ("the water authority" is a body of its own) nor a document
    types = _HEAD_TO_TYPES.get(two) or _HEAD_TO_TYPES.get(head) or tuple(
        lexicons.type_word_rank[head][2] for _ in (0,) if len(words) == 2 and head in lexicons.type_word_rank
        and lexicons.type_word_rank[head][2] not in ("person", "anonymous", "document"))
    modifiers = set(words[:-1]) - _DESCRIPTION_DETERMINERS
    for k in range(len(groups) - 1, -1, -1):
        g = groups[k]
        if len(words) > 1 and any(m.text.lower().startswith(low + ",") for m in g.mentions):
            return k, f"“{low}” is how the article introduced this source by name"  # "The moderator, Elena Ruiz,"
        if modifiers and _other_modifiers(modifiers, head, g):
            continue  # "the defence ministry" is not "the interior ministry" named before
        if g.person and head not in _PERSON_ROLES:
            continue  # "the ministry" is never a person named before ("the senator" may be)
        if head in _ROLE_FORMS:
            said = {w for m in g.mentions for w in _LETTERS.findall(m.text.lower())}
            if not said & set(_ROLE_FORMS[head]):
                continue  # "the senator" is a source called a senator before ("Sen. Lindsey Graham")
            if set(words) & _PARTIES and said & _PARTIES and not set(words) & said & _PARTIES:
                continue  # "the Republican nominee" is not "Democratic nominee Tim Kaine"
        if (types and g.type in types) or any(head in n.lower().split() for n in g.names):
            return k, f"“{low}” refers back to the nearest {g.type.replace('_', ' ')} named before"
    return None, ""


_DESCRIPTION_DETERMINERS = frozenset("the a an its their his her our this that these those".split())


def _other_modifiers(modifiers: set[str], head: str, g: _Group) -> bool:
    """Whether a mention of the source has the same head noun with other words before it, none of them the
    description's ("Interior Ministry", "the interior ministry" against "the defence ministry"); a bare head or
    a shared word ("the ministry", "the Iraqi interior ministry") does not tell two bodies apart."""
    for m in g.mentions:
        words = _LETTERS.findall(m.text.lower())
        if len(words) > 1 and words[-1] == head:
            theirs = set(words[:-1]) - _DESCRIPTION_DETERMINERS
            if theirs and theirs.isdisjoint(modifiers):
                return True
    return False


_LETTERS = re.compile(r"[a-z]+")
_FIRST_PERSON = frozenset("i me we us".split())
_FEMININE = frozenset("she her".split())
_MASCULINE = frozenset("he him his".split())


_FEMALE_WORDS = _FEMININE | {"mrs.", "ms.", "miss", "mrs", "ms", "spokeswoman", "woman"}
_MALE_WORDS = _MASCULINE | {"mr.", "mr", "spokesman", "man"}


def _gender(g: _Group) -> str | None:
    """ "f" or "m" when the source's mentions say so ("she", "Ms. Pirlo"; "he", "Mr. Bown"), else None."""
    said = g.first_words
    female = not said.isdisjoint(_FEMALE_WORDS)
    male = not said.isdisjoint(_MALE_WORDS)
    return "f" if female and not male else "m" if male and not female else None


def _pronoun_target(low: str, groups: list[_Group]) -> tuple[int | None, str]:
    wanted = "f" if low in _FEMININE else "m" if low in _MASCULINE else None
    # the source mentioned last comes first, not the one made last: "Hollings said ... Alvarez said ... Hollings
    # said ... He said" is Hollings
    for k in sorted(range(len(groups)), key=lambda k: groups[k].mentions[-1].start if groups[k].mentions else -1,
                    reverse=True):
        g = groups[k]
        if g.writer:
            continue
        if wanted and _gender(g) not in (None, wanted):
            continue  # "she" does not refer to a source called "he" or "Mr. Bown" before
        if low in _PERSON_PRONOUNS and (g.person or (g.type == "person" and not g.plural)):
            return k, "a pronoun for the nearest person named before"
        if low in _ORG_PRONOUNS and not g.person and (g.names or g.type not in ("person", "anonymous", "document")):
            return k, "“it” for the nearest organisation named or described before"
        if low in _PLURAL_PRONOUNS and not g.person and g.names:
            return k, "“they” for the nearest group named before"
        if low in _PLURAL_PRONOUNS and g.plural:
            return k, "“they” for the nearest people described before"
    return None, ""


def _add_name(g: _Group, core: str, full: str, kind: str, personal: bool, article: _Article) -> None:
    parts = article.name(core)
    if parts.key is not None:
        g.keys.add(parts.key)
    g.descriptions.append(core)
    if kind == "name":
        g.names.append(core)
        g.name_parts.setdefault(core, parts)
        g.name_words |= parts.cap_words
        g.name_acronyms = g.name_acronyms or bool(parts.acronyms)
    source_type, evidence = article.type_of(full, kind)
    if kind == "name" and not g.named:
        g.named = source_type != "anonymous"  # "Hospital officials" name nobody
    # a named mention's type outranks a description's; the first decisive type wins
    if not g.type_evidence or (g.type in ("organisation", "person", "anonymous") and source_type not in (
            "organisation", "person", "anonymous")):
        g.type, g.type_evidence = source_type, evidence
    if kind != "name" and _PLURAL_PEOPLE.search(core):
        g.plural = True
    if (source_type == "person" and not g.plural) or personal:
        # "Chad Bown, an expert on trade" is typed by his apposition but is still a person: "Mr. Bown" and
        # "he" can refer to him (not "Critics" or "Residents of the valley": "he" is none of them)
        g.person = True
    elif source_type == "anonymous" or kind != "name":
        head = _SINGULAR_PERSON.match(core.lower())
        if head:
            # "A senior security official said ... he added": one unnamed person, whom "he" or "she" can mean
            # (the nearest named person is not the speaker); "a spokeswoman" also says which
            g.person = True
            g.first_words.add(head.group(1))


# a plural description of people: its first or last word a plural ("Critics of both candidates", "local residents")
_PLURAL_PEOPLE = re.compile(r"^(?!(?:his|its|this|us)\b)\w+[^su\W]s\b|\b\w+[^su\W]s$", re.IGNORECASE)
# one unnamed person: a singular determiner, a few words, a head noun that is one person
_SINGULAR_PERSON = re.compile(
    r"(?:a|an|one|the|another)\s+(?:[\w’'-]+\s+){0,4}?(official|spokesman|spokeswoman|spokesperson|diplomat|aide|"
    r"source|insider|staffer|employee|officer|member|person|man|woman|witness|resident|analyst|adviser|advisor)"
    r"(?:\s+(?:for|of|at|in|with|from|close|familiar|who)\b.*)?")


# type evidence that says only "a name": the article's introduction of that name may say more
_WEAK_EVIDENCE = ("a personal name", "a name with no type word")


# a personal name, rf"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.\s+)?{_U}[{LOWER}’'-]+(?:\s+{_U}\.)?"
# rf"(?:\s+{_U}[{LOWER}’'-]+){{1,2}}\b", written to open with its capital (every title starts with one), so that
# the regex engine skips from one capital to the next instead of trying the pattern at every character: the word
# boundary before it becomes a look-behind and each title's rest follows its capital (tests/unit/test_sources.py
# checks the two find the same names)
_PERSON_NAME = re.compile(
    rf"{_U}(?<!\w.)(?:(?<=M)(?:rs?|s)\.\s+{_U}|(?<=D)r\.\s+{_U}|(?<=S)en\.\s+{_U}|(?<=R)ep\.\s+{_U}"
    rf"|(?<=G)(?:ov|en)\.\s+{_U}|(?<=P)rof\.\s+{_U})?[{LOWER}’'-]+(?:\s+{_U}\.)?(?:\s+{_U}[{LOWER}’'-]+){{1,2}}\b")


def _person_named_before(pos: int, pronoun: str, article: _Article, since: int = 0) -> tuple[str, int] | None:
    """The last personal name in the 400 characters before a pronoun, of a compatible title ("Ms." for "she"),
    with no word the article also writes in lower case ("In March", "Small Fry"), and where it starts."""
    window_start = max(since, pos - 400)
    if window_start >= pos:
        return None
    roles = article.lexicons.type_words
    for m in reversed(list(_PERSON_NAME.finditer(article.text, window_start, pos))):
        name, start = m.group(), m.start()
        if name.startswith("By "):
            name, start = name[3:], start + 3  # a byline's "By Helen Marsh"
        words = name.split()
        title = words[0].rstrip(".").lower()
        if (title in ("mrs", "ms") and pronoun in _MASCULINE) or (title == "mr" and pronoun in _FEMININE):
            continue
        if any(article.writes_in_lower_case(w.lower()) for w in words) or not _personal_shape(words, roles):
            continue
        if article.type_of(name, "name")[0] != "person" and not (
                title in _TITLES and len(words) >= 3 and article.type_of(" ".join(words[1:]), "name")[0] == "person"):
            continue  # (a title before a personal name still names a person: "Judge Elena Vasquez")
        return name, start
    return None


def _type_by_introduction(g: _Group, article: _Article) -> None:
    """A source quoted only by a short name ("Quint said") is typed by how the article introduced that name
    earlier, where it may not have been quoted: "Sen. Marla Quint", "Carrow Motors", "Petra Lindqvist, a
    glaciologist at ..."."""
    text, lexicons = article.text, article.lexicons
    first = min(m.start for m in g.mentions)
    for name in sorted(g.name_parts, key=len):  # each distinct name once
        words = name.split()
        if len(words) > 2:
            continue
        # the first few times the article wrote the name before (a headline may carry it bare: "Trump Says")
        for k, (start, end) in enumerate(_occurrences(text, words[-1], first)):
            if k == 4:
                break
            intro = _introduction(text, start, end, lexicons)
            if intro.split() == words:
                continue
            source_type, evidence = article.type_of(intro, "name")
            if source_type not in ("person", "organisation", "anonymous"):
                g.type, g.type_evidence = source_type, f"introduced earlier as “{intro}”: {evidence}"
                return


def _occurrences(text: str, word: str, end: int) -> Iterator[tuple[int, int]]:
    r"""Where ``word`` stands as a word of its own in ``text[:end]``, not after a letter, digit or "." (what
    ``(?<![\w.])word\b`` finds): ``str.find`` and two character tests, since that pattern opens with a look-behind
    (re tries it at every character) and would be compiled anew for every new name."""
    ends_in_word = _is_word_char(word[-1])
    at = text.find(word, 0, end)
    while at >= 0:
        after = at + len(word)
        if (at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] == ".")) and (
                after < end and _is_word_char(text[after])) != ends_in_word:
            yield at, after
            at = text.find(word, after, end)
        else:
            at = text.find(word, at + 1, end)


def _is_word_char(char: str) -> bool:
    r"""What ``\w`` matches (Unicode letters, digits and "_")."""
    return char.isalnum() or char == "_"


def _introduction(text: str, start: int, end: int, lexicons: Lexicons) -> str:
    """The name at ``start:end`` with the words that introduce it: titles, capitalised words and type words
    right before it ("City treasurer Petra"), capitalised words after it ("Motors") and an apposition that
    follows ("Petra Lindqvist, a glaciologist at the institute,")."""
    left = text[max(0, start - 80):start].split(" ")[:-1]  # the words before, the last one ending at start
    keep = 0
    for word in reversed(left):
        bare = word.strip("\u201c\u201d\"'()")
        if not bare or bare != word or keep >= 5 or not (
                bare[0].isupper() or bare.lower() in lexicons.type_words or bare.lower().strip(".") in _TITLES):
            break
        keep += 1
    begin = start - sum(len(w) + 1 for w in left[len(left) - keep:]) if keep else start
    # the patterns are matched in place (pos, endpos), not on slices that copy the rest of the article
    role = _ROLE_BEFORE.search(text, max(0, begin - 40), begin)
    if role and role.group(1).lower() in lexicons.type_words:
        begin -= len(role.group())  # a role set off before the name: "Its chairman, Erik Dahl"
    stop = _CAPITALS_AFTER.match(text, end).end()  # type: ignore[union-attr]  # (matches empty)
    apposition = _APPOSITION.match(text, stop)
    appositive = apposition.group(1).split() if apposition else []
    # a noun phrase (", a glaciologist at", ", chairman of"), not a clause (", said the ...")
    if apposition and appositive and len(appositive) <= 15 and (
            appositive[0] in ("a", "an", "the") or appositive[0] in lexicons.type_word_firsts):
        stop = apposition.end()
    return text[begin:stop]


_ROLE_BEFORE = re.compile(r"(\w+),\s+$")
_CAPITALS_AFTER = re.compile(rf"(?:\s+{_U}[\w’'&.-]*){{0,3}}")
_APPOSITION = re.compile(r",\s+((?:a|an|the|[a-z]+)\b[^,.;\n]{0,120})")


def _is_personal_name(core: str, article: _Article) -> bool:
    """ "Dana Pirlo", "Ms. Pirlo", "Republican nominee Gov. Mike Pence": a person's name, with or without a title
    before it, and no organisation word in it ("General Motors" is not one)."""
    words = article.name(core).words
    roles = article.lexicons.type_words
    if not _personal_shape(words, roles):
        return False
    start = _own_name_start(words, roles)
    # after a title or a role ("Gov. Mike Pence", "Conservative economist Aparna Mathur") the name decides
    return article.type_of(" ".join(words[start:]) if start else core, "name")[0] == "person"


def _personal_shape(words: list[str], roles: frozenset[str]) -> bool:
    """Shaped like a person's name, maybe after a title or role: one to four capitalised words at the end
    ("Ada Quill", "Mr. Bown", "longtime pollster Pat Caddell"), none of "the", "and", "of"; not "Few people",
    "Trump's plan", "22% of Democratic", "NATO"."""
    if len(words) > 2 and words[0].lower() == "the" and words[1].lower().strip(".") in _TITLES:
        words = words[1:]  # "the Rev. Peter Wherry"
    if not words or words[0].lower() in ("the", "a", "an") or not _JOINERS.isdisjoint(words):
        return False  # "The Tide Lance": a person's name takes no article; "Trump and Clinton" are two
    start = _own_name_start(words, roles)
    if start == len(words) or len(words) - start > 4:
        return False
    if 0 < start == len(words) - 1 and words[start - 1].lower().strip(".") not in _TITLES:
        return False  # one word after a lower-case one ("22% of Democratic") is no name; "Mr. Bown" is
    for w in words[start:]:
        if not w[0].isupper() or w.isupper() or w.endswith(("’s", "'s")):
            return False
    return True


_JOINERS = frozenset(("and", "&", "of", "for"))


def _anonymous_marker(low: str, lexicons: Lexicons) -> str | None:
    """The first anonymous marker in a mention, as whole words: "sources" is a marker, "Sundale Resources" is not.
    ``low``: the mention lower-cased, padded, every character but a letter, digit or space a space."""
    if lexicons.anonymous_marker_scan.search(low) is None:  # one scan; most mentions have none
        return None
    for marker, padded in lexicons.anonymous_markers_padded:
        if padded in low:
            return marker
    return None




_NOT_TYPE_TEXT = re.compile(r"[^\w\s.\-&'’]")
_LEADING_THE = re.compile(r"^the\s+")
_UNNAMED_PEOPLE = frozenset(
    "official officials source sources diplomat diplomats aide aides person people insider insiders staffer "
    "staffers employee employees officer officers member members".split()
)


_POLLED_BY = re.compile(r"\s+(?:polled|surveyed|interviewed|questioned|contacted)\s+by\b", re.IGNORECASE)


def _without_pollster(mention: str) -> str:
    """The mention without who asked its people: "Economists polled by Reuters" are economists, named by
    nobody (the name is the pollster's)."""
    if "by" not in mention.lower():  # (most mentions: a substring test spares the pattern's try at every character)
        return mention
    polled = _POLLED_BY.search(mention)
    return mention[:polled.start()] if polled and polled.start() > 0 else mention


def _type_of(full: str, kind: str, article: _Article) -> tuple[str, str]:
    """The type of a mention and the evidence for it."""
    full = _without_pollster(full)
    lexicons, core = article.lexicons, article.core(full)
    low = " " + _NOT_TYPE_TEXT.sub(" ", full.lower()) + " "
    # the anonymous markers are whole words of letters: the few other characters kept in ``low`` part words too
    marker = _anonymous_marker(
        low.replace(".", " ").replace("-", " ").replace("&", " ").replace("'", " ").replace("’", " "), lexicons)
    if marker is not None:
        return "anonymous", f"described without a name ({marker})"
    words = article.words(core)
    # unnamed officials, sources, diplomats ("Hospital officials", "officials on both sides", "a senior
    # diplomat involved in the talks"), unless a name comes before that head ("State Department officials")
    for head, w in enumerate(words):
        if w.lower() in _UNNAMED_PEOPLE:
            if not any(w[0].isupper() and not _nationality(w) for w in words[1:head]):
                return "anonymous", f"unnamed people (“{core}”)"
            break
    core_low = core.lower()
    if core_low in lexicons.countries or (
            core_low.startswith("the") and _LEADING_THE.sub("", core_low) in lexicons.countries):
        return "government", f"a country (“{core}”), speaking through its government"
    people = words[-1] if words and words[-1].lower() in lexicons.peoples else None  # "many Mexicans", not "French President X"
    if people:
        return "person", f"people of a country or state (“{people}”)"
    any_acronym, any_name = lexicons.type_name_scan
    low_tokens = low.split(" ")
    # a long name's first word stands alone in ``low`` (between spaces): one set test rules most names out
    known_name = (not lexicons.type_name_firsts.isdisjoint(low_tokens) and any_name.search(low) is not None) \
        or any_acronym.search(full) is not None
    for t, acronyms, names in lexicons.type_name_patterns if known_name else ():
        # short names are acronyms (WHO, AP, UN) and count only in capitals: "who" is a pronoun
        m = acronyms.search(full) or names.search(low)
        if m:
            return t, f"known {t.replace('_', ' ')} name “{m.group().strip().lower()}”"
    # "a spokeswoman for the company": what follows "for/of/at/with the" decides first, then the whole mention;
    # but an expert's role before it decides alone ("an economist at Baltic Capital" speaks as an economist)
    tail = _TAIL.split(low)
    rank, spans, firsts = lexicons.type_word_rank, lexicons.type_word_spans, lexicons.type_word_firsts
    before = _ROLE_BEFORE_PLACE.split(low, 1)
    role = [before[0] + " "] if len(before) > 1 else []
    for part in role + ([" " + tail[-1]] if len(tail) > 1 else []) + [low]:
        # every phrase of space-separated words that is a type word, looked up; the best-ranked one decides
        tokens = low_tokens if part is low else part.split(" ")
        if firsts.isdisjoint(tokens):
            continue  # no type word starts anywhere in it ("Dana Pirlo")
        found = {}
        for k, word in enumerate(tokens):
            for n in spans.get(word, ()):  # only where some phrase starts, only as long as those phrases
                if k + n > len(tokens):
                    break
                phrase = " ".join(tokens[k:k + n])
                if phrase in rank:
                    found[(k, k + n)] = phrase
        best = None  # the best-ranked phrase that counts
        for (a, b), phrase in found.items():
            # a phrase inside a longer one found there does not count: "state" in "Corvell State University"
            if len(found) > 1 and any(c <= a and b <= d and (c, d) != (a, b) for c, d in found):
                continue
            entry = rank[phrase] + (phrase,)
            if entry[2] == "person" and kind == "name" and phrase in ("he", "she", "i", "we", "you"):
                continue
            if best is None or entry < best:
                best = entry
        if best is not None and (best[2] == "expert" or not role or part is not role[0]):
            return best[2], f"the word “{best[3]}”"
    if kind == "name":
        if _personal_shape(words, lexicons.type_words):
            return "person", "a personal name (capitalised words with no organisation word)"
        return "organisation", "a name with no type word"
    if kind == "anonymous":
        return "anonymous", "an unnamed description"
    return "organisation", "a description with no type word"


def _best_name(g: _Group) -> str:
    if g.names:
        # the longest named mention without an apposition: "US Central Command" over "CENTCOM"
        best = max(g.names, key=lambda name: (g.name_parts[name].capital_count, len(name)))
        return _LEADING_DETERMINER.sub("", best)
    return g.descriptions[0] if g.descriptions else _core(g.mentions[0].text)


_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
