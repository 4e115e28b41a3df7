"""A fingerprint of everything the scorer says about a set of articles, to show that a change meant only to
make it faster leaves every report byte-identical. Writes one report (JSON, sorted keys) per line to OUT and
prints the SHA-256 of that file; `diff` two OUT files to see what a change moved.

Usage: python bench/fingerprint.py OUT [DIR ...]   (default: seeds/attribution, seeds/articles, and
../shared/eval/polnear-dev/text and ../shared/seeds when present; the latter are read, never copied)."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from scoring import Config, Scorer
from scoring.export import report_dict


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    dirs = [Path(d) for d in sys.argv[2:]] or [
        d for d in (root / "seeds" / "attribution", root / "seeds" / "articles",
                    root.parent / "shared" / "eval" / "polnear-dev" / "text", root.parent / "shared" / "seeds")
        if d.is_dir()]
    scorer = Scorer.load(Config.from_env())
    out = Path(sys.argv[1])
    with out.open("w", encoding="utf-8") as f:
        for directory in dirs:
            for path in sorted(directory.glob("*.txt")):
                report = report_dict(scorer.score(path.read_text(encoding="utf-8"), id=path.name))
                f.write(json.dumps(report, sort_keys=True, ensure_ascii=False) + "\n")
    print(hashlib.sha256(out.read_bytes()).hexdigest(), out)


if __name__ == "__main__":
    main()
