"""Permission matrix rows of the employer network (see tests/security/access_rules.py)."""

from tests.security.access_rules import allow
from tremplin.accounts.roles import Role

# Job coaches, and the staff who also work on the people's jobs; not the supervisors, partners, admin or DPO.
JOB_COACHING = {Role.DIRECTOR, Role.CASE_MANAGER, Role.COUNSELLOR, Role.JOB_COACH}

EXPECTED = {
    "employers:list": allow(JOB_COACHING),
    "employers:create": allow(JOB_COACHING),
    "employers:detail": allow(JOB_COACHING),
    "employers:edit": allow(JOB_COACHING),
    "employers:site_create": allow(JOB_COACHING),
    "employers:site_edit": allow(JOB_COACHING),
    "employers:contact_create": allow(JOB_COACHING),
    "employers:contact_edit": allow(JOB_COACHING),
    "employers:interaction_create": allow(JOB_COACHING),
}
PERSONAL = False


def build(world: dict) -> dict:
    from tremplin.employers.factories import CompanyFactory, ContactFactory, InteractionFactory, SiteFactory

    company = CompanyFactory(structure=world["structure"])
    InteractionFactory(company=company)
    return {
        "employers": company,
        "employers:site_edit": SiteFactory(company=company),
        "employers:contact_edit": ContactFactory(company=company),
    }
