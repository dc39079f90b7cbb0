"""Explainable matching between a person and a job offer: pure Python, no database.

The score (0–100) adds up to three factors, each with its points, its maximum and a sentence:

- **project** (40 points): the offer's job is one of the person's target jobs (40 if confirmed,
  36 otherwise), or a job of the same ROME family — same letter and two digits, "A12" — (20);
- **competences** (30 points): the share of the offer's required competences that the person has
  acquired. Left out (and said so) when the competence grid is not available or the offer
  requires none;
- **travel** (30 points): the estimated travel time from home with the person's means of
  transport against their maximum: full points up to half of the maximum, then down to 10 points
  at the maximum, 0 beyond it (and a flag).

The score is the points obtained over the maximum of the factors that could be computed, so a
missing factor neither helps nor harms; the explanation names it.

Hard constraints come from the person's file and diagnosis. They never lower a score silently:
a blocking one excludes the offer from the ranking and is listed with its reason; a non-blocking
one is shown as a flag next to the score.

Travel time is an approximation, not a route planner: straight-line (great-circle) distance
multiplied by a detour factor of 1.3, divided by a mean door-to-door speed per means of transport
(walk 4.5 km/h, bike 14, public transport 18 including waiting, two-wheeler 30, car 35), plus
5 minutes of access for public transport. Without coordinates on both sides, two identical
postcodes count as 3 km apart; otherwise the travel factor is left out.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from operator import itemgetter

from django.utils.formats import number_format
from django.utils.translation import gettext as _

# --- inputs ------------------------------------------------------------------------------------

PROJECT_POINTS = 40
COMPETENCE_POINTS = 30
TRAVEL_POINTS = 30

SPEED_KMH = {"walk": 4.5, "bike": 14.0, "public_transport": 18.0, "two_wheeler": 30.0, "car": 35.0}
ACCESS_MINUTES = {"public_transport": 5.0}
DETOUR = 1.3
SAME_POSTCODE_KM = 3.0
# Levels in order; a person below the offer's level is excluded.
FRENCH_ORDER = ("none", "A1", "A2", "B1", "B2", "C1", "native")
FRENCH_RANK = {level: rank for rank, level in enumerate(FRENCH_ORDER)}
LICENCES_THAT_DRIVE = frozenset({"B", "other"})
SHIFTS_HARD_WITH_CHILDCARE = frozenset({"early", "night", "weekend"})
# Competence levels on the 0–5 grid from which a competence counts as acquired.
ACQUIRED_LEVEL = 3
# The columns of an offer row that `Scorer.score_rows` reads, in this order (shifts and competences as stored:
# comma-separated codes; the distance None when the home or the workplace is not located).
OFFER_ROW = (
    "id",
    "job_code",
    "postcode",
    "distance_km",  # from the person's home, computed by the database (services.distance_from)
    "shifts",
    "driving_licence_required",
    "vehicle_required",
    "french_level_required",
    "required_competences",
)


@functools.lru_cache(maxsize=512)
def shift_codes(text: str | None) -> frozenset:
    """The shift codes of an offer as stored (",day,night,")."""
    return frozenset(code.strip() for code in (text or "").split(",") if code.strip())


@functools.lru_cache(maxsize=512)
def competence_codes(text: str | None) -> tuple:
    """The required competence keys of an offer as stored, in order."""
    return tuple(code.strip() for code in (text or "").split(",") if code.strip())


@dataclass(frozen=True)
class TargetJobFacts:
    code: str
    title: str
    confirmed: bool = False


@dataclass
class PersonFacts:
    key: object  # the pathway's id, or anything the caller needs back
    target_jobs: list[TargetJobFacts] = field(default_factory=list)
    # None: the competence grid is not available at all (the factor is left out, and said so).
    competences: dict[str, int] | None = None
    home_postcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    transport: str = ""
    max_travel_minutes: int = 45
    has_mobility_profile: bool = False
    driving_licence: str = "none"
    has_vehicle: bool = False
    french_level: str = ""
    childcare_barrier: bool = False
    not_relevant: dict = field(default_factory=dict)  # offer key -> reason label


@dataclass
class OfferFacts:
    key: object
    job_code: str
    title: str = ""
    postcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    shifts: frozenset = frozenset()
    driving_licence_required: bool = False
    vehicle_required: bool = False
    french_level_required: str = ""
    required_competences: tuple = ()
    # The distance from the person's home when the database measured it (same formula as distance_km):
    # the ranking and the explanation then read the same number.
    distance_km: float | None = None


# --- outputs -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Factor:
    code: str  # project, competences, travel
    points: float
    max_points: float
    explanation: str
    counted: bool = True  # False: could not be computed, left out of the score


@dataclass(frozen=True)
class Constraint:
    code: str  # driving_licence, vehicle, childcare_shifts, french_level, travel_time, not_relevant…
    message: str
    blocking: bool


@dataclass
class Match:
    person_key: object
    offer_key: object
    score: int
    factors: list[Factor]
    constraints: list[Constraint]
    missing: list[str]

    @property
    def excluded(self) -> bool:
        return any(c.blocking for c in self.constraints)

    @property
    def blocking(self) -> list[Constraint]:
        return [c for c in self.constraints if c.blocking]

    @property
    def flags(self) -> list[Constraint]:
        return [c for c in self.constraints if not c.blocking]


# --- factors -----------------------------------------------------------------------------------


def rome_family(code: str) -> str:
    return code[:3].upper() if code and len(code) >= 3 else ""


def project_factor(person: PersonFacts, offer: OfferFacts) -> Factor:
    code = (offer.job_code or "").upper()
    if not person.target_jobs:
        return Factor(
            "project", 0, PROJECT_POINTS, _("Aucun métier visé n'est enregistré dans le projet professionnel.")
        )
    same = [job for job in person.target_jobs if job.code and job.code.upper() == code]
    if same:
        confirmed = any(job.confirmed for job in same)
        points = PROJECT_POINTS if confirmed else PROJECT_POINTS * 0.9
        text = (
            _("Même métier que le métier visé confirmé « %(title)s ».")
            if confirmed
            else _("Même métier que le métier visé « %(title)s » (à confirmer).")
        ) % {"title": same[0].title}
        return Factor("project", points, PROJECT_POINTS, text)
    family = rome_family(code)
    related = [job for job in person.target_jobs if job.code and family and rome_family(job.code) == family]
    if related:
        return Factor(
            "project",
            PROJECT_POINTS / 2,
            PROJECT_POINTS,
            _("Métier proche du métier visé « %(title)s » (même famille %(family)s).")
            % {"title": related[0].title, "family": family},
        )
    return Factor(
        "project",
        0,
        PROJECT_POINTS,
        _("Ce métier ne fait pas partie du projet professionnel (%(jobs)s).")
        % {"jobs": ", ".join(job.title for job in person.target_jobs)},
    )


def competence_factor(person: PersonFacts, offer: OfferFacts) -> tuple[Factor, list[str]]:
    required = [code for code in offer.required_competences if code]
    if person.competences is None:
        return (
            Factor(
                "competences",
                0,
                COMPETENCE_POINTS,
                _("Compétences non prises en compte : la grille de compétences n'est pas disponible."),
                counted=False,
            ),
            [],
        )
    if not required:
        return (
            Factor(
                "competences",
                0,
                COMPETENCE_POINTS,
                _("L'offre ne précise pas de compétences attendues : critère non compté."),
                counted=False,
            ),
            [],
        )
    acquired = [code for code in required if person.competences.get(code, -1) >= ACQUIRED_LEVEL]
    missing = [code for code in required if code not in acquired]
    points = COMPETENCE_POINTS * len(acquired) / len(required)
    text = _("Compétences attendues acquises : %(acquired)s sur %(required)s.") % {
        "acquired": len(acquired),
        "required": len(required),
    }
    return Factor("competences", points, COMPETENCE_POINTS, text), missing


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), Earth radius 6,371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def travel_minutes(km: float, transport: str) -> float:
    speed = SPEED_KMH.get(transport, SPEED_KMH["public_transport"])
    return km * DETOUR / speed * 60 + ACCESS_MINUTES.get(transport, 0.0)


def travel_factor(person: PersonFacts, offer: OfferFacts) -> tuple[Factor, Constraint | None]:
    if not person.has_mobility_profile:
        return (
            Factor(
                "travel",
                0,
                TRAVEL_POINTS,
                _("Trajet non évalué : la mobilité de la personne n'est pas renseignée."),
                counted=False,
            ),
            None,
        )
    if offer.distance_km is not None:
        km = offer.distance_km
    elif None not in (person.latitude, person.longitude, offer.latitude, offer.longitude):
        km = distance_km(person.latitude, person.longitude, offer.latitude, offer.longitude)
    elif person.home_postcode and person.home_postcode == offer.postcode:
        km = SAME_POSTCODE_KM
    else:
        return (
            Factor(
                "travel",
                0,
                TRAVEL_POINTS,
                _("Trajet non évalué : le domicile ou le lieu de travail n'est pas localisé."),
                counted=False,
            ),
            None,
        )
    minutes = travel_minutes(km, person.transport)
    limit = max(person.max_travel_minutes, 1)
    values = {"km": number_format(round(km, 1), 1), "minutes": round(minutes), "limit": limit}
    if minutes <= limit / 2:
        return Factor(
            "travel",
            TRAVEL_POINTS,
            TRAVEL_POINTS,
            _("Environ %(minutes)s min de trajet (%(km)s km), bien en deçà du maximum de %(limit)s min.") % values,
        ), None
    if minutes <= limit:
        share = (minutes - limit / 2) / (limit / 2)
        points = TRAVEL_POINTS - share * (TRAVEL_POINTS - 10)
        return Factor(
            "travel",
            points,
            TRAVEL_POINTS,
            _("Environ %(minutes)s min de trajet (%(km)s km), dans la limite de %(limit)s min.") % values,
        ), None
    text = _("Environ %(minutes)s min de trajet (%(km)s km), au-delà du maximum de %(limit)s min.") % values
    return Factor("travel", 0, TRAVEL_POINTS, text), Constraint("travel_time", text, blocking=False)


def hard_constraints(person: PersonFacts, offer: OfferFacts) -> list[Constraint]:
    found: list[Constraint] = []
    if offer.driving_licence_required and person.driving_licence not in LICENCES_THAT_DRIVE:
        if person.driving_licence == "in_progress":
            found.append(
                Constraint(
                    "driving_licence", _("Permis B exigé : le permis est en cours de préparation."), blocking=False
                )
            )
        else:
            found.append(
                Constraint("driving_licence", _("Permis B exigé : la personne n'a pas le permis."), blocking=True)
            )
    if offer.vehicle_required and not person.has_vehicle:
        found.append(Constraint("vehicle", _("Véhicule exigé : la personne n'en a pas."), blocking=True))
    hard_shifts = sorted(set(offer.shifts) & SHIFTS_HARD_WITH_CHILDCARE)
    if person.childcare_barrier and hard_shifts:
        found.append(
            Constraint(
                "childcare_shifts",
                _("Horaires %(shifts)s incompatibles avec le frein « garde d'enfants » non levé.")
                % {"shifts": ", ".join(SHIFT_WORDS().get(code, code) for code in hard_shifts)},
                blocking=True,
            )
        )
    required = offer.french_level_required
    if required and required in FRENCH_ORDER:
        if not person.french_level:
            found.append(
                Constraint(
                    "french_level",
                    _("Niveau de français %(level)s attendu : celui de la personne n'est pas renseigné.")
                    % {"level": required},
                    blocking=False,
                )
            )
        elif FRENCH_ORDER.index(person.french_level) < FRENCH_ORDER.index(required):
            found.append(
                Constraint(
                    "french_level",
                    _("Niveau de français %(level)s attendu : la personne a le niveau %(person)s.")
                    % {"level": required, "person": person.french_level},
                    blocking=True,
                )
            )
    reason = person.not_relevant.get(offer.key)
    if reason is not None:
        found.append(
            Constraint("not_relevant", _("Écartée par l'équipe : %(reason)s.") % {"reason": reason}, blocking=True)
        )
    return found


def SHIFT_WORDS() -> dict[str, str]:  # noqa: N802 - a table, translated at call time
    return {"early": _("tôt le matin"), "night": _("de nuit"), "weekend": _("le week-end")}


# --- the match ---------------------------------------------------------------------------------


def match(person: PersonFacts, offer: OfferFacts) -> Match:
    project = project_factor(person, offer)
    competences, missing_competences = competence_factor(person, offer)
    travel, travel_flag = travel_factor(person, offer)
    factors = [project, competences, travel]
    counted = [f for f in factors if f.counted]
    maximum = sum(f.max_points for f in counted)
    score = round(100 * sum(f.points for f in counted) / maximum) if maximum else 0
    constraints = hard_constraints(person, offer)
    if travel_flag is not None:
        constraints.append(travel_flag)
    missing: list[str] = []
    if project.points < project.max_points and project.points == 0:
        missing.append(_("un métier visé correspondant"))
    if missing_competences:
        missing.append(_("compétences : %(codes)s") % {"codes": ", ".join(missing_competences)})
    missing.extend(c.message for c in constraints if c.code != "not_relevant")
    return Match(person.key, offer.key, score, factors, constraints, missing)


def rank(matches: list[Match]) -> tuple[list[Match], list[Match]]:
    """(ranked, excluded): the ranked ones by score, best first; ties keep the callers' order."""
    ranked = sorted((m for m in matches if not m.excluded), key=lambda m: -m.score)
    excluded = [m for m in matches if m.excluded]
    return ranked, excluded


