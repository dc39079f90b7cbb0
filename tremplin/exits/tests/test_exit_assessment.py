"""The exit assessment (tremplin/programme_documents) prints the exit as recorded in its programme's categories."""

import datetime

import pytest
from django.template.loader import render_to_string

from tremplin.accounts.models import Membership
from tremplin.exits.services import ExitInput, record_exit
from tremplin.programme_documents.services import exit_assessment_context

from .conftest import in_contract

pytestmark = pytest.mark.django_db


def test_the_exit_assessment_names_the_category_group_and_employer(structure, counsellor, today):
    pathway, _contract = in_contract(structure, referent=counsellor)
    exit_record = record_exit(
        pathway,
        ExitInput(
            exit_on=today - datetime.timedelta(days=3),
            reason="hired",
            category="cdd_6_months_plus",
            destination="Blanchisserie du Littoral",
            contract_months=8,
            confirm_early_end=True,
        ),
        by=counsellor,
    )
    pathway.refresh_from_db()
    context = exit_assessment_context(pathway, Membership.objects.get(user=counsellor))
    assert context["exit"]["record"] == exit_record
    html = render_to_string("programme_documents/exit_assessment_pdf.html", context)
    assert "CDD de 6 mois ou plus" in html
    assert "Emploi durable" in html
    assert "Blanchisserie du Littoral" in html
    assert "8 mois" in html
