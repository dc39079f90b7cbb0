"""Postcodes are digits: 5 in France and Italy, 4 in Belgium; "ABC" is refused with the rule (issue 14)."""

import pytest
from django.core.exceptions import ValidationError

from tremplin.core.postcodes import validate_postcode
from tremplin.core.tests.helpers import posted
from tremplin.dashboards.forms import WorksiteForm
from tremplin.people.factories import PersonFactory
from tremplin.people.forms import PersonForm
from tremplin.structures.factories import StructureFactory
from tremplin.structures.models import StructureKind


@pytest.mark.parametrize(
    ("value", "country"),
    [("59100", "FR"), (" 20121 ", "IT"), ("1000", "BE"), ("1000", None), ("59100", None), ("", "FR")],
)
def test_digits_of_the_right_length_are_accepted(value, country):
    assert validate_postcode(value, country) == value.strip()


@pytest.mark.parametrize(
    ("value", "country", "message"),
    [
        ("ABC", "FR", "Code postal : 5 chiffres en France, par exemple 59100."),
        ("5910", "FR", "Code postal : 5 chiffres en France, par exemple 59100."),
        ("59100", "BE", "Code postal : 4 chiffres en Belgique, par exemple 1000."),
        ("2012", "IT", "Code postal : 5 chiffres en Italie, par exemple 20121."),
        ("ABC", None, "Code postal : 4 ou 5 chiffres, par exemple 59100."),
        ("١٢٣٤٥", "FR", "Code postal : 5 chiffres en France, par exemple 59100."),  # Arabic-Indic digits
    ],
)
def test_other_postcodes_are_refused_with_the_rule(value, country, message):
    with pytest.raises(ValidationError) as error:
        validate_postcode(value, country)
    assert error.value.messages == [message]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "postcode", "error"),
    [
        (StructureKind.ACI, "ABC", "Code postal : 5 chiffres en France, par exemple 59100."),
        (StructureKind.CPAS, "59100", "Code postal : 4 chiffres en Belgique, par exemple 1000."),
        (StructureKind.CPAS, "1000", None),
        (StructureKind.ACI, "59100", None),
    ],
)
def test_the_person_form_checks_the_postcode_of_the_structure_country(kind, postcode, error):
    person = PersonFactory(structure=StructureFactory(kind=kind), postcode="")
    form = PersonForm(posted(PersonForm(instance=person), postcode=postcode), instance=person)
    assert form.is_valid() is (error is None), form.errors
    if error:
        assert form.errors["postcode"] == [error]


@pytest.mark.django_db
def test_the_worksite_form_refuses_letters_as_a_postcode():
    structure = StructureFactory(kind=StructureKind.ACI)
    data = {"name": "Maraîchage", "activity": "maraîchage", "postcode": "ABC", "city": "Lille", "capacity": "12"}
    form = WorksiteForm(data, structure=structure)
    assert not form.is_valid()
    assert form.errors["postcode"] == ["Code postal : 5 chiffres en France, par exemple 59100."]
    assert WorksiteForm({**data, "postcode": "59000"}, structure=structure).is_valid()
