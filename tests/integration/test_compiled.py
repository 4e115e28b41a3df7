"""The compiled modules (scripts/compile.py, mypyc) give the same reports as the interpreted sources.

The interpreted side runs in a subprocess on a copy of the package without the extensions; both score every
article of seeds/ and a few awkward texts, and their reports (as the service serialises them) must be equal.
Skipped when this checkout runs interpreted, unless SOURCESCORE_REQUIRE_COMPILED=1 (CI sets it: there the
suite must run on what setup compiled)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scoring import Config, ScoringError, report_dict
from scoring.types import COMPILED

ROOT = Path(__file__).resolve().parents[2]
AWKWARD = [
    "",
    "\u201cNo closing mark, said nobody.\n\n\u201cAnd a second paragraph.",
    "ZΣ ΣΟΦΟΣ said the İstanbul office. \u201cYes,\u201d it added.",
    "WASHINGTON (Reuters) - U.S. officials said on Monday that 3.5 million people may be affected, "
    "according to Gen. Smith. It is unclear if the group claimed responsibility.",
    "a\u0000b said \U0001F600 \u200b\ufeff she said.",
]


def _texts() -> list[str]:
    paths = sorted((ROOT / "seeds" / "attribution").glob("*.txt")) + sorted((ROOT / "seeds" / "articles").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths] + AWKWARD


_INTERPRETED = """
import json, sys
from scoring import Config, Scorer, ScoringError, report_dict
from scoring.types import COMPILED
assert not COMPILED, "the copy imported compiled modules"
scorer = Scorer.load(Config.from_env())
out = []
for text in json.load(sys.stdin):
    try:
        out.append(report_dict(scorer.score(text)))
    except ScoringError as exc:  # a refusal is part of the behaviour compared (its type and message)
        out.append({"error": f"{type(exc).__name__}: {exc}"})
json.dump(out, sys.stdout)
"""


def _score_all(scorer, texts: list[str]) -> list[dict]:
    out = []
    for text in texts:
        try:
            out.append(report_dict(scorer.score(text)))
        except ScoringError as exc:  # compared with the interpreted side's, as above
            out.append({"error": f"{type(exc).__name__}: {exc}"})
    return out


@pytest.mark.skipif(not COMPILED and os.environ.get("SOURCESCORE_REQUIRE_COMPILED") != "1",
                    reason="the modules run interpreted here (scripts/compile.py not run)")
def test_compiled_and_interpreted_reports_are_equal(scorer, tmp_path: Path) -> None:
    assert COMPILED, "SOURCESCORE_REQUIRE_COMPILED=1 but scoring runs interpreted: scripts/compile.py failed?"
    shutil.copytree(ROOT / "scoring", tmp_path / "scoring",
                    ignore=shutil.ignore_patterns("*.so", "_compiled.json", "__pycache__"))
    texts = _texts()
    env = {**os.environ, "PYTHONPATH": str(tmp_path),
           "SOURCESCORE_MODEL_DIR": str(Config.from_env().model_dir)}
    done = subprocess.run([sys.executable, "-c", _INTERPRETED], input=json.dumps(texts), env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    interpreted = json.loads(done.stdout)
    compiled = json.loads(json.dumps(_score_all(scorer, texts)))  # (tuples as lists, as on the other side)
    assert len(interpreted) == len(texts) > 40
    for k, (a, b) in enumerate(zip(compiled, interpreted)):
        assert a == b, f"text {k} ({texts[k][:60]!r}): compiled and interpreted reports differ"
