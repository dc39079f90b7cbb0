"""Drop-downs say "Choisir…", never Django's "---------", and a required one with a single answer has it chosen."""

import re

import pytest
from django.utils import translation

from tremplin.accounts.roles import Role
from tremplin.action_plan.forms import ActionForm
from tremplin.contracts.forms import ContractForm
from tremplin.core.visibility import Visibility
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.forms import PathwayOpenForm
from tremplin.programmes.factories import ProgrammeFactory
from tremplin.structures.factories import WorksiteFactory

pytestmark = pytest.mark.django_db


def selected_options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select)


@pytest.fixture
def pathway(structure):
    return PathwayFactory(structure=structure, person__structure=structure)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_real_forms_never_show_dashes_as_the_empty_choice(pathway, member, language):
    user = member(Role.COUNSELLOR)
    with translation.override(language):
        pages = [
            str(ActionForm(pathway=pathway, readable=set(Visibility))),
            str(ContractForm(pathway=pathway)),
            str(PathwayOpenForm(person=pathway.person, user=user)),
        ]
    for html in pages:
        assert "---------" not in html
    assert ("Choisir…" if language == "fr" else "Choose…") in pages[0]
    assert ">aucun<" in pages[1] or ">none<" in pages[1]  # an empty label chosen by the form stays


def test_a_required_select_with_one_choice_has_it_selected(pathway, member, structure):
    user = member(Role.COUNSELLOR)
    programmes = list(structure.programmes.filter(is_active=True))
    assert len(programmes) == 1, "the factory gives the structure one active programme"
    html = str(PathwayOpenForm(person=pathway.person, user=user))
    assert selected_options(html, "programme") == [str(programmes[0].pk)]


def test_a_required_select_with_several_choices_still_asks(pathway, member, structure):
    user = member(Role.COUNSELLOR)
    ProgrammeFactory(structure=structure)
    html = str(PathwayOpenForm(person=pathway.person, user=user))
    assert selected_options(html, "programme") == [""]


def test_an_optional_select_with_one_choice_is_left_empty(pathway, structure):
    WorksiteFactory(structure=structure)
    html = str(ContractForm(pathway=pathway))
    assert selected_options(html, "worksite") == [""]
