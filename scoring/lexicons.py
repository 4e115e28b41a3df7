"""Loads the lexicon data files in ``scoring/lexicons/`` into one frozen object.

The files are data, not code: each carries a ``_source`` line (or a ``#`` header) saying where its entries come
from. ``Lexicons.load`` is the only function here that touches the disk.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .errors import LexiconError

LEXICON_DIR = Path(__file__).parent / "lexicons"


@dataclass(frozen=True)
class VerbEntry:
    lemma: str
    kind: str
    stance: str


@dataclass(frozen=True)
class HedgeEntry:
    type: str
    pattern: re.Pattern[str]
    unless_before: re.Pattern[str] | None
    unless_after: re.Pattern[str] | None
    source: str
    """The pattern as written in the data file, for explanations."""


@dataclass(frozen=True)
class NoSourceEntry:
    pattern: re.Pattern[str]
    lemma: str
    stance: str


@dataclass(frozen=True)
class Lexicons:
    verb_forms: Mapping[str, VerbEntry]
    """Every inflected form of a reporting verb (``said``) to its entry."""
    according_to: tuple[str, ...]
    nominal: Mapping[str, str]
    """Nominal cue (``statement``) to stance."""
    statement_phrases: tuple[str, ...]
    no_source: tuple[NoSourceEntry, ...]
    hedges: tuple[HedgeEntry, ...]
    abbreviations: frozenset[str]
    source_types: Mapping[str, Any]
    anonymous_markers: tuple[str, ...]

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
                    forms.setdefault(form, VerbEntry(lemma, entry["kind"], entry["stance"]))
            hedge_entries = tuple(
                HedgeEntry(
                    type=e["type"],
                    pattern=re.compile(r"\b" + e["pattern"] + r"(?!\w)", re.IGNORECASE),
                    unless_before=_compile(e.get("unless_before")),
                    unless_after=_compile(e.get("unless_after")),
                    source=e["pattern"],
                )
                for e in hedges["entries"]
            )
            no_source = tuple(
                NoSourceEntry(re.compile(e["pattern"], re.IGNORECASE), e["lemma"], e["stance"])
                for e in cues["no_source"]
            )
            return cls(
                verb_forms=MappingProxyType(forms),
                according_to=tuple(cues["according_to"]),
                nominal=MappingProxyType(dict(cues["nominal"])),
                statement_phrases=tuple(cues["statement_phrases"]),
                no_source=no_source,
                hedges=hedge_entries,
                abbreviations=_read_abbreviations(directory / "abbreviations.txt"),
                source_types=MappingProxyType(types),
                anonymous_markers=tuple(types["anonymous_markers"]),
            )
        except (KeyError, TypeError, re.error) as exc:
            raise LexiconError(f"malformed lexicon in {directory}: {exc!r}") from exc


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
