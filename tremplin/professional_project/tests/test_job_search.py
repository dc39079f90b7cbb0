"""Jobs by name: the built-in list and the imported referential, accents ignored, and the autocomplete's pages."""

import time
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.competences.factories import RomeAppellationFactory, RomeJobFactory
from tremplin.competences.rome import import_rome
from tremplin.professional_project.jobs import search_jobs
from tremplin.professional_project.models import TargetJob

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "competences" / "tests" / "rome_sample"
FULL = Path("/work/shared/data/rome-v460")


def _pairs(query, **kwargs):
    return [(job.title, job.code) for job in search_jobs(query, **kwargs)]


def test_a_name_typed_without_accents_finds_the_built_in_job_and_its_code():
    assert ("Agent·e d'entretien des espaces verts", "A1203") in _pairs("agent entretien espaces verts")
    assert ("Maçon·ne", "F1703") in _pairs("macon")
    assert ("Élagueur·se", "A1209") in _pairs("ELAGUEUR")
    assert ("Préparateur·rice de commandes", "N1103") in _pairs("preparateur commandes")


def test_with_three_words_or_more_the_other_heads_of_the_same_job_follow():
    found = _pairs("agent entretien espaces verts")
    assert found[0] == ("Agent·e d'entretien des espaces verts", "A1203")
    assert ("Chef·fe d'équipe en espaces verts", "A1211") not in found  # "entretien" is still required
    assert found.index(("Agent·e d'entretien des espaces verts", "A1203")) == 0


def test_every_word_must_be_found_and_the_first_word_ranks_first():
    found = _pairs("agent tri")
    assert found and all("tri" in title.lower() and "agent" in title.lower() for title, _ in found)
    assert found[0][0].lower().startswith("agent")
    assert _pairs("cariste astronaute") == []


def test_a_rome_code_gives_the_jobs_of_that_sheet():
    found = _pairs("a1203")
    assert found and {code for _, code in found} == {"A1203"}


def test_a_query_of_stop_words_or_one_letter_finds_nothing():
    assert _pairs("de la") == []
    assert _pairs("a") == []
    assert _pairs("   ") == []


def test_after_import_the_referentials_appellations_are_searched_too():
    import_rome(SAMPLE)
    found = search_jobs("jardiniere espaces publics")
    assert [(job.title, job.code) for job in found] == [("Jardinier / Jardinière d'espaces publics", "Z9901")]
    assert found[0].sheet  # the referential's job sheet is named


def test_an_appellation_saved_one_by_one_is_searchable():
    RomeAppellationFactory(job=RomeJobFactory(code="A1203"), title="Agent / Agente de fleurissement communal")
    assert ("Agent / Agente de fleurissement communal", "A1203") in _pairs("fleurissement")


@pytest.mark.skipif(not FULL.is_dir(), reason="the full ROME v460 extract is not on this machine")
def test_the_whole_referential_is_searched_fast_enough():
    import_rome(FULL)
    found = _pairs("agent entretien espaces verts")
    assert found[:2] == [
        ("Agent·e d'entretien des espaces verts", "A1203"),
        ("Agent / Agente d'entretien des espaces verts", "A1203"),
    ]
    # The other names of the green-space jobs follow, with their codes.
    assert ("Ouvrier / Ouvrière d'entretien des espaces verts", "A1203") in found
    assert ("Chef / Cheffe d'équipe d'entretien des espaces verts", "A1211") in found
    started = time.perf_counter()
    for query in ("agent entretien espaces verts", "macon", "preparateur commandes", "aide a domicile", "cuisinier"):
        search_jobs(query)
    per_search = (time.perf_counter() - started) / 5
    assert per_search < 0.25, f"{per_search * 1000:.0f} ms per search"


# The autocomplete's fragment and the full search page.


def test_the_suggestions_are_options_of_a_listbox_with_their_code(client, member):
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(
        reverse("professional_project:job_suggestions"), {"q": "espaces verts", "listbox": "id_title-options"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="option" id="id_title-options-1"' in html
    assert 'data-code="A1203"' in html and 'data-title="Agent·e d&#x27;entretien des espaces verts"' in html
    assert 'id="id_title-options-status" hx-swap-oob="innerHTML"' in html
    assert "proposés" in html


def test_no_suggestion_says_so_and_a_forged_listbox_id_is_not_echoed(client, member):
    client.force_login(member(Role.JOB_COACH))
    response = client.get(
        reverse("professional_project:job_suggestions"), {"q": "astronaute", "listbox": '"><script>x</script>'}
    )
    html = response.content.decode()
    assert "Aucun métier trouvé" in html and "<script>" not in html
    assert 'id="job-options-status"' in html


def test_the_suggestions_read_the_referential_in_one_query(client, member, django_assert_num_queries):
    import_rome(SAMPLE)
    client.force_login(member(Role.COUNSELLOR))
    url = reverse("professional_project:job_suggestions")
    client.get(url, {"q": "jardinier"})
    with CaptureQueriesContext(connection) as one:
        client.get(url, {"q": "jardinier"})
    with CaptureQueriesContext(connection) as none:
        client.get(url, {"q": "j"})
    assert len(one.captured_queries) == len(none.captured_queries) + 1


def test_the_full_search_page_works_without_a_script(client, member):
    client.force_login(member(Role.COUNSELLOR))
    response = client.get(reverse("professional_project:job_search"), {"q": "agent entretien espaces verts"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Agent·e d&#x27;entretien des espaces verts" in html and ">A1203</td>" in html
    assert client.get(reverse("professional_project:job_search")).status_code == 200


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.PARTNER, Role.DPO, Role.ADMIN])
def test_who_never_chooses_a_job_gets_403(client, member, role):
    client.force_login(member(role))
    assert client.get(reverse("professional_project:job_suggestions"), {"q": "macon"}).status_code == 403
    assert client.get(reverse("professional_project:job_search"), {"q": "macon"}).status_code == 403


def test_a_name_of_the_referential_typed_without_script_gets_its_code(client, member, make_pathway):
    import_rome(SAMPLE)
    pathway = make_pathway()
    client.force_login(member(Role.COUNSELLOR))
    response = client.post(
        reverse("professional_project:list", args=[pathway.public_id]),
        {"title": "Ouvrier / Ouvrière du paysage", "status": "to_explore"},
    )
    assert response.status_code == 302
    assert TargetJob.objects.get(pathway=pathway).job_code == "Z9901"


def test_the_offer_form_chooses_its_job_with_the_autocomplete(client, member):
    client.force_login(member(Role.JOB_COACH))
    html = client.get(reverse("job_offers:create")).content.decode()
    assert 'id="id_job_code"' in html and 'role="combobox"' in html
    assert 'data-job-value="code"' in html and 'data-job-title-field="id_title"' in html


def test_the_combobox_fills_the_code_field_of_the_same_form_prefix():
    from tremplin.applications.forms import ApplicationForm
    from tremplin.professional_project.forms import TargetJobForm
    from tremplin.structures.factories import StructureFactory

    html = str(TargetJobForm(prefix="projet")["title"])
    assert 'id="id_projet-title"' in html and 'data-job-code-field="id_projet-job_code"' in html
    assert 'aria-controls="id_projet-title-options"' in html and 'id="id_projet-title-options"' in html
    html = str(ApplicationForm(structure=StructureFactory())["job_title"])
    assert 'role="combobox"' in html and 'data-job-code-field="id_job_code"' in html
