"""Portfolio in the permission matrix: whoever sees the person reads it; those who edit the file edit it."""

from tests.security.access_rules import PEOPLE_EDITORS, PEOPLE_VIEWERS, POST_ONLY, Expect, allow

EXPECTED = {
    "portfolio:person": allow(PEOPLE_VIEWERS),
    "portfolio:experience_create": allow(PEOPLE_EDITORS),
    "portfolio:experience_edit": allow(PEOPLE_EDITORS),
    "portfolio:experience_delete": Expect(POST_ONLY),
    "portfolio:training_create": allow(PEOPLE_EDITORS),
    "portfolio:training_edit": allow(PEOPLE_EDITORS),
    "portfolio:training_delete": Expect(POST_ONLY),
    "portfolio:certification_create": allow(PEOPLE_EDITORS),
    "portfolio:certification_edit": allow(PEOPLE_EDITORS),
    "portfolio:certification_delete": Expect(POST_ONLY),
}
PERSONAL = True


def build(world: dict) -> dict:
    from tremplin.portfolio.factories import CertificationFactory, ExperienceFactory, TrainingFactory

    person = world["objects"]["people"]
    experience = ExperienceFactory(person=person)
    training = TrainingFactory(person=person)
    certification = CertificationFactory(person=person)
    return {
        "portfolio:experience_edit": experience,
        "portfolio:experience_delete": experience,
        "portfolio:training_edit": training,
        "portfolio:training_delete": training,
        "portfolio:certification_edit": certification,
        "portfolio:certification_delete": certification,
    }
