"""The register of facts that change (data/feiten.yaml): references in curator text, the register's own rules,
what a page shows for a confirmed and an unconfirmed fact, and which facts are due for a new check."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from macros.data import facts
from macros.data.dataset import load_dataset, load_valid_dataset
from macros.site import facts_page
from macros.site.context import PageContext
from tests.support import FIXTURE_DATA


def problems(data_dir: Path) -> list[str]:
    return [str(p) for p in load_dataset(data_dir, data_dir.parent).problems.errors]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_reference_in_curator_text_becomes_the_value_and_the_record_knows_it(data_dir: Path) -> None:
    method = data_dir / "methods" / "burgerpanel.yaml"
    edit(method, "description: ", "description: Het budget is [[feit:wijkgesprek-budget]]. ")
    data = load_dataset(data_dir, data_dir.parent)
    assert data.problems.errors == []
    text = data.methods["burgerpanel"]["description"]
    # Unconfirmed: the status, not the curator, adds whose word it is.
    assert "1.000 euro per jaar (2020) (volgens Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (2020); " \
           "niet bevestigd in de officiële tekst)" in text
    assert "[[feit:" not in text
    assert data.methods["burgerpanel"].facts == ("wijkgesprek-budget",)


def test_a_confirmed_date_reads_as_a_dutch_date_and_in_force_counts_as_a_use(data_dir: Path) -> None:
    method = data_dir / "methods" / "burgerpanel.yaml"
    edit(method, "description: ", "description: Sinds [[feit:wijkgesprek-in-werking]] geldt de wet. ")
    data = load_dataset(data_dir, data_dir.parent)
    assert "Sinds 1 juli 2019 geldt de wet." in data.methods["burgerpanel"]["description"]
    assert data.methods["wijkgesprek"].facts == ("wijkgesprek-in-werking",)


def test_an_unknown_fact_is_an_error_at_its_line_with_a_guess(data_dir: Path) -> None:
    method = data_dir / "methods" / "burgerpanel.yaml"
    edit(method, "summary: ", "summary: Sinds [[feit:wijkgesprek-in-werkin]] ")
    line = line_of(method, "[[feit:")
    errors = problems(data_dir)
    assert any(e.startswith(f"data/methods/burgerpanel.yaml:{line}: summary: onbekend feit 'wijkgesprek-in-werkin'")
               and "bedoel je 'wijkgesprek-in-werking'?" in e for e in errors), errors


def test_a_reference_written_wrongly_is_named_not_published(data_dir: Path) -> None:
    method = data_dir / "methods" / "burgerpanel.yaml"
    edit(method, "summary: ", "summary: Sinds [[feit:Wijkgesprek-In-Werking]] en [[feit wijkgesprek-budget]] ")
    errors = problems(data_dir)
    for wrong in ("[[feit:Wijkgesprek-In-Werking]]", "[[feit wijkgesprek-budget]]"):
        assert any(f": summary: '{wrong}' is geen geldige verwijzing" in e for e in errors), errors


def test_in_force_must_name_a_date_in_the_register(data_dir: Path) -> None:
    method = data_dir / "methods" / "wijkgesprek.yaml"
    edit(method, "in_force: wijkgesprek-in-werking", "in_force: wijkgesprek-budget")
    errors = problems(data_dir)
    line = line_of(method, "in_force:")
    assert f"data/methods/wijkgesprek.yaml:{line}: in_force: feit 'wijkgesprek-budget' is geen datum" in \
        " ".join(errors), errors


def test_the_registers_own_rules_are_reported_all_at_once(data_dir: Path) -> None:
    register = data_dir / "feiten.yaml"
    edit(register, "  gecontroleerd: 2020-01-10\n  door: A. Voorbeeld (fictief)\n", "")   # confirmed, never checked
    edit(register, "  volgens: bzk2020\n", "  gecontroleerd: 2999-01-01\n")             # unconfirmed: whose word? and a future date
    errors = problems(data_dir)
    joined = "\n".join(errors)
    assert "data/feiten.yaml:7: gecontroleerd: feit 'wijkgesprek-in-werking' is 'bevestigd' maar zegt niet" in joined
    assert "volgens: feit 'wijkgesprek-budget' is niet bevestigd en zegt niet volgens welke bron" in joined
    assert "gecontroleerd: 2999-01-01 ligt in de toekomst" in joined
    assert "door: feit 'wijkgesprek-budget' zegt niet wie het controleerde" in joined


def test_a_fact_rests_on_a_source_a_reader_can_open(data_dir: Path) -> None:
    edit(data_dir / "references.bib", "  url          = {https://example.nl/staatsblad/2019-1}\n", "")
    errors = problems(data_dir)
    assert any(e.startswith("data/feiten.yaml:") and "bron 'stb2019wijkgesprek' heeft geen url" in e
               for e in errors), errors


def test_a_fact_needs_a_date_or_a_value(data_dir: Path) -> None:
    edit(data_dir / "feiten.yaml", "  datum: 2019-07-01\n", "")
    assert any("feit 'wijkgesprek-in-werking' heeft geen datum en geen waarde" in e for e in problems(data_dir))


def test_a_timeline_event_takes_its_day_from_the_register(data_dir: Path) -> None:
    timeline = data_dir / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    first_date = next(line for line in text.splitlines() if line.strip().startswith("date:"))
    timeline.write_text(text.replace(first_date, "  feit: wijkgesprek-in-werking", 1), encoding="utf-8")
    data = load_dataset(data_dir, data_dir.parent)
    assert data.problems.errors == []
    event = next(e for e in data.timeline if e.get("feit"))
    assert event["date"] == "2019-07-01" and event.facts == ("wijkgesprek-in-werking",)


def test_stale_lists_facts_unchecked_for_twelve_months_oldest_first() -> None:
    register = [
        {"id": "a", "gecontroleerd": "2025-12-07"},
        {"id": "b", "gecontroleerd": "2025-12-06"},
        {"id": "c"},
        {"id": "d", "gecontroleerd": "2026-06-01"},
    ]
    due = facts.stale(register, date(2026, 12, 7))
    assert [f["id"] for f in due] == ["c", "b"]
    assert [f["id"] for f in facts.stale(register, date(2026, 12, 8))] == ["c", "b", "a"]


def test_long_date_is_dutch() -> None:
    assert facts.long_date("2027-01-01") == "1 januari 2027"
    assert facts.long_date("2024-02-29") == "29 februari 2024"


def test_a_hand_written_page_gets_values_and_its_list_while_code_stays_as_typed(data_dir: Path) -> None:
    from macros.data.dataset import load_valid_dataset
    from macros.site.citations import page_with_facts
    data = load_valid_dataset(data_dir, data_dir.parent)
    page = ("# Uitleg\n\nDe wet geldt sinds [[feit:wijkgesprek-in-werking]].\n\n"
            "Schrijf `[[feit:id]]` in je tekst, bijvoorbeeld:\n\n```yaml\nsummary: Sinds [[feit:wijkgesprek-in-werking]]\n```\n\n"
            "## Bronnen\n\nbronnen\n")
    markdown, problems = page_with_facts(data, page, "../")
    assert problems == []
    assert "De wet geldt sinds 1 juli 2019." in markdown
    assert "`[[feit:id]]`" in markdown and "summary: Sinds [[feit:wijkgesprek-in-werking]]" in markdown
    assert markdown.index('<li id="feit-wijkgesprek-in-werking">') < markdown.index("## Bronnen")
    _, problems = page_with_facts(data, "Sinds [[feit:wijkgesprek-in-werkin]] en [[feit: x]].", "")
    assert [message for _, message in problems] == [
        "onbekend feit 'wijkgesprek-in-werkin' (tip: bedoel je 'wijkgesprek-in-werking'?)",
        "[[feit: x]] is geen geldige verwijzing naar een feit (tip: schrijf [[feit:id]]; de id's staan in "
        "data/feiten.yaml)"]


def test_without_a_register_the_page_says_it_is_empty() -> None:
    """The menu always names the register, so a data folder without data/feiten.yaml (a new guide, the
    benchmark's generated data) still gets the page, saying there is nothing in it yet."""
    data = load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent)
    data.facts = []
    ctx = PageContext(data, today=date(2026, 11, 23))
    facts_page.contribute(ctx)
    assert "Het register is nog leeg." in ctx.files[facts_page.PAGE]
    assert "feiten bevestigd" not in ctx.files[facts_page.PAGE]
