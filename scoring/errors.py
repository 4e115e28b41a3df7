"""Errors the library raises. Callers catch ``ScoringError``; the service maps each subclass to HTTP once."""


class ScoringError(Exception):
    """Base class of every error sourcescore raises on purpose."""


class InvalidInput(ScoringError):
    """The article cannot be scored as given (empty, too long, not text)."""

    def __init__(self, message: str, field: str = "text") -> None:
        super().__init__(message)
        self.field = field


class ModelError(ScoringError):
    """The certainty model is missing, corrupt or of an unsupported format."""


class LexiconError(ScoringError):
    """A lexicon data file is missing or malformed."""


class CorpusError(ScoringError):
    """A training or evaluation corpus is missing or malformed (says which file and line)."""
