"""Compiles the pipeline's modules with mypyc into C extensions beside their sources (``scoring/*.so``), and
records each source's SHA-256 in ``scoring/_compiled.json`` (``scoring/__init__.py`` refuses to run compiled
modules whose source has changed since).

The modules stay plain, type-checked Python: interpreted they give the same reports (tests/integration/
test_compiled.py compares the two on every article of seeds/), compiled a whole Report is about 1.4 times as
fast (see README, Speed). ``--clean`` removes the extensions: the interpreted sources are used again.
``--check`` exits 0 when the extensions are there and built from the current sources by this Python, else 1.

Usage: python scripts/compile.py [--clean | --check]   (scripts/setup runs it; needs mypy from
requirements-compile.txt and a C compiler)."""
from __future__ import annotations

import hashlib
import json
import os
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The stages' modules, the types they pass on and the lexicons they read (compiled together, so the types and
# lexicon entries are native classes the stages read directly) and the scorer that runs them (it builds the
# statements the certainty model reads). Not compiled: certainty (its time is numpy's), evaluate, cli, train,
# export (not on the scoring path), config (it finds the data files from its own __file__, which a compiled module
# of a package sees wrong), and chars: ``lower_same_length`` promises ``str.lower``'s result, and mypyc's own
# ``str.lower`` differs in one place, a capital sigma ending a word (always "σ", where Python writes the final
# "ς"). In the compiled stages that only changes the lower-cased copies of Greek words that lexicon entries (all
# English) are looked up with.
MODULES = ("types", "lexicons", "quotes", "segment", "attribution", "sources", "hedging", "reliability", "scorer")
STAMP = ROOT / "scoring" / "_compiled.json"


def _stamp() -> dict[str, str]:
    stamp = {path: hashlib.sha256((ROOT / path).read_bytes()).hexdigest()
             for path in (f"scoring/{m}.py" for m in MODULES)}
    stamp["soabi"] = str(sysconfig.get_config_var("SOABI"))
    return stamp


def up_to_date() -> bool:
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    try:
        built_from = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return built_from == _stamp() and all((ROOT / "scoring" / f"{m}{suffix}").exists() for m in MODULES)


def clean() -> None:
    for path in (ROOT / "scoring").glob("*.so"):
        path.unlink()
    STAMP.unlink(missing_ok=True)


def build() -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    clean()
    os.chdir(ROOT)
    sources = [f"scoring/{m}.py" for m in MODULES]
    # group_name puts the shared runtime library inside the package (scoring/_native__mypyc*.so)
    setup(name="sourcescore-compiled", py_modules=[],
          ext_modules=mypycify(["--ignore-missing-imports", *sources], group_name="scoring._native",
                               opt_level="3"),
          script_args=["--quiet", "build_ext", "--inplace", "--build-temp", "build/compiled"])
    STAMP.write_text(json.dumps(_stamp(), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(0 if up_to_date() else 1)
    clean() if sys.argv[1:] == ["--clean"] else build()