# --- ranking many at once ------------------------------------------------------------------------


class Scorer:
    """The same score and exclusion as `match`, without writing the explanations.

    Ranking 5,000 offers writes no sentence: only the page shown is explained with `match`
    (the sentences, translated, cost far more than the arithmetic). `test_scoring` checks that
    both always agree.
    """

    def __init__(self, person: PersonFacts):
        self.person = person
        self.exact: dict[str, float] = {}
        for job in person.target_jobs:
            if job.code:
                code = job.code.upper()
                points = PROJECT_POINTS if job.confirmed else PROJECT_POINTS * 0.9
                self.exact[code] = max(points, self.exact.get(code, 0))
        self.families = {rome_family(job.code) for job in person.target_jobs if job.code}
        self.families.discard("")
        self.no_licence = person.driving_licence not in LICENCES_THAT_DRIVE and person.driving_licence != "in_progress"
        self.french = FRENCH_ORDER.index(person.french_level) if person.french_level in FRENCH_ORDER else None
        self.located = person.has_mobility_profile and None not in (person.latitude, person.longitude)
        if self.located:
            self.lat = math.radians(person.latitude)
            self.cos_lat = math.cos(self.lat)
            self.lon = math.radians(person.longitude)
        self.speed = SPEED_KMH.get(person.transport, SPEED_KMH["public_transport"])
        self.access = ACCESS_MINUTES.get(person.transport, 0.0)

    def quick(self, offer: OfferFacts) -> tuple[int, bool]:
        """(score, excluded) of this offer for the person."""
        km = offer.distance_km
        if km is None and self.located and offer.latitude is not None and offer.longitude is not None:
            km = _distance_from_prepared(self.lat, self.cos_lat, self.lon, offer.latitude, offer.longitude)
        row = (
            offer.key,
            offer.job_code,
            offer.postcode,
            km,
            ",".join(sorted(offer.shifts)),
            offer.driving_licence_required,
            offer.vehicle_required,
            offer.french_level_required,
            ",".join(offer.required_competences),
        )
        [(_row, score, excluded)] = self.score_rows([row])
        return score, excluded

    def score_rows(self, rows) -> list[tuple]:
        """(row, score, excluded) for each offer row, laid out as `OFFER_ROW`; extra columns are kept.

        Everything the loop reads is a local name, the distance comes computed by the database, and
        the shift and competence texts are parsed only when the person's file makes them matter.
        """
        person = self.person
        exact_get = self.exact.get
        families = self.families
        has_targets = bool(person.target_jobs)
        no_licence = self.no_licence
        no_vehicle = not person.has_vehicle
        childcare = person.childcare_barrier
        french = self.french
        not_relevant = person.not_relevant
        acquired_levels = person.competences
        has_profile = person.has_mobility_profile
        same_postcode = person.home_postcode if has_profile else ""
        speed = self.speed
        access = self.access
        limit = max(person.max_travel_minutes, 1)
        travel_points = _travel_points
        scored = []
        append = scored.append
        for row in rows:
            key, job_code, postcode, km, shifts, licence, vehicle, french_required, competences = row[:9]
            if french_required:
                required_rank = FRENCH_RANK.get(french_required)
                french_short = required_rank is not None and french is not None and french < required_rank
            else:
                french_short = False
            excluded = bool(
                (licence and no_licence)
                or (vehicle and no_vehicle)
                or (childcare and shifts and not shift_codes(shifts).isdisjoint(SHIFTS_HARD_WITH_CHILDCARE))
                or french_short
                or key in not_relevant
            )
            points = 0
            if has_targets:
                code = (job_code or "").upper()
                points = exact_get(code)
                if points is None:
                    points = PROJECT_POINTS / 2 if code[:3] in families else 0
            maximum = PROJECT_POINTS
            if acquired_levels is not None and competences:
                required = competence_codes(competences)
                if required:
                    acquired = sum(1 for c in required if acquired_levels.get(c, -1) >= ACQUIRED_LEVEL)
                    points += COMPETENCE_POINTS * acquired / len(required)
                    maximum += COMPETENCE_POINTS
            if km is None and same_postcode and same_postcode == postcode:
                km = SAME_POSTCODE_KM
            if km is not None and has_profile:
                points += travel_points(km * DETOUR / speed * 60 + access, limit)
                maximum += TRAVEL_POINTS
            append((row, round(100 * points / maximum), excluded))
        return scored


