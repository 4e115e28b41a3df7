"""Settings of the library, frozen; ``from_env`` reads the ``SOURCESCORE_*`` environment variables."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# (here, from this module's __file__: a module compiled by mypyc, as lexicons and reliability are, sees a wrong one)
LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
DEFAULT_MODEL_DIR = PROJECT_ROOT / "models" / "certainty"
DEFAULT_CORPUS_DIR = PROJECT_ROOT / "seeds" / "certainty"
MAX_TEXT_CHARS = 100_000


@dataclass(frozen=True)
class Config:
    model_dir: Path = DEFAULT_MODEL_DIR
    """Where the trained certainty model lives (``model.json`` + ``weights.npz``)."""
    max_text_chars: int = MAX_TEXT_CHARS
    """Longest article accepted, in characters."""

    @classmethod
    def from_env(cls) -> "Config":
        return cls(
            model_dir=Path(os.environ.get("SOURCESCORE_MODEL_DIR", str(DEFAULT_MODEL_DIR))),
            max_text_chars=int(os.environ.get("SOURCESCORE_MAX_TEXT_CHARS", str(MAX_TEXT_CHARS))),
        )
