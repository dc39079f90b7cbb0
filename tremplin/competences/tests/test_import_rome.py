import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tremplin.competences.models import Competence, CompetenceKind, RomeAppellation, RomeJob
from tremplin.competences.rome import RomeImportError, import_rome

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "rome_sample"
FULL = Path("/work/shared/data/rome-v460")


def _rome_competences():
    return Competence.objects.filter(kind=CompetenceKind.TECHNICAL, structure__isnull=True)


def _counts():
    through = RomeJob.competences.through
    return (
        RomeJob.objects.count(),
        RomeAppellation.objects.count(),
        _rome_competences().count(),
        through.objects.count(),
    )


def test_it_imports_jobs_titles_competences_and_their_links():
    report = import_rome(SAMPLE)

    assert _counts() == (2, 3, 5, 5)
    garden = RomeJob.objects.get(code="Z9901")
    assert sorted(garden.competences.values_list("code", flat=True)) == ["990002", "990003", "990005"]
    assert garden.appellations.count() == 2
    mowing = _rome_competences().get(code="990002")
    assert mowing.rome_code == "990001"
    assert "Savoir-faire" in mowing.rome_category
    assert report.links_created == 5


def test_running_it_twice_changes_nothing():
    import_rome(SAMPLE)
    before = list(_rome_competences().order_by("code").values_list("pk", "code", "name"))

    report = import_rome(SAMPLE)

    assert _counts() == (2, 3, 5, 5)
    assert list(_rome_competences().order_by("code").values_list("pk", "code", "name")) == before
    assert (report.jobs_created, report.competences_created, report.competences_updated, report.links_created) == (
        0,
        0,
        0,
        0,
    )


def test_it_updates_a_renamed_competence_and_drops_a_removed_link(tmp_path):
    import_rome(SAMPLE)
    folder = tmp_path / "rome"
    shutil.copytree(SAMPLE, folder)
    competences = folder / "unix_referentiel_competence_v999_utf8.csv"
    competences.write_text(competences.read_text().replace("Tondre une pelouse", "Tondre un gazon"))
    links = folder / "unix_coherence_item_v999_utf8.csv"
    links.write_text(links.read_text().replace('"Z9901","990003",""\n', ""))

    report = import_rome(folder)

    assert _rome_competences().get(code="990002").name == "Tondre un gazon"
    assert report.links_removed == 1
    assert RomeJob.objects.get(code="Z9901").competences.count() == 2


def test_wrong_columns_are_named_and_nothing_is_imported(tmp_path):
    folder = tmp_path / "rome"
    shutil.copytree(SAMPLE, folder)
    links = folder / "unix_coherence_item_v999_utf8.csv"
    links.write_text(links.read_text().replace('"code_ogr"', '"code_item"', 1))

    with pytest.raises(RomeImportError, match="colonnes manquantes code_ogr"):
        import_rome(folder)
    assert _counts() == (0, 0, 0, 0)


def test_a_file_not_in_utf8_is_refused_with_its_line(tmp_path):
    folder = tmp_path / "rome"
    shutil.copytree(SAMPLE, folder)
    jobs = folder / "unix_referentiel_code_rome_v999_utf8.csv"
    jobs.write_bytes(jobs.read_text().encode("latin-1"))

    with pytest.raises(RomeImportError, match=r"n'est pas encodé en UTF-8 \(ligne 2\)"):
        import_rome(folder)
    assert _counts() == (0, 0, 0, 0)


def test_a_missing_file_is_named(tmp_path):
    folder = tmp_path / "rome"
    shutil.copytree(SAMPLE, folder)
    (folder / "unix_coherence_item_v999_utf8.csv").unlink()

    with pytest.raises(RomeImportError, match="unix_coherence_item"):
        import_rome(folder)


def test_a_title_of_an_unknown_job_stops_everything(tmp_path):
    folder = tmp_path / "rome"
    shutil.copytree(SAMPLE, folder)
    titles = folder / "unix_referentiel_appellation_v999_utf8.csv"
    titles.write_text(titles.read_text().replace('"Z9902","",', '"Z0000","",', 1))

    with pytest.raises(RomeImportError, match="Z0000"):
        import_rome(folder)
    assert _counts() == (0, 0, 0, 0)


def test_the_command_reports_and_fails_cleanly(tmp_path, capsys):
    call_command("import_rome", str(SAMPLE))
    assert "2 métiers" in capsys.readouterr().out

    with pytest.raises(CommandError, match="Rien n'a été importé"):
        call_command("import_rome", str(tmp_path / "absent"))


@pytest.mark.skipif(not FULL.is_dir(), reason="the full ROME v460 extract is not on this machine")
def test_the_full_official_extract_imports():
    import_rome(FULL)

    jobs, titles, competences, links = _counts()
    assert jobs == 1584
    assert titles > 10000
    assert competences > 18000
    assert links > 50000
    assert RomeJob.objects.get(code="A1203").competences.exists()


def test_a_file_longer_or_wider_than_any_extract_is_refused_by_name_and_nothing_is_imported(tmp_path, monkeypatch):
    from tremplin.competences import rome
    from tremplin.core.tables import Limits

    monkeypatch.setattr(rome, "LIMITS", Limits(rows=5, columns=20, file_bytes=10_000_000))
    folder = tmp_path / "rome"
    shutil.copytree(SAMPLE, folder)
    links = folder / "unix_coherence_item_v999_utf8.csv"
    with pytest.raises(RomeImportError, match=r"unix_coherence_item_v999_utf8.csv : Le fichier a plus de 5 lignes"):
        import_rome(folder)
    assert _counts() == (0, 0, 0, 0)

    monkeypatch.setattr(rome, "LIMITS", Limits(rows=100_000, columns=20, file_bytes=10_000_000))
    links.write_text(links.read_text().replace("\n", ",x" * 20 + "\n", 1))
    with pytest.raises(RomeImportError, match=r"unix_coherence_item_v999_utf8.csv : La ligne 1 a plus de 20 colonnes"):
        import_rome(folder)
    assert _counts() == (0, 0, 0, 0)
