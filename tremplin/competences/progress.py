"""Progress over time: radar charts (drawn on the server as SVG) and the table per competence.

With fewer than three competences a radar says nothing: a session draws bars (self vs coach)
and the progression draws one small slope chart per competence (self and coach, session by session).

Only completed sessions count: before both grids are in, their levels are shown to no one.
"""

import math
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import LEVELS, MAX_LEVEL, EvaluationSession

LEVELS_0_5 = list(LEVELS)

SIZE = 360
CENTRE = SIZE / 2
RADIUS = 120
LABEL_RADIUS = RADIUS + 18


def svg_number(value: float) -> str:
    """A coordinate as SVG reads it: a dot, whatever the reader's language (French would write "180,0")."""
    return f"{value:.1f}"


@dataclass(frozen=True)
class Dot:
    x: str
    y: str
    level: int


@dataclass(frozen=True)
class Spoke:
    """An axis of the radar: its line to the outer ring and where its label sits."""

    x: str
    y: str
    label_x: str
    label_y: str
    anchor: str
    label: str


@dataclass
class Series:
    label: str
    values: list[int | None]
    css: str
    points: str = ""
    dots: list[Dot] = field(default_factory=list)


@dataclass
class Radar:
    title: str
    description: str
    axes: list[str]
    series: list[Series]
    rings: list[str] = field(default_factory=list)
    spokes: list[Spoke] = field(default_factory=list)
    # With one or two competences, the same levels as bars.
    bars: "BarChart | None" = None
    size: int = SIZE
    centre: str = svg_number(CENTRE)

    @property
    def drawable(self) -> bool:
        return len(self.axes) >= 3

    @property
    def rows(self) -> list[tuple[str, list[int | None]]]:
        """One row per axis for the data table printed next to the chart."""
        return [(axis, [s.values[i] for s in self.series]) for i, axis in enumerate(self.axes)]


def _point(index: int, count: int, level: float) -> tuple[str, str]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = RADIUS * level / MAX_LEVEL
    return svg_number(CENTRE + r * math.cos(angle)), svg_number(CENTRE + r * math.sin(angle))


def build_radar(title: str, axes: list[str], series: list[Series]) -> Radar:
    count = len(axes)
    radar = Radar(title=title, description="", axes=axes, series=series)
    if count < 3:
        if count:
            radar.bars = build_bars(title, axes, series)
        return radar
    radar.rings = [
        " ".join(f"{x},{y}" for x, y in (_point(i, count, level) for i in range(count)))
        for level in range(1, MAX_LEVEL + 1)
    ]
    for i in range(count):
        x, y = _point(i, count, MAX_LEVEL)
        angle = -math.pi / 2 + 2 * math.pi * i / count
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        radar.spokes.append(
            Spoke(
                x=x,
                y=y,
                label_x=svg_number(CENTRE + LABEL_RADIUS * math.cos(angle)),
                label_y=svg_number(CENTRE + LABEL_RADIUS * math.sin(angle)),
                anchor=anchor,
                label=axes[i],
            )
        )
    for s in series:
        points = [_point(i, count, v or 0) for i, v in enumerate(s.values)]
        s.points = " ".join(f"{x},{y}" for x, y in points)
        s.dots = [Dot(x, y, v) for (x, y), v in zip(points, s.values, strict=True) if v is not None]
    parts = [
        _("%(series)s : %(values)s")
        % {
            "series": s.label,
            "values": ", ".join(
                f"{axis} {value if value is not None else '—'}/{MAX_LEVEL}"
                for axis, value in zip(axes, s.values, strict=True)
            ),
        }
        for s in series
    ]
    radar.description = ". ".join(parts)
    return radar


def _short(name: str) -> str:
    return name if len(name) <= 28 else name[:26] + "…"


