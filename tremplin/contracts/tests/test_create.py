"""contracts:create — signing a first contract; every programme rule is enforced by the service."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tremplin.accounts.factories import UserFactory
from tremplin.accounts.roles import Role
from tremplin.contracts.factories import ContractFactory
from tremplin.contracts.models import Contract
from tremplin.core.dates import add_months
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.programmes.rules import ProgrammeKind
from tremplin.structures.factories import StructureFactory, WorksiteFactory

pytestmark = pytest.mark.django_db


def url(pathway):
    return reverse("contracts:create", args=[pathway.public_id])


def data(start, months=6, hours="26", **extra):
    values = {
        "start_date": start.isoformat(),
        "planned_end_date": (add_months(start, months) - datetime.timedelta(days=1)).isoformat(),
        "weekly_hours": hours,
        "position": "Agent·e d'entretien des espaces verts",
        "worksite": "",
        "reduced_hours_reason": "",
        "extension_reason": "",
    }
    values.update(extra)
    return values


def messages_of(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def test_it_signs_a_six_month_contract_and_moves_the_pathway_into_contract(
    client, counsellor, make_pathway, structure, today
):
    pathway = make_pathway()
    worksite = WorksiteFactory(structure=structure)
    client.force_login(counsellor)
    response = client.post(url(pathway), data(today, worksite=str(worksite.pk)))
    contract = Contract.objects.get(pathway=pathway)
    assert response.status_code == 302
    assert response.url == reverse("contracts:detail", args=[contract.public_id])
    assert contract.weekly_hours == Decimal("26")
    assert contract.worksite == worksite
    assert contract.signed_by == counsellor
    pathway.refresh_from_db()
    assert pathway.status == Status.IN_CONTRACT
    assert pathway.worksite == worksite
    assert ("success", f"Contrat signé : du {today:%d/%m/%Y} au {contract.planned_end_date:%d/%m/%Y}.") in messages_of(
        response
    )


def test_a_three_month_french_aci_contract_is_refused_with_the_rule_message(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    client.force_login(counsellor)
    response = client.post(url(pathway), data(today, months=3))
    assert response.status_code == 200
    [error] = response.context["form"].errors["planned_end_date"]
    assert "Un contrat d'insertion dure au moins 4 mois" in error
    assert not Contract.objects.exists()
    pathway.refresh_from_db()
    assert pathway.status == Status.ELIGIBLE


def test_a_fifteen_hour_week_without_reason_is_refused_on_the_reason_field(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    client.force_login(counsellor)
    response = client.post(url(pathway), data(today, hours="15"))
    assert response.status_code == 200
    [error] = response.context["form"].errors["reduced_hours_reason"]
    assert "En dessous de 20 heures par semaine, le contrat doit indiquer pourquoi" in error
    assert 'href="#id_reduced_hours_reason"' in response.content.decode()
    assert not Contract.objects.exists()


def test_a_fifteen_hour_week_with_its_reason_is_signed(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    client.force_login(counsellor)
    response = client.post(
        url(pathway), data(today, hours="15", reduced_hours_reason="Reprise progressive après une longue maladie")
    )
    assert response.status_code == 302
    assert Contract.objects.get().reduced_hours_reason == "Reprise progressive après une longue maladie"


def test_every_refusal_lands_on_its_own_field_at_once(client, counsellor, make_pathway, today):
    client.force_login(counsellor)
    response = client.post(url(make_pathway()), data(today, months=3, hours="15"))
    errors = response.context["form"].errors
    assert set(errors) >= {"planned_end_date", "reduced_hours_reason"}


def test_an_end_before_the_start_and_a_short_week_without_reason_are_both_refused_in_one_submission(
    client, counsellor, make_pathway, today
):
    client.force_login(counsellor)
    values = data(today, hours="15", planned_end_date=(today - datetime.timedelta(days=1)).isoformat())
    response = client.post(url(make_pathway()), values)
    errors = response.context["form"].errors
    assert errors["planned_end_date"] == ["La date de fin prévue doit être égale ou postérieure à la date de début."]
    assert "En dessous de 20 heures par semaine, le contrat doit indiquer pourquoi" in errors["reduced_hours_reason"][0]
    assert not Contract.objects.exists()


def test_an_overlapping_contract_is_refused(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    earlier = PathwayFactory(person=pathway.person, programme=pathway.programme, status=Status.EXITED)
    ContractFactory(
        pathway=earlier,
        start_date=today - datetime.timedelta(days=60),
        planned_end_date=today + datetime.timedelta(days=30),
    )
    client.force_login(counsellor)
    response = client.post(url(pathway), data(today))
    assert "chevauchent un autre contrat" in response.context["form"].errors["start_date"][0]
    assert Contract.objects.filter(pathway=pathway).count() == 0


def test_a_start_not_covered_by_a_valid_diagnosis_is_refused(client, counsellor, make_pathway, today):
    pathway = make_pathway()  # diagnosis made 5 days ago, valid 6 months
    client.force_login(counsellor)
    response = client.post(url(pathway), data(add_months(today, 7)))
    assert (
        "Aucun diagnostic d'éligibilité favorable n'est valable à la date de début"
        in (response.context["form"].errors["start_date"][0])
    )
    assert not Contract.objects.exists()


def test_a_belgian_article_60_under_half_time_is_refused(client, counsellor, make_pathway, today):
    pathway = make_pathway(kind=ProgrammeKind.BE_ARTICLE_60)
    client.force_login(counsellor)
    response = client.post(
        url(pathway), data(today, months=12, hours="15", work_days_needed="312", host_organisation="Asbl Le Potager")
    )
    [error] = response.context["form"].errors["weekly_hours"]
    assert "au moins à mi-temps" in error
    assert not Contract.objects.exists()


def test_a_belgian_article_60_records_its_host_and_work_days(client, counsellor, make_pathway, today):
    pathway = make_pathway(kind=ProgrammeKind.BE_ARTICLE_60)
    client.force_login(counsellor)
    response = client.post(
        url(pathway), data(today, months=18, hours="38", work_days_needed="312", host_organisation="Asbl Le Potager")
    )
    assert response.status_code == 302
    contract = Contract.objects.get()
    assert (contract.work_days_needed, contract.host_organisation) == (312, "Asbl Le Potager")


def test_a_belgian_warning_is_shown_after_saving(client, counsellor, make_pathway, today):
    pathway = make_pathway(kind=ProgrammeKind.BE_ARTICLE_60)
    client.force_login(counsellor)
    response = client.post(url(pathway), data(today, months=12, hours="38"))
    assert response.status_code == 302
    assert any(level == "warning" and "jours de travail nécessaires" in text for level, text in messages_of(response))


def test_country_fields_appear_only_for_their_programmes(client, counsellor, make_pathway):
    client.force_login(counsellor)
    french = client.get(url(make_pathway())).content.decode()
    assert 'name="extension_reason"' in french
    assert 'name="work_days_needed"' not in french and 'name="host_organisation"' not in french
    belgian = client.get(url(make_pathway(kind=ProgrammeKind.BE_ARTICLE_60))).content.decode()
    assert 'name="extension_reason"' not in belgian
    assert 'name="work_days_needed"' in belgian and 'name="host_organisation"' in belgian
    italian = client.get(url(make_pathway(kind=ProgrammeKind.IT_COOP_B))).content.decode()
    assert 'name="extension_reason"' not in italian and 'name="work_days_needed"' not in italian


def test_the_supervision_ratio_warning_is_shown_after_saving_on_an_aci_worksite(
    client, counsellor, make_pathway, structure, today
):
    worksite = WorksiteFactory(structure=structure, name="Jardin des Hauts")
    worksite.supervisors.add(UserFactory())
    for _ in range(12):
        ContractFactory(worksite=worksite, pathway=make_pathway(status=Status.IN_CONTRACT, eligible=False))
    pathway = make_pathway()
    client.force_login(counsellor)
    response = client.post(url(pathway), data(today, worksite=str(worksite.pk)))
    assert response.status_code == 302
    assert Contract.objects.filter(pathway=pathway).exists()
    assert (
        "warning",
        "Chantier « Jardin des Hauts » : Taux d'encadrement dépassé : 13 personnes en contrat pour 1 encadrant·e, "
        "la règle est d'au plus 12 personnes par encadrant·e.",
    ) in messages_of(response)


def test_no_supervision_warning_within_the_ratio(client, counsellor, make_pathway, structure, today):
    worksite = WorksiteFactory(structure=structure)
    worksite.supervisors.add(UserFactory())
    client.force_login(counsellor)
    response = client.post(url(make_pathway()), data(today, worksite=str(worksite.pk)))
    assert [level for level, _ in messages_of(response)] == ["success"]


def test_only_the_structures_active_worksites_are_offered(client, counsellor, make_pathway, structure, today):
    active = WorksiteFactory(structure=structure, name="Atelier vélo")
    closed = WorksiteFactory(structure=structure, name="Ancien chantier", is_active=False)
    foreign = WorksiteFactory(name="Chantier d'ailleurs")
    pathway = make_pathway()
    client.force_login(counsellor)
    content = client.get(url(pathway)).content.decode()
    assert "Atelier vélo" in content
    assert "Ancien chantier" not in content and "Chantier d&#x27;ailleurs" not in content
    for worksite in (closed, foreign):
        response = client.post(url(pathway), data(today, worksite=str(worksite.pk)))
        assert "worksite" in response.context["form"].errors
    assert active.pk and not Contract.objects.exists()


def test_missing_and_malformed_values_are_refused_on_their_fields(client, counsellor, make_pathway, today):
    client.force_login(counsellor)
    response = client.post(url(make_pathway()), data(today, hours="beaucoup", position="", start_date=""))
    assert set(response.context["form"].errors) == {"weekly_hours", "position", "start_date"}
    assert not Contract.objects.exists()


def test_it_offers_no_form_to_a_pathway_that_is_not_eligible(client, counsellor, make_pathway, today):
    pathway = make_pathway(status=Status.CANDIDATE)
    client.force_login(counsellor)
    response = client.get(url(pathway))
    assert "Un contrat se signe avec une personne éligible" in response.content.decode()
    assert 'name="planned_end_date"' not in response.content.decode()
    assert client.post(url(pathway), data(today)).status_code == 200
    assert not Contract.objects.exists()


def test_get_changes_nothing(client, counsellor, make_pathway, today):
    pathway = make_pathway()
    client.force_login(counsellor)
    client.get(url(pathway), data(today))
    assert not Contract.objects.exists()


def test_it_refuses_another_structures_pathway(client, counsellor, make_pathway, today):
    foreign = make_pathway(structure_=StructureFactory())
    client.force_login(counsellor)
    assert client.get(url(foreign)).status_code == 404
    assert client.post(url(foreign), data(today)).status_code == 404
    assert not Contract.objects.exists()


@pytest.mark.parametrize(
    ("role", "in_team", "expected"),
    [
        (Role.SUPERVISOR, True, 403),
        (Role.JOB_COACH, False, 403),
        (Role.PARTNER, False, 404),
        (Role.SUPERVISOR, False, 404),
    ],
    ids=["supervisor_of_the_team", "job_coach", "partner", "supervisor_outside_the_team"],
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
    assert client.post(url(pathway), data(today)).status_code == expected
    assert not Contract.objects.exists()


@pytest.mark.parametrize("role", [Role.CASE_MANAGER, Role.ADMIN])
def test_roles_with_the_contract_capability_may_sign(client, member, make_pathway, role, today):
    client.force_login(member(role))
    assert client.post(url(make_pathway()), data(today)).status_code == 302
