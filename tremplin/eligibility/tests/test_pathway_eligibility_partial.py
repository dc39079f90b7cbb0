"""eligibility/_pathway_eligibility.html — the eligibility block of each pathway on the person page."""

import datetime

import pytest
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse

from tremplin.eligibility.factories import CriterionProofFactory, EligibilityDiagnosisFactory
from tremplin.eligibility.models import EligibilityDiagnosis
from tremplin.pathways.models import Pathway, Status

pytestmark = pytest.mark.django_db

RECORDER = {"record_eligibility": True}
READER = {"record_eligibility": False}


def prefetched(pathway):
    return (
        Pathway.objects.select_related("programme")
        .prefetch_related(
            Prefetch("eligibility_diagnoses", queryset=EligibilityDiagnosis.objects.select_related("made_by")),
            "eligibility_diagnoses__proofs",
        )
        .get(pk=pathway.pk)
    )


def render(pathway, caps):
    return render_to_string("eligibility/_pathway_eligibility.html", {"pathway": pathway, "caps": caps})


def test_it_lists_diagnoses_with_criteria_and_proof_dates_without_queries(
    make_pathway, today, django_assert_num_queries
):
    pathway = make_pathway(status=Status.ELIGIBLE)
    for days in (200, 10):
        diagnosis = EligibilityDiagnosisFactory(pathway=pathway, made_on=today - datetime.timedelta(days=days))
        CriterionProofFactory(diagnosis=diagnosis, proof_date=today - datetime.timedelta(days=days + 1))
        CriterionProofFactory(diagnosis=diagnosis, criterion_code="homeless", criterion_label="Sans domicile", level=2)
    pathway = prefetched(pathway)
    with django_assert_num_queries(0):
        html = render(pathway, RECORDER)
    assert html.index((today - datetime.timedelta(days=10)).strftime("%d/%m/%Y")) < html.index(
        (today - datetime.timedelta(days=200)).strftime("%d/%m/%Y")
    )
    assert f"Bénéficiaire du RSA (justificatif du {today - datetime.timedelta(days=11):%d/%m/%Y})" in html
    assert reverse("eligibility:detail", args=[diagnosis.public_id]) in html
    assert reverse("eligibility:create", args=[pathway.public_id]) in html
    assert "Vérifier l'éligibilité" in html


@pytest.mark.parametrize("status", [Status.CANDIDATE, Status.ELIGIBLE, Status.NOT_ELIGIBLE, Status.WITHDRAWN])
def test_it_offers_the_check_before_the_contract(make_pathway, status):
    pathway = prefetched(make_pathway(status=status))
    assert reverse("eligibility:create", args=[pathway.public_id]) in render(pathway, RECORDER)


@pytest.mark.parametrize("status", [Status.IN_CONTRACT, Status.EXITED, Status.FOLLOW_UP, Status.CLOSED])
def test_it_offers_no_check_after_the_contract(make_pathway, status):
    pathway = prefetched(make_pathway(status=status))
    assert reverse("eligibility:create", args=[pathway.public_id]) not in render(pathway, RECORDER)


def test_without_the_capability_it_shows_the_result_but_neither_criteria_nor_links(make_pathway):
    pathway = make_pathway()
    CriterionProofFactory(diagnosis=EligibilityDiagnosisFactory(pathway=pathway))
    html = render(prefetched(pathway), READER)
    assert "Éligible" in html
    assert "Bénéficiaire du RSA" not in html
    assert reverse("eligibility:create", args=[pathway.public_id]) not in html
    assert "/eligibilite/" not in html


def test_it_says_when_there_is_no_diagnosis(make_pathway):
    assert "Aucun diagnostic d'éligibilité enregistré." in render(prefetched(make_pathway()), RECORDER)
