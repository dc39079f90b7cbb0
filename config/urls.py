from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("tremplin.dashboards.urls")),
    path("comptes/", include("tremplin.accounts.urls")),
    path("structure/", include("tremplin.structures.urls")),
    path("dispositifs/", include("tremplin.programmes.urls")),
    path("personnes/", include("tremplin.people.urls")),
    path("parcours/", include("tremplin.pathways.urls")),
    path("eligibilite/", include("tremplin.eligibility.urls")),
    path("contrats/", include("tremplin.contracts.urls")),
    path("journal/", include("tremplin.audit.urls")),
    path("consentements/", include("tremplin.consent.urls")),
    path("conservation/", include("tremplin.retention.urls")),
    path("droits/", include("tremplin.rights.urls")),
    path("documents/", include("tremplin.documents.urls")),
    path("accueil/", include("tremplin.welcome.urls")),
    path("projet/", include("tremplin.professional_project.urls")),
    path("freins/", include("tremplin.barriers.urls")),
    path("boite-a-outils/", include("tremplin.toolbox.urls")),
    path("plan/", include("tremplin.action_plan.urls")),
    path("entretiens/", include("tremplin.interviews.urls")),
    path("observations/", include("tremplin.observations.urls")),
    path("chronologie/", include("tremplin.timeline.urls")),
    path("programme/", include("tremplin.programme_documents.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("tremplin.core.urls")),
]

if settings.DEBUG or getattr(settings, "ADMIN_ENABLED", False):
    urlpatterns.append(path("admin/", admin.site.urls))
