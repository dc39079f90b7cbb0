"""French elides "de" before a vowel: "la fiche d'Awa", never "la fiche de Awa" (issue 14)."""

import html

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from tremplin.accounts.roles import Role
from tremplin.core.elision import elide_de, format_elided
from tremplin.pathways.factories import PathwayFactory
from tremplin.people.factories import PersonFactory


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Awa Diallo", "la fiche d'Awa Diallo"),
        ("Inès Martin", "la fiche d'Inès Martin"),
        ("élodie Petit", "la fiche d'élodie Petit"),
        ("Yves Morel", "la fiche d'Yves Morel"),
        ("Ousmane Ba", "la fiche d'Ousmane Ba"),
        ("Karim Benali", "la fiche de Karim Benali"),
        ("Hamid Saïdi", "la fiche de Hamid Saïdi"),
        ("Hugo Roux", "la fiche de Hugo Roux"),
        ("Yasmine Haddad", "la fiche de Yasmine Haddad"),
    ],
)
def test_de_is_elided_before_a_name_starting_with_a_vowel(name, expected):
    assert elide_de(f"la fiche de {name}", [name]) == expected


def test_only_the_de_before_the_interpolated_value_changes():
    assert elide_de("Suivi de 6 mois de Awa de Oliveira", ["Awa de Oliveira"]) == "Suivi de 6 mois d'Awa de Oliveira"
    assert elide_de("Monde Awa", ["Awa"]) == "Monde Awa"
    assert elide_de("De Awa", ["Awa"]) == "D'Awa"


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load i18n %}" + source).render(Context(context))


def test_every_blocktranslate_elides_in_french_and_only_in_french():
    source = "{% blocktranslate with name=person %}Carnet de {{ name }}{% endblocktranslate %}"
    assert render(source, "fr", person="Awa") == "Carnet d'Awa"
    assert render(source, "fr", person="Karim") == "Carnet de Karim"
    assert render(source, "en", person="Awa") == "Carnet de Awa"  # no English msgstr for this test text
    stored = "{% blocktranslate with name=person asvar title %}Carnet de {{ name }}{% endblocktranslate %}[{{ title }}]"
    assert render(stored, "fr", person="Inès") == "[Carnet d'Inès]"


def test_an_escaped_name_is_elided_and_stays_escaped():
    source = "{% blocktranslate with name=person %}Carnet de {{ name }}{% endblocktranslate %}"
    assert render(source, "fr", person="Awa <b>") == "Carnet d'Awa &lt;b&gt;"


@pytest.fixture
def signed_in(client, member):
    client.force_login(member(Role.COUNSELLOR))
    return client


def page(client, url: str, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def person_named(structure, first_name):
    person = PersonFactory(structure=structure, first_name=first_name, last_name="Diallo")
    return person, PathwayFactory(person=person, structure=structure)


@pytest.mark.django_db
@pytest.mark.parametrize(("first_name", "of_name"), [("Awa", "d'Awa"), ("Inès", "d'Inès"), ("Karim", "de Karim")])
def test_person_consents_and_badges_pages_elide_de_before_the_name(signed_in, structure, first_name, of_name):
    person, pathway = person_named(structure, first_name)
    full = f"{of_name} Diallo"
    person_page = page(signed_in, reverse("people:detail", args=[person.public_id]))
    assert f"Gérer l'information et les consentements {full}" in person_page
    consents_page = page(signed_in, reverse("consent:person", args=[person.public_id]))
    assert f"Revenir à la fiche {full}" in consents_page
    badges_page = page(signed_in, reverse("badges:pathway", args=[pathway.public_id]))
    assert f"<title>Badges {full}" in badges_page
    assert "de Awa" not in badges_page + consents_page + person_page
    assert "de Inès" not in badges_page + consents_page + person_page


@pytest.mark.django_db
def test_english_pages_keep_their_wording(signed_in, structure):
    person, pathway = person_named(structure, "Awa")
    english = page(signed_in, reverse("consent:person", args=[person.public_id]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Return to Awa Diallo's record" in english


def test_messages_written_in_python_elide_in_french_only():
    with translation.override("fr"):
        assert format_elided("Le consentement de %(name)s est enregistré.", name="Inès") == (
            "Le consentement d'Inès est enregistré."
        )
    with translation.override("en"):
        assert format_elided("Le consentement de %(name)s", name="Inès") == "Le consentement de Inès"
