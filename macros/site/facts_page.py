"""'Feitenregister': every fact from data/feiten.yaml with its official source, where it stands in it, when
and by whom it was last compared with that source, and the pages that use it. Readers can see what a date
or amount on any page rests on; curators see what `verouderd` will ask them to check again."""
from __future__ import annotations

from pathlib import Path

from ..data import facts as fact_register
from ..data.cited_by import page_title, page_url
from ..data.dataset import Record
from ..data.kinds import generated_dirs
from .citations import CODE, FACTS_URL
from .context import PageContext

PAGE = FACTS_URL + "index.md"


def contribute(ctx: PageContext) -> None:
    data = ctx.data
    # Written without data/feiten.yaml too: the menu always names the page, and it then says the register is empty.
    users: dict[str, list[Record]] = {}
    for record in [*data.all_records(), *data.timeline, *data.glossary]:
        for fact_id in record.facts:
            users.setdefault(fact_id, []).append(record)
    pages = _hand_written_users(ctx.docs_dir)
    stale = {fact["id"] for fact in fact_register.stale(data.facts, ctx.site.build_date)}
    ctx.render("facts.md.j2", PAGE, facts=data.facts, users=users, pages=pages, stale=stale,
               stale_months=fact_register.STALE_MONTHS,
               confirmed=sum(1 for fact in data.facts if fact["status"] == "bevestigd"))


def _hand_written_users(docs_dir: Path | None) -> dict[str, list[tuple[str, str]]]:
    """fact id -> [(title, url)] of the hand-written pages that use it."""
    found: dict[str, list[tuple[str, str]]] = {}
    if docs_dir is None or not docs_dir.is_dir():
        return found
    generated = generated_dirs()
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        if rel.split("/", 1)[0] in generated or "[[feit:" not in text:
            continue
        prose = CODE.sub("", text)  # an example in code (the editors' guide) uses no fact
        for fact_id in dict.fromkeys(fact_register.FACT_REF.findall(prose)):
            found.setdefault(fact_id, []).append((page_title(text, rel), page_url(rel)))
    return found
