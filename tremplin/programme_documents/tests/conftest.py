import shutil
import subprocess

import pytest

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.action_plan.factories import ActionFactory, ActionPlanFactory, ObjectiveFactory
from tremplin.barriers.factories import BarrierFactory
from tremplin.barriers.models import BarrierDomain
from tremplin.contracts.factories import ContractFactory
from tremplin.core.visibility import Visibility
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Status
from tremplin.people.factories import PersonFactory
from tremplin.professional_project.factories import TargetJobFactory
from tremplin.structures.factories import WorksiteFactory
from tremplin.welcome.factories import WelcomeStepFactory

SOCIAL_ONLY_TEXT = "Suivi en addictologie le mardi"
TEAM_TEXT = "Pas de transport en commun avant 7 h"


@pytest.fixture
def pdf_text(tmp_path):
    """The text of a PDF, as pdftotext reads it."""

    def read(pdf: bytes) -> str:
        if not shutil.which("pdftotext"):
            pytest.skip("pdftotext (poppler-utils) is not installed")
        path = tmp_path / "document.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        return " ".join(text.split())  # table cells wrap: compare words, not lines

    return read


@pytest.fixture
def programme_pathway(structure):
    """A pathway with something in every part of the programme, including a barrier kept for the social staff."""
    counsellor = MembershipFactory(structure=structure, role=Role.COUNSELLOR).user
    supervisor = MembershipFactory(structure=structure, role=Role.SUPERVISOR).user
    worksite = WorksiteFactory(structure=structure, name="Jardins du Val")
    worksite.supervisors.add(supervisor)
    person = PersonFactory(structure=structure, first_name="Awa", last_name="Diallo")
    pathway = PathwayFactory(
        person=person, status=Status.IN_CONTRACT, referent=counsellor, supervisor=supervisor, worksite=worksite
    )
    ContractFactory(pathway=pathway, worksite=worksite, position="Agent·e de maraîchage")
    TargetJobFactory(pathway=pathway, title="Ouvrier·ère paysagiste")
    mobility = BarrierFactory(
        pathway=pathway, domain=BarrierDomain.MOBILITY, description=TEAM_TEXT, visibility=Visibility.WHOLE_TEAM
    )
    BarrierFactory(
        pathway=pathway,
        domain=BarrierDomain.ADDICTIONS,
        description=SOCIAL_ONLY_TEXT,
        visibility=Visibility.SOCIAL_STAFF_ONLY,
    )
    plan = ActionPlanFactory(pathway=pathway)
    objective = ObjectiveFactory(plan=plan, barriers=[mobility], text="Obtenir le permis B")
    ActionFactory(plan=plan, objective=objective, title="S'inscrire à l'auto-école solidaire")
    ActionFactory(plan=plan, title="Atelier CV", status="done", outcome="CV prêt")
    WelcomeStepFactory(pathway=pathway)
    pathway.counsellor = counsellor
    pathway.team_supervisor = supervisor
    return pathway
