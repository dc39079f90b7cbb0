"""Progress over time: radar charts (drawn on the server as SVG) and the table per competence.

Only completed sessions count: before both grids are in, their levels are shown to no one.
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import MAX_LEVEL, EvaluationSession

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


@dataclass
class Progression:
    sessions: list[EvaluationSession]
    rows: list[tuple[object, list]]  # (competence, [score or None per session])
    radar: Radar | None


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
