"""The partners' space in the permission matrix: only the partner user reaches it; staff get 403.

The world's partner has an account with the organisation the world's pathway was oriented (and shared) to
(see tremplin/orientations/tests/matrix.py). Other structures' members get 404 (the matrix's own test);
pathways not shared with a partner are tested per URL in tests/test_object_access.py.
"""

from tests.security.access_rules import POST_ONLY, Expect, allow
from tremplin.accounts.roles import Role

EXPECTED = {
    "partner_portal:home": allow({Role.PARTNER}),
    "partner_portal:pathway": allow({Role.PARTNER}),
    "partner_portal:note_add": Expect(POST_ONLY),
    "partner_portal:outcome": allow({Role.PARTNER}),
}
PERSONAL = False


def build(world: dict) -> dict:
    from tremplin.orientations.models import Orientation

    pathway = world["objects"]["pathways"]
    return {"partner_portal": Orientation.objects.filter(pathway=pathway).first()}
