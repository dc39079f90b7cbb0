"""The structure's referential: soft skills for everyone, ROME skills it picks, competences of its own."""

from pathlib import Path

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.competences.factories import OwnCompetenceFactory
from tremplin.competences.forms import SessionForm
from tremplin.competences.models import Competence, CompetenceKind, CompetenceSelection, JobSelection
from tremplin.competences.rome import import_rome

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "rome_sample"


def test_the_referential_lists_the_soft_skills_in_french_and_english(client, member, soft_skills):
    client.force_login(member(Role.SUPERVISOR))
    page = client.get(reverse("competences:referential")).content.decode()
    assert "Ponctualité" in page

    client.cookies["django_language"] = "en"
    page = client.get(reverse("competences:referential"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Punctuality" in page


def test_the_catalogue_has_twelve_skills_in_three_families_with_six_levels(soft_skills):
    catalogue = Competence.objects.filter(kind=CompetenceKind.SOFT, structure__isnull=True)
    assert catalogue.count() >= 12
    assert set(catalogue.values_list("family", flat=True)) == {"methodological", "social", "contributory"}
    assert all(len(c.levels) == 6 and len(c.levels_en) == 6 and c.rome_code for c in catalogue)


def test_a_manager_picks_rome_skills_for_the_worksites(client, member, structure):
    import_rome(SAMPLE)
    client.force_login(member(Role.DIRECTOR))
    url = reverse("competences:rome_selection")
    assert "Z9901" in client.get(url, {"q": "jardin"}).content.decode()
    mowing = Competence.objects.get(code="990002", structure__isnull=True)

    client.post(url, {"job": "Z9901", "competences": [str(mowing.public_id)]})

    assert JobSelection.objects.filter(structure=structure, job__code="Z9901").exists()
    assert list(CompetenceSelection.objects.filter(structure=structure).values_list("competence__code", flat=True)) == [
        "990002"
    ]
    assert mowing in SessionForm(structure=structure).fields["competences"].queryset


def test_a_skill_of_another_job_cannot_be_picked(client, member, structure):
    import_rome(SAMPLE)
    client.force_login(member(Role.DIRECTOR))
    sorting = Competence.objects.get(code="990004", structure__isnull=True)

    client.post(reverse("competences:rome_selection"), {"job": "Z9901", "competences": [str(sorting.public_id)]})

    assert not CompetenceSelection.objects.exists()


def test_a_manager_adds_a_competence_of_their_own(client, member, structure):
    client.force_login(member(Role.DIRECTOR))
    response = client.post(
        reverse("competences:own_create"),
        {
            "code": "POSTE-TRI-01",
            "name": "Trier les textiles au poste de tri",
            "level_0": "Jamais fait",
            "active": "on",
        },
    )

    assert response.status_code == 302
    own = Competence.objects.get(structure=structure, code="POSTE-TRI-01")
    assert own.kind == CompetenceKind.OWN
    assert own.levels[0] == "Jamais fait"
    assert own in SessionForm(structure=structure).fields["competences"].queryset


def test_a_code_already_used_by_the_structure_is_refused(client, member, structure):
    OwnCompetenceFactory(structure=structure, code="POSTE-1")
    client.force_login(member(Role.DIRECTOR))

    response = client.post(reverse("competences:own_create"), {"code": "POSTE-1", "name": "Autre"})

    assert "Ce code est déjà utilisé" in response.content.decode()


def test_it_refuses_another_structures_competence(client, member):
    other = OwnCompetenceFactory()
    client.force_login(member(Role.DIRECTOR))

    assert client.get(reverse("competences:own_edit", args=[other.public_id])).status_code == 404


def test_another_structures_own_competences_are_not_offered(structure):
    other = OwnCompetenceFactory()
    assert other not in SessionForm(structure=structure).fields["competences"].queryset
