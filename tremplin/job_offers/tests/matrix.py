"""Permission matrix rows of job offers (see tests/security/access_rules.py)."""

from tests.security.access_rules import allow
from tremplin.employers.tests.matrix import JOB_COACHING

EXPECTED = {
    "job_offers:list": allow(JOB_COACHING),
    "job_offers:create": allow(JOB_COACHING),
    "job_offers:detail": allow(JOB_COACHING),
    "job_offers:edit": allow(JOB_COACHING),
    "job_offers:import": allow(JOB_COACHING),
    "job_offers:import_sample": allow(JOB_COACHING),
    "job_offers:import_report": allow(JOB_COACHING),
}
PERSONAL = False


def build(world: dict) -> dict:
    from tremplin.employers.factories import CompanyFactory
    from tremplin.job_offers.factories import JobOfferFactory, OfferImportFactory

    offer = JobOfferFactory(company=CompanyFactory(structure=world["structure"]))
    return {"job_offers": offer, "job_offers:import_report": OfferImportFactory(structure=world["structure"])}
