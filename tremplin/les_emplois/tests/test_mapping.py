import datetime

import pytest

from tremplin.les_emplois import mapping
from tremplin.les_emplois.fake_platform import sample_record
from tremplin.programmes.rules import ProgrammeKind


def test_a_record_becomes_a_hire_with_its_pass_and_criteria():
    record = sample_record(3, siret="73282932000074")
    hire = mapping.parse(record)
    assert hire.pass_iae == "999990000003"
    assert hire.pass_start == datetime.date(2026, 9, 1)
    assert hire.programme_kind == ProgrammeKind.FR_ACI
    assert hire.last_name == "Salarie3"
    assert set(hire.criteria) == {"rsa", "job_seeker_24_months", "low_qualification"}


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda r: r["personnePhysique"].update(dateNaissance="1980-02-03"), "JJ/MM/AAAA"),
        (lambda r: r["personnePhysique"].pop("prenom"), "personnePhysique.prenom"),
        (lambda r: r.update(mesure="EITI_DC"), "EITI_DC"),
        (lambda r: (r["personnePhysique"].update(passIae="12AB"), r.pop("passIae")), "12 caractères"),
        (lambda r: r.pop("personnePhysique"), "personnePhysique"),
    ],
)
def test_an_unusable_record_names_the_field_and_the_rule(change, reason):
    record = sample_record(1, siret="73282932000074")
    change(record)
    with pytest.raises(mapping.Unusable, match=reason):
        mapping.parse(record)


def test_job_seekers_of_12_to_23_months_and_the_yes_no_situations():
    situation = {
        "inscritPoleEmploi": True,
        "inscritPoleEmploiDepuis": "03",
        "salarieBenefAAH": True,
        "salarieRQTH": True,
    }
    assert set(mapping.criteria(situation)) == {"job_seeker_12_24_months", "aah", "disabled_worker"}
