"""sourcescore HTTP service: ``create_app()`` (Flask application factory).

Serve with ``gunicorn -c gunicorn.conf.py 'service:create_app()'``. The one Scorer is loaded at start-up;
a missing or corrupt model raises ``ModelError`` here, so the server never starts half-working.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

from flask import Flask

from scoring import Config, Scorer
from scoring.errors import ModelError

from .schemas import BATCH_MAX

DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    config = Config.from_env()
    app.config.from_mapping(
        MAX_CONTENT_LENGTH=int(os.environ.get("SOURCESCORE_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)),
        MAX_TEXT_CHARS=config.max_text_chars,
        BATCH_MAX=BATCH_MAX,
    )
    if test_config is not None:
        app.config.from_mapping(test_config)
    app.json.sort_keys = False

    scorer = app.config.get("SCORER")
    if scorer is None:
        if app.config.get("MODEL_DIR") is not None:
            config = Config(model_dir=Path(app.config["MODEL_DIR"]), max_text_chars=config.max_text_chars)
        try:
            scorer = Scorer.load(config)
        except ModelError as exc:
            raise ModelError(f"sourcescore service cannot start: {exc}") from exc
    app.extensions["sourcescore.scorer"] = scorer

    from . import errors, routes

    app.register_blueprint(routes.bp)
    app.register_blueprint(routes.meta)
    errors.register_error_handlers(app)
    return app
