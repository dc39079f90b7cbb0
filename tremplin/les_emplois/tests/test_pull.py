import pytest

from tremplin.eligibility.models import CriterionProof
from tremplin.les_emplois import services
from tremplin.les_emplois.fake_platform import sample_record
from tremplin.les_emplois.models import Outcome, RunStatus
from tremplin.pathways.models import Pathway
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person


@pytest.fixture
def pull(french_structure, programme, make_client):
    def run(**kwargs):
        return services.pull(french_structure, make_client(timeout=kwargs.pop("timeout", 5)), **kwargs)

    return run


def test_two_pages_create_people_and_pathways_with_their_pass(pull, french_structure):
    run = pull()
    assert (run.status, run.pages, run.created) == (RunStatus.FINISHED, 2, 25)
    pathway = Pathway.objects.get(pass_iae_number="999990000003")
    assert pathway.structure == french_structure and pathway.pass_iae_end.isoformat() == "2028-08-31"
    codes = set(CriterionProof.objects.filter(diagnosis__pathway=pathway).values_list("criterion_code", flat=True))
    assert codes == {"rsa", "job_seeker_24_months", "low_qualification"}
    assert set(CriterionProof.objects.values_list("proof_reference", flat=True)) == {services.PLATFORM_REFERENCE}


def test_pulling_twice_creates_nothing_new(pull):
    pull()
    again = pull()
    assert (again.created, again.unchanged) == (0, 25)
    assert Person.objects.count() == 25


def test_a_person_already_known_is_put_to_link_never_merged(pull, french_structure):
    known = PersonFactory(
        structure=french_structure, first_name="Ines", last_name="Autre", email="salarie4@example.org"
    )
    run = pull()
    record = run.records.get(outcome=Outcome.TO_LINK)
    assert record.person == known and record.payload["siret"]
    assert not Pathway.objects.filter(pass_iae_number="999990000004").exists()
    assert pull().to_link == 0  # still waiting, not listed twice
    services.link_record(record, known, by=None)
    assert known.pathways.get().pass_iae_number == "999990000004"


def test_unusable_records_are_reported_with_their_reason(pull, platform):
    platform.records[0]["siret"] = "11111111111111"
    platform.records[1]["personnePhysique"]["dateNaissance"] = "31/02/1990"
    del platform.records[2]["personnePhysique"]["nomUsage"]
    run = pull()
    reasons = sorted(run.records.filter(outcome=Outcome.REJECTED).values_list("reason", flat=True))
    assert run.rejected == 3 and run.created == 22
    assert any("SIRET 11111111111111 inconnu" in r for r in reasons)
    assert any("31/02/1990" in r for r in reasons)
    assert any("nomUsage" in r for r in reasons)


def test_a_page_that_times_out_stops_the_run_which_resumes_there(pull, platform):
    platform.slow_pages, platform.stall_seconds = {2: 4}, 0.4
    first = pull(timeout=0.2)
    assert (first.status, first.pages, first.created) == (RunStatus.INTERRUPTED, 1, 20)
    assert "page=2" in first.resume_url and first.error
    second = pull()
    assert (second.status, second.pages, second.created, second.unchanged) == (RunStatus.FINISHED, 1, 5, 0)


def test_a_dry_run_writes_nothing_but_its_report(pull):
    run = pull(dry_run=True)
    assert run.created == 25 and Person.objects.count() == 0 and Pathway.objects.count() == 0


def test_a_revoked_token_fails_the_run_with_the_reason(pull, platform, french_structure, make_client):
    client = make_client()
    platform.revoke_tokens()
    run = services.pull(french_structure, client)
    assert run.status == RunStatus.FAILED and "révoqué" in run.error


def test_the_since_filter_reaches_the_platform(pull, platform):
    platform.records.append(sample_record(99, siret="73282932000074"))
    platform.records[-1]["_created"] = "2020-01-01"
    import datetime

    run = pull(since=datetime.date(2026, 1, 1))
    assert run.created == 25


def test_a_second_pull_completes_but_never_overwrites_what_staff_corrected(pull, platform):
    pull()
    person = Person.objects.get(pathways__pass_iae_number="999990000003")
    person.phone, person.email = "0320000000", ""
    person.save()
    platform.records[2]["personnePhysique"]["passDateFin"] = "30/06/2028"
    run = pull()
    person.refresh_from_db()
    assert person.phone == "0320000000" and person.email == "salarie3@example.org"
    assert run.updated == 1 and person.pathways.get().pass_iae_end.isoformat() == "2028-06-30"
    assert run.records.count() == 1  # unchanged hires are counted, not listed


def test_a_run_failed_on_a_revoked_token_resumes_at_its_page_once_renewed(
    pull, platform, french_structure, make_client
):
    client = make_client()
    first_page = client.page(client.first_url())
    platform.revoke_tokens()
    failed = services.pull(french_structure, client)
    assert failed.status == RunStatus.FAILED and failed.pages == 0
    assert pull().created == 25
    assert first_page.count == 25
