"""Every table of every page follows the phone contract of the design system, checked in the templates.

On a 390-px phone a table either becomes cards (`<table class="cards-on-phone">`, each cell saying what it is
with `data-label`), or scrolls inside a box the keyboard can reach (`<div class="table-scroll" tabindex="0"
role="region" aria-label="…">`, axe-core's "scrollable-region-focusable"). A table with neither widens the
page or cannot be scrolled without a mouse; the end-to-end sweep (tests/e2e/test_every_page.py) finds it on
the pages it opens, this test on every template, including branches the sweep's data never reaches.
Printed documents (templates named `*_pdf.html`) are paper, not phones.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted(
    path
    for pattern in ("templates/**/*.html", "tremplin/*/templates/**/*.html")
    for path in ROOT.glob(pattern)
    if not path.name.endswith("_pdf.html")
)
TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
SCROLL_BOX = re.compile(r"<div\b[^>]*\bclass=\"table-scroll\"[^>]*>\s*$")
ROW = re.compile(r"<tr\b.*?</tr>", re.S)
CELL = re.compile(r"<(td|th)\b[^>]*>")


def tables_of(path: Path) -> list[tuple[str, str]]:
    """(what comes before the table, the table) for each table of the template."""
    text = path.read_text()
    return [(text[: match.start()], match.group(0)) for match in TABLE.finditer(text)]


def label(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_templates_have_tables_to_check():
    assert sum(len(tables_of(path)) for path in TEMPLATES) >= 60


@pytest.mark.parametrize("path", [p for p in TEMPLATES if "<table" in p.read_text()], ids=label)
def test_each_table_becomes_cards_or_scrolls_in_a_box_the_keyboard_reaches(path):
    problems = []
    for index, (before, table) in enumerate(tables_of(path), start=1):
        opening = table[: table.index(">") + 1]
        if "cards-on-phone" in opening:
            if SCROLL_BOX.search(before):
                problems.append(f"table {index}: cards need no scrolling box")
            for row in ROW.findall(table.split("<tbody", 1)[-1] if "<tbody" in table else table):
                for cell in CELL.finditer(row):
                    tag = cell.group(0)
                    header_cell = cell.group(1) == "th" and 'scope="row"' not in tag
                    if header_cell or "colspan" in tag or "data-label=" in tag:
                        continue
                    problems.append(f"table {index}: a cell without data-label: {tag}")
            continue
        box = SCROLL_BOX.search(before)
        if not box:
            problems.append(f'table {index}: neither class="cards-on-phone" nor inside a table-scroll box')
            continue
        div = box.group(0)
        for attribute in ('tabindex="0"', 'role="region"'):
            if attribute not in div:
                problems.append(f"table {index}: its table-scroll box lacks {attribute}")
        if not re.search(r'aria-label="[^"]+', div):
            problems.append(f"table {index}: its table-scroll box has no name (aria-label)")
    assert not problems, f"{label(path)}:\n" + "\n".join(problems)
