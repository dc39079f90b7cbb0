"""Programme form: the kinds offered are those of the structure's country."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.structures.models import Structure

from .models import Programme
from .rules import ProgrammeKind


def kinds_for_country(country: str) -> list[tuple[str, str]]:
    """Programme kinds are prefixed by their country code: fr_aci is French, be_art60 Belgian."""
    prefix = f"{country.lower()}_"
    return [(value, label) for value, label in ProgrammeKind.choices if value.startswith(prefix)]


class ProgrammeForm(forms.ModelForm):
    yearly_positive_exit_target = forms.IntegerField(
        label=_("Objectif annuel de sorties dynamiques (%)"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 0, "max": 100}),
        help_text=_("Pourcentage de 0 à 100, négocié avec le financeur. Laissez vide s'il n'y en a pas."),
    )

    class Meta:
        model = Programme
        fields = ["kind", "name", "agreement_reference", "yearly_positive_exit_target", "is_active"]

    def __init__(self, *args, structure: Structure, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.structure = structure
        self.was_kind = self.instance.kind
        self.fields["kind"].choices = [("", "---------")] + kinds_for_country(structure.country)

    def clean_yearly_positive_exit_target(self) -> int | None:
        target = self.cleaned_data["yearly_positive_exit_target"]
        if target is not None and not 0 <= target <= 100:
            raise forms.ValidationError(
                _("L'objectif annuel de sorties dynamiques est un pourcentage : saisissez un nombre entre 0 et 100."),
                code="out_of_range",
            )
        return target

    def clean_kind(self) -> str:
        kind = self.cleaned_data["kind"]
        if self.instance.pk and kind != self.was_kind and self.instance.pathways.exists():
            raise forms.ValidationError(
                _(
                    "Ce dispositif a déjà des parcours : son type ne peut plus changer, car ses règles "
                    "s'appliquent à ces parcours. Créez plutôt un nouveau dispositif."
                ),
                code="kind_in_use",
            )
        return kind

    def save(self, commit: bool = True) -> Programme:
        self.instance.structure = self.structure
        return super().save(commit=commit)
