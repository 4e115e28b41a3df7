"""Refuses compiled modules (``scripts/compile.py``) built from sources that have changed since: Python would
import the stale extension, not the edited source."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .errors import ScoringError

_PACKAGE = Path(__file__).resolve().parent  # (this module is never compiled: its __file__ is right)


def check_compiled() -> None:
    extensions = list(_PACKAGE.glob("*.so"))
    if not extensions:
        return  # the interpreted sources
    stamp = _PACKAGE / "_compiled.json"
    try:
        built_from = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ScoringError(f"compiled modules in {_PACKAGE} without a readable {stamp.name}: run "
                           "`python scripts/compile.py` (or `--clean` to use the Python sources)") from None
    for path, digest in built_from.items():
        if path == "soabi":
            continue
        source = _PACKAGE.parent / path
        if not source.exists() or hashlib.sha256(source.read_bytes()).hexdigest() != digest:
            raise ScoringError(f"{path} changed since it was compiled: run `python scripts/compile.py` "
                               "(or `--clean` to use the Python sources)")
