"""The benchmarks keep working: a change to the content model or the build cannot break them silently."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .conftest import REPO, CheckJson

sys.path.insert(0, str(REPO / "bench"))
from build import main as build_benchmark
from similarity import main as similarity_benchmark
from synthetic import generate_library


@pytest.mark.model
def test_a_small_synthetic_library_passes_the_check(tmp_path: Path, check_json: CheckJson) -> None:
    root = tmp_path / "library"
    generate_library(root, n_reviews=4, n_briefings=2)
    assert len(list((root / "reviews").glob("*.md"))) == 4 and len(list((root / "briefings").glob("*.md"))) == 2
    code, data = check_json(root, "--no-cache")
    assert code == 0, data.get("findings") or data
    assert data["summary"]["errors"] == 0 and data["summary"]["files"] >= 6


@pytest.mark.build
def test_the_build_benchmark_runs_small_and_prints_both_sides(capsys: pytest.CaptureFixture[str]) -> None:
    assert build_benchmark(["--docs", "2"]) == 0
    table = capsys.readouterr().out
    assert all(f"\n{side} " in table for side in ("project", "project-rebuild", "plain"))


def test_the_similarity_benchmark_runs_small_and_prints_ours_beside_plain(capsys: pytest.CaptureFixture[str]) -> None:
    assert similarity_benchmark(["--docs", "3", "--no-build"]) == 0
    table = capsys.readouterr().out
    assert "ours-afresh s" in table and "plain s" in table
    assert any(line.split()[:1] == ["3"] for line in table.splitlines())  # 3 reviews, no briefing
