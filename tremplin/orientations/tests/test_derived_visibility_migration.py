"""The data migration gives the rows that existed before decision 0008 their derived level."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory, ObjectiveFactory
from tremplin.action_plan.models import Action, Objective
from tremplin.barriers.factories import BarrierFactory
from tremplin.consent.models import Consent, ConsentKind
from tremplin.core.visibility import Visibility
from tremplin.orientations.factories import OrientationFactory
from tremplin.orientations.models import Orientation
from tremplin.partners.factories import PartnerOrganisationFactory, PartnerServiceFactory

MIGRATION = "0004_derived_visibility_of_existing_rows"


@pytest.mark.django_db
def test_the_migration_levels_existing_objectives_actions_orientations_and_consents():
    barrier = BarrierFactory(domain="justice")
    plan = ActionPlanFactory(pathway=barrier.pathway)
    objective = ObjectiveFactory(plan=plan, barriers=[barrier])
    action = ActionFactory(plan=plan, objective=objective)
    csapa = PartnerOrganisationFactory(structure=plan.pathway.structure, name="CSAPA Le Relais", kind="health")
    orientation = OrientationFactory(pathway=plan.pathway, service=PartnerServiceFactory(organisation=csapa))
    consent = Consent.objects.create(
        person=plan.pathway.person,
        kind=ConsentKind.SHARE_WITH_PARTNER,
        partner_name="csapa le relais",
        given_on="2025-01-01",
    )
    # As before the migration: no level derived.
    Objective.objects.update(visibility=Visibility.SHAREABLE_WITH_PARTNERS)
    Action.objects.update(visibility=Visibility.SHAREABLE_WITH_PARTNERS)
    Orientation.objects.update(visibility=Visibility.WHOLE_TEAM)
    Consent.objects.update(visibility=Visibility.WHOLE_TEAM)

    # The historical models of today's schema (the objective's single barrier link went in decision 0013):
    # the migration's function runs the same propagation with whatever models it is given.
    state = MigrationLoader(connection).project_state()
    module = importlib.import_module(f"tremplin.orientations.migrations.{MIGRATION}")
    module.compute_levels(state.apps, None)

    for row in (objective, action, orientation, consent):
        row.refresh_from_db()
        assert row.visibility == Visibility.SOCIAL_STAFF_ONLY, row
