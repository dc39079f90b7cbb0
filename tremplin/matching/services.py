"""From the database to the pure scoring (scoring.py) and back: facts in bulk, rankings, and the coach's decisions.

Query counts do not depend on the number of offers or people: each kind of fact is read in
one query (values only, no model instances), scored in Python, and only the page shown is
loaded as objects.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, transaction
from django.db.models import Case, FilteredRelation, FloatField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import ASin, Cos, Least, Power, Radians, Sin, Sqrt
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.barriers.models import ACTIVE_STATUSES as ACTIVE_BARRIER_STATUSES
from tremplin.barriers.models import Barrier, BarrierDomain
from tremplin.job_offers.models import JobOffer
from tremplin.pathways.models import Pathway, Status
from tremplin.professional_project.jobs import code_for_title
from tremplin.professional_project.models import TargetJob, TargetJobStatus

from . import scoring
from .models import MobilityProfile, NotRelevant, NotRelevantReason, SentOffer

# Pathways the job coach works on: before and during the contract.
MATCHABLE_STATUSES = (Status.CANDIDATE, Status.ELIGIBLE, Status.IN_CONTRACT)

# Columns the scoring reads, in this order (see scoring.OFFER_ROW): read as tuples, no model instances.
OFFER_FIELDS = scoring.OFFER_ROW
# What the ranked list shows of each offer: read for the page shown only.
OFFER_DISPLAY_FIELDS = ("id", "public_id", "title", "postcode", "city", "contract_type", "shifts", "company__name")


# --- competences (optional app) -----------------------------------------------------------------


def competences_of(person) -> dict[str, int] | None:
    """The person's acquired competences, or None when the competence grid is not installed."""
    try:
        from tremplin.competences.services import acquired_competences
    except ImportError:
        return None
    return acquired_competences(person)


def competences_of_people(person_ids) -> dict[int, dict[str, int]] | None:
    """Acquired competences of many people in one query, or None when the grid is not available.

    `person_ids` may be a queryset of person ids (a subquery: thousands of ids are not sent as parameters).

    Uses the competence app's bulk function when it offers one; otherwise reads its latest
    completed scores the same way `acquired_competences` does.
    """
    try:
        from tremplin.competences import services as competence_services
    except ImportError:
        return None
    bulk = getattr(competence_services, "acquired_competences_for_people", None)
    if bulk is not None:
        return bulk(person_ids)
    try:
        from tremplin.competences.models import Competence, EvaluationSession, Score

        sessions = EvaluationSession.objects.completed().filter(pathway__person_id__in=person_ids)
        rows = (
            Score.objects.filter(session__in=sessions, coach_level__isnull=False)
            .order_by("session__held_on", "session__coach_completed_at", "session_id")
            .values_list(
                "session__pathway__person_id",
                "competence_id",
                "competence__kind",
                "competence__code",
                "competence__public_id",
                "coach_level",
            )
        )
        keys: dict[int, str] = {}
        found: dict[int, dict[str, int]] = defaultdict(dict)
        for person_id, competence_id, kind, code, public_id, level in rows:
            key = keys.get(competence_id)
            if key is None:
                # The competence app's own rule for the key, applied once per competence.
                key = keys[competence_id] = Competence(kind=kind, code=code, public_id=public_id).key
            found[person_id][key] = level
        return found
    except Exception:  # noqa: BLE001 - the other app's models changed: matching goes on without competences
        return None


# --- facts ---------------------------------------------------------------------------------------


def offer_facts(row: tuple) -> scoring.OfferFacts:
    """From a ranking row (scoring.OFFER_ROW): the explanation reads the distance the ranking read."""
    key, code, postcode, km, shifts, licence, vehicle, french, competences = row[:9]
    return scoring.OfferFacts(
        key=key,
        job_code=code,
        postcode=postcode,
        distance_km=km,
        shifts=scoring.shift_codes(shifts),
        driving_licence_required=bool(licence),
        vehicle_required=bool(vehicle),
        french_level_required=french,
        required_competences=scoring.competence_codes(competences),
    )


def facts_of_offer(offer: JobOffer) -> scoring.OfferFacts:
    """From the offer itself. Its coordinates are its own, or its site's copied when it was saved."""
    return scoring.OfferFacts(
        key=offer.pk,
        job_code=offer.job_code,
        title=offer.title,
        postcode=offer.postcode,
        latitude=offer.latitude,
        longitude=offer.longitude,
        shifts=scoring.shift_codes(offer.shifts),
        driving_licence_required=offer.driving_licence_required,
        vehicle_required=offer.vehicle_required,
        french_level_required=offer.french_level_required,
        required_competences=scoring.competence_codes(offer.required_competences),
    )


