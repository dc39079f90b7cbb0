"""Charts drawn on the server as SVG: horizontal bars, grouped or stacked, with their data as a table.

Every coordinate is formatted here with a dot (`svg_number`), never by the template's localisation, so
a French page never writes "12,5" into an attribute. The template prints the data table beside the chart.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

WIDTH = 640
LABEL_WIDTH = 210
VALUE_WIDTH = 60
BAR_HEIGHT = 18
ROW_GAP = 12
# Longer labels are cut in the drawing; the data table beside gives them whole.
LABEL_CHARS = 24
TOP = 8
# One colour per series (contrast ≥ 3:1 on white), the legend and the table name them.
COLOURS = ("#0e5a52", "#a3430f", "#4b3f8f", "#6b6254", "#1f5f99")


def svg_number(value: float) -> str:
    """A coordinate with a dot and at most one decimal, whatever the active language."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Rect:
    x: str
    y: str
    width: str
    height: str
    colour: str
    value: int


@dataclass(frozen=True)
class ChartRow:
    label: str
    values: tuple[int, ...]
    label_y: str
    value_y: str
    value_x: str
    rects: tuple[Rect, ...]

    @property
    def total(self) -> int:
        return sum(self.values)

    @property
    def short_label(self) -> str:
        return self.label if len(self.label) <= LABEL_CHARS else self.label[: LABEL_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class Series:
    label: str
    colour: str


@dataclass
class BarChart:
    key: str
    title: str
    description: str
    series: list[Series]
    rows: list[ChartRow] = field(default_factory=list)
    stacked: bool = False
    width: int = WIDTH
    height: str = "0"

    @property
    def drawable(self) -> bool:
        return any(any(row.values) for row in self.rows)


def build_bars(
    key: str,
    title: str,
    description: str,
    series: list[str],
    rows: list[tuple[str, list[int]]],
    *,
    stacked: bool = False,
) -> BarChart:
    """Horizontal bars, one band per row: one bar per series side by side, or the series end to end."""
    chart = BarChart(key, str(title), str(description), [Series(str(s), COLOURS[i]) for i, s in enumerate(series)])
    chart.stacked = stacked
    largest = max((sum(v) if stacked else max(v, default=0) for _label, v in rows), default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / largest
    bars_per_row = 1 if stacked else len(series)
    band = bars_per_row * BAR_HEIGHT + ROW_GAP
    y = TOP
    for label, values in rows:
        rects, x = [], LABEL_WIDTH
        for index, value in enumerate(values):
            width = value * scale
            bar_y = y if stacked else y + index * BAR_HEIGHT
            rects.append(
                Rect(svg_number(x), svg_number(bar_y), svg_number(width), svg_number(BAR_HEIGHT), COLOURS[index], value)
            )
            if stacked:
                x += width
        end = x if stacked else LABEL_WIDTH + max(values, default=0) * scale
        middle = y + bars_per_row * BAR_HEIGHT / 2 + 5
        chart.rows.append(
            ChartRow(
                str(label), tuple(values), svg_number(middle), svg_number(middle), svg_number(end + 4), tuple(rects)
            )
        )
        y += band
    chart.height = svg_number(y + TOP)
    return chart


def _month_label(day) -> str:
    from django.utils.formats import date_format

    return date_format(day, "M Y")


def entries_and_exits(result) -> BarChart:
    rows = [(_month_label(month), [entries, exits]) for month, entries, exits in result.months]
    total_in = sum(r[1][0] for r in rows)
    total_out = sum(r[1][1] for r in rows)
    return build_bars(
        "entries-exits",
        _("Entrées et sorties par mois"),
        _(
            "Pour chaque mois, personnes entrées en contrat (premier contrat) et sorties : %(entries)s entrées, "
            "%(exits)s sorties sur la période."
        )
        % {"entries": total_in, "exits": total_out},
        [_("entrées"), _("sorties")],
        rows,
    )


def exit_groups_over_time(result, group_labels: dict[str, str]) -> BarChart:
    from .figures import COUNTED_GROUPS

    rows = [
        (_month_label(month), [counts[g] for g in COUNTED_GROUPS]) for month, counts in result.exit_groups_per_month
    ]
    return build_bars(
        "exit-groups",
        _("Sorties comptabilisées par type et par mois"),
        _("Pour chaque mois, les sorties comptabilisées empilées par type : durable, transition, positive, autre."),
        [group_labels[g] for g in COUNTED_GROUPS],
        rows,
        stacked=True,
    )


def pathway_lengths(result, band_labels: dict[str, str]) -> BarChart:
    from .figures import LENGTH_BANDS

    rows = [(band_labels[code], [result[f"length:{code}"].value]) for code, _low, _high in LENGTH_BANDS]
    return build_bars(
        "lengths",
        _("Durée des parcours sortis sur la période"),
        _("Nombre de sorties par durée de parcours, du premier jour de contrat à la sortie."),
        [_("sorties")],
        rows,
    )


def barriers(result, domain_labels: dict[str, str]) -> BarChart:
    domains = sorted({key.split(":")[1] for key in result.figures if key.startswith("barrier:")})
    rows = [
        (
            domain_labels.get(domain, domain),
            [result[f"barrier:{domain}:entry"].value, result[f"barrier:{domain}:lifted"].value],
        )
        for domain in domains
    ]
    return build_bars(
        "barriers",
        _("Freins repérés et levés à la sortie, par domaine"),
        _(
            "Pour les personnes sorties sur la période : combien avaient un frein dans chaque domaine, "
            "et combien l'avaient levé à leur sortie."
        ),
        [_("repérés"), _("levés à la sortie")],
        rows,
    )
