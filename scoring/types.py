"""Data passed between the pipeline stages, defined once.

Every type is a frozen dataclass holding tuples, so a stage can never change what an earlier stage produced.
Every span is ``[start, end)`` in characters of ``Document.text`` and carries that text, so
``document.text[span.start:span.end] == span.text`` always holds.

Each class writes its own ``__init__`` (``init=False``), the fields again in order: compiled by mypyc
(``scripts/compile.py``) that ``__init__`` is native code storing each field directly, where the one
``dataclass`` generates would run interpreted, a third of the cost of building these objects. Interpreted,
``fast_init`` replaces it (a frozen class's own ``__init__`` cannot assign). tests/unit/test_types.py checks
each ``__init__`` against the fields.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields


def fast_init(cls: type) -> None:
    """Give an interpreted frozen dataclass a faster ``__init__``, one that writes the new instance's
    ``__dict__`` directly instead of calling ``object.__setattr__`` once per field (that made building these
    objects, several hundred an article, twice as slow). Everything else stays the dataclass's own: equality,
    hashing, ``repr``, ``fields``, ``replace``, and no assignment after construction. Not used when this module
    is compiled (``scripts/compile.py``): mypyc builds these classes natively, with no ``__dict__``."""
    params = []
    defaults = {}
    for f in fields(cls):
        if f.default is not MISSING:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:  # not used by these types; kept to the dataclass's behaviour
            raise TypeError(f"{cls.__name__}.{f.name}: default_factory is not supported by fast_init")
        else:
            params.append(f.name)
    body = "".join(f"    d[{f.name!r}] = {f.name}\n" for f in fields(cls)) or "    pass\n"
    source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n{body}"
    namespace: dict[str, object] = {}
    exec(source, defaults, namespace)  # the same technique dataclasses use to build __init__
    init = namespace["__init__"]
    setattr(init, "__qualname__", f"{cls.__qualname__}.__init__")
    setattr(cls, "__init__", init)


@dataclass(frozen=True, init=False)
class Span:
    """A piece of the document text."""

    start: int
    """First character, counted in the normalised document text."""
    end: int
    """One past the last character."""
    text: str
    """Exactly ``document.text[start:end]``."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start  # type: ignore[misc]
        self.end = end  # type: ignore[misc]
        self.text = text  # type: ignore[misc]


@dataclass(frozen=True, init=False)
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

    def __init__(self, id: str, start: int, end: int, text: str, kind: str, paragraph: int) -> None:
        self.id = id  # type: ignore[misc]
        self.start = start  # type: ignore[misc]
        self.end = end  # type: ignore[misc]
        self.text = text  # type: ignore[misc]
        self.kind = kind  # type: ignore[misc]
        self.paragraph = paragraph  # type: ignore[misc]


@dataclass(frozen=True, init=False)
class Document:
    """The article after normalisation, split into sentences."""

    text: str
    """The normalised text every offset refers to (line breaks unified, Unicode NFC)."""
    sentences: tuple[Sentence, ...]
    id: str | None = None
    title: str | None = None
    published_at: str | None = None

    def __init__(
            self, text: str, sentences: tuple[Sentence, ...], id: str | None = None, title: str | None = None,
            published_at: str | None = None) -> None:
        self.text = text  # type: ignore[misc]
        self.sentences = sentences  # type: ignore[misc]
        self.id = id  # type: ignore[misc]
        self.title = title  # type: ignore[misc]
        self.published_at = published_at  # type: ignore[misc]


@dataclass(frozen=True, init=False)
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

    def __init__(self, span: Span, lemma: str, kind: str, stance: str) -> None:
        self.span = span  # type: ignore[misc]
        self.lemma = lemma  # type: ignore[misc]
        self.kind = kind  # type: ignore[misc]
        self.stance = stance  # type: ignore[misc]