def distance_from(latitude: float, longitude: float, latitude_field="latitude", longitude_field="longitude"):
    """The great-circle distance in km from this point to each row's coordinates, computed by the database.

    scoring.distance_km's formula with the point's side computed once (the same arithmetic as
    Scorer.quick); NULL where the row has no coordinates. SQLite gets these functions from Django.
    """
    lat1, lon1 = math.radians(latitude), math.radians(longitude)
    latitude_there = Radians(latitude_field)
    a = Power(Sin((latitude_there - lat1) / 2), 2) + math.cos(lat1) * Cos(latitude_there) * Power(
        Sin((Radians(longitude_field) - lon1) / 2), 2
    )
    km = 2 * 6371.0 * ASin(Least(Value(1.0), Sqrt(a)))
    # PostgreSQL's LEAST skips a NULL: the rows without coordinates are kept out explicitly.
    located = Q(**{f"{latitude_field}__isnull": False, f"{longitude_field}__isnull": False})
    return Case(When(located, then=km), default=None, output_field=FloatField())


def home_of(profile) -> tuple[float, float] | None:
    """The (latitude, longitude) the database measures offers' distances from, or None when home is not located."""
    if profile is None or profile.latitude is None or profile.longitude is None:
        return None
    return profile.latitude, profile.longitude


def open_offers(structure, today: datetime.date | None = None):
    return JobOffer.objects.filter(structure=structure).open_on(today or timezone.localdate())


def _target(code: str, title: str, status: str) -> scoring.TargetJobFacts:
    return scoring.TargetJobFacts(
        code=(code or code_for_title(title)).upper(), title=title, confirmed=status == TargetJobStatus.CONFIRMED
    )


def reason_labels() -> dict[str, str]:
    return {value: str(label) for value, label in NotRelevantReason.choices}


def person_facts(
    pathway: Pathway, membership, *, targets=None, profile=False, not_relevant=None
) -> scoring.PersonFacts:
    """Everything the scoring needs about one person, as the member may read it.

    `targets` (TargetJob list), `profile` (MobilityProfile or None) and `not_relevant` ({offer id: reason
    label}) may be given when the caller already read them; otherwise they are read here.
    """
    person = pathway.person
    if profile is False:
        profile = MobilityProfile.objects.filter(person=person).first()
    if targets is None:
        targets = list(TargetJob.objects.filter(pathway=pathway))
    childcare = (
        Barrier.objects.filter(pathway=pathway, domain=BarrierDomain.CHILDCARE, status__in=ACTIVE_BARRIER_STATUSES)
        .visible_to(membership)
        .exists()
    )
    if not_relevant is None:
        labels = reason_labels()
        not_relevant = {
            offer_id: labels.get(reason, reason)
            for offer_id, reason in NotRelevant.objects.filter(pathway=pathway).values_list("offer_id", "reason")
        }
    facts = scoring.PersonFacts(
        key=pathway.pk,
        target_jobs=[_target(job.job_code, job.title, job.status) for job in targets],
        competences=competences_of(person),
        driving_licence=person.driving_licence,
        has_vehicle=person.has_vehicle,
        french_level=person.french_level,
        childcare_barrier=childcare,
        not_relevant=not_relevant,
    )
    if profile is not None:
        _apply_profile(
            facts,
            profile.home_postcode,
            profile.latitude,
            profile.longitude,
            profile.transport,
            profile.max_travel_minutes,
        )
    return facts


def _apply_profile(facts, postcode, lat, lon, transport, max_minutes) -> None:
    facts.has_mobility_profile = True
    facts.home_postcode = postcode or ""
    facts.latitude, facts.longitude = lat, lon
    facts.transport = transport
    facts.max_travel_minutes = max_minutes


def offers_for_person(pathway: Pathway, *, home: tuple[float, float] | None = None, today: datetime.date | None = None):
    """The structure's open offers as tuples of OFFER_FIELDS plus, last, the reason this person's team set
    each aside (or None): one query, whatever the number of offers.

    `home` (latitude, longitude): the database measures each offer's distance from it; without it the
    distance is None.
    """
    distance = distance_from(*home) if home is not None else Value(None, output_field=FloatField())
    # A left join on the person's own decisions (one row at most per offer), not a subquery per offer. No ORDER
    # BY (sorting 5,000 rows cost more than scoring them): the ranking sorts by score, and equal scores keep
    # the table's order, the same from one page to the next unless offers are edited meanwhile.
    return _tuples(
        open_offers(pathway.structure, today)
        .annotate(
            distance_km=distance,
            mine=FilteredRelation("not_relevant_for", condition=Q(not_relevant_for__pathway=pathway)),
        )
        .order_by()
        .values_list(*OFFER_FIELDS, "mine__reason")
    )


