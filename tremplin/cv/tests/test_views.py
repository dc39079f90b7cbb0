import json

import pytest
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.audit.models import AccessLogEntry
from tremplin.cv.models import CvDraft
from tremplin.pathways.factories import PathwayFactory
from tremplin.portfolio.factories import ExperienceFactory

pytestmark = pytest.mark.django_db


def _url(name, person, query=""):
    return reverse(f"cv:{name}", args=[person.public_id]) + query


def test_reading_the_editor_writes_nothing_and_shows_the_defaults(client, pathway, coach):
    ExperienceFactory(person=pathway.person, title="Vendeur")
    client.force_login(coach)

    response = client.get(_url("edit", pathway.person))

    assert response.status_code == 200
    assert "Vendeur" in response.content.decode()
    assert not CvDraft.objects.exists()


def test_the_counsellor_and_the_person_choose_what_the_cv_shows(client, pathway, coach):
    kept = ExperienceFactory(person=pathway.person, title="Vendeur")
    ExperienceFactory(person=pathway.person, title="Plongeur")
    client.force_login(coach)
    form = client.get(_url("edit", pathway.person)).context["form"]
    index = {key: i for i, key in form.keys.items()}
    data = {"language": "en", "headline": "Shop assistant", "summary": "Ready to work.", "show_email": "on"}
    data[f"item_{index[f'experience:{kept.public_id}']}_include"] = "on"
    data[f"item_{index[f'experience:{kept.public_id}']}_rank"] = "1"

    response = client.post(_url("edit", pathway.person), data)

    assert response.status_code == 302
    draft = CvDraft.objects.get(person=pathway.person)
    assert draft.language == "en"
    assert draft.headline == "Shop assistant"
    assert draft.ranks == {f"experience:{kept.public_id}": 1}
    assert len(draft.hidden) == 1
    preview = client.get(_url("preview", pathway.person)).content.decode()
    assert "Vendeur" in preview and "Plongeur" not in preview
    assert "Experience" in preview  # the section headings follow the CV's language


def test_a_bad_position_is_refused_with_its_field(client, pathway, coach):
    ExperienceFactory(person=pathway.person)
    client.force_login(coach)

    response = client.post(_url("edit", pathway.person), {"language": "fr", "item_0_include": "on", "item_0_rank": "0"})

    assert response.status_code == 200
    assert response.context["form"].errors["item_0_rank"]
    assert not CvDraft.objects.exists()


def test_the_pdf_is_a_logged_download_in_the_chosen_language(client, pathway, coach):
    ExperienceFactory(person=pathway.person, title="Vendeur")
    client.force_login(coach)

    response = client.get(_url("pdf", pathway.person, "?langue=en"))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('-en.pdf"')
    assert AccessLogEntry.objects.filter(part="cv", action="export").count() == 1


def test_a_full_file_still_prints_on_one_page(pathway):
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from tremplin.cv.content import build_cv
    from tremplin.portfolio.factories import CertificationFactory, TrainingFactory

    for index in range(12):
        ExperienceFactory(person=pathway.person, title=f"Poste {index}", description="Tâches variées. " * 40)
        TrainingFactory(person=pathway.person, title=f"Formation {index}", description="Contenu. " * 40)
        CertificationFactory(person=pathway.person, name=f"Habilitation {index}")
    draft = CvDraft(person=pathway.person, headline="Agent polyvalent", summary="Présentation. " * 28)

    html = render_to_string("cv/cv_pdf.html", {"cv": build_cv(pathway.person, draft), "cv_language": "fr"})

    assert len(HTML(string=html).render().pages) == 1


def test_the_json_resume_is_a_logged_download(client, pathway, coach):
    ExperienceFactory(person=pathway.person, title="Vendeur", organisation="Épicerie")
    client.force_login(coach)

    response = client.get(_url("json", pathway.person))

    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert json.loads(response.content)["work"][0]["position"] == "Vendeur"
    assert AccessLogEntry.objects.filter(part="cv", action="export").count() == 1


def test_it_refuses_another_structures_person(client, coach):
    other = PathwayFactory().person
    client.force_login(coach)

    for name in ("edit", "preview", "pdf", "json"):
        assert client.get(_url(name, other)).status_code == 404


def test_a_supervisor_of_the_team_gets_no_cv(client, pathway, member):
    supervisor = member(Role.SUPERVISOR)
    pathway.supervisor = supervisor
    pathway.save()
    client.force_login(supervisor)

    assert client.get(_url("pdf", pathway.person)).status_code == 403
