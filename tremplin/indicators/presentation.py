"""What the page shows of the figures: sections of rows, each row its label, value, definition and link."""

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tremplin.exits.models import FOLLOW_UP_MONTHS, Outcome

from . import charts
from .definitions import (
    AGE_LABELS,
    DEFINITIONS,
    FUNDER_CRITERION_LABELS,
    GROUP_LABELS,
    LABELS,
    LENGTH_LABELS,
    OUTCOME_LABELS,
)
from .figures import AGE_BANDS, COUNTED_GROUPS, LENGTH_BANDS, Figure
from .services import BARRIER_DOMAIN_LABELS, PARTNER_KIND_LABELS, Indicators


@dataclass
class Row:
    key: str
    label: str
    figure: Figure
    definition: str = ""
    url: str = ""

    @property
    def value(self) -> int | Decimal | None:
        return self.figure.value

    @property
    def percent(self) -> Decimal | None:
        return self.figure.percent


@dataclass
class Section:
    key: str
    title: str
    definition: str
    rows: list[Row] = field(default_factory=list)
    chart: charts.BarChart | None = None
    # A table with several value columns: (column labels, [(row label, [Row…])]).
    columns: list[str] = field(default_factory=list)
    grid: list[tuple[str, list[Row]]] = field(default_factory=list)


def label_of(key: str, result: Indicators | None = None) -> str:
    """The readable name of a figure key, for the people page's heading."""
    if key in LABELS:
        return str(LABELS[key])
    kind, _sep, rest = key.partition(":")
    if kind == "exits":
        return _("Sorties : %(group)s") % {"group": GROUP_LABELS.get(rest, rest)}
    if kind == "category":
        label = result.category_labels.get(rest, rest) if result else rest
        return _("Sorties : %(category)s") % {"category": label}
    if kind == "length":
        return _("Parcours sortis d'une durée de %(band)s") % {"band": LENGTH_LABELS.get(rest, rest)}
    if kind == "follow_up":
        months, _sep, outcome = rest.partition(":")
        what = {"pending": _("suivi encore à faire"), "recorded": _("suivi enregistré")}.get(
            outcome, OUTCOME_LABELS.get(outcome, outcome)
        )
        return _("Suivi à %(months)s mois : %(outcome)s") % {"months": months, "outcome": what}
    if kind == "age":
        return _("Personnes accompagnées : %(band)s") % {"band": AGE_LABELS.get(rest, rest)}
    if kind == "criterion":
        label = (result.criterion_labels.get(rest) if result else None) or FUNDER_CRITERION_LABELS.get(rest, rest)
        return _("Critère d'éligibilité : %(criterion)s") % {"criterion": label}
    if kind == "orientation":
        partner, _sep, outcome = rest.partition(":")
        what = {
            "all": _("toutes"),
            "done": _("réalisées"),
            "open": _("en cours"),
            "ended": _("refusées ou abandonnées"),
        }.get(outcome, outcome)
        return _("Orientations vers %(kind)s : %(outcome)s") % {
            "kind": PARTNER_KIND_LABELS.get(partner, partner),
            "outcome": what,
        }
    if kind == "barrier":
        domain, _sep, when = rest.partition(":")
        name = BARRIER_DOMAIN_LABELS.get(domain, domain)
        if when == "lifted":
            return _("Frein levé à la sortie : %(domain)s") % {"domain": name}
        return _("Frein repéré : %(domain)s") % {"domain": name}
    return key


