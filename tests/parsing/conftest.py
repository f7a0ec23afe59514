"""Shared helpers for the parser tests: repository paths, the fixtures folder and the shared corpus."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "readouts"
# The corpus lives beside the repository (repo/../shared/corpus); READOUT_CORPUS overrides.
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpus"

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def corpus_path() -> Path:
    return Path(os.environ.get("READOUT_CORPUS") or DEFAULT_CORPUS).resolve()


def require_corpus() -> Path:
    """The corpus folder; skipped when absent, except on CI (CI=true), where its absence is a failure."""
    path = corpus_path()
    if (path / "index.json").is_file():
        return path
    reason = f"readout corpus not found at {path} (set READOUT_CORPUS to its folder)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def corpus_entries() -> list[dict]:
    """index.json entries, or [] when the corpus is absent (the tests then skip or fail via require_corpus)."""
    index = corpus_path() / "index.json"
    if not index.is_file():
        return []
    return json.loads(index.read_text(encoding="utf-8"))


def expected_fixtures() -> dict[str, dict]:
    return json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return require_corpus()
