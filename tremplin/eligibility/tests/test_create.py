"""eligibility:create — the criteria form built from the programme's rules."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.eligibility.models import CriterionProof, EligibilityDiagnosis
from tremplin.pathways.models import Status
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("eligibility:create", args=[pathway.public_id])


def post_data(on, **criteria):
    """criteria: code=(proof_date, reference) or code=proof_date."""
    data = {"made_on": on.isoformat(), "comment": ""}
    for code, value in criteria.items():
        proof_date, reference = value if isinstance(value, tuple) else (value, "")
        data[f"criterion_{code}"] = "on"
        data[f"proof_date_{code}"] = proof_date.isoformat() if proof_date else ""
        data[f"proof_reference_{code}"] = reference
    return data


@pytest.fixture
def counsellor(member):
    return member(Role.COUNSELLOR)


def test_it_groups_the_french_criteria_by_level_with_the_numbers_of_the_rules(client, counsellor, make_pathway):
    client.force_login(counsellor)
    response = client.get(url(make_pathway()))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Critères de niveau 1" in content
    assert "Un seul critère de niveau 1 justifié suffit." in content
    assert "il en faut au moins 3 de niveau 2" in content
    assert 'name="criterion_rsa"' in content
    assert 'name="proof_date_rsa"' in content
    assert 'name="proof_reference_rsa"' in content
    assert "Justificatif attendu : attestation CAF ou MSA, daté de moins de 92 jours." in content
    assert "pièce d&#x27;identité, sans limite d&#x27;ancienneté" in content
    assert 'name="made_on"' in content


def test_it_asks_two_level_two_criteria_in_an_etti(client, counsellor, make_pathway):
    client.force_login(counsellor)
    response = client.get(url(make_pathway(kind=ProgrammeKind.FR_ETTI)))
    assert "il en faut au moins 2 de niveau 2" in response.content.decode()


def test_it_defaults_the_diagnosis_date_to_today(client, counsellor, make_pathway, today):
    client.force_login(counsellor)
    response = client.get(url(make_pathway()))
    assert response.context["form"]["made_on"].value() == today


def test_it_records_an_eligible_diagnosis_and_says_until_when(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    client.force_login(counsellor)
    response = client.post(url(pathway), post_data(today, rsa=(today - datetime.timedelta(days=10), "CAF-123")))
    diagnosis = EligibilityDiagnosis.objects.get(pathway=pathway)
    assert response.status_code == 302
    assert response.url == reverse("eligibility:detail", args=[diagnosis.public_id])
    assert diagnosis.is_eligible
    assert diagnosis.made_by == counsellor
    proof = CriterionProof.objects.get(diagnosis=diagnosis)
    assert (proof.criterion_code, proof.proof_reference) == ("rsa", "CAF-123")
    pathway.refresh_from_db()
    assert pathway.status == Status.ELIGIBLE
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert f"éligible jusqu'au {diagnosis.valid_until:%d/%m/%Y}" in message


def test_it_records_a_negative_diagnosis_and_says_why(client, counsellor, make_pathway, today):
    pathway = make_pathway(birth_date=datetime.date(1990, 1, 1))
    client.force_login(counsellor)
    proof = today - datetime.timedelta(days=5)
    response = client.post(url(pathway), post_data(today, single_parent=proof, low_qualification=proof))
    assert response.status_code == 302
    diagnosis = EligibilityDiagnosis.objects.get(pathway=pathway)
    assert not diagnosis.is_eligible
    pathway.refresh_from_db()
    assert pathway.status == Status.NOT_ELIGIBLE
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "n'est pas éligible" in message
    assert "critères de niveau 2 justifiés : 2 sur 3 requis" in message


def test_two_level_two_criteria_are_enough_in_an_etti(client, counsellor, make_pathway, today):
    pathway = make_pathway(kind=ProgrammeKind.FR_ETTI)
    client.force_login(counsellor)
    proof = today - datetime.timedelta(days=5)
    client.post(url(pathway), post_data(today, single_parent=proof, low_qualification=proof))
    assert EligibilityDiagnosis.objects.get(pathway=pathway).is_eligible


def test_a_checked_criterion_without_proof_date_gets_a_message_on_its_proof_date(
    client, counsellor, make_pathway, today
):
    pathway = make_pathway()
    client.force_login(counsellor)
    response = client.post(url(pathway), post_data(today, rsa=None))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "indiquez la date du justificatif (attestation CAF ou MSA)" in errors["proof_date_rsa"][0]
    assert not EligibilityDiagnosis.objects.exists()
    assert 'href="#id_proof_date_rsa"' in response.content.decode()


def test_a_proof_older_than_its_maximum_age_is_refused(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    client.force_login(counsellor)
    old = today - datetime.timedelta(days=120)
    response = client.post(url(pathway), post_data(today, rsa=old))
    assert response.status_code == 200
    [error] = response.context["form"].errors["proof_date_rsa"]
    assert f"le justificatif du {old:%d/%m/%Y} a plus de 92 jours" in error
    assert not EligibilityDiagnosis.objects.exists()
    pathway.refresh_from_db()
    assert pathway.status == Status.CANDIDATE


def test_fifty_or_over_and_under_twenty_six_are_refused_together(client, counsellor, make_pathway, today):
    pathway = make_pathway(birth_date=datetime.date(1970, 1, 1))
    client.force_login(counsellor)
    proof = today - datetime.timedelta(days=5)
    response = client.post(url(pathway), post_data(today, aged_50_plus=proof, under_26=proof, low_qualification=proof))
    assert response.status_code == 200
    errors = response.context["form"].errors["criteria"]
    assert any("« 50 ans ou plus » et « Moins de 26 ans » ne peuvent pas être retenus ensemble" in e for e in errors)
    assert 'href="#criteria"' in response.content.decode()
    assert not EligibilityDiagnosis.objects.exists()


def test_an_italian_criterion_without_public_document_reference_is_refused(client, counsellor, make_pathway, today):
    pathway = make_pathway(kind=ProgrammeKind.IT_COOP_B)
    client.force_login(counsellor)
    response = client.post(url(pathway), post_data(today, addiction=(today - datetime.timedelta(days=3), "  ")))
    assert response.status_code == 200
    [error] = response.context["form"].errors["proof_reference_addiction"]
    assert "référence du document public" in error
    assert not EligibilityDiagnosis.objects.exists()


def test_an_italian_status_with_its_public_document_is_eligible(client, counsellor, make_pathway, today):
    pathway = make_pathway(kind=ProgrammeKind.IT_COOP_B)
    client.force_login(counsellor)
    client.post(url(pathway), post_data(today, addiction=(today - datetime.timedelta(days=3), "ASL-2024-77")))
    assert EligibilityDiagnosis.objects.get(pathway=pathway).is_eligible


def test_belgian_conditions_are_shown_as_all_required(client, counsellor, make_pathway, today):
    pathway = make_pathway(kind=ProgrammeKind.BE_ARTICLE_60)
    client.force_login(counsellor)
    content = client.get(url(pathway)).content.decode()
    assert "Toutes les conditions doivent être justifiées." in content
    proof = today - datetime.timedelta(days=3)
    client.post(
        url(pathway),
        post_data(today, social_integration_income=proof, legal_stay=proof, no_full_unemployment_benefit=proof),
    )
    assert EligibilityDiagnosis.objects.get(pathway=pathway).is_eligible


def test_a_diagnosis_date_in_the_future_is_refused(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    client.force_login(counsellor)
    response = client.post(url(pathway), post_data(today + datetime.timedelta(days=1), rsa=today))
    assert response.context["form"].errors["made_on"] == ["La date du diagnostic ne peut pas être dans le futur."]
    assert not EligibilityDiagnosis.objects.exists()


def test_a_proof_date_for_an_unchecked_criterion_is_not_silently_dropped(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    client.force_login(counsellor)
    data = post_data(today, rsa=today)
    data["proof_date_ass"] = today.isoformat()
    response = client.post(url(pathway), data)
    assert response.status_code == 200
    assert "n'est pas coché" in response.context["form"].errors["criterion_ass"][0]
    assert not EligibilityDiagnosis.objects.exists()


def test_a_malformed_date_is_refused_on_its_field(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    client.force_login(counsellor)
    data = post_data(today, rsa=today)
    data["proof_date_rsa"] = "32/13/2020"
    response = client.post(url(pathway), data)
    assert "proof_date_rsa" in response.context["form"].errors
    assert not EligibilityDiagnosis.objects.exists()


def test_a_withdrawn_pathway_can_be_examined_again(client, counsellor, make_pathway, today):
    pathway = make_pathway(status=Status.WITHDRAWN)
    client.force_login(counsellor)
    client.post(url(pathway), post_data(today, rsa=today))
    pathway.refresh_from_db()
    assert pathway.status == Status.ELIGIBLE
    assert list(pathway.status_changes.values_list("to_status", flat=True)[:2]) == [Status.ELIGIBLE, Status.CANDIDATE]


def test_it_offers_no_form_once_the_person_is_in_contract(client, counsellor, make_pathway, today):
    pathway = make_pathway(status=Status.IN_CONTRACT)
    client.force_login(counsellor)
    response = client.get(url(pathway))
    assert response.status_code == 200
    assert '<form method="post" novalidate>' not in response.content.decode()
    assert "un nouveau diagnostic n'est pas possible" in response.content.decode()
    response = client.post(url(pathway), post_data(today, rsa=today))
    assert response.status_code == 200
    assert not EligibilityDiagnosis.objects.exists()


def test_get_changes_nothing(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    client.force_login(counsellor)
    client.get(url(pathway), post_data(today, rsa=today))
    assert not EligibilityDiagnosis.objects.exists()


def test_it_refuses_another_structures_pathway(client, member, make_pathway, today):
    other = make_pathway(structure_=StructureFactory())
    client.force_login(member(Role.COUNSELLOR))
    assert client.get(url(other)).status_code == 404
    assert client.post(url(other), post_data(today, rsa=today)).status_code == 404
    assert not EligibilityDiagnosis.objects.exists()


def test_an_unknown_pathway_is_not_found(client, counsellor):
    client.force_login(counsellor)
    assert client.get(reverse("eligibility:create", args=["5f0c6a43-94a3-4a38-9ad4-6d3b0a3ad0f2"])).status_code == 404


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
    client, member, make_pathway, role, in_team, expected, today
):
    pathway = make_pathway()
    user = member(role)
    if in_team:
        pathway.supervisor = user
        pathway.save()
    client.force_login(user)
    assert client.get(url(pathway)).status_code == expected
    assert client.post(url(pathway), post_data(today, rsa=today)).status_code == expected
    assert not EligibilityDiagnosis.objects.exists()


@pytest.mark.parametrize("role", [Role.CASE_MANAGER, Role.COUNSELLOR])
def test_roles_with_the_eligibility_capability_may_record(client, member, make_pathway, role, today):
    pathway = make_pathway()
    client.force_login(member(role))
    assert client.post(url(pathway), post_data(today, rsa=today)).status_code == 302


def test_an_anonymous_visitor_is_sent_to_sign_in(client, make_pathway):
    response = client.get(url(make_pathway()))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url