def build_sections(result: Indicators, *, query: str, links: bool) -> list[Section]:
    """The page's sections in order; `links`: whether the reader may open the people behind a figure."""

    base = reverse("indicators:people")

    def row(key: str, label=None, definition="") -> Row:
        figure = result[key]
        url = ""
        if links and figure.pathway_ids:
            url = f"{base}?{urlencode({'figure': key})}&{query}"
        return Row(key, str(label if label is not None else label_of(key, result)), figure, str(definition), url)

    def defined(key: str) -> Row:
        return row(key, definition=DEFINITIONS[key])

    people = Section("people", _("Personnes et heures"), "")
    people.rows = [defined(k) for k in ("supported", "hired", "present", "hours", "fte", "disability")]

    lengths = Section("lengths", _("Durée des parcours"), DEFINITIONS["length_band"])
    lengths.rows = [defined("length_mean"), defined("length_median")] + [
        row(f"length:{code}", LENGTH_LABELS[code]) for code, _low, _high in LENGTH_BANDS
    ]
    lengths.chart = charts.pathway_lengths(result, LENGTH_LABELS)

    exits = Section("exits", _("Sorties"), DEFINITIONS["group"])
    exits.rows = (
        [defined("exits"), defined("exits_counted")]
        + [row(f"exits:{g}", GROUP_LABELS[g].capitalize(), DEFINITIONS["group"]) for g in COUNTED_GROUPS]
        + [defined("exits_dynamic"), defined("exits_not_counted"), defined("exits_short_stay")]
    )
    exits.chart = charts.exit_groups_over_time(result, GROUP_LABELS)

    categories = Section("categories", _("Sorties par situation"), DEFINITIONS["category"])
    categories.rows = [
        row(key, result.category_labels.get(key.split(":", 1)[1]))
        for key in result.figures
        if key.startswith("category:")
    ]

    follow_ups = Section("follow_ups", _("Situation après la sortie"), DEFINITIONS["follow_up"])
    follow_ups.columns = [_("%(months)s mois") % {"months": m} for m in FOLLOW_UP_MONTHS]
    follow_ups.grid = [
        (str(OUTCOME_LABELS[o.value]), [row(f"follow_up:{m}:{o.value}") for m in FOLLOW_UP_MONTHS]) for o in Outcome
    ] + [(str(_("Suivi encore à faire")), [row(f"follow_up:{m}:pending") for m in FOLLOW_UP_MONTHS])]

    barriers = Section("barriers", _("Freins repérés et levés à la sortie"), DEFINITIONS["barrier"])
    barriers.columns = [_("repérés"), _("levés à la sortie")]
    domains = sorted({k.split(":")[1] for k in result.figures if k.startswith("barrier:")})
    barriers.grid = [
        (str(BARRIER_DOMAIN_LABELS.get(d, d)), [row(f"barrier:{d}:entry"), row(f"barrier:{d}:lifted")]) for d in domains
    ]
    barriers.chart = charts.barriers(result, BARRIER_DOMAIN_LABELS)

    profile = Section("profile", _("Profil des personnes accompagnées"), DEFINITIONS["age"])
    profile.rows = [row(f"age:{code}", AGE_LABELS[code]) for code in [c for c, _l, _h in AGE_BANDS] + ["unknown"]]

    criteria = Section("criteria", _("Critères d'éligibilité"), DEFINITIONS["criterion"])
    criteria.rows = [
        row(key, result.criterion_labels.get(code) or FUNDER_CRITERION_LABELS.get(code, code))
        for key, code in ((k, k.split(":", 1)[1]) for k in result.figures if k.startswith("criterion:"))
    ]

    activities = Section("activities", _("Immersions, formations, certifications et badges"), "")
    activities.rows = [
        defined(k) for k in ("immersions", "trainings", "trainings_obtained", "certifications", "badges")
    ]

    workshops = Section("workshops", _("Ateliers collectifs et présence"), "")
    workshops.rows = [defined(k) for k in ("workshops", "workshop_invited", "workshop_present")]

    orientations = Section("orientations", _("Orientations par type de partenaire"), DEFINITIONS["orientations"])
    orientations.columns = [_("orientations"), _("réalisées"), _("en cours"), _("refusées ou abandonnées")]
    partner_kinds = sorted(
        {k.split(":")[1] for k in result.figures if k.startswith("orientation:")},
        key=lambda kind: str(PARTNER_KIND_LABELS.get(kind, kind)),
    )
    orientations.grid = [
        (
            str(PARTNER_KIND_LABELS.get(kind, kind)),
            [row(f"orientation:{kind}:{outcome}") for outcome in ("all", "done", "open", "ended")],
        )
        for kind in partner_kinds
    ]

    programme_rules = Section("programme", _("Obligations propres au dispositif"), "")
    programme_rules.rows = [
        defined(k) for k in ("it_disadvantaged", "it_share", "be_ended", "be_rights") if k in result.figures
    ]

    months = Section("months", _("Entrées et sorties par mois"), DEFINITIONS["hired"])
    months.chart = charts.entries_and_exits(result)

    sections = [
        people,
        months,
        lengths,
        exits,
        categories,
        follow_ups,
        barriers,
        activities,
        workshops,
        orientations,
        profile,
        criteria,
    ]
    if programme_rules.rows:
        sections.insert(1, programme_rules)
    return sections