def session_radar(session: EvaluationSession, scores=None) -> Radar | None:
    """Self vs coach for one completed session."""
    if not session.is_complete:
        return None
    scores = list(scores if scores is not None else session.scores.select_related("competence"))
    return build_radar(
        _("Auto-évaluation et évaluation de l'accompagnant·e, séance du %(date)s")
        % {"date": session.held_on.strftime("%d/%m/%Y")},
        [_short(s.competence.display_name) for s in scores],
        [
            Series(_("Auto-évaluation"), [s.self_level for s in scores], "self"),
            Series(_("Accompagnant·e"), [s.coach_level for s in scores], "coach"),
        ],
    )


# Small charts (fewer than three competences) -------------------------------------------

CHART_WIDTH = 320
PLOT_LEFT = 28  # room for the level labels 0–5
PLOT_RIGHT = 300
BAR_HEIGHT = 14


BAR_RIGHT = 284  # room after the longest bar for its value


def _x_for_level(level: int) -> float:
    return PLOT_LEFT + (BAR_RIGHT - PLOT_LEFT) * level / MAX_LEVEL


def _values_text(label: str, values: list[tuple[str, int | None]]) -> str:
    return _("%(series)s : %(values)s") % {
        "series": label,
        "values": ", ".join(f"{name} {value if value is not None else '—'}/{MAX_LEVEL}" for name, value in values),
    }


@dataclass(frozen=True)
class Tick:
    x: str
    y: str
    label: str


@dataclass(frozen=True)
class Bar:
    css: str
    x: str
    y: str
    width: str
    height: str
    value: int | None
    value_x: str
    value_y: str


@dataclass
class BarGroup:
    label: str
    label_y: str
    bars: list[Bar]


@dataclass
class BarChart:
    """Horizontal bars, one pair per competence: the self level above the coach's, on a 0–5 scale."""

    title: str
    description: str
    series: list[Series]
    groups: list[BarGroup]
    ticks: list[Tick]
    height: int
    width: int = CHART_WIDTH
    grid_top: str = "0"
    grid_bottom: str = "0"


def build_bars(title: str, axes: list[str], series: list[Series]) -> BarChart:
    ticks_y = 12
    y = 24.0
    groups = []
    for index, axis in enumerate(axes):
        label_y = y + 12
        y = label_y + 6
        bars = []
        for s in series:
            value = s.values[index]
            width = max(_x_for_level(value or 0) - PLOT_LEFT, 2)
            bars.append(
                Bar(
                    css=s.css,
                    x=svg_number(PLOT_LEFT),
                    y=svg_number(y),
                    width=svg_number(width),
                    height=svg_number(BAR_HEIGHT),
                    value=value,
                    value_x=svg_number(PLOT_LEFT + width + 4),
                    value_y=svg_number(y + BAR_HEIGHT - 3),
                )
            )
            y += BAR_HEIGHT + 4
        groups.append(BarGroup(label=axis, label_y=svg_number(label_y), bars=bars))
        y += 8
    ticks = [Tick(x=svg_number(_x_for_level(level)), y=svg_number(ticks_y), label=str(level)) for level in LEVELS_0_5]
    description = ". ".join(_values_text(s.label, [(axis, s.values[i]) for i, axis in enumerate(axes)]) for s in series)
    return BarChart(
        title=title,
        description=description,
        series=series,
        groups=groups,
        ticks=ticks,
        height=int(y),
        grid_top=svg_number(ticks_y + 4),
        grid_bottom=svg_number(y - 8),
    )


@dataclass
class SlopeLine:
    label: str
    css: str
    points: str
    dots: list[Dot]


@dataclass
class SlopeChart:
    """One competence over the completed sessions: the self level and the coach's, from 0 (bottom) to 5 (top)."""

    title: str
    description: str
    lines: list[SlopeLine]
    levels: list[Tick]
    dates: list[Tick]
    width: int = CHART_WIDTH
    height: int = 170
    plot_left: str = svg_number(PLOT_LEFT)
    plot_right: str = svg_number(PLOT_RIGHT)


SLOPE_TOP = 12
SLOPE_BOTTOM = 132


def _y_for_level(level: int) -> float:
    return SLOPE_BOTTOM - (SLOPE_BOTTOM - SLOPE_TOP) * level / MAX_LEVEL


