"""Forms of the structure settings and worksites."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.forms import phone_validator
from tremplin.accounts.models import User
from tremplin.accounts.roles import Responsibility
from tremplin.core.concurrency import ConcurrentEditMixin
from tremplin.core.forms import BoundedModelMultipleChoiceField
from tremplin.core.postcodes import validate_postcode
from tremplin.structures.models import Country, Structure, Worksite
from tremplin.structures.siret import normalise_siret, siret_problem


class StructureSettingsForm(ConcurrentEditMixin, forms.ModelForm):
    """What the direction may change; the kind of structure decides the rules and is not edited here."""

    class Meta:
        model = Structure
        fields = [
            "name",
            "siret",
            "registration_number",
            "address",
            "postcode",
            "city",
            "phone",
            "email",
            "total_workers",
            "mfa_required",
        ]

    def __init__(self, *args, can_set_mfa: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phone"].validators.append(phone_validator)
        # Typed as printed ("732 829 320 00074"): the spaces go in clean_siret, the 14 digits are checked there.
        self.fields["siret"] = forms.CharField(
            label=_("SIRET"), max_length=20, required=False, help_text=Structure._meta.get_field("siret").help_text
        )
        # The sign-in policy is the direction's decision alone: others do not see the field.
        if not can_set_mfa:
            del self.fields["mfa_required"]

    def clean_postcode(self) -> str:
        return validate_postcode(self.cleaned_data.get("postcode", ""), self.instance.country)

    def clean_siret(self) -> str:
        siret = normalise_siret(self.cleaned_data.get("siret", ""))
        if not siret:
            return ""
        if self.instance.country != Country.FRANCE:
            raise forms.ValidationError(
                _("Le SIRET ne concerne que les structures françaises : laissez ce champ vide.")
            )
        problem = siret_problem(siret)
        if problem:
            raise forms.ValidationError(problem)
        if Structure.objects.filter(siret=siret).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Ce SIRET est déjà celui d'une autre structure de Tremplin."))
        return siret


class SupervisorChoiceField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.email


class WorksiteForm(ConcurrentEditMixin, forms.ModelForm):
    supervisors = SupervisorChoiceField(
        label=_("Encadrant·es techniques"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Membres actifs de l'équipe ayant le rôle d'encadrant·e technique."),
    )

    capacity = forms.IntegerField(label=_("Capacité (postes)"), min_value=1, max_value=1000, initial=12)

    class Meta:
        model = Worksite
        fields = ["name", "activity", "address", "postcode", "city", "capacity", "supervisors", "is_active"]

    def __init__(self, *args, structure: Structure, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.structure = structure
        self.fields["supervisors"].queryset = User.objects.holding(Responsibility.SUPERVISOR, structure)

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        # Compared in Python: SQLite ignores the case of ASCII letters only ("Bâtiment" / "BÂTIMENT").
        others = Worksite.objects.filter(structure=self.structure).exclude(pk=self.instance.pk)
        if name.casefold() in {other.casefold() for other in others.values_list("name", flat=True)}:
            raise forms.ValidationError(
                _(
                    "Un chantier ou atelier de votre structure porte déjà le nom « %(name)s » : choisissez un autre nom."
                ),
                code="name_taken",
                params={"name": name},
            )
        return name

    def clean_postcode(self) -> str:
        return validate_postcode(self.cleaned_data.get("postcode", ""), self.structure.country)

    def save(self, commit: bool = True) -> Worksite:
        self.instance.structure = self.structure
        return super().save(commit=commit)
