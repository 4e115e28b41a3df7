"""Agreement between the corpus labels and the blind re-labelling in seeds/certainty/agreement/ (Cohen's
kappa on the four levels, linearly weighted, and on certain-versus-not). Usage: python bench/agreement.py"""
from __future__ import annotations

import json
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from scoring.certainty import LABELS
from scoring.train import load_corpus

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    examples, _ = load_corpus(ROOT / "seeds" / "certainty")
    first = {e.id: e.label for e in examples}
    lines = (ROOT / "seeds" / "certainty" / "agreement" / "relabelled_blind.jsonl").read_text(encoding="utf-8")
    second = [json.loads(line) for line in lines.splitlines() if line.strip()]
    a = [first[r["id"]] for r in second]
    b = [r["label"] for r in second]
    print(json.dumps({
        "n": len(a),
        "agreement": round(sum(x == y for x, y in zip(a, b)) / len(a), 4),
        "kappa": round(cohen_kappa_score(a, b), 3),
        "kappa_linear_weighted": round(cohen_kappa_score(a, b, labels=list(LABELS), weights="linear"), 3),
        "kappa_certain_vs_not": round(cohen_kappa_score([x == "certain" for x in a], [y == "certain" for y in b]), 3),
    }, indent=1))


if __name__ == "__main__":
    main()
