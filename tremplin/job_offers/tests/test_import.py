"""Importing offers: the report names row, column and problem; only valid rows, only after confirmation, all or nothing."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.employers.factories import CompanyFactory
from tremplin.employers.models import Company
from tremplin.job_offers import services
from tremplin.job_offers.factories import JobOfferFactory
from tremplin.job_offers.models import ImportStatus, JobOffer, OfferImport, OfferSource
from tremplin.structures.factories import StructureFactory

pytestmark = pytest.mark.django_db

HEADER = "code_metier;intitule;entreprise;code_postal;commune;type_contrat;date_debut;horaires;permis"


def future(days=30) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def past(days=3) -> str:
    return (timezone.localdate() - datetime.timedelta(days=days)).isoformat()


def csv_file(*lines: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode("utf-8")


def check(structure, content: bytes, name="offres.csv") -> OfferImport:
    return services.check_file(structure, name=name, content=content, by=None)


def problems(offer_import) -> list[tuple]:
    return [(p["row"], p["column"], p["message"]) for p in offer_import.problems]


def test_valid_rows_are_kept_and_nothing_is_written_before_confirmation(structure):
    result = check(structure, csv_file(f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{future()};jour;oui"))

    assert result.problems == []
    assert len(result.rows) == 1 and result.total_rows == 1
    assert result.rows[0]["horaires"] == ["day"] and result.rows[0]["permis"] is True
    assert not JobOffer.objects.exists()


def test_missing_required_columns_are_reported_and_nothing_is_importable(structure):
    result = check(structure, csv_file("A1203;Jardinier", header="code_metier;intitule;couleur"))

    found = problems(result)
    assert (0, "entreprise", "Colonne obligatoire absente.") in found
    assert (0, "type_contrat", "Colonne obligatoire absente.") in found
    assert any(row == 1 and column == "couleur" and "Colonne inconnue" in message for row, column, message in found)
    assert result.rows == []


def test_an_unknown_job_code_is_reported_with_its_row_and_column(structure):
    result = check(
        structure,
        csv_file(
            f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{future()};jour;non",
            f"Z9999;Inconnu;Verts Jardins;59000;Lille;cdd;{future()};jour;non",
            f"B1234;Inconnu aussi;Verts Jardins;59000;Lille;cdd;{future()};jour;non",
        ),
    )

    assert problems(result) == [
        (3, "code_metier", "Code métier inconnu : Z9999."),
        (4, "code_metier", "Code métier inconnu : B1234."),
    ]
    assert [row["row"] for row in result.rows] == [2]


def test_dates_in_the_past_are_reported(structure):
    header = HEADER + ";date_limite"
    result = check(
        structure,
        csv_file(
            f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{past()};jour;non;",
            f"A1203;Jardinier;Autre;59000;Lille;cdd;{future()};jour;non;{past(1)}",
            header=header,
        ),
    )

    assert problems(result) == [
        (2, "date_debut", "La date de début est passée."),
        (3, "date_limite", "La date limite est passée."),
    ]
    assert result.rows == []


def test_duplicates_within_the_file_and_with_existing_offers_are_reported(structure):
    start = future()
    JobOfferFactory(
        company=CompanyFactory(structure=structure, name="SARL Net Services"),
        job_code="K2204",
        postcode="59100",
        start_date=datetime.date.fromisoformat(start),
    )
    result = check(
        structure,
        csv_file(
            f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{start};jour;non",
            f"A1203;Jardinier bis;VERTS JARDINS;59000;Lille;cdd;{start};jour;non",
            f"K2204;Agent de propreté;Net services;59100;Roubaix;cdi;{start};tot;non",
        ),
    )

    assert problems(result) == [
        (3, "", "Doublon de la ligne 2 (même employeur, métier, lieu et date de début)."),
        (4, "", "Cette offre existe déjà (même employeur, métier, lieu et date de début)."),
    ]
    assert [row["row"] for row in result.rows] == [2]


def refusal(structure, content: bytes, name="offres.csv") -> str:
    """The message the "file" field gets for a file that cannot be read at all; no report is kept."""
    with pytest.raises(ValidationError) as caught:
        check(structure, content, name=name)
    assert not OfferImport.objects.exists()
    return " ".join(caught.value.message_dict["file"])


def test_a_file_not_in_utf8_is_refused_with_its_line(structure):
    content = csv_file("A1203;Jardinier;Verts Jardins;59000;Lille;cdd;;jour;non").decode().replace("Lille", "Lillé")

    message = refusal(structure, content.encode("latin-1"))

    assert "UTF-8" in message and "ligne 2" in message


def test_bad_values_are_named_per_column(structure):
    result = check(
        structure,
        csv_file("A1203;Jardinier;Verts Jardins;59000;Lille;stage;31/02/2027;matin;peut-être"),
    )

    columns = [column for _row, column, _message in problems(result)]
    assert columns == ["type_contrat", "horaires", "date_debut", "permis"]


def test_an_unsupported_or_unreadable_file_is_refused(structure):
    assert "Format non pris en charge" in refusal(structure, b"x", name="offres.pdf")
    assert "XLSX" in refusal(structure, b"not a zip", name="offres.xlsx")


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_xlsx_file_is_read_with_its_dates(structure):
    start = timezone.localdate() + datetime.timedelta(days=10)
    content = xlsx(
        [
            ["Code métier", "Intitulé", "Entreprise", "Code postal", "Commune", "Type contrat", "Date début"],
            [
                "K2204",
                "Agent de propreté",
                "Net Services",
                59100,
                "Roubaix",
                "CDI",
                datetime.datetime.combine(start, datetime.time()),
            ],
        ]
    )

    result = check(structure, content, name="offres.xlsx")

    assert result.problems == []
    assert result.rows[0]["date_debut"] == start.isoformat()
    assert result.rows[0]["code_postal"] == "59100"
    assert result.rows[0]["type_contrat"] == "permanent"


def test_confirming_writes_every_valid_row_and_creates_missing_employers(structure):
    existing = CompanyFactory(structure=structure, name="Verts Jardins")
    result = check(
        structure,
        csv_file(
            f"A1203;Jardinier;Verts jardins;59000;Lille;cdd;{future()};jour;oui",
            "K2204;Agent de propreté;Net Services;59100;Roubaix;cdi;;tot|weekend;non",
            "Z9999;Mauvais;Net Services;59100;Roubaix;cdi;;;non",
        ),
    )
    assert services.new_companies(result) == ["Net Services"]

    assert services.confirm_import(result, by=None) == 2

    offers = JobOffer.objects.order_by("job_code")
    assert [o.company for o in offers][0] == existing
    assert offers[1].company.name == "Net Services" and offers[1].company.relationship_codes == ["hiring"]
    assert offers[1].shift_codes == ["early", "weekend"]
    assert {o.source for o in offers} == {OfferSource.IMPORT}
    result.refresh_from_db()
    assert (result.status, result.imported_count) == (ImportStatus.IMPORTED, 2)


def test_confirmation_is_all_or_nothing_when_the_situation_changed(structure):
    start = future()
    result = check(
        structure,
        csv_file(
            f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{start};jour;non",
            f"K2204;Agent de propreté;Net Services;59100;Roubaix;cdi;{start};tot;non",
        ),
    )
    # Meanwhile a colleague typed the second offer by hand.
    JobOfferFactory(
        company=CompanyFactory(structure=structure, name="Net Services"),
        job_code="K2204",
        postcode="59100",
        start_date=datetime.date.fromisoformat(start),
    )

    with pytest.raises(services.ValidationError, match="Rien n'a été importé"):
        services.confirm_import(result, by=None)

    assert JobOffer.objects.count() == 1
    assert not Company.objects.filter(name="Verts Jardins").exists()


def test_an_import_is_confirmed_once(structure):
    result = check(structure, csv_file(f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{future()};jour;non"))
    services.confirm_import(result, by=None)
    with pytest.raises(services.ValidationError, match="déjà été confirmé"):
        services.confirm_import(result, by=None)
    assert JobOffer.objects.count() == 1


def test_the_sample_file_passes_its_own_check(structure):
    result = check(structure, services.sample_csv().encode("utf-8"))
    assert result.problems == []
    assert len(result.rows) == 2


# --- the pages ---------------------------------------------------------------------------------


def test_a_job_coach_uploads_reads_the_report_then_confirms(client, member, structure):
    coach = member(Role.JOB_COACH)
    client.force_login(coach)
    upload = SimpleUploadedFile(
        "offres.csv",
        csv_file(
            f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{future()};jour;non",
            f"Z9999;Inconnu;Verts Jardins;59000;Lille;cdd;{future()};jour;non",
        ),
    )

    response = client.post(reverse("job_offers:import"), {"file": upload}, follow=True)

    page = response.content.decode()
    assert "Code métier inconnu : Z9999." in page
    assert "Lignes valides : 1 sur 2" in page
    assert not JobOffer.objects.exists()
    offer_import = OfferImport.objects.get()
    assert offer_import.uploaded_by == coach

    response = client.post(
        reverse("job_offers:import_report", args=[offer_import.public_id]), {"action": "confirm"}, follow=True
    )

    assert "1 offre importée." in response.content.decode()
    assert JobOffer.objects.get().created_by == coach


def test_cancelling_imports_nothing(client, member, structure):
    client.force_login(member(Role.JOB_COACH))
    offer_import = check(structure, csv_file(f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{future()};jour;non"))

    client.post(reverse("job_offers:import_report", args=[offer_import.public_id]), {"action": "cancel"})

    offer_import.refresh_from_db()
    assert offer_import.status == ImportStatus.CANCELLED
    assert not JobOffer.objects.exists()


def test_no_file_is_refused_with_a_message(client, member):
    client.force_login(member(Role.JOB_COACH))
    response = client.post(reverse("job_offers:import"), {})
    assert "Choisissez le fichier à importer." in response.content.decode()
    assert not OfferImport.objects.exists()


def test_the_sample_file_is_downloadable(client, member):
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(reverse("job_offers:import_sample"))
    assert response["Content-Disposition"] == 'attachment; filename="modele-offres.csv"'
    assert response.content.decode().startswith("code_metier;intitule;entreprise")


def test_it_refuses_another_structures_import(client, structure):
    offer_import = check(structure, csv_file(f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{future()};jour;non"))
    client.force_login(MembershipFactory(structure=StructureFactory(), role=Role.DIRECTOR).user)

    assert client.get(reverse("job_offers:import_report", args=[offer_import.public_id])).status_code == 404
    assert (
        client.post(
            reverse("job_offers:import_report", args=[offer_import.public_id]), {"action": "confirm"}
        ).status_code
        == 404
    )
    assert not JobOffer.objects.exists()


# --- files built to exhaust the server ---------------------------------------------------------


def post_file(client, member, name: str, content: bytes):
    client.force_login(member(Role.JOB_COACH))
    return client.post(reverse("job_offers:import"), {"file": SimpleUploadedFile(name, content)})


def test_a_5kb_workbook_declaring_200000_rows_is_refused_on_the_file_field(client, member):
    from tremplin.core.tests.tables import sheet_xml, workbook

    header = HEADER.split(";")
    row = ["A1203", "Jardinier", "Verts Jardins", "59000", "Lille", "cdd", future(), "jour", "non"]
    content = workbook(sheet_xml([header, row, row], dimension="A1:ZZ200000"))
    assert len(content) < 5 * 1024

    response = post_file(client, member, "offres.xlsx", content)

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any("200000 lignes et 702 colonnes (A1:ZZ200000)" in error for error in errors)
    assert "A1:ZZ200000" in response.content.decode()
    assert not OfferImport.objects.exists()


def test_a_csv_with_more_rows_than_the_limit_is_refused_on_the_file_field(client, member):
    line = f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{future()};jour;non"
    response = post_file(client, member, "offres.csv", csv_file(*[line] * (services.MAX_ROWS + 1)))

    assert response.context["form"].errors["file"] == [
        "Le fichier a plus de 2000 lignes (limite 2000) : découpez-le en plusieurs fichiers."
    ]
    assert not OfferImport.objects.exists()


def test_a_csv_with_too_many_columns_is_refused_on_the_file_field(client, member):
    header = HEADER + "".join(f";extra{n}" for n in range(60))
    line = f"A1203;Jardinier;Verts Jardins;59000;Lille;cdd;{future()};jour;non" + ";x" * 60

    response = post_file(client, member, "offres.csv", csv_file(line, header=header))

    assert response.context["form"].errors["file"] == ["La ligne 1 a plus de 60 colonnes (limite 60)."]
    assert not OfferImport.objects.exists()


def test_a_damaged_workbook_gets_a_form_error_not_a_server_error(client, member):
    response = post_file(client, member, "offres.xlsx", b"PK\x03\x04 truncated")

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == ["Ce fichier n'est pas un classeur XLSX lisible."]
