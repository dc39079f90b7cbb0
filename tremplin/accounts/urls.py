from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views, views_mfa
from .forms import EmailAuthenticationForm, InvitationAwarePasswordResetForm

app_name = "accounts"
urlpatterns = [
    path(
        "connexion/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=EmailAuthenticationForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    # Django's LogoutView answers POST only (GET is 405).
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "mot-de-passe/oubli/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            form_class=InvitationAwarePasswordResetForm,
            email_template_name="accounts/emails/password_reset.txt",
            subject_template_name="accounts/emails/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "mot-de-passe/oubli/envoye/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/choisir/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/choisi/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("profil/", views.profile, name="profile"),
    path("langue/", views.set_language, name="set_language"),
    path("structure/", views.switch_structure, name="switch_structure"),
    path("equipe/", views.members, name="members"),
    path("equipe/ajouter/", views.member_add, name="member_add"),
    path("equipe/<uuid:public_id>/", views.member_edit, name="member_edit"),
    path("double-authentification/", views_mfa.mfa, name="mfa"),
    path("double-authentification/activer/", views_mfa.mfa_enrol, name="mfa_enrol"),
    path("double-authentification/code/", views_mfa.mfa_verify, name="mfa_verify"),
]