@dataclass(frozen=True, init=False)
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

    def __init__(
            self, id: str, cue: Cue, source: Span | None, content: tuple[Span, ...], quote: str,
            sentence_ids: tuple[str, ...], via: str | None = None, rule: str = "") -> None:
        self.id = id  # type: ignore[misc]
        self.cue = cue  # type: ignore[misc]
        self.source = source  # type: ignore[misc]
        self.content = content  # type: ignore[misc]
        self.quote = quote  # type: ignore[misc]
        self.sentence_ids = sentence_ids  # type: ignore[misc]
        self.via = via  # type: ignore[misc]
        self.rule = rule  # type: ignore[misc]


@dataclass(frozen=True, init=False)
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

    def __init__(
            self, id: str, name: str, type: str, named: bool, mentions: tuple[Span, ...],
            attribution_ids: tuple[str, ...], type_evidence: str = "",
            merge_evidence: tuple[str, ...] = ()) -> None:
        self.id = id  # type: ignore[misc]
        self.name = name  # type: ignore[misc]
        self.type = type  # type: ignore[misc]
        self.named = named  # type: ignore[misc]
        self.mentions = mentions  # type: ignore[misc]
        self.attribution_ids = attribution_ids  # type: ignore[misc]
        self.type_evidence = type_evidence  # type: ignore[misc]
        self.merge_evidence = merge_evidence  # type: ignore[misc]


@dataclass(frozen=True, init=False)
class Hedge:
    """A word or phrase that lowers (hedge) or raises (booster) certainty."""

    span: Span
    type: str
    """``epistemic``, ``hearsay``, ``unknown``, ``claim``, ``approximator``, ``weasel``, ``conditional``,
    ``negated_certainty`` or ``booster``."""
    sentence_id: str
    entry: str
    """The lexicon entry that matched."""

    def __init__(self, span: Span, type: str, sentence_id: str, entry: str) -> None:
        self.span = span  # type: ignore[misc]
        self.type = type  # type: ignore[misc]
        self.sentence_id = sentence_id  # type: ignore[misc]
        self.entry = entry  # type: ignore[misc]


@dataclass(frozen=True, init=False)
class Certainty:
    """The certainty model's view of one statement."""

    certainty: float
    """Calibrated probability that the statement is presented as certain."""
    label: str
    """Most probable level: ``certain``, ``probable``, ``possible`` or ``unknown``."""
    probabilities: tuple[tuple[str, float], ...]

    def __init__(self, certainty: float, label: str, probabilities: tuple[tuple[str, float], ...]) -> None:
        self.certainty = certainty  # type: ignore[misc]
        self.label = label  # type: ignore[misc]
        self.probabilities = probabilities  # type: ignore[misc]


@dataclass(frozen=True, init=False)
class Component:
    """One part of a reliability score."""

    name: str
    value: float
    """In [0, 1]; higher means more weight can rest on the source."""
    weight: float
    explanation: str

    def __init__(self, name: str, value: float, weight: float, explanation: str) -> None:
        self.name = name  # type: ignore[misc]
        self.value = value  # type: ignore[misc]
        self.weight = weight  # type: ignore[misc]
        self.explanation = explanation  # type: ignore[misc]


@dataclass(frozen=True, init=False)
class Reliability:
    score: float
    components: tuple[Component, ...]
    explanation: tuple[str, ...]
    """Plain sentences, the components that moved the score most first."""

    def __init__(self, score: float, components: tuple[Component, ...], explanation: tuple[str, ...]) -> None:
        self.score = score  # type: ignore[misc]
        self.components = components  # type: ignore[misc]
        self.explanation = explanation  # type: ignore[misc]


@dataclass(frozen=True, init=False)
class SourceProfile:
    """A source with what the article lets us say about it."""

    source: Source
    mean_certainty: float
    min_certainty: float
    hedged_share: float
    reliability: Reliability

    def __init__(
            self, source: Source, mean_certainty: float, min_certainty: float, hedged_share: float,
            reliability: Reliability) -> None:
        self.source = source  # type: ignore[misc]
        self.mean_certainty = mean_certainty  # type: ignore[misc]
        self.min_certainty = min_certainty  # type: ignore[misc]
        self.hedged_share = hedged_share  # type: ignore[misc]
        self.reliability = reliability  # type: ignore[misc]


