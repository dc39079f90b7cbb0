from django.urls import path

from . import views

app_name = "competences"
urlpatterns = [
    path("referentiel/", views.referential, name="referential"),
    path("referentiel/rome/", views.rome_selection, name="rome_selection"),
    path("referentiel/nouvelle/", views.own_create, name="own_create"),
    path("referentiel/<uuid:public_id>/", views.own_edit, name="own_edit"),
    path("referentiel/proposer/", views.propose, name="propose"),
    path("referentiel/<uuid:public_id>/approuver/", views.proposal_approve, name="proposal_approve"),
    path("referentiel/<uuid:public_id>/refuser/", views.proposal_refuse, name="proposal_refuse"),
    path("parcours/<uuid:pathway_id>/", views.pathway_sessions, name="pathway"),
    path("parcours/<uuid:pathway_id>/nouvelle-seance/", views.session_create, name="session_create"),
    path("seance/<uuid:public_id>/", views.session_detail, name="session"),
    path("seance/<uuid:public_id>/ma-grille/", views.coach_grid, name="coach_grid"),
    path("seance/<uuid:public_id>/auto-evaluation-en-entretien/", views.self_face_to_face, name="self_face_to_face"),
    path("seance/<uuid:public_id>/lien/", views.self_link, name="self_link"),
    path("seance/<uuid:public_id>/commentaires/", views.comments, name="comments"),
    path("seance/<uuid:public_id>/preuve/", views.evidence_add, name="evidence_add"),
    path("seance/<uuid:public_id>/ajouter-competence/", views.competence_add, name="competence_add"),
    path("auto-evaluation/<str:token>/", views.self_evaluation, name="self_evaluation"),
]
