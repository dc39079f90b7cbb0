"""The import itself: the dry run writes nothing, the import writes everything through the services or nothing,
a second import of the same file creates no one, and every problem names its line, column, value and rule."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tremplin.audit.models import AccessLogEntry
from tremplin.contracts.models import Contract, ContractStatus
from tremplin.onboarding import services
from tremplin.onboarding.models import ImportedPerson, ImportRun, RunStatus
from tremplin.pathways.models import Pathway, Status, StatusChange
from tremplin.people.factories import PersonFactory
from tremplin.people.models import Person

from .helpers import HEADERS, csv_bytes, day, in_contract, queued, ready, row

pytestmark = pytest.mark.django_db


def start(structure, world, lines, **kwargs) -> ImportRun:
    with queued():
        run = services.start(structure, name="reprise.csv", content=csv_bytes(lines, **kwargs), by=world["director"])
    run.refresh_from_db()
    return run


def problems(run) -> list[tuple]:
    return [(p["row"], p["column"], p["value"], p["message"]) for p in run.problems]


def test_the_dry_run_counts_what_it_would_create_and_writes_nothing(structure):
    world = ready(structure)
    run = start(structure, world, [row(), in_contract(first_name="Karim", last_name="Martin", birth_date="")])

    assert run.status == RunStatus.CHECKED
    assert run.counts["people_created"] == 2 and run.counts["contracts_created"] == 1
    assert not Person.objects.exists() and not Pathway.objects.exists() and not Contract.objects.exists()
    assert not ImportedPerson.objects.exists()


def test_the_import_goes_through_the_services_with_history_and_access_log(structure):
    world = ready(structure)
    line = in_contract(referent="CIP@example.org", worksite="maraichage", referral_source="France Travail")
    run = start(structure, world, [line])
    logged_before = AccessLogEntry.objects.count()

    services.confirm(run, by=world["director"])

    run.refresh_from_db()
    assert run.status == RunStatus.IMPORTED and run.sealed_file is None and run.imported_by == world["director"]
    person = Person.objects.get()
    assert (person.first_name, person.birth_date, person.created_by) == (
        "Awa",
        datetime.date(1990, 2, 14),
        world["director"],
    )
    pathway = person.pathways.get()
    assert pathway.status == Status.IN_CONTRACT
    assert (pathway.referent, pathway.worksite, pathway.referral_source) == (
        world["counsellor"],
        world["worksite"],
        "France Travail",
    )
    steps = list(StatusChange.objects.filter(pathway=pathway).order_by("pk").values_list("to_status", flat=True))
    assert steps == [Status.CANDIDATE, Status.ELIGIBLE, Status.IN_CONTRACT]
    contract = Contract.objects.get()
    assert contract.status == ContractStatus.ACTIVE and contract.start_date == day(-30)
    assert person.history.count() == 1 and contract.history.count() == 1
    assert AccessLogEntry.objects.count() > logged_before
    assert ImportedPerson.objects.get().person == person


def test_a_past_contract_leaves_the_pathway_at_the_status_of_the_file(structure):
    world = ready(structure)
    start_date = day(-400)
    line = in_contract(
        status="Sorti·e",
        start_date=start_date.isoformat(),
        planned_end_date=(start_date + datetime.timedelta(days=200)).isoformat(),
    )
    services.confirm(start(structure, world, [line]), by=world["director"])

    assert Pathway.objects.get().status == Status.EXITED
    assert Contract.objects.get().status == ContractStatus.COMPLETED


def test_importing_the_same_file_again_creates_no_duplicate(structure):
    world = ready(structure)
    lines = [in_contract(), row(first_name="Karim", last_name="Martin", birth_date="30/07/1985")]
    services.confirm(start(structure, world, lines), by=world["director"])

    again = start(structure, world, lines)
    assert again.status == RunStatus.CHECKED
    assert "déjà été importé" in again.notes[0]
    services.confirm(again, by=world["director"])

    again.refresh_from_db()
    assert again.counts == {
        "people_created": 0,
        "people_found": 2,
        "pathways_created": 0,
        "pathways_found": 2,
        "contracts_created": 0,
        "contracts_found": 1,
    }
    assert Person.objects.count() == 2 and Pathway.objects.count() == 2 and Contract.objects.count() == 1


def test_a_person_already_recorded_by_hand_is_found_not_duplicated(structure):
    world = ready(structure)
    PersonFactory(structure=structure, first_name="AWA", last_name="diallo", birth_date=datetime.date(1990, 2, 14))

    run = start(structure, world, [row()])

    assert run.counts["people_found"] == 1 and run.counts["people_created"] == 0


def test_several_recorded_people_matching_a_line_are_reported(structure):
    world = ready(structure)
    PersonFactory(structure=structure, first_name="Awa", last_name="Diallo", birth_date=datetime.date(1990, 2, 14))
    PersonFactory(structure=structure, first_name="Inès", last_name="Ba", email="awa@example.org")

    run = start(structure, world, [row(email="awa@example.org")])

    assert run.status == RunStatus.REFUSED
    assert "Plusieurs personnes déjà enregistrées" in problems(run)[0][3]


def test_a_person_twice_in_the_file_is_reported_on_the_second_line(structure):
    world = ready(structure)
    run = start(structure, world, [row(), row(first_name="Karim", last_name="Martin"), row(first_name="awa ")])

    assert problems(run) == [
        (
            4,
            "Nom",
            "Diallo",
            "Cette personne figure déjà à la ligne 2 du fichier (même nom, prénom et date de naissance) : une seule ligne par personne.",
        )
    ]


def test_the_same_email_on_two_lines_is_the_same_person(structure):
    world = ready(structure)
    run = start(
        structure, world, [row(email="a@example.org"), row(first_name="Karim", last_name="M", email="A@example.org")]
    )

    assert problems(run)[0][0] == 3 and "même courriel" in problems(run)[0][3]


def test_an_unknown_referent_or_worksite_is_named(structure):
    world = ready(structure)
    run = start(structure, world, [row(referent="nobody@example.org", worksite="Menuiserie")])

    assert problems(run) == [
        (
            2,
            "Référent (courriel)",
            "nobody@example.org",
            "Aucun compte Tremplin n'a ce courriel : invitez d'abord la personne dans l'équipe, ou videz la cellule.",
        ),
        (2, "Chantier", "Menuiserie", "Aucun chantier actif de la structure ne porte ce nom : Maraîchage."),
    ]


def test_a_referent_outside_the_structure_gets_the_forms_message(structure):
    from tremplin.accounts.factories import UserFactory

    world = ready(structure)
    UserFactory(email="elsewhere@example.org")
    run = start(structure, world, [row(referent="elsewhere@example.org")])

    assert problems(run)[0][1:] == (
        "Référent (courriel)",
        "elsewhere@example.org",
        "Le ou la référent·e choisi·e ne fait pas partie des référent·es de votre structure.",
    )


def test_the_person_forms_rules_apply_to_each_line(structure):
    world = ready(structure)
    run = start(
        structure, world, [row(first_name="", email="pas-un-courriel", phone="12", birth_date=day(-365).isoformat())]
    )

    found = {(p[1], p[3]) for p in problems(run)}
    assert ("Prénom", "Ce champ est obligatoire.") in found
    assert any(column == "Courriel" and "valide" in message for column, message in found)  # Django's own wording
    assert any(column == "Téléphone" and "6 à 15 chiffres" in message for column, message in found)
    assert any(column == "Date de naissance" and "au moins 16 ans" in message for column, message in found)


def test_a_contract_breaking_the_programme_rules_is_refused_with_the_rule(structure):
    world = ready(structure)
    start_date = day(-10)
    line = in_contract(
        planned_end_date=(start_date + datetime.timedelta(days=60)).isoformat(), start_date=start_date.isoformat()
    )

    run = start(structure, world, [line])

    assert run.status == RunStatus.REFUSED
    (number, column, _value, message), *_ = problems(run)
    assert number == 2 and column in ("Fin prévue du contrat", "Début du contrat")
    assert "4 mois" in message
    assert not Person.objects.exists()


def test_hours_above_the_programme_ceiling_are_refused_on_the_hours_column(structure):
    world = ready(structure)
    run = start(structure, world, [in_contract(weekly_hours="39")])

    assert [p[1] for p in problems(run)] == ["Heures par semaine"]


def test_the_status_must_agree_with_the_contract_dates(structure):
    world = ready(structure)
    run = start(structure, world, [in_contract(status="Candidat·e"), row(first_name="Karim", status="En contrat")])

    assert problems(run) == [
        (
            2,
            "Statut",
            "Candidat·e",
            "Avec un contrat en cours aujourd'hui, le statut du parcours doit être : « En contrat ».",
        ),
        (
            3,
            "Début du contrat",
            "",
            "Un parcours au statut « En contrat » a un contrat : indiquez ses dates, ses heures et le poste.",
        ),
    ]


def test_unknown_status_and_programme_are_named(structure):
    world = ready(structure)
    run = start(structure, world, [row(status="En pause", programme="Chantier école")])

    found = problems(run)
    assert found[0][1] == "Dispositif" and "ACI Jardins" in found[0][3]
    assert found[1][1] == "Statut" and found[1][3].startswith("Statut inconnu")


def test_two_programmes_of_the_kind_ask_for_the_name(structure):
    from tremplin.programmes.factories import ProgrammeFactory

    world = ready(structure)
    ProgrammeFactory(structure=structure, name="ACI Bâtiment")
    assert "écrivez le nom du dispositif" in problems(start(structure, world, [row()]))[0][3]
    assert start(structure, world, [row(programme="aci batiment")]).status == RunStatus.CHECKED


@pytest.mark.parametrize("written", ["14/02/1990", "1990-02-14", "32918"])
def test_dates_are_read_in_three_formats(structure, written):
    world = ready(structure)
    run = start(structure, world, [row(birth_date=written)])
    services.confirm(run, by=world["director"])

    assert Person.objects.get().birth_date == datetime.date(1990, 2, 14)


def test_an_unreadable_date_names_the_formats(structure):
    world = ready(structure)
    run = start(structure, world, [row(birth_date="31/02/1990"), row(first_name="Karim", birth_date="le 3 mars")])

    assert problems(run) == [
        (
            2,
            "Date de naissance",
            "31/02/1990",
            "Date illisible (cette date n'existe pas dans le calendrier) : écrivez JJ/MM/AAAA, AAAA-MM-JJ ou utilisez une cellule date.",
        ),
        (
            3,
            "Date de naissance",
            "le 3 mars",
            "Date illisible (format de date non reconnu) : écrivez JJ/MM/AAAA, AAAA-MM-JJ ou utilisez une cellule date.",
        ),
    ]


def test_a_formula_typed_in_a_csv_is_refused(structure):
    world = ready(structure)
    run = start(structure, world, [row(city='=HYPERLINK("http://x")')])

    assert problems(run)[0][1] == "Commune" and "formule" in problems(run)[0][3]


def test_the_import_is_all_or_nothing_when_the_data_changed_since_the_dry_run(structure):
    world = ready(structure)
    run = start(structure, world, [row(), row(first_name="Karim", worksite="Maraîchage")])
    assert run.status == RunStatus.CHECKED
    world["worksite"].is_active = False
    world["worksite"].save()

    services.confirm(run, by=world["director"])

    run.refresh_from_db()
    assert run.status == RunStatus.REFUSED and run.sealed_file is None
    assert [p[0] for p in problems(run)] == [3]
    assert not Person.objects.exists() and not ImportedPerson.objects.exists()


def test_confirming_twice_is_refused(structure):
    world = ready(structure)
    run = services.confirm(start(structure, world, [row()]), by=world["director"])

    with pytest.raises(ValidationError):
        services.confirm(run, by=world["director"])
    assert Person.objects.count() == 1


def test_the_file_waits_encrypted_and_a_new_upload_drops_the_previous(structure):
    world = ready(structure)
    first = start(structure, world, [row(last_name="Zyxwvut")])

    assert b"Zyxwvut" not in bytes(first.sealed_file)
    start(structure, world, [row()])
    first.refresh_from_db()
    assert first.sealed_file is None and first.status == RunStatus.CANCELLED


def test_headers_unlike_the_template_wait_for_the_mapping(structure):
    world = ready(structure)
    headers = ["NOM", "prénom", "Né le", "Mesure", "Couleur préférée"]
    run = start(structure, world, [row()], headers=headers)

    assert run.status == RunStatus.UPLOADED
    assert run.mapping == {"0": "last_name", "1": "first_name", "2": "birth_date", "3": "programme"}

    with pytest.raises(ValidationError) as refused:
        services.set_mapping(run, {0: "last_name", 1: "last_name", 2: "", 3: ""}, by=world["director"])
    messages = refused.value.message_dict
    assert "column_1" in messages and "Prénom" in messages["__all__"][0] and "Dispositif" in messages["__all__"][0]

    with queued():
        services.set_mapping(
            run, {0: "last_name", 1: "first_name", 2: "birth_date", 3: "programme", 4: ""}, by=world["director"]
        )
    run.refresh_from_db()
    assert run.status == RunStatus.CHECKED and run.counts["people_created"] == 1


def test_the_purge_deletes_waiting_files_and_erases_old_values(structure):
    world = ready(structure)
    run = start(structure, world, [row(status="??")])
    later = run.updated_at + datetime.timedelta(days=services.VALUES_KEPT_DAYS + 1)

    assert services.purge(later) == (1, 1)

    run.refresh_from_db()
    assert run.sealed_file is None and run.status == RunStatus.EXPIRED
    assert run.values_erased and run.problems[0]["value"] == "" and run.problems[0]["message"]


def test_headers_in_the_template_order_need_no_mapping():
    from tremplin.onboarding import columns

    assert columns.matches_template(HEADERS, columns.guess_mapping(HEADERS))


def test_a_file_no_longer_kept_cannot_be_mapped(structure):
    world = ready(structure)
    run = services.cancel(start(structure, world, [row()], headers=["NOM", "Prénom", "Mesure"]))

    with pytest.raises(ValidationError, match="plus conservé"):
        services.set_mapping(run, {0: "last_name", 1: "first_name", 2: "programme"}, by=world["director"])


def test_the_purge_command_reports_what_it_did(structure):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("purge_import_files", stdout=out)
    assert out.getvalue().strip() == "0 file(s) deleted, 0 report(s) erased"


def test_the_import_runs_out_of_the_request_as_the_person_who_confirmed(structure):
    from django.urls import reverse

    world = ready(structure)
    run = start(structure, world, [row()])
    services.request_confirm(run, by=world["director"])  # queued: nothing runs until the task
    assert run.status == RunStatus.IMPORTING and not Person.objects.exists()

    services.process(run.pk, "confirm", world["director"].pk)

    run.refresh_from_db()
    assert run.status == RunStatus.IMPORTED and Person.objects.count() == 1
    entry = AccessLogEntry.objects.filter(part="person").latest("id")
    assert entry.actor_email == world["director"].email
    assert entry.path == reverse("onboarding:run", args=[run.public_id])
    assert services.process(run.pk, "confirm", world["director"].pk) is None  # done once


def test_a_run_replaced_while_it_was_checked_stays_cancelled(structure):
    world = ready(structure)
    first = services.start(structure, name="a.csv", content=csv_bytes([row()]), by=world["director"])
    assert first.status == RunStatus.CHECKING
    start(structure, world, [row()])

    assert services.process(first.pk, "check", world["director"].pk) is None
    first.refresh_from_db()
    assert first.status == RunStatus.CANCELLED
