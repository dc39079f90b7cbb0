"""The partner directory in the permission matrix: every staff role reads it, those who orient keep it."""

from tests.security.access_rules import MANAGERS, OTHER_SUPERVISOR, PEOPLE_VIEWERS, allow
from tremplin.accounts.roles import Role
from tremplin.partners.factories import PartnerContactFactory, PartnerOrganisationFactory, PartnerServiceFactory

KEEPERS = MANAGERS | {Role.CASE_MANAGER, Role.COUNSELLOR, Role.JOB_COACH}

EXPECTED = {
    "partners:list": allow(PEOPLE_VIEWERS, {OTHER_SUPERVISOR}),
    "partners:create": allow(KEEPERS),
    "partners:detail": allow(PEOPLE_VIEWERS, {OTHER_SUPERVISOR}),
    "partners:edit": allow(KEEPERS),
    "partners:service_add": allow(KEEPERS),
    "partners:service_edit": allow(KEEPERS),
    "partners:contact_add": allow(KEEPERS),
    "partners:contact_edit": allow(KEEPERS),
}
PERSONAL = False


def build(world: dict) -> dict:
    organisation = PartnerOrganisationFactory(structure=world["structure"], name=f"Habitat {world['structure'].name}")
    return {
        "partners": organisation,
        "partners:service_edit": PartnerServiceFactory(organisation=organisation),
        "partners:contact_edit": PartnerContactFactory(organisation=organisation),
    }
