import json

from django.test import RequestFactory

from tremplin.accounts.roles import Role
from tremplin.audit.services import log_access
from tremplin.rights.services import EXPORT_SCHEMA_VERSION, export_person


def _log_read(user, person):
    request = RequestFactory().get("/personnes/")
    request.user = user
    request.membership = user.memberships.get()
    log_access(request, person=person, part="file", action="read")


def test_it_exports_pathways_contracts_proofs_and_log_entries_of_the_person_only(full_person, member):
    awa = full_person("Awa", "Diallo")
    other = full_person("Karim", "Benali")
    director = member(Role.DIRECTOR)
    _log_read(director, awa)
    _log_read(director, other)

    data = export_person(awa)
    text = json.dumps(data, ensure_ascii=False)

    assert data["schema_version"] == EXPORT_SCHEMA_VERSION
    assert data["generated_at"]
    assert data["person"]["last_name"] == "Diallo"
    assert data["pathways"][0]["referral_source"] == "France Travail pour Awa"
    pathway_id = data["pathways"][0]["id"]
    assert data["status_changes"][0]["reason"] == "Accueil Awa"
    assert data["status_changes"][0]["pathway"] == pathway_id
    assert data["criterion_proofs"][0]["proof_reference"] == "CAF-Diallo"
    assert data["contracts"][0]["position"] == "Maraîchage Awa"
    assert data["contracts"][0]["pathway"] == pathway_id
    assert data["suspensions"][0]["reason"] == "Arrêt Awa"
    assert data["suspensions"][0]["contract"] == data["contracts"][0]["id"]
    assert "file" in [entry["part"] for entry in data["access_log"]]
    assert director.email in [entry["by"] for entry in data["access_log"]]
    for trace in ("Karim", "Benali", str(other.public_id)):
        assert trace not in text


def test_dates_are_iso_strings(full_person):
    person = full_person()
    data = export_person(person)
    assert data["person"]["birth_date"] == person.birth_date.isoformat()
    contract = data["contracts"][0]
    assert len(contract["start_date"]) == 10 and contract["start_date"][4] == "-"
    json.dumps(data)  # serialisable as is


def test_the_export_leaves_out_technical_columns_and_staff_addresses(full_person):
    data = export_person(full_person())
    assert "phone_normalised" not in data["person"]
    for entry in data["access_log"]:
        assert "ip" not in entry and "entry_hash" not in entry
