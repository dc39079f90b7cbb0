from django.urls import path

from . import structure_views as views

# The structure's settings and worksites keep their `structures:` names; the pages live in dashboards
# because they read accounts and contracts, which the `structures` models sit below.
app_name = "structures"
# Mounted under "structure/", whose bare path belongs to dashboards:structure.
urlpatterns = [
    path("parametres/", views.structure_settings, name="settings"),
    path("chantiers/", views.worksites, name="worksites"),
    path("chantiers/nouveau/", views.worksite_create, name="worksite_create"),
    path("chantiers/<uuid:public_id>/", views.worksite_edit, name="worksite_edit"),
]
