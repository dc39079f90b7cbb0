"""The programme's tabs: the welcome step is not the home page, in any language."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "home", "welcome"), [("fr", "Accueil", "Accueil"), ("en", "Home", "Welcome")])
def test_the_welcome_tab_and_the_home_link_have_their_own_words(client, counsellor, pathway, language, home, welcome):
    client.force_login(counsellor)

    response = client.get(reverse("welcome:checklist", args=[pathway.public_id]), HTTP_ACCEPT_LANGUAGE=language)

    html = response.content.decode()
    assert f'<a href="{reverse("dashboards:home")}">{home}</a>' in html
    checklist = reverse("welcome:checklist", args=[pathway.public_id])
    assert f'<a href="{checklist}" aria-current="page">{welcome}</a>' in html
