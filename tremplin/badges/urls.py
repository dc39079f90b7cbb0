from django.urls import path

from . import views

app_name = "badges"
urlpatterns = [
    path("", views.achievements, name="achievements"),
    path("emetteur/", views.issuer, name="issuer"),
    path("nouveau/", views.achievement_create, name="achievement_create"),
    path("definition/<uuid:public_id>/", views.achievement_edit, name="achievement_edit"),
    path("attribution-groupee/", views.bulk_award, name="bulk"),
    path("parcours/<uuid:pathway_id>/", views.pathway_badges, name="pathway"),
    path("parcours/<uuid:pathway_id>/attribuer/", views.award_create, name="award_create"),
    path("attribue/<uuid:public_id>/", views.award_detail, name="award"),
    path("attribue/<uuid:public_id>/attestation.json", views.award_json, name="award_json"),
    path("attribue/<uuid:public_id>/badge.svg", views.award_svg, name="award_svg"),
    path("attribue/<uuid:public_id>/badge.png", views.award_png, name="award_png"),
    path("attribue/<uuid:public_id>/revoquer/", views.revoke, name="revoke"),
    # Public: no sign-in.
    path("verifier/<uuid:public_id>/", views.verify, name="verify"),
    path("issuers/<uuid:public_id>/did.json", views.did_document, name="did_document"),
]
