"""Data passed between the pipeline stages, defined once.

Every type is a frozen dataclass holding tuples, so a stage can never change what an earlier stage produced.
Every span is ``[start, end)`` in characters of ``Document.text`` and carries that text, so
``document.text[span.start:span.end] == span.text`` always holds.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields


def frozen(cls: type) -> type:
    """``@dataclass(frozen=True)``, built faster: the generated ``__init__`` writes the new instance's
    ``__dict__`` directly instead of calling ``object.__setattr__`` once per field, which made building these
    objects (several hundred an article) twice as slow. Everything else is the dataclass's own: equality,
    hashing, ``repr``, ``fields``, ``replace``, and no assignment after construction."""
    cls = dataclass(frozen=True)(cls)
    names = [f.name for f in fields(cls)]
    defaults = {}
    params = []
    for f in fields(cls):
        if f.default is not MISSING:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:  # not used by these types; kept to the dataclass's behaviour
            raise TypeError(f"{cls.__name__}.{f.name}: default_factory is not supported by @frozen")
        else:
            params.append(f.name)
    body = "".join(f"    d[{n!r}] = {n}\n" for n in names) or "    pass\n"
    source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n{body}"
    namespace: dict = {}
    exec(source, defaults, namespace)  # the same technique dataclasses use to build __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


@frozen
class Span:
    """A piece of the document text."""

    start: int
    """First character, counted in the normalised document text."""
    end: int
    """One past the last character."""
    text: str
    """Exactly ``document.text[start:end]``."""


@frozen
class Sentence:
    """One sentence (or heading, dateline, byline, list item) of the document."""

    id: str
    """``s1``, ``s2``, ... in reading order."""
    start: int
    end: int
    text: str
    kind: str
    """``heading``, ``dateline``, ``byline``, ``list_item`` or ``body``."""
    paragraph: int
    """Index of the paragraph (block of lines separated by a blank line), from 0."""


@frozen
class Document:
    """The article after normalisation, split into sentences."""

    text: str
    """The normalised text every offset refers to (line breaks unified, Unicode NFC)."""
    sentences: tuple[Sentence, ...]
    id: str | None = None
    title: str | None = None
    published_at: str | None = None


@frozen
class Cue:
    """The words that signal an attribution."""

    span: Span
    lemma: str
    """Dictionary form of the cue (``say`` for "has said", ``according to``, ``unclear``)."""
    kind: str
    """``speech``, ``cognition``, ``according_to``, ``nominal``, ``relay`` or ``no_source``."""
    stance: str
    """How the cue presents the content: ``assertive``, ``neutral``, ``distancing``, ``denial``,
    ``unresolved`` (from the reporting-verb lexicon)."""


@frozen
class Attribution:
    """Who (source) says what (content), signalled by a cue."""

    id: str
    """``a1``, ``a2``, ... in the order of the cues in the text."""
    cue: Cue
    source: Span | None
    """The source mention, or None for attributions with no source ("it is unclear")."""
    content: tuple[Span, ...]
    """One fragment, or several for a quote interrupted by its cue."""
    quote: str
    """``direct``, ``indirect``, ``mixed`` or ``none``."""
    sentence_ids: tuple[str, ...]
    """Sentences the cue and content touch."""
    via: str | None = None
    """Id of the attribution that relays this one ("Reuters reported, citing officials")."""
    rule: str = ""
    """Name of the rule that found it, so a report can say why."""


@frozen
class Source:
    """One real-world source, merged over all its mentions."""

    id: str
    name: str
    """The most informative mention's text (a named mention before a description)."""
    type: str
    """See ``lexicons/source_types.json``."""
    named: bool
    """False for anonymous descriptions ("US officials familiar with the matter") and no source."""
    mentions: tuple[Span, ...]
    attribution_ids: tuple[str, ...]
    type_evidence: str = ""
    """Which word or rule decided the type."""
    merge_evidence: tuple[str, ...] = ()
    """One line per merged mention saying why it belongs here."""


@frozen
class Hedge:
    """A word or phrase that lowers (hedge) or raises (booster) certainty."""

    span: Span
    type: str
    """``epistemic``, ``hearsay``, ``unknown``, ``claim``, ``approximator``, ``weasel``, ``conditional``,
    ``negated_certainty`` or ``booster``."""
    sentence_id: str
    entry: str
    """The lexicon entry that matched."""


@frozen
class Certainty:
    """The certainty model's view of one statement."""

    certainty: float
    """Calibrated probability that the statement is presented as certain."""
    label: str
    """Most probable level: ``certain``, ``probable``, ``possible`` or ``unknown``."""
    probabilities: tuple[tuple[str, float], ...]


@frozen
class Component:
    """One part of a reliability score."""

    name: str
    value: float
    """In [0, 1]; higher means more weight can rest on the source."""
    weight: float
    explanation: str


@frozen
class Reliability:
    score: float
    components: tuple[Component, ...]
    explanation: tuple[str, ...]
    """Plain sentences, the components that moved the score most first."""


@frozen
class SourceProfile:
    """A source with what the article lets us say about it."""

    source: Source
    mean_certainty: float
    min_certainty: float
    hedged_share: float
    reliability: Reliability


@frozen
class Flag:
    """Something an editor should look at."""

    type: str
    message: str
    sentence_ids: tuple[str, ...]
    attribution_ids: tuple[str, ...] = ()


@frozen
class ScoredSentence:
    sentence: Sentence
    certainty: Certainty
    hedges: tuple[Hedge, ...]
    attribution_ids: tuple[str, ...]


@frozen
class ScoredAttribution:
    attribution: Attribution
    source_id: str | None
    certainty: Certainty
    hedges: tuple[Hedge, ...]


@frozen
class Summary:
    sentences: int
    statements: int
    """Body sentences that make a claim (headings, datelines and bylines excluded)."""
    attributed_share: float
    anonymous_share: float
    hedged_share: float
    sources: int
    independent_sources: int
    single_source_share: float


@frozen
class Report:
    """Everything sourcescore says about one article."""

    id: str | None
    text: str
    model_version: str
    sentences: tuple[ScoredSentence, ...]
    attributions: tuple[ScoredAttribution, ...]
    sources: tuple[SourceProfile, ...]
    summary: Summary
    flags: tuple[Flag, ...] = ()
    title: str | None = None
    published_at: str | None = None
