import datetime

import pytest
import time_machine
from django.db.models import Count
from django.utils import timezone

from tremplin.audit.services import entries_for_person
from tremplin.consent.factories import ConsentFactory
from tremplin.contracts.models import Contract
from tremplin.eligibility.models import CriterionProof, EligibilityDiagnosis
from tremplin.pathways.factories import PathwayFactory
from tremplin.pathways.models import Pathway, Status, StatusChange
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person
from tremplin.retention import services
from tremplin.retention.models import LegalHold, RetentionRecord, RetentionSetting
from tremplin.retention.rules import RULES, Category

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def test_a_file_closed_25_months_ago_is_anonymised(closed_file):
    person = closed_file(25)

    done = services.apply_purge(today())

    assert [action.category for action in done] == [Category.ACTIVE_FILE]
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Personne", "anonymisée")
    assert person.birth_date is None
    assert person.email == person.phone == person.address == person.city == person.languages == ""
    record = RetentionRecord.objects.get(person=person)
    assert record.anonymised_on == today()
    assert record.age_band == "26-49" and record.department == "59"
    assert Pathway.objects.get(person=person).referral_source == ""
    assert not StatusChange.objects.filter(pathway__person=person).exclude(reason="").exists()
    assert EligibilityDiagnosis.objects.get(pathway__person=person).comment == ""
    assert not CriterionProof.objects.filter(diagnosis__pathway__person=person).exists()
    assert "retention:anonymised" in set(entries_for_person(person).values_list("part", flat=True))


def test_a_file_closed_23_months_ago_is_kept(closed_file):
    person = closed_file(23)
    # The proofs (pathway started 29 months ago) may go, not the file.
    assert Category.ACTIVE_FILE not in [a.category for a in services.plan_purge(today())]
    services.apply_purge(today())
    person.refresh_from_db()
    assert person.email == "jeanne@example.org"
    assert not RetentionRecord.objects.filter(person=person, anonymised_on__isnull=False).exists()


def test_the_file_goes_when_the_clock_passes_the_deadline(closed_file):
    person = closed_file(23)
    in_three_months = datetime.datetime.combine(today() + datetime.timedelta(days=92), datetime.time(4))
    with time_machine.travel(in_three_months, tick=False):
        services.apply_purge()
    assert RetentionRecord.objects.get(person=person).anonymised_on is not None


def test_an_open_pathway_keeps_the_whole_file(closed_file):
    person = closed_file(30)
    PathwayFactory(person=person, status=Status.FOLLOW_UP)
    assert services.plan_purge(today()) == []


def test_a_legal_hold_prevents_anonymisation(closed_file):
    person = closed_file(25)
    LegalHold.objects.create(person=person, reason="Prud'hommes", placed_on=today())

    assert services.plan_purge(today()) == []
    assert services.apply_purge(today()) == []
    person.refresh_from_db()
    assert person.email == "jeanne@example.org"


def test_a_lifted_hold_lets_the_purge_work_again(closed_file):
    person = closed_file(25)
    LegalHold.objects.create(person=person, reason="Contrôle", placed_on=today(), lifted_on=today())
    assert len(services.apply_purge(today())) == 1


def test_the_dry_run_writes_nothing(closed_file, django_assert_num_queries):
    person = closed_file(25)
    before = Person.objects.values().get(pk=person.pk)

    plan = services.plan_purge(today())

    assert [(a.person, a.category) for a in plan] == [(person, Category.ACTIVE_FILE)]
    assert Person.objects.values().get(pk=person.pk) == before
    assert not RetentionRecord.objects.exists()
    assert CriterionProof.objects.count() == 1


def test_the_plan_reads_a_constant_number_of_queries(closed_file, django_assert_num_queries):
    closed_file(25)
    with django_assert_num_queries(6):
        services.plan_purge(today())
    for _ in range(5):
        closed_file(26)
    with django_assert_num_queries(6):
        assert len(services.plan_purge(today())) == 6


def test_statistics_are_identical_before_and_after_anonymisation(closed_file):
    for months in (25, 26, 40, 3):
        closed_file(months)
    closed_file(30, status=Status.WITHDRAWN)

    def statistics():
        by_status = dict(Pathway.objects.values_list("status").annotate(n=Count("pk")).order_by())
        durations = sorted((c.effective_end_date - c.start_date).days for c in Contract.objects.all())
        exits = sorted(Contract.objects.values_list("status", "early_end_reason"))
        return by_status, durations, exits, Person.objects.count(), Pathway.objects.count()

    before = statistics()
    assert len(services.apply_purge(today())) == 4
    assert statistics() == before