@dataclass(frozen=True, init=False)
class Flag:
    """Something an editor should look at."""

    type: str
    message: str
    sentence_ids: tuple[str, ...]
    attribution_ids: tuple[str, ...] = ()

    def __init__(
            self, type: str, message: str, sentence_ids: tuple[str, ...],
            attribution_ids: tuple[str, ...] = ()) -> None:
        self.type = type  # type: ignore[misc]
        self.message = message  # type: ignore[misc]
        self.sentence_ids = sentence_ids  # type: ignore[misc]
        self.attribution_ids = attribution_ids  # type: ignore[misc]


@dataclass(frozen=True, init=False)
class ScoredSentence:
    sentence: Sentence
    certainty: Certainty
    hedges: tuple[Hedge, ...]
    attribution_ids: tuple[str, ...]

    def __init__(
            self, sentence: Sentence, certainty: Certainty, hedges: tuple[Hedge, ...],
            attribution_ids: tuple[str, ...]) -> None:
        self.sentence = sentence  # type: ignore[misc]
        self.certainty = certainty  # type: ignore[misc]
        self.hedges = hedges  # type: ignore[misc]
        self.attribution_ids = attribution_ids  # type: ignore[misc]


@dataclass(frozen=True, init=False)
class ScoredAttribution:
    attribution: Attribution
    source_id: str | None
    certainty: Certainty
    hedges: tuple[Hedge, ...]

    def __init__(
            self, attribution: Attribution, source_id: str | None, certainty: Certainty,
            hedges: tuple[Hedge, ...]) -> None:
        self.attribution = attribution  # type: ignore[misc]
        self.source_id = source_id  # type: ignore[misc]
        self.certainty = certainty  # type: ignore[misc]
        self.hedges = hedges  # type: ignore[misc]


@dataclass(frozen=True, init=False)
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

    def __init__(
            self, sentences: int, statements: int, attributed_share: float, anonymous_share: float,
            hedged_share: float, sources: int, independent_sources: int, single_source_share: float) -> None:
        self.sentences = sentences  # type: ignore[misc]
        self.statements = statements  # type: ignore[misc]
        self.attributed_share = attributed_share  # type: ignore[misc]
        self.anonymous_share = anonymous_share  # type: ignore[misc]
        self.hedged_share = hedged_share  # type: ignore[misc]
        self.sources = sources  # type: ignore[misc]
        self.independent_sources = independent_sources  # type: ignore[misc]
        self.single_source_share = single_source_share  # type: ignore[misc]


@dataclass(frozen=True, init=False)
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

    def __init__(
            self, id: str | None, text: str, model_version: str, sentences: tuple[ScoredSentence, ...],
            attributions: tuple[ScoredAttribution, ...], sources: tuple[SourceProfile, ...], summary: Summary,
            flags: tuple[Flag, ...] = (), title: str | None = None, published_at: str | None = None) -> None:
        self.id = id  # type: ignore[misc]
        self.text = text  # type: ignore[misc]
        self.model_version = model_version  # type: ignore[misc]
        self.sentences = sentences  # type: ignore[misc]
        self.attributions = attributions  # type: ignore[misc]
        self.sources = sources  # type: ignore[misc]
        self.summary = summary  # type: ignore[misc]
        self.flags = flags  # type: ignore[misc]
        self.title = title  # type: ignore[misc]
        self.published_at = published_at  # type: ignore[misc]


# Compiled by mypyc, this module's functions are native code, with no Python code object.
COMPILED: bool = not hasattr(fast_init, "__code__")
"""Whether this module runs compiled (``scripts/compile.py``), or as interpreted Python."""
if not COMPILED:
    for _cls in (Span, Sentence, Document, Cue, Attribution, Source, Hedge, Certainty, Component, Reliability,
                 SourceProfile, Flag, ScoredSentence, ScoredAttribution, Summary, Report):
        fast_init(_cls)
