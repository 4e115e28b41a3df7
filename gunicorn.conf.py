"""Gunicorn settings for sourcescore: ``gunicorn -c gunicorn.conf.py 'service:create_app()'``.

Everything comes from the environment; command-line flags (e.g. ``--bind``) still override these.
``preload_app`` loads the model once in the master, so a missing or corrupt model stops start-up.
"""
import os


def _bind() -> str:
    if os.environ.get("SOURCESCORE_BIND"):
        return os.environ["SOURCESCORE_BIND"]
    if os.environ.get("PORT"):  # platforms that assign a port expect all interfaces
        return f"0.0.0.0:{os.environ['PORT']}"
    return "127.0.0.1:8000"  # containers set SOURCESCORE_BIND=0.0.0.0:8000


bind = _bind()
workers = int(os.environ.get("SOURCESCORE_WORKERS", "2"))
threads = int(os.environ.get("SOURCESCORE_THREADS", "2"))
timeout = int(os.environ.get("SOURCESCORE_TIMEOUT", "30"))
graceful_timeout = 10
accesslog = "-"
errorlog = "-"
preload_app = True