def _tuples(queryset) -> list[tuple]:
    """The rows of a values_list as the database driver returns them: thousands of rows skip the ORM's
    per-value converters (booleans may come as 0/1, which the scoring reads the same)."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def offer_lines(pathway: Pathway, offer_ids) -> dict[int, dict]:
    """What the page shows of these offers, with the date each was sent to this person."""
    sent = SentOffer.objects.filter(offer=OuterRef("pk"), pathway=pathway).values("sent_on")[:1]
    rows = (
        JobOffer.objects.filter(pk__in=offer_ids)
        .annotate(sent_on=Subquery(sent))
        .values(*OFFER_DISPLAY_FIELDS, "sent_on")
    )
    return {row["id"]: row for row in rows}


def score_offers(pathway: Pathway, membership, *, rows=None, targets=None, profile=False, today=None):
    """(facts, ranked, excluded) for this person: lists of (row, score), best first, without sentences.

    A row is a tuple of OFFER_FIELDS; `offer_facts(row)` gives what `scoring.match` explains, for the rows shown.
    """
    if profile is False:
        profile = MobilityProfile.objects.filter(person=pathway.person).first()
    if rows is None:
        rows = offers_for_person(pathway, home=home_of(profile), today=today)
    labels = reason_labels()
    facts = person_facts(
        pathway,
        membership,
        targets=targets,
        profile=profile,
        not_relevant={row[0]: labels.get(row[-1], row[-1]) for row in rows if row[-1]},
    )
    ranked, excluded = scoring.rank_quickly(scoring.Scorer(facts).score_rows(rows))
    return facts, ranked, excluded


def rank_offers_for(pathway: Pathway, membership, *, today: datetime.date | None = None):
    """(ranked, excluded) lists of (row, score) of the structure's open offers for this person (see score_offers)."""
    _facts, ranked, excluded = score_offers(pathway, membership, today=today)
    return ranked, excluded


# Columns of a matchable person, in this order (see PeopleRanking): read as tuples, no model instances.
PERSON_FIELDS = (
    "id",
    "person_id",
    "person__driving_licence",
    "person__has_vehicle",
    "person__french_level",
    "person__mobility__id",
    "person__mobility__home_postcode",
    "distance_km",  # from the offer's place, computed by the database (distance_from)
    "person__mobility__transport",
    "person__mobility__max_travel_minutes",
)


@dataclass
class PeopleRanking:
    """The structure's matchable people ranked for one offer, and what explains the ones a page shows."""

    offer: scoring.OfferFacts
    ranked: list[tuple[int, int]]  # (pathway id, score), best first
    excluded: list[tuple[int, int]]
    rows: dict[int, tuple]  # pathway id -> its PERSON_FIELDS
    targets: dict[int, list[tuple[str, str, str]]]  # pathway id -> (job code, title, status) of its target jobs
    childcare: set[int]
    dismissed: dict[int, str]  # pathway id -> the reason label, for this offer
    competences: dict[int, dict[str, int]] | None  # person id -> acquired levels; None: no grid

    def facts(self, pathway_id: int) -> scoring.PersonFacts:
        """Everything `scoring.match` needs to explain this person's score."""
        _id, person_id, licence, vehicle, french, profile_id, postcode, _km, transport, max_minutes = self.rows[
            pathway_id
        ]
        item = scoring.PersonFacts(
            key=pathway_id,
            target_jobs=[_target(*target) for target in self.targets.get(pathway_id, [])],
            competences=None if self.competences is None else self.competences.get(person_id, {}),
            driving_licence=licence,
            has_vehicle=bool(vehicle),
            french_level=french,
            childcare_barrier=pathway_id in self.childcare,
            not_relevant={self.offer.key: self.dismissed[pathway_id]} if pathway_id in self.dismissed else {},
        )
        if profile_id is not None:
            # No coordinates: the explanation reads the distance the ranking read (offer_for).
            _apply_profile(item, postcode, None, None, transport, max_minutes)
        return item

    def offer_for(self, pathway_id: int) -> scoring.OfferFacts:
        """The offer as `scoring.match` explains it for this person, with the distance the database measured."""
        return dataclasses.replace(self.offer, distance_km=self.rows[pathway_id][7])