class OfferScorer:
    """`Scorer` the other way round: one offer against many people, from each person's own fields.

    Ranking 2,000 people for an offer builds no PersonFacts and no Scorer per person: the offer's side
    (its job, hours, requirements, place) is prepared once, and each person's target jobs come down
    to the project points they earn for this offer. Only the people shown are explained with `match`;
    `test_scoring` checks that both always agree.
    """

    def __init__(self, offer: OfferFacts):
        self.offer = offer
        self.code = (offer.job_code or "").upper()
        self.family = self.code[:3] if len(self.code) >= 3 else None
        self.hard_shifts = not offer.shifts.isdisjoint(SHIFTS_HARD_WITH_CHILDCARE)
        required = offer.french_level_required
        self.french = FRENCH_RANK.get(required) if required else None
        self.competences = tuple(code for code in offer.required_competences if code)
        self.located = offer.latitude is not None and offer.longitude is not None
        if self.located:
            self.lat = math.radians(offer.latitude)
            self.cos_lat = math.cos(self.lat)
            self.lon = math.radians(offer.longitude)

    def project_points(self, code: str, confirmed: bool) -> float:
        """The points one target job (its code upper-cased) earns for this offer; a person's best one counts."""
        if not code:
            return 0
        if code == self.code:
            return PROJECT_POINTS if confirmed else PROJECT_POINTS * 0.9
        if self.family is not None and code[:3] == self.family:
            return PROJECT_POINTS / 2
        return 0

    def quick(self, person: PersonFacts) -> tuple[int, bool]:
        """(score, excluded) of this offer for the person."""
        project = max((self.project_points(job.code.upper(), job.confirmed) for job in person.target_jobs), default=0)
        km = None
        if self.located and person.latitude is not None and person.longitude is not None:
            km = _distance_from_prepared(self.lat, self.cos_lat, self.lon, person.latitude, person.longitude)
        row = (
            person.key,
            person.key,
            person.driving_licence,
            person.has_vehicle,
            person.french_level,
            True if person.has_mobility_profile else None,
            person.home_postcode,
            km,
            person.transport,
            person.max_travel_minutes,
        )
        [(_key, score, excluded)] = self.score_people(
            [row],
            project={person.key: project},
            competences=None if person.competences is None else {person.key: person.competences},
            childcare={person.key} if person.childcare_barrier else set(),
            dismissed={person.key} if self.offer.key in person.not_relevant else set(),
        )
        return score, excluded

    def score_people(self, rows, *, project, competences, childcare, dismissed) -> list[tuple]:
        """(pathway id, score, excluded) for each person row, laid out as `services.PERSON_FIELDS`.

        `project`: pathway id -> the best `project_points` of their target jobs; `competences`: person id ->
        acquired levels, or None without a competence grid; `childcare` and `dismissed`: pathway ids with a
        childcare barrier not lifted, and those the team set aside for this offer. One flat loop over
        local names: it runs over 2,000 people per page.
        """
        offer = self.offer
        licence_required = offer.driving_licence_required
        vehicle_required = offer.vehicle_required
        hard_shifts = self.hard_shifts
        french_required = self.french
        required = self.competences
        competences_counted = competences is not None and bool(required)
        offer_postcode = offer.postcode
        project_of = project.get
        levels_of = competences.get if competences is not None else None
        travel_points = _travel_points
        scored = []
        append = scored.append
        for pathway_id, person_id, licence, vehicle, french, profile_id, postcode, km, transport, max_minutes in rows:
            excluded = bool(
                (licence_required and licence not in LICENCES_THAT_DRIVE and licence != "in_progress")
                or (vehicle_required and not vehicle)
                or (hard_shifts and pathway_id in childcare)
                or (french_required is not None and FRENCH_RANK.get(french, french_required) < french_required)
                or pathway_id in dismissed
            )
            points = project_of(pathway_id, 0)
            maximum = PROJECT_POINTS
            if competences_counted:
                levels = levels_of(person_id, EMPTY)
                acquired = sum(1 for c in required if levels.get(c, -1) >= ACQUIRED_LEVEL)
                points += COMPETENCE_POINTS * acquired / len(required)
                maximum += COMPETENCE_POINTS
            if profile_id is not None:
                if km is None and postcode and postcode == offer_postcode:
                    km = SAME_POSTCODE_KM
                if km is not None:
                    speed = SPEED_KMH.get(transport, SPEED_KMH["public_transport"])
                    points += travel_points(
                        km * DETOUR / speed * 60 + ACCESS_MINUTES.get(transport, 0.0), max(max_minutes, 1)
                    )
                    maximum += TRAVEL_POINTS
            append((pathway_id, round(100 * points / maximum), excluded))
        return scored


