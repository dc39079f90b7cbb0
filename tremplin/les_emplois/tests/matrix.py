"""The connector in the permission matrix: the connection and its reports are the direction's; the "to link"
list is the social staff's; the PASS IAE form is a page about one person, for those who edit the file."""

from tests.security.access_rules import PEOPLE_EDITORS, POST_ONLY, Expect, allow
from tremplin.accounts.roles import Role

PERSONAL = True
STRUCTURE_URLS = {
    "les_emplois:connection",
    "les_emplois:check",
    "les_emplois:remove",
    "les_emplois:pull",
    "les_emplois:run",
    "les_emplois:to_link",
    "les_emplois:resolve",
}
DIRECTION = {Role.DIRECTOR}

EXPECTED = {
    "les_emplois:connection": allow(DIRECTION),
    "les_emplois:check": Expect(POST_ONLY),
    "les_emplois:remove": Expect(POST_ONLY),
    "les_emplois:pull": Expect(POST_ONLY),
    "les_emplois:run": allow(DIRECTION),
    "les_emplois:to_link": allow(PEOPLE_EDITORS),
    "les_emplois:resolve": Expect(POST_ONLY),
    "les_emplois:pass_iae": allow(PEOPLE_EDITORS),
}


def build(world: dict) -> dict:
    from tremplin.les_emplois.factories import SyncRecordFactory, SyncRunFactory

    run = SyncRunFactory(structure=world["structure"])
    record = SyncRecordFactory(run=run, person=world["objects"]["people"])
    return {"les_emplois:run": run, "les_emplois:resolve": record, "les_emplois:pass_iae": world["objects"]["pathways"]}