def rank_people_for(offer: JobOffer, membership) -> PeopleRanking:
    """The structure's matchable people ranked for this offer, scored without sentences.

    A fixed number of queries whatever the number of people, read as tuples; each person is scored from
    their fields by one OfferScorer (see scoring.py), and only the people a page shows become PersonFacts.
    """
    offer_side = facts_of_offer(offer)
    scorer = scoring.OfferScorer(offer_side)
    pathways = Pathway.objects.filter(structure=offer.structure, status__in=MATCHABLE_STATUSES)
    if offer.latitude is not None and offer.longitude is not None:
        distance = distance_from(
            offer.latitude, offer.longitude, "person__mobility__latitude", "person__mobility__longitude"
        )
    else:
        distance = Value(None, output_field=FloatField())
    # The person's structure is the pathway's (one record per structure): saying so lets the database read
    # this structure's people by index instead of every person. Newest first among equal scores.
    rows = _tuples(
        pathways.filter(person__structure=offer.structure)
        .annotate(distance_km=distance)
        .order_by("-pk")
        .values_list(*PERSON_FIELDS)
    )
    targets: dict[int, list] = defaultdict(list)
    project: dict[int, float] = {}
    points_of = scorer.project_points
    confirmed = TargetJobStatus.CONFIRMED
    for pathway_id, code, title, status in _tuples(
        TargetJob.objects.filter(pathway__in=pathways).values_list("pathway_id", "job_code", "title", "status")
    ):
        targets[pathway_id].append((code, title, status))
        points = points_of((code or code_for_title(title)).upper(), status == confirmed)
        if points > project.get(pathway_id, 0):
            project[pathway_id] = points
    childcare = set(
        Barrier.objects.filter(
            pathway__in=pathways,
            domain=BarrierDomain.CHILDCARE,
            status__in=ACTIVE_BARRIER_STATUSES,
        )
        .visible_to(membership)
        .values_list("pathway_id", flat=True)
    )
    labels = reason_labels()
    dismissed = {
        pathway_id: labels.get(reason, reason)
        for pathway_id, reason in NotRelevant.objects.filter(offer_id=offer.pk, pathway__in=pathways).values_list(
            "pathway_id", "reason"
        )
    }
    competences = competences_of_people(pathways.values("person_id")) if rows else {}
    scored = scorer.score_people(
        rows, project=project, competences=competences, childcare=childcare, dismissed=dismissed
    )
    ranked, excluded = scoring.rank_quickly(scored)
    return PeopleRanking(
        offer=offer_side,
        ranked=ranked,
        excluded=excluded,
        rows={row[0]: row for row in rows},
        targets=targets,
        childcare=childcare,
        dismissed=dismissed,
        competences=competences,
    )


# --- the coach's decisions -----------------------------------------------------------------------


def _same_structure(offer: JobOffer, pathway: Pathway) -> None:
    if offer.structure_id != pathway.structure_id:
        raise ValidationError(_("Cette offre n'est pas une offre de la structure de la personne."))


@transaction.atomic
def send_offer(
    *, offer: JobOffer, pathway: Pathway, by, score: int | None = None, on: datetime.date | None = None
) -> SentOffer:
    """Records that the offer was sent to the person (and puts it on their timeline).

    The applications app continues from here; an offer is sent once per pathway.
    """
    _same_structure(offer, pathway)
    if not offer.is_open(on or timezone.localdate()):
        raise ValidationError(_("Cette offre n'est plus ouverte : elle ne peut pas être envoyée."))
    if SentOffer.objects.filter(offer=offer, pathway=pathway).exists():
        raise ValidationError(_("Cette offre a déjà été envoyée à cette personne."))
    try:
        with transaction.atomic():
            return SentOffer.objects.create(
                offer=offer, pathway=pathway, sent_by=by, score=score, sent_on=on or timezone.localdate()
            )
    except IntegrityError:  # sent by a colleague at the same moment
        raise ValidationError(_("Cette offre a déjà été envoyée à cette personne.")) from None


@transaction.atomic
def mark_not_relevant(*, offer: JobOffer, pathway: Pathway, by, reason: str) -> NotRelevant:
    _same_structure(offer, pathway)
    if reason not in NotRelevantReason.values:
        raise ValidationError({"reason": _("Choisissez pourquoi cette offre ne convient pas.")})
    record, _created = NotRelevant.objects.update_or_create(
        offer=offer, pathway=pathway, defaults={"reason": reason, "marked_by": by}
    )
    return record


@transaction.atomic
def restore(*, offer: JobOffer, pathway: Pathway) -> int:
    """Brings an offer set aside back into the person's ranking."""
    deleted, _detail = NotRelevant.objects.filter(offer=offer, pathway=pathway).delete()
    return deleted


def save_mobility(profile: MobilityProfile) -> MobilityProfile:
    if (profile.latitude is None) != (profile.longitude is None):
        raise ValidationError({"longitude": _("Indiquez la latitude et la longitude, ou aucune des deux.")})
    profile.full_clean(exclude=["person"])
    profile.save()
    return profile
