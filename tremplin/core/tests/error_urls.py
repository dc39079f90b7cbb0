"""The site's URLs plus one view that fails, to see the 500 page as users would."""

from django.urls import path

from config.urls import handler400, handler403, handler404, handler500  # noqa: F401 - Django reads them here
from config.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [path("en-panne/", broken), *site_urlpatterns]
