"""Permission matrix rows of the matching (see tests/security/access_rules.py).

The ranked offers of a person are about that person: whoever may not see them gets 404, a member who
sees them without the job-coaching capability (their team's supervisor, admin, DPO) gets 403. The
ranked people of an offer are about the structure.
"""

from tests.security.access_rules import POST_ONLY, Expect, allow
from tremplin.employers.tests.matrix import JOB_COACHING

EXPECTED = {
    "matching:person": allow(JOB_COACHING),
    "matching:mobility": allow(JOB_COACHING),
    "matching:send": Expect(POST_ONLY),
    "matching:not_relevant": Expect(POST_ONLY),
    "matching:restore": Expect(POST_ONLY),
    "matching:offer": allow(JOB_COACHING),
}
PERSONAL = True
STRUCTURE_URLS = {"matching:offer"}


def build(world: dict) -> dict:
    from tremplin.employers.factories import CompanyFactory
    from tremplin.job_offers.factories import JobOfferFactory
    from tremplin.matching.factories import MobilityProfileFactory

    offer = JobOfferFactory(company=CompanyFactory(structure=world["structure"]))
    MobilityProfileFactory(person=world["objects"]["people"])
    return {
        "matching:offer": offer,
        "matching:send.offer_id": offer,
        "matching:not_relevant.offer_id": offer,
        "matching:restore.offer_id": offer,
    }
