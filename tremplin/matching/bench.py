"""`make bench` measure of the matching: one person against 5,000 open offers, one offer against 2,000 people.

The data set lives in its own structure (named with the benchmark's prefix, so --reset removes it),
built with bulk inserts: companies, open offers spread around Lille, people with a pathway in
contract, one or two target jobs, a mobility profile, and a childcare barrier for some.
"""

import datetime
import random
import uuid

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.models import Membership, User
from tremplin.accounts.roles import Role
from tremplin.barriers.models import Barrier, BarrierDomain, BarrierStatus
from tremplin.core.visibility import Visibility
from tremplin.employers.models import Company
from tremplin.job_offers.jobcodes import BUILT_IN_CODES
from tremplin.job_offers.models import ContractType, JobOffer
from tremplin.pathways.models import Pathway, Status
from tremplin.people.models import DrivingLicence, FrenchLevel, Person
from tremplin.professional_project.models import TargetJob, TargetJobStatus
from tremplin.programmes.models import Programme
from tremplin.programmes.rules.base import ProgrammeKind
from tremplin.structures.models import Structure, StructureKind

from .models import MobilityProfile, Transport

OFFERS = 5_000
PEOPLE = 2_000
RATIO_LIMIT = 10.0
QUERY_LIMIT = 15
BATCH = 2_000
LILLE = (50.6292, 3.0573)


def _uuid(rng) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _near(rng) -> tuple[float, float]:
    return LILLE[0] + rng.uniform(-0.35, 0.35), LILLE[1] + rng.uniform(-0.5, 0.5)


def build(prefix: str, email_domain: str, *, offers: int, people: int, seed: int) -> dict:
    rng = random.Random(f"{seed}-{prefix}-matching")
    today = timezone.localdate()
    codes = sorted(BUILT_IN_CODES)
    structure = Structure.objects.create(name=f"{prefix}matching", kind=StructureKind.ACI)
    programme = Programme.objects.create(structure=structure, kind=ProgrammeKind.FR_ACI, name="ACI")
    coach = User.objects.create(email=f"{prefix}matching-coach@{email_domain}", password="!", first_name="Julien")
    Membership.objects.create(user=coach, structure=structure, role=Role.JOB_COACH)

    companies = Company.objects.bulk_create(
        [
            Company(
                structure=structure,
                name=f"Entreprise {i}",
                name_normalised=f"entreprise {i}",
                public_id=_uuid(rng),
                relationships=",hiring,",
            )
            for i in range(max(1, offers // 25))
        ],
        batch_size=BATCH,
    )
    shift_sets = [",day,", ",day,", ",early,", ",night,", ",day,weekend,"]
    offer_rows = []
    for i in range(offers):
        lat, lon = _near(rng)
        offer_rows.append(
            JobOffer(
                structure=structure,
                company=companies[i % len(companies)],
                public_id=_uuid(rng),
                job_code=rng.choice(codes),
                title=f"Offre {i}",
                postcode="59000",
                city="Lille",
                latitude=lat,
                longitude=lon,
                contract_type=rng.choice(ContractType.values),
                shifts=rng.choice(shift_sets),
                start_date=today + datetime.timedelta(days=rng.randrange(5, 90)),
                deadline=today + datetime.timedelta(days=rng.randrange(1, 60)) if rng.random() < 0.5 else None,
                driving_licence_required=rng.random() < 0.2,
                vehicle_required=rng.random() < 0.05,
                french_level_required=rng.choice(["", "", FrenchLevel.A2, FrenchLevel.B1]),
            )
        )
    JobOffer.objects.bulk_create(offer_rows, batch_size=BATCH)

    persons = Person.objects.bulk_create(
        [
            Person(
                structure=structure,
                public_id=_uuid(rng),
                first_name="Personne",
                last_name=f"{i:05d}",
                driving_licence=rng.choice(DrivingLicence.values),
                has_vehicle=rng.random() < 0.3,
                french_level=rng.choice(FrenchLevel.values + [""]),
            )
            for i in range(people)
        ],
        batch_size=BATCH,
    )
    pathways = Pathway.objects.bulk_create(
        [
            Pathway(person=p, structure=structure, programme=programme, status=Status.IN_CONTRACT, public_id=_uuid(rng))
            for p in persons
        ],
        batch_size=BATCH,
    )
    TargetJob.objects.bulk_create(
        [
            TargetJob(
                pathway=pw,
                job_code=rng.choice(codes),
                title="Métier visé",
                status=rng.choice(TargetJobStatus.values),
                public_id=_uuid(rng),
            )
            for pw in pathways
            for _k in range(1 + rng.randrange(2))
        ],
        batch_size=BATCH,
    )
    profiles = []
    for p in persons:
        lat, lon = _near(rng)
        profiles.append(
            MobilityProfile(
                person=p,
                public_id=_uuid(rng),
                home_postcode="59100",
                latitude=lat,
                longitude=lon,
                transport=rng.choice(Transport.values),
                max_travel_minutes=rng.choice([30, 45, 60, 90]),
            )
        )
    MobilityProfile.objects.bulk_create(profiles, batch_size=BATCH)
    Barrier.objects.bulk_create(
        [
            Barrier(
                pathway=pw,
                domain=BarrierDomain.CHILDCARE,
                status=BarrierStatus.IDENTIFIED,
                visibility=Visibility.WHOLE_TEAM,
                public_id=_uuid(rng),
            )
            for pw in pathways
            if rng.random() < 0.15
        ],
        batch_size=BATCH,
    )
    return {
        "coach": coach,
        "pathway": pathways[0] if pathways else None,
        "offer": offer_rows[0] if offer_rows else None,
    }


def measure(context: dict, *, offers: int = OFFERS, people: int = PEOPLE) -> dict:
    subject = build(
        context["prefix"], context["email_domain"], offers=offers, people=people, seed=context.get("seed", 4)
    )
    if connection.vendor == "postgresql":
        # Fresh statistics for the rows just inserted, as autovacuum would have them on a live database.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    person_page = context["time_page"](
        reverse("matching:person", kwargs={"pathway_id": subject["pathway"].public_id}), subject["coach"]
    )
    offer_page = context["time_page"](
        reverse("matching:offer", kwargs={"public_id": subject["offer"].public_id}), subject["coach"]
    )
    passed = all(page["ratio"] <= RATIO_LIMIT and page["queries"] <= QUERY_LIMIT for page in (person_page, offer_page))
    write = context.get("write")
    if write is not None:
        for name, page in (("person→offers", person_page), ("offer→people", offer_page)):
            write(
                f"matching {name:<14} {page['median_ms']:>9.2f} ms  p95 {page['p95_ms']:>9.2f}  {page['queries']:>3} queries  "
                f"{page['ratio']:>6.2f}× base  (limits {RATIO_LIMIT:g}×, {QUERY_LIMIT} queries)"
            )
    return {
        "sizes": {"offers": offers, "people": people},
        "person_to_offers": person_page,
        "offer_to_people": offer_page,
        "ratio_limit": RATIO_LIMIT,
        "query_limit": QUERY_LIMIT,
        "pass": passed,
    }
