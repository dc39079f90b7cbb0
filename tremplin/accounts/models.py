from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tremplin.core.models import PublicModel
from tremplin.core.visibility import levels_readable
from tremplin.structures.models import Structure

from .roles import ROLE_HOME, Capability, Role, role_can, roles_holding


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def holding(self, responsibility: str, structure):
        """Active accounts whose active membership in `structure` grants `responsibility` (roles.Responsibility),
        by name: the one list every staff picker offers. A role held in another structure does not count."""
        memberships = Membership.objects.holding(responsibility).filter(structure=structure)
        return self.filter(is_active=True, pk__in=memberships.values("user_id")).order_by(
            "last_name", "first_name", "email"
        )

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A staff or partner account. People supported get their own portal later."""

    username = None
    email = models.EmailField(_("adresse électronique"), unique=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    language = models.CharField(
        _("langue de l'interface"), max_length=5, blank=True, choices=[("fr", "Français"), ("en", "English")]
    )
    # Kept equal to "has a confirmed django-otp device" by signals.sync_second_factor: the user row is read on
    # every request anyway, so every session of the user sees an enrolment at once, without a query of its own.
    has_second_factor = models.BooleanField(_("double authentification activée"), default=False, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("compte")
        verbose_name_plural = _("comptes")

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def holding(self, responsibility: str):
        """Active memberships whose role grants `responsibility` (see roles.Responsibility)."""
        return self.active().filter(role__in=roles_holding(responsibility))


class Membership(PublicModel):
    """A user's role in one structure. A user may hold memberships in several structures."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("actif"), default=True)
    job_title = models.CharField(_("intitulé du poste"), max_length=120, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["structure__name", "user__last_name"]
        verbose_name = _("membre")
        verbose_name_plural = _("membres")
        constraints = [models.UniqueConstraint(fields=["user", "structure"], name="one_membership_per_structure")]

    def __str__(self) -> str:
        return f"{self.user} — {self.structure} ({self.get_role_display()})"

    def can(self, capability: str) -> bool:
        return self.is_active and role_can(self.role, capability)

    @property
    def readable_levels(self) -> frozenset[str]:
        """The visibility levels this member reads (core.visibility.Reader; decision 0008)."""
        return levels_readable(social_staff=self.can(Capability.READ_SOCIAL_STAFF_ONLY))

    @property
    def home(self) -> str:
        """The member's first screen (roles.Home)."""
        return ROLE_HOME.get(self.role, "")
