"""Forms of the accounts app: sign-in, password reset, profile and team management.

Team rules that protect a structure (always one active director, only the
direction grants the direction role) live in the forms' `clean` so that a
refusal is a message on the field concerned.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UsernameField
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from tremplin.core.concurrency import ConcurrentEditMixin

from .models import Membership, User
from .roles import Capability, Role
from .throttle import password_reset_allowed

phone_validator = RegexValidator(
    r"^[0-9+().\- ]*$",
    _("Le numéro de téléphone ne peut contenir que des chiffres, des espaces et les signes + . - ( )."),
)


class EmailAuthenticationForm(AuthenticationForm):
    """Sign-in with the email address; the address is compared in lower case, as it is stored."""

    username = UsernameField(
        label=_("Adresse électronique"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        # Django builds "Saisissez un %(username)s…" from the field's name, which gives "un adresse" in French.
        "invalid_login": _(
            "Adresse électronique ou mot de passe incorrect. Vérifiez les deux ; le mot de passe distingue les "
            "majuscules des minuscules."
        ),
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


class InvitationAwarePasswordResetForm(PasswordResetForm):
    """Django's reset form, which also serves people whose invitation link has expired.

    Django skips accounts without a usable password (accounts managed
    elsewhere); here such accounts are invited staff who never chose one.
    """

    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def get_users(self, email: str):
        return User._default_manager.filter(email__iexact=email.strip(), is_active=True)

    def save(self, *args, request=None, **kwargs) -> None:
        """Sends the link unless the address or the client asked too often: the page that follows is the same
        either way, so it tells nothing about the address (PasswordResetView always passes the request)."""
        if request is not None and not password_reset_allowed(request, self.cleaned_data["email"]):
            return
        super().save(*args, request=request, **kwargs)


class ProfileForm(forms.ModelForm):
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    phone = forms.CharField(label=_("Téléphone"), max_length=30, required=False, validators=[phone_validator])
    language = forms.ChoiceField(
        label=_("Langue de l'interface"),
        required=False,
        choices=[("", _("Celle du navigateur"))] + list(settings.LANGUAGES),
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone", "language"]


class MemberAddForm(forms.Form):
    """Adds a team member: an existing account is attached, otherwise an account is created and invited."""

    email = forms.EmailField(label=_("Adresse électronique"), max_length=254)
    first_name = forms.CharField(
        label=_("Prénom"), max_length=150, help_text=_("Le compte existant garde son nom s'il y en a déjà un.")
    )
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices)
    job_title = forms.CharField(label=_("Intitulé du poste"), max_length=120, required=False)

    def __init__(self, *args, structure, acting: Membership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.structure = structure
        self.acting = acting

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(structure=self.structure, user__email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "Cette adresse appartient déjà à un membre de l'équipe de cette structure : "
                    "modifiez son rôle depuis la liste de l'équipe."
                ),
                code="already_member",
            )
        return email

    def clean_role(self) -> str:
        role = self.cleaned_data["role"]
        if role == Role.DIRECTOR and not self.acting.can(Capability.APPOINT_DIRECTION):
            raise forms.ValidationError(
                _("Seul un membre de la direction peut attribuer le rôle de direction."), code="director_only"
            )
        return role

    def save(self) -> tuple[Membership, bool]:
        """Returns the membership and whether a new account was created (and must be invited)."""
        data = self.cleaned_data
        user = User.objects.filter(email__iexact=data["email"]).first()
        created = user is None
        if created:
            user = User.objects.create_user(
                email=data["email"], password=None, first_name=data["first_name"], last_name=data["last_name"]
            )
        membership = Membership.objects.create(
            user=user, structure=self.structure, role=data["role"], job_title=data["job_title"]
        )
        return membership, created


class MemberEditForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "job_title", "is_active"]

    def __init__(self, *args, acting: Membership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.acting = acting
        self.was_role = self.instance.role
        self.was_active = self.instance.is_active

    def clean(self) -> dict:
        cleaned = super().clean()
        role = cleaned.get("role")
        is_active = cleaned.get("is_active")
        if role is None or is_active is None:
            return cleaned
        role_changed = role != self.was_role
        active_changed = is_active != self.was_active
        was_director = self.was_role == Role.DIRECTOR and self.was_active

        if not self.acting.can(Capability.APPOINT_DIRECTION):
            if role_changed and role == Role.DIRECTOR:
                self.add_error("role", _("Seul un membre de la direction peut attribuer le rôle de direction."))
                return cleaned
            if self.was_role == Role.DIRECTOR and (role_changed or active_changed):
                field = "role" if role_changed else "is_active"
                self.add_error(
                    field,
                    _("Seul un membre de la direction peut changer le rôle ou l'état d'un membre de la direction."),
                )
                return cleaned

        if was_director and (role != Role.DIRECTOR or not is_active) and not self._other_active_directors():
            message = _(
                "La structure doit toujours garder au moins un membre actif de la direction : "
                "donnez d'abord le rôle de direction à une autre personne."
            )
            self.add_error("role" if role != Role.DIRECTOR else "is_active", message)
        return cleaned

    def _other_active_directors(self) -> list[Membership]:
        # Rows are locked (PostgreSQL) so that two directors cannot demote each other at the same time.
        return list(
            Membership.objects.select_for_update()
            .filter(structure_id=self.instance.structure_id, role=Role.DIRECTOR, is_active=True)
            .exclude(pk=self.instance.pk)
        )
