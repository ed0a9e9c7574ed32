"""Make the link-preview cards: one PNG of 1200 × 630 per section, in docs/assets/kaarten/.

    python -m scripts.cards

The words on each card come from macros/site/link_preview.py (CARDS); this script draws them with Debian's
Chromium (no image library needed) and the PNGs are committed, so a build never draws anything and stays
byte-identical. Run it again after changing a card's words or the design below; look at the result.
"""
from __future__ import annotations

import html
from pathlib import Path

from playwright.sync_api import sync_playwright

from macros.site.link_preview import CARD_SIZE, Card, all_cards
from scripts import chromium

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs"
LOGO = (ROOT / "docs" / "assets" / "favicon.svg").read_text(encoding="utf-8")

PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>
html, body {{ margin: 0; width: {w}px; height: {h}px; }}
body {{ background: #0b5c4a; color: #fff; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  display: flex; flex-direction: column; justify-content: space-between; box-sizing: border-box; padding: 72px 80px; }}
.brand {{ display: flex; align-items: center; gap: 24px; font-size: 44px; font-weight: 700; letter-spacing: .5px; }}
.brand svg {{ width: 88px; height: 88px; border: 3px solid #fff; border-radius: 16px; }}
h1 {{ font-size: {size}px; line-height: 1.05; margin: 0 0 24px; font-weight: 700; }}
p {{ font-size: 40px; line-height: 1.3; margin: 0; max-width: 1000px; color: #e6f2ee; }}
.band {{ height: 14px; background: #ffb27a; border-radius: 7px; width: 240px; }}
</style></head><body>
<div class="brand">{logo}<span>Wijkengids</span></div>
<div><h1>{title}</h1><p>{tagline}</p></div>
<div class="band"></div>
</body></html>"""


def card_html(card: Card) -> str:
    size = 104 if len(card.title) <= 16 else 92
    return PAGE.format(w=CARD_SIZE[0], h=CARD_SIZE[1], logo=LOGO, size=size, title=html.escape(card.title),
                       tagline=html.escape(card.tagline))


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.PATH, args=chromium.ARGS)
        page = browser.new_page(viewport={"width": CARD_SIZE[0], "height": CARD_SIZE[1]})
        for card in all_cards():
            target = FOLDER / card.path
            target.parent.mkdir(parents=True, exist_ok=True)
            page.set_content(card_html(card))
            page.screenshot(path=str(target), full_page=False)
            print(target.relative_to(ROOT))
        browser.close()


if __name__ == "__main__":
    main()
