"""The benchmark measures a site like ours only if its synthetic data is valid and always the same, and its
report says what it measured."""
from __future__ import annotations

from pathlib import Path

from macros.data.dataset import load_valid_dataset
from scripts.bench import generate, report


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generated_data_passes_validation_with_the_counts_it_reports(tmp_path: Path) -> None:
    counts = generate(tmp_path / "data", 25, 80)
    data = load_valid_dataset(tmp_path / "data", tmp_path)  # raises DataError on any problem
    assert (len(data.methods), len(data.cases), len(data.checklists), len(data.bibliography)) == (
        counts["methods"], counts["cases"], counts["checklists"], counts["bib"]) == (25, 5, 3, 80)


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    generate(tmp_path / "a", 10, 40)
    generate(tmp_path / "b", 10, 40)
    generate(tmp_path / "c", 10, 40, seed=7)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def _row(size: int, ratios: list[float]) -> dict:
    middle = sorted(ratios)[(len(ratios) - 1) // 2]
    return {"size": size, "cases": size // 5, "pages": size, "full_s": 10 * middle, "per_page_ms": 1.0,
            "peak_mb": 100.0, "base_s": 10.0, "ratio": middle, "ratios": ratios, "cold_s": 14.0, "cold_ratio": 1.4,
            "load_s": 1.0, "pages_s": 1.0, "share": 0.2, "index_mb": 1.0, "index_gz_mb": 0.1, "page_kb": 400.0,
            "page_gz_kb": 100.0, "load": (0.5, 0.6)}


def test_the_report_gives_the_median_ratio_of_the_pairs_with_its_range() -> None:
    text = report([_row(100, [1.31, 1.12, 1.15]), _row(5000, [1.25])], check_s=0.5)
    assert "datalaag bij 100: bouw / basisbouw = 1.15 (mediaan van 3 paren: 1.12–1.31) (doel <= 1.2) ok" in text
    assert "datalaag bij 5.000: bouw / basisbouw = 1.25 (één paar) (doel <= 1.2) NIET GEHAALD" in text
