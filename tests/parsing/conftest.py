"""Shared helpers for the parser tests: repository paths, the fixtures folder and the shared corpus."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "readouts"
# The corpora live beside the repository (repo/../shared/corpus and corpus-wide); READOUT_CORPUS and
# READOUT_CORPUS_WIDE override.
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpus"
DEFAULT_WIDE_CORPUS = REPO_ROOT / ".." / "shared" / "corpus-wide"

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def corpus_path() -> Path:
    return Path(os.environ.get("READOUT_CORPUS") or DEFAULT_CORPUS).resolve()


def wide_corpus_path() -> Path:
    return Path(os.environ.get("READOUT_CORPUS_WIDE") or DEFAULT_WIDE_CORPUS).resolve()


def require_corpus(path: Path | None = None, variable: str = "READOUT_CORPUS") -> Path:
    """A corpus folder; skipped when absent, except on CI (CI=true), where its absence is a failure."""
    path = path or corpus_path()
    if (path / "index.json").is_file():
        return path
    reason = f"readout corpus not found at {path} (set {variable} to its folder)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def require_wide_corpus() -> Path:
    return require_corpus(wide_corpus_path(), "READOUT_CORPUS_WIDE")


def corpus_entries(path: Path | None = None) -> list[dict]:
    """index.json entries, or [] when the corpus is absent (the tests then skip or fail via require_corpus)."""
    index = (path or corpus_path()) / "index.json"
    if not index.is_file():
        return []
    return json.loads(index.read_text(encoding="utf-8"))


def expected_fixtures() -> dict[str, dict]:
    return json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return require_corpus()