EMPTY: dict = {}


def _distance_from_prepared(lat1: float, cos_lat1: float, lon1: float, latitude: float, longitude: float) -> float:
    """distance_km from a point whose radians and cosine are computed once: the arithmetic the database
    follows for the ranking rows (services.distance_from)."""
    lat2 = math.radians(latitude)
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + cos_lat1 * math.cos(lat2) * math.sin((math.radians(longitude) - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _travel_points(minutes: float, limit: int) -> float:
    """The travel points of the quick scorers: travel_factor's arithmetic, without its sentence.

    `limit` is the person's maximum travel time, at least 1 minute."""
    if minutes <= limit / 2:
        return TRAVEL_POINTS
    if minutes <= limit:
        return TRAVEL_POINTS - (minutes - limit / 2) / (limit / 2) * (TRAVEL_POINTS - 10)
    return 0


def rank_quickly(pairs) -> tuple[list, list]:
    """`pairs` of (item, score, excluded) -> (ranked items with score, best first; excluded items), no sentences."""
    ranked, excluded = [], []
    for item, score, out in pairs:
        (excluded if out else ranked).append((item, score))
    # A stable sort, reversed: equal scores keep the order they came in.
    ranked.sort(key=itemgetter(1), reverse=True)
    return ranked, excluded
