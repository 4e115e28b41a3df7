"""Exit 0 when the configured model exists and was trained on the current corpus and lexicons, else 1 (used by
setup)."""
from __future__ import annotations

import json
import sys

from .config import DEFAULT_CORPUS_DIR, Config
from .errors import CorpusError
from .train import lexicons_hash, load_corpus


def main() -> int:
    model_json = Config.from_env().model_dir / "model.json"
    try:
        meta = json.loads(model_json.read_text(encoding="utf-8"))
        _, current = load_corpus(DEFAULT_CORPUS_DIR)
    except (OSError, ValueError, CorpusError):
        print(f"no usable model at {model_json.parent}: training one", file=sys.stderr)
        return 1
    if meta.get("corpus_sha256") != current or meta.get("lexicons_sha256") != lexicons_hash():
        print("the model was trained on another version of seeds/certainty or scoring/lexicons: retraining",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
