"""contracts/_pathway_contracts.html — the contracts block of each pathway on the person page."""

import datetime

import pytest
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse

from tremplin.contracts.factories import SuspensionFactory
from tremplin.contracts.models import Contract, ContractStatus
from tremplin.pathways.models import Pathway, Status
from tremplin.structures.factories import WorksiteFactory

pytestmark = pytest.mark.django_db

MANAGER = {"manage_contracts": True}
READER = {"manage_contracts": False}


def prefetched(pathway):
    return Pathway.objects.prefetch_related(
        Prefetch("contracts", queryset=Contract.objects.select_related("worksite")), "contracts__suspensions"
    ).get(pk=pathway.pk)


def render(pathway, caps):
    return render_to_string("contracts/_pathway_contracts.html", {"pathway": pathway, "caps": caps})


def test_it_lists_the_contracts_with_their_terms_without_queries(
    make_contract, structure, today, django_assert_num_queries
):
    worksite = WorksiteFactory(structure=structure, name="Atelier couture")
    first = make_contract(
        months=6,
        start=today - datetime.timedelta(days=200),
        status=ContractStatus.RENEWED,
        worksite=worksite,
        position="Couturière",
    )
    second = make_contract(
        months=6,
        pathway=first.pathway,
        renews=first,
        start=first.planned_end_date + datetime.timedelta(days=1),
        position="Retoucheuse",
    )
    SuspensionFactory(contract=second, start_date=second.start_date, end_date=second.start_date)
    pathway = prefetched(first.pathway)
    with django_assert_num_queries(0):
        html = render(pathway, MANAGER)
    assert html.index("Retoucheuse") < html.index("Couturière")
    assert "Atelier couture" in html
    assert "Renouvelé" in html and "En cours" in html
    assert "1 suspension" in html
    assert first.start_date.strftime("%d/%m/%Y") in html
    assert reverse("contracts:detail", args=[first.public_id]) in html
    assert reverse("contracts:detail", args=[second.public_id]) in html
    assert "<caption>" in html and '<th scope="col">' in html


def test_an_early_end_shows_its_date(make_contract, today):
    contract = make_contract(status=ContractStatus.ENDED_EARLY, ended_on=today)
    assert f"rompu le {today:%d/%m/%Y}" in render(prefetched(contract.pathway), MANAGER)


def test_it_offers_to_sign_only_to_an_eligible_pathway(make_pathway):
    eligible = make_pathway(status=Status.ELIGIBLE)
    assert reverse("contracts:create", args=[eligible.public_id]) in render(prefetched(eligible), MANAGER)
    for status in (Status.CANDIDATE, Status.NOT_ELIGIBLE, Status.IN_CONTRACT, Status.EXITED):
        other = make_pathway(status=status)
        assert reverse("contracts:create", args=[other.public_id]) not in render(prefetched(other), MANAGER)


def test_without_the_capability_it_links_to_the_contracts_but_offers_no_signature(make_contract, make_pathway):
    contract = make_contract()
    html = render(prefetched(contract.pathway), READER)
    assert contract.position in html
    assert reverse("contracts:detail", args=[contract.public_id]) in html
    eligible = make_pathway(status=Status.ELIGIBLE)
    assert reverse("contracts:create", args=[eligible.public_id]) not in render(prefetched(eligible), READER)


def test_it_says_when_there_is_no_contract(make_pathway):
    assert "Aucun contrat signé." in render(prefetched(make_pathway()), MANAGER)