def build_slope(competence, sessions: list[EvaluationSession], scores: list) -> SlopeChart:
    """`scores[i]` is the competence's score in `sessions[i]`, or None if that session did not evaluate it."""
    count = len(sessions)
    span = PLOT_RIGHT - PLOT_LEFT - 40

    def x_at(i: int) -> float:
        return PLOT_LEFT + 20 + (span * i / (count - 1) if count > 1 else span / 2)

    dates = [date_format(s.held_on, "SHORT_DATE_FORMAT") for s in sessions]
    lines = []
    for label, css, attribute in (
        (_("Auto-évaluation"), "self", "self_level"),
        (_("Accompagnant·e"), "coach", "coach_level"),
    ):
        dots = [
            Dot(svg_number(x_at(i)), svg_number(_y_for_level(getattr(score, attribute))), getattr(score, attribute))
            for i, score in enumerate(scores)
            if score is not None and getattr(score, attribute) is not None
        ]
        lines.append(SlopeLine(label, css, " ".join(f"{d.x},{d.y}" for d in dots), dots))
    name = competence.display_name
    description = ". ".join(
        _values_text(
            line.label,
            [
                (date, getattr(score, attribute) if score is not None else None)
                for date, score in zip(dates, scores, strict=True)
            ],
        )
        for line, attribute in zip(lines, ("self_level", "coach_level"), strict=True)
    )
    return SlopeChart(
        title=_("%(competence)s : niveaux séance après séance") % {"competence": name},
        description=description,
        lines=lines,
        levels=[
            Tick(x=svg_number(PLOT_LEFT - 6), y=svg_number(_y_for_level(level)), label=str(level))
            for level in LEVELS_0_5
        ],
        dates=[
            Tick(x=svg_number(x_at(i)), y=svg_number(SLOPE_BOTTOM + 20), label=date) for i, date in enumerate(dates)
        ],
    )


@dataclass
class Progression:
    sessions: list[EvaluationSession]
    rows: list[tuple[object, list]]  # (competence, [score or None per session])
    radar: Radar | None
    # With fewer than three competences: one slope chart per competence instead of a radar.
    slopes: list[SlopeChart] = field(default_factory=list)


def pathway_progression(pathway) -> Progression:
    """Completed sessions in date order, a row per competence, and first vs latest on the shared competences."""
    sessions = list(
        EvaluationSession.objects.completed()
        .filter(pathway=pathway)
        .order_by("held_on", "created_at")
        .prefetch_related("scores__competence")
    )
    competences: dict[int, object] = {}
    cells: dict[int, dict[int, object]] = {}
    for session in sessions:
        for score in session.scores.all():
            competences.setdefault(score.competence_id, score.competence)
            cells.setdefault(score.competence_id, {})[session.pk] = score
    rows = [
        (competence, [cells[pk].get(s.pk) for s in sessions])
        for pk, competence in sorted(competences.items(), key=lambda item: item[1].display_name)
    ]
    radar = None
    if sessions and len(rows) < 3:
        slopes = [build_slope(competence, sessions, cells_) for competence, cells_ in rows]
        return Progression(sessions=sessions, rows=rows, radar=None, slopes=slopes)
    if len(sessions) >= 2:
        first, latest = sessions[0], sessions[-1]
        shared = [
            (competence, cells[pk][first.pk], cells[pk][latest.pk])
            for pk, competence in competences.items()
            if first.pk in cells[pk] and latest.pk in cells[pk]
        ]
        radar = build_radar(
            _("Évaluation de l'accompagnant·e : première séance (%(first)s) et dernière séance (%(latest)s)")
            % {"first": first.held_on.strftime("%d/%m/%Y"), "latest": latest.held_on.strftime("%d/%m/%Y")},
            [_short(c.display_name) for c, _a, _b in shared],
            [
                Series(_("Première séance"), [a.coach_level for _c, a, _b in shared], "first"),
                Series(_("Dernière séance"), [b.coach_level for _c, _a, b in shared], "latest"),
            ],
        )
    return Progression(sessions=sessions, rows=rows, radar=radar)
