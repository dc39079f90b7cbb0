from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("tremplin.dashboards.urls")),
    path("comptes/", include("tremplin.accounts.urls")),
    path("structure/", include("tremplin.dashboards.structure_urls")),
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
    path("competences/", include("tremplin.competences.urls")),
    path("portfolio/", include("tremplin.portfolio.urls")),
    path("badges/", include("tremplin.badges.urls")),
    path(".well-known/did.json", include("tremplin.badges.well_known")),
    path("partenaires/", include("tremplin.partners.urls")),
    path("orientations/", include("tremplin.orientations.urls")),
    path("espace-partenaire/", include("tremplin.partner_portal.urls")),
    path("reunions/", include("tremplin.review_meetings.urls")),
    path("ateliers/", include("tremplin.workshops.urls")),
    path("passation/", include("tremplin.handover.urls")),
    path("entreprises/", include("tremplin.employers.urls")),
    path("offres/", include("tremplin.job_offers.urls")),
    path("reprise/", include("tremplin.onboarding.urls")),
    path("rapprochement/", include("tremplin.matching.urls")),
    path("candidatures/", include("tremplin.applications.urls")),
    path("immersions/", include("tremplin.immersions.urls")),
    path("cv/", include("tremplin.cv.urls")),
    path("sorties/", include("tremplin.exits.urls")),
    path("indicateurs/", include("tremplin.indicators.urls")),
    path("recherche/", include("tremplin.search.urls")),
    path("emplois-inclusion/", include("tremplin.les_emplois.urls")),
    path("api/v1/", include("tremplin.api.urls")),
    path("structure/api/", include("tremplin.api.token_urls")),
    path("exports/", include("tremplin.exports.urls")),
    path("notifications/", include("tremplin.notifications.urls")),
    path("agenda/", include("tremplin.calendars.urls")),
    path("messages/", include("tremplin.messaging.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("tremplin.core.urls")),
]

if settings.DEBUG or getattr(settings, "ADMIN_ENABLED", False):
    urlpatterns.append(path("admin/", admin.site.urls))

# Error pages in the product's layout and the reader's language (tremplin/core/errors.py).
handler400 = "tremplin.core.errors.bad_request"
handler403 = "tremplin.core.errors.permission_denied"
handler404 = "tremplin.core.errors.page_not_found"
handler500 = "tremplin.core.errors.server_error"
