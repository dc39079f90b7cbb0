"""Competences in the permission matrix (see tests/security/access_rules.py).

Evaluations: the social staff and the supervisor of the person's team write; whoever sees the person
reads (the job coach, the administration, the DPO). The referential is the structure's: its managers
choose ROME skills and add their own; the evaluators read it. The self-evaluation link is public: it
works only with its signed token, and answers 404 to a signed-in member of another structure.
"""

from tests.security.access_rules import (
    MANAGERS,
    OTHER_SUPERVISOR,
    PEOPLE_EDITORS,
    PEOPLE_VIEWERS,
    POST_ONLY,
    PUBLIC,
    Expect,
    allow,
)
from tremplin.accounts.roles import Role

WRITERS = allow(PEOPLE_EDITORS, {Role.SUPERVISOR})

EXPECTED = {
    "competences:referential": allow(MANAGERS, PEOPLE_EDITORS, {Role.SUPERVISOR, OTHER_SUPERVISOR}),
    "competences:rome_selection": allow(MANAGERS),
    "competences:own_create": allow(MANAGERS),
    "competences:own_edit": allow(MANAGERS),
    # Proposing a competence: whoever evaluates (and the managers); approving or refusing it: the managers.
    "competences:propose": allow(MANAGERS, PEOPLE_EDITORS, {Role.SUPERVISOR, OTHER_SUPERVISOR}),
    "competences:proposal_approve": Expect(POST_ONLY),
    "competences:proposal_refuse": Expect(POST_ONLY),
    "competences:pathway": allow(PEOPLE_VIEWERS),
    "competences:session_create": WRITERS,
    "competences:session": allow(PEOPLE_VIEWERS),
    "competences:coach_grid": WRITERS,
    "competences:self_face_to_face": WRITERS,
    "competences:self_link": WRITERS,
    "competences:comments": Expect(POST_ONLY),
    "competences:evidence_add": WRITERS,
    "competences:competence_add": Expect(POST_ONLY),
    "competences:self_evaluation": Expect(PUBLIC),
}
PERSONAL = True
STRUCTURE_URLS = {
    "competences:referential",
    "competences:rome_selection",
    "competences:own_create",
    "competences:own_edit",
    "competences:propose",
    "competences:proposal_approve",
    "competences:proposal_refuse",
    "competences:self_evaluation",
}


def build(world: dict) -> dict:
    from tremplin.competences.catalogue import load_soft_skills
    from tremplin.competences.factories import (
        EvaluationSessionFactory,
        OwnCompetenceFactory,
        ScoreFactory,
        SelfEvaluationLinkFactory,
    )
    from tremplin.competences.models import Competence
    from tremplin.competences.services import token_for

    load_soft_skills(Competence)
    pathway = world["objects"]["pathways"]
    session = EvaluationSessionFactory(pathway=pathway, coach=world["users"][Role.SUPERVISOR])
    for competence in Competence.objects.filter(kind="soft")[:3]:
        ScoreFactory(session=session, competence=competence)
    link = SelfEvaluationLinkFactory(session=session)
    return {
        "competences:own_edit": OwnCompetenceFactory(structure=world["structure"]),
        "competences": session,
        "competences:self_evaluation.token": token_for(link),
    }
