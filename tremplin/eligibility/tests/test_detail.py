"""eligibility:detail — one diagnosis with its proofs."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.eligibility.factories import CriterionProofFactory, EligibilityDiagnosisFactory
from tremplin.pathways.models import Status
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(diagnosis):
    return reverse("eligibility:detail", args=[diagnosis.public_id])


@pytest.fixture
def diagnosis(make_pathway, member, today):
    author = member(Role.CASE_MANAGER)
    author.first_name, author.last_name = "Nadia", "Ferhat"
    author.save()
    made = EligibilityDiagnosisFactory(
        pathway=make_pathway(status=Status.ELIGIBLE),
        made_on=today - datetime.timedelta(days=3),
        made_by=author,
        summary="Éligible : un critère de niveau 1 est justifié.",
        comment="Vu avec le prescripteur.",
    )
    CriterionProofFactory(
        diagnosis=made,
        proof_date=today - datetime.timedelta(days=20),
        proof_reference="CAF-2024-001",
        proof_description="attestation CAF ou MSA",
    )
    return made


def test_it_shows_the_result_validity_criteria_proofs_and_author(client, member, diagnosis):
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(url(diagnosis))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>" in content and content.count("<h1>") == 1
    assert "Éligible" in content
    assert diagnosis.valid_until.strftime("%d/%m/%Y") in content
    assert "(valable aujourd'hui)" in content
    assert "Bénéficiaire du RSA" in content
    assert "attestation CAF ou MSA" in content
    assert (diagnosis.made_on - datetime.timedelta(days=17)).strftime("%d/%m/%Y") in content
    assert "CAF-2024-001" in content
    assert "Nadia Ferhat" in content
    assert "Vu avec le prescripteur." in content
    assert "<caption>" in content and '<th scope="col">' in content


def test_it_says_when_a_diagnosis_has_expired(client, member, make_pathway, today):
    old = EligibilityDiagnosisFactory(
        pathway=make_pathway(status=Status.ELIGIBLE),
        made_on=today - datetime.timedelta(days=300),
        valid_until=today - datetime.timedelta(days=120),
    )
    client.force_login(member(Role.COUNSELLOR))
    assert "n'est plus valable aujourd'hui" in client.get(url(old)).content.decode()


def test_a_negative_diagnosis_shows_no_validity(client, member, make_pathway):
    negative = EligibilityDiagnosisFactory(
        pathway=make_pathway(status=Status.NOT_ELIGIBLE),
        is_eligible=False,
        valid_until=None,
        summary="Non éligible : aucun critère de niveau 1.",
    )
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(url(negative)).content.decode()
    assert "Non éligible" in content
    assert "Valable jusqu" not in content
    assert "Aucun critère justifié." in content


def test_it_offers_a_new_diagnosis_only_before_the_contract(client, member, diagnosis):
    client.force_login(member(Role.COUNSELLOR))
    create = reverse("eligibility:create", args=[diagnosis.pathway.public_id])
    assert create in client.get(url(diagnosis)).content.decode()
    diagnosis.pathway.status = Status.IN_CONTRACT
    diagnosis.pathway.save()
    assert create not in client.get(url(diagnosis)).content.decode()


def test_its_query_count_does_not_grow_with_the_proofs(client, member, diagnosis, django_assert_num_queries):
    client.force_login(member(Role.COUNSELLOR))
    with CaptureQueriesContext(connection) as one_proof:
        client.get(url(diagnosis))
    for code in ("ass", "aah", "homeless"):
        CriterionProofFactory(diagnosis=diagnosis, criterion_code=code)
    with django_assert_num_queries(len(one_proof.captured_queries)):
        client.get(url(diagnosis))


def test_it_refuses_another_structures_diagnosis(client, member, make_pathway):
    foreign = EligibilityDiagnosisFactory(pathway=make_pathway(structure_=StructureFactory()))
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(url(foreign)).status_code == 404


@pytest.mark.parametrize(
    ("role", "in_team", "expected"),
    [
        (Role.SUPERVISOR, True, 403),
        (Role.JOB_COACH, False, 403),
        (Role.ADMIN, False, 403),
        (Role.PARTNER, False, 404),
        (Role.SUPERVISOR, False, 404),
    ],
    ids=["supervisor_of_the_team", "job_coach", "admin", "partner", "supervisor_outside_the_team"],
)
def test_roles_that_may_not_act_are_refused_and_strangers_to_the_person_not_found(
    client, member, diagnosis, role, in_team, expected
):
    user = member(role)
    if in_team:
        diagnosis.pathway.supervisor = user
        diagnosis.pathway.save()
    client.force_login(user)
    assert client.get(url(diagnosis)).status_code == expected


# The next step -----------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.CASE_MANAGER, Role.DIRECTOR])
def test_a_favourable_result_offers_to_sign_the_contract(client, member, diagnosis, role):
    client.force_login(member(role))
    content = client.get(url(diagnosis)).content.decode()
    contract_form = reverse("contracts:create", args=[diagnosis.pathway.public_id])
    assert "Étape suivante" in content
    assert f'href="{contract_form}">Signer le contrat</a>' in content


def test_an_expired_favourable_result_asks_for_a_new_diagnosis_instead_of_a_contract(
    client, member, make_pathway, today
):
    old = EligibilityDiagnosisFactory(
        pathway=make_pathway(status=Status.ELIGIBLE),
        made_on=today - datetime.timedelta(days=200),
        valid_until=today - datetime.timedelta(days=20),
    )
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(url(old)).content.decode()
    assert "Ce diagnostic n'est plus valable : faites un nouveau diagnostic avant de signer un contrat." in content
    assert "Signer le contrat" not in content


def test_a_pathway_already_in_contract_is_not_offered_another_contract(client, member, make_pathway, today):
    done = EligibilityDiagnosisFactory(pathway=make_pathway(status=Status.IN_CONTRACT), made_on=today)
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(url(done)).content.decode()
    assert "Étape suivante" not in content
    assert "Signer le contrat" not in content


def test_an_unfavourable_result_says_what_to_do_instead(client, member, make_pathway, today):
    refused = EligibilityDiagnosisFactory(
        pathway=make_pathway(status=Status.NOT_ELIGIBLE), made_on=today, is_eligible=False, valid_until=None
    )
    pathway = refused.pathway
    client.force_login(member(Role.COUNSELLOR))
    content = client.get(url(refused)).content.decode()
    assert "La personne ne remplit pas les critères de ce dispositif." in content
    assert "rassemblez les justificatifs qui manquent, puis faites un nouveau diagnostic" in content
    assert f'href="{reverse("orientations:create", args=[pathway.public_id])}"' in content
    assert f'href="{reverse("pathways:status", args=[pathway.public_id])}"' in content
    assert "Signer le contrat" not in content
