"""A counsellor or a supervisor proposes a competence; it stays unusable until the director approves it."""

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.competences import services
from tremplin.competences.factories import OwnCompetenceFactory
from tremplin.competences.forms import SessionForm
from tremplin.competences.models import Competence, Review
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

LEVELS = {f"level_{n}": f"Niveau observable {n}" for n in range(6)}


def _propose(client, **extra):
    return client.post(
        reverse("competences:propose"),
        {"name": "Conduire un transpalette", "family": "", "description": "En entrepôt.", **LEVELS, **extra},
    )


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.CASE_MANAGER])
def test_a_counsellor_or_a_supervisor_proposes_a_competence_that_waits_for_the_director(
    client, member, structure, role
):
    user = member(role)
    client.force_login(user)

    response = _propose(client)

    assert response.status_code == 302
    competence = Competence.objects.get(structure=structure, name="Conduire un transpalette")
    assert competence.review == Review.PENDING
    assert not competence.active
    assert competence.proposed_by == user
    assert competence.levels == list(LEVELS.values())
    assert competence not in SessionForm(structure=structure).fields["competences"].queryset


def test_a_proposal_needs_its_six_levels(client, member, structure):
    client.force_login(member(Role.COUNSELLOR))

    response = _propose(client, level_5="")

    assert response.status_code == 200
    assert "décrivez les six niveaux" in response.content.decode()
    assert not Competence.objects.filter(structure=structure).exists()


def test_a_language_proposed_without_levels_gets_the_cefr_levels(client, member, structure):
    client.force_login(member(Role.SUPERVISOR))

    _propose(client, name="Soninké", family="language", **{f"level_{n}": "" for n in range(6)})

    competence = Competence.objects.get(structure=structure, name="Soninké")
    assert competence.levels[1].startswith("A1") and competence.levels_en[5].startswith("C1")
    assert competence.family == "language"


def test_a_competence_already_in_the_referential_is_not_proposed_twice(client, member, structure, basic_skills):
    client.force_login(member(Role.COUNSELLOR))

    response = _propose(client, name="anglais", family="language")

    assert "existe déjà" in response.content.decode()


def test_the_director_proposing_adds_the_competence_at_once(client, member, structure):
    client.force_login(member(Role.DIRECTOR))

    _propose(client)

    competence = Competence.objects.get(structure=structure, name="Conduire un transpalette")
    assert competence.active and competence.review == Review.APPROVED


def test_the_director_approves_a_proposal_from_the_referential(client, member, structure):
    proposer = member(Role.COUNSELLOR)
    competence = services.propose_competence(
        structure, by=proposer, name="Trier le textile", levels=list(LEVELS.values())
    )
    director = member(Role.DIRECTOR)
    client.force_login(director)
    page = client.get(reverse("competences:referential")).content.decode()
    assert "Approuver « Trier le textile »" in page

    response = client.post(reverse("competences:proposal_approve", args=[competence.public_id]))

    assert response.status_code == 302
    competence.refresh_from_db()
    assert competence.active and competence.review == Review.APPROVED and competence.reviewed_by == director
    assert competence in SessionForm(structure=structure).fields["competences"].queryset


def test_the_director_refuses_a_proposal_with_a_reason_the_team_reads(client, member, structure):
    proposer = member(Role.SUPERVISOR)
    competence = services.propose_competence(
        structure, by=proposer, name="Trier le textile", levels=list(LEVELS.values())
    )
    client.force_login(member(Role.DIRECTOR))

    client.post(reverse("competences:proposal_refuse", args=[competence.public_id]), {"reason": ""})
    competence.refresh_from_db()
    assert competence.review == Review.PENDING

    client.post(
        reverse("competences:proposal_refuse", args=[competence.public_id]),
        {"reason": "Déjà couvert par « Tri des déchets »."},
    )
    competence.refresh_from_db()
    assert competence.review == Review.REFUSED and not competence.active

    client.force_login(proposer)
    page = client.get(reverse("competences:referential")).content.decode()
    assert "Déjà couvert par « Tri des déchets »." in page
    assert "Approuver" not in page


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR])
def test_only_the_director_approves_or_refuses(client, member, structure, role):
    competence = services.propose_competence(structure, by=member(role), name="Trier", levels=list(LEVELS.values()))
    client.force_login(member(role))

    approve = client.post(reverse("competences:proposal_approve", args=[competence.public_id]))
    refuse = client.post(reverse("competences:proposal_refuse", args=[competence.public_id]), {"reason": "Non."})

    assert approve.status_code == refuse.status_code == 403
    competence.refresh_from_db()
    assert competence.review == Review.PENDING


def test_a_proposal_of_another_structure_does_not_exist_for_the_director(client, member, structure):
    elsewhere = StructureFactory()
    competence = services.propose_competence(
        elsewhere, by=member(Role.COUNSELLOR, elsewhere), name="Trier", levels=list(LEVELS.values())
    )
    client.force_login(member(Role.DIRECTOR))

    approve = client.post(reverse("competences:proposal_approve", args=[competence.public_id]))
    refuse = client.post(reverse("competences:proposal_refuse", args=[competence.public_id]), {"reason": "Non."})
    page = client.get(reverse("competences:referential")).content.decode()

    assert approve.status_code == refuse.status_code == 404
    assert "Trier" not in page
    competence.refresh_from_db()
    assert competence.review == Review.PENDING


def test_a_proposal_is_examined_once(member, structure):
    competence = services.propose_competence(
        structure, by=member(Role.COUNSELLOR), name="Trier", levels=list(LEVELS.values())
    )
    director = member(Role.DIRECTOR)
    services.refuse_proposal(competence, by=director, reason="Non.")

    with pytest.raises(services.ValidationError):
        services.approve_proposal(competence, by=director)


def test_editing_a_pending_proposal_cannot_switch_it_on(client, member, structure):
    competence = OwnCompetenceFactory(structure=structure, review=Review.PENDING, active=False)
    client.force_login(member(Role.DIRECTOR))
    url = reverse("competences:own_edit", args=[competence.public_id])

    client.post(url, {"code": competence.code, "name": "Renommée", "active": "on", **LEVELS})

    competence.refresh_from_db()
    assert competence.name == "Renommée"
    assert not competence.active and competence.review == Review.PENDING
