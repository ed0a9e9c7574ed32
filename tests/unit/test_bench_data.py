"""The benchmark measures a site like ours only if its synthetic data is valid and always the same."""
from __future__ import annotations

from pathlib import Path

from macros.data.dataset import load_valid_dataset
from scripts.bench import generate


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
