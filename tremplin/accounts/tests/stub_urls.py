"""Project URLs, plus placeholders for the URL names base.html needs that other apps do not serve yet.

Only used by the tests of accounts, structures and programmes while the
dashboards and people apps are being written; a name the project already
serves is never replaced.
"""

from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse

from config import urls as project_urls

NEEDED = {"dashboards": [("home", ""), ("structure", "structure/")], "people": [("list", "personnes/")]}


def _placeholder(request, *args, **kwargs):
    return HttpResponse("placeholder")


def _served(name: str) -> bool:
    try:
        reverse(name, urlconf=project_urls)
    except NoReverseMatch:
        return False
    return True


def missing_namespaces() -> list[str]:
    return [ns for ns, names in NEEDED.items() if not all(_served(f"{ns}:{n}") for n, _ in names)]


urlpatterns = list(project_urls.urlpatterns)
for namespace in missing_namespaces():
    stub = [path(route, _placeholder, name=name) for name, route in NEEDED[namespace]]
    urlpatterns.insert(0, path("", include((stub, namespace))))