def test_the_purge_is_idempotent(closed_file):
    closed_file(25)
    assert len(services.apply_purge(today())) == 1
    assert services.apply_purge(today()) == []
    assert services.plan_purge(today()) == []


def test_proofs_wait_for_their_own_deadline(closed_file):
    """A long contract closed long enough ago but started under 24 months ago: nothing goes yet."""
    structure_person = closed_file(25, contract_months=0)
    RetentionSetting.objects.create(
        structure=structure_person.structure, category=Category.ELIGIBILITY_PROOFS, months=60
    )
    assert services.plan_purge(today()) == []


def test_proofs_of_a_closed_pathway_go_before_the_file(closed_file):
    """Proof deadline (from the start) passed, file deadline (from the last contact) not yet."""
    person = closed_file(13, contract_months=12)
    plan = services.plan_purge(today())
    assert [a.category for a in plan] == [Category.ELIGIBILITY_PROOFS]

    services.apply_purge(today())

    assert not CriterionProof.objects.exists()
    person.refresh_from_db()
    assert person.email == "jeanne@example.org"
    assert RetentionRecord.objects.get(person=person).anonymised_on is None


def test_a_structure_override_shortens_the_active_file(closed_file, structure):
    closed_file(13, contract_months=12)
    RetentionSetting.objects.create(structure=structure, category=Category.ACTIVE_FILE, months=12)
    assert [a.category for a in services.plan_purge(today())] == [Category.ACTIVE_FILE]


def test_anonymisation_clears_consent_free_texts(closed_file):
    person = closed_file(25)
    ConsentFactory(person=person, scope="Tout", withdrawn_on=today(), withdrawal_note="Raison personnelle")
    services.apply_purge(today())
    consent = person.consents.get()
    assert consent.scope == consent.withdrawal_note == ""


def test_a_person_without_pathway_goes_24_months_after_being_recorded(structure):
    with time_machine.travel(datetime.datetime(2020, 1, 1, 10), tick=False):
        person = PersonFactory(structure=structure)
    assert [a.person for a in services.plan_purge(today())] == [person]


def test_anonymising_again_keeps_the_age_band_and_department_counted_by_the_indicators(closed_file):
    person = closed_file(25)
    services.apply_purge(today())

    services.anonymise_person(Person.objects.get(pk=person.pk), today())

    record = RetentionRecord.objects.get(person=person)
    assert record.age_band == "26-49" and record.department == "59"


def test_age_bands():
    on = datetime.date(2026, 1, 1)
    assert services.age_band(datetime.date(2005, 1, 1), on) == "<26"
    assert services.age_band(datetime.date(1990, 1, 1), on) == "26-49"
    assert services.age_band(datetime.date(1970, 1, 1), on) == "50+"
    assert services.age_band(None, on) == ""


def test_settings_are_refused_outside_the_bounds(structure):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.save_settings(structure, {Category.ACTIVE_FILE: 48}, by=None)
    assert "entre 12 et 36 mois" in error.value.message_dict[Category.ACTIVE_FILE][0]
    assert not RetentionSetting.objects.exists()


def test_the_defaults_follow_the_cnil_frameworks():
    assert RULES[Category.ACTIVE_FILE].default_months == 24
    assert RULES[Category.ELIGIBILITY_PROOFS].min_months == 24
    assert RULES[Category.ACCESS_LOG].default_months == 12


def test_anonymisation_removes_uploaded_files_and_past_versions(closed_file, settings, tmp_path):
    from tremplin.documents.factories import DocumentFactory
    from tremplin.documents.models import Document
    from tremplin.documents.storage import PrivateStorage
    from tremplin.people.models import Person as PersonModel

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    person = closed_file(25)
    document = DocumentFactory(person=person)
    stored_name = document.file.name
    assert PrivateStorage().exists(stored_name)
    assert PersonModel.history.filter(id=person.pk, email="jeanne@example.org").exists()

    with django_capture_on_commit():
        services.apply_purge(today())

    assert not Document.objects.filter(person=person).exists()
    assert not PrivateStorage().exists(stored_name)
    # No past version keeps the identity.
    assert not PersonModel.history.filter(id=person.pk, email="jeanne@example.org").exists()


def django_capture_on_commit():
    """Runs on_commit callbacks of the block (the file deletion waits for the commit)."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)
