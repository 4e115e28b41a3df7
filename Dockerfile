# sourcescore: the scoring service (gunicorn + Flask) with its certainty model trained at build time.
# Build: docker build -t sourcescore .    Run: docker run -p 8000:8000 sourcescore

# --- build stage: pinned dependencies in a virtualenv, the pipeline compiled with mypyc, and the certainty
# model trained from seeds/ ---
FROM python:3.11-slim AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY requirements.txt ./
# Wheels only. The packages' own test suites (~65 MB in numpy/scipy/scikit-learn) are dropped; training below
# imports everything the service uses.
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --only-binary=:all: -r requirements.txt \
 && find /opt/venv/lib -type d -name tests -prune -exec rm -rf {} +

# A C compiler (and Python's headers where the base image lacks them) for mypyc, in this stage only; mypy in a
# venv of its own, so none of it reaches the final image. Debian's current packages of the base's release.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev \
 && { python -c "import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h')))" \
      || apt-get install -y --no-install-recommends python3-dev; } \
 && rm -rf /var/lib/apt/lists/*
COPY requirements-compile.txt ./
RUN python -m venv /opt/build \
 && /opt/build/bin/pip install --no-cache-dir -r requirements-compile.txt

COPY pyproject.toml ./
COPY scoring/ scoring/
COPY scripts/compile.py scripts/
COPY seeds/certainty/ seeds/certainty/
# compiled first, so the model is trained by the code that serves; then no caches are left to copy
RUN /opt/build/bin/python scripts/compile.py \
 && /opt/venv/bin/python -m scoring.cli train --out /opt/model \
 && find scoring -name __pycache__ -prune -exec rm -rf {} +

# --- final stage: the venv, the model and the application code (compiled); no compilers, no build files ---
FROM python:3.11-slim

LABEL org.opencontainers.image.title="sourcescore" \
      org.opencontainers.image.description="Who claims what in a news article, how sure they sound, and how much weight each source deserves."

RUN groupadd --system --gid 10001 sourcescore \
 && useradd --system --no-log-init --uid 10001 --gid 10001 --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin sourcescore

COPY --from=build /opt/venv /opt/venv
COPY --from=build /opt/model /opt/model

WORKDIR /app
COPY gunicorn.conf.py ./
COPY --from=build /src/scoring/ scoring/
COPY service/ service/

ENV PATH=/opt/venv/bin:$PATH \
    SOURCESCORE_MODEL_DIR=/opt/model \
    SOURCESCORE_BIND=0.0.0.0:8000 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1

USER 10001:10001
EXPOSE 8000

# Probes the port of SOURCESCORE_BIND (8000 unless overridden) on loopback.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; port = os.environ.get('SOURCESCORE_BIND', '0.0.0.0:8000').rsplit(':', 1)[-1]; urllib.request.urlopen(f'http://127.0.0.1:{port}/v1/health', timeout=4)"]

CMD ["gunicorn", "-c", "gunicorn.conf.py", "service:create_app()"]
