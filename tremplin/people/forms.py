"""Forms to record and edit a person supported.

Only the facts the CNIL framework deems relevant are asked; nationality is
kept as French / EU / outside the EU.
"""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.concurrency import ConcurrentEditMixin
from tremplin.core.dates import age_on
from tremplin.core.forms import DateInput
from tremplin.core.postcodes import validate_postcode
from tremplin.pathways.forms import PathwayFieldsForm

from .models import Person, normalise_phone

MINIMUM_AGE = 16
MAXIMUM_AGE = 100
PHONE_CHARACTERS = re.compile(r"^[0-9+().\-\s]+$")


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "birth_date",
            "email",
            "phone",
            "address",
            "postcode",
            "city",
            "nationality",
            "languages",
            "french_level",
            "driving_licence",
            "has_vehicle",
            "recognised_disability",
        ]
        widgets = {
            "birth_date": DateInput(),
            "phone": forms.TextInput(attrs={"type": "tel"}),
        }

    def clean_birth_date(self) -> datetime.date | None:
        birth_date = self.cleaned_data.get("birth_date")
        if birth_date is None:
            return None
        today = timezone.localdate()
        if birth_date > today:
            raise forms.ValidationError(_("La date de naissance ne peut pas être dans le futur."))
        age = age_on(birth_date, today)
        if age < MINIMUM_AGE:
            raise forms.ValidationError(
                _("La date de naissance indique moins de %(min)s ans : la personne doit avoir au moins %(min)s ans.")
                % {"min": MINIMUM_AGE}
            )
        if age > MAXIMUM_AGE:
            raise forms.ValidationError(
                _("La date de naissance indique plus de %(max)s ans : vérifiez l'année saisie.") % {"max": MAXIMUM_AGE}
            )
        return birth_date

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "").strip()
        if not phone:
            return ""
        digits = normalise_phone(phone)
        if not PHONE_CHARACTERS.match(phone) or not 6 <= len(digits) <= 15:
            raise forms.ValidationError(
                _(
                    "Le numéro de téléphone doit compter de 6 à 15 chiffres, "
                    "avec seulement des espaces et les signes + . - ( ) en plus."
                )
            )
        return phone

    def clean_postcode(self) -> str:
        structure = getattr(self, "structure", None) or (
            self.instance.structure if self.instance.structure_id else None
        )
        return validate_postcode(self.cleaned_data.get("postcode", ""), structure.country if structure else None)

    def clean_languages(self) -> str:
        """Tidies "arabe,  tamoul ," into "arabe, tamoul"."""
        raw = self.cleaned_data.get("languages", "")
        return ", ".join(part.strip() for part in raw.split(",") if part.strip())


class PersonEditForm(ConcurrentEditMixin, PersonForm):
    """Editing a recorded person: refused if someone else changed the same fields meanwhile."""


class NotCarriedHiddenInput(forms.HiddenInput):
    """Hidden and always empty: a confirmation is only valid for the duplicates shown with it."""

    def format_value(self, value):
        return None


class PersonCreateForm(PersonForm, PathwayFieldsForm):
    """A candidate and their first pathway, in one form."""

    confirm_new_person = forms.BooleanField(
        label=_("Je confirme qu'il s'agit d'une autre personne"),
        required=False,
        widget=NotCarriedHiddenInput,
    )

    class Meta(PersonForm.Meta):
        pass

    def __init__(self, *args, structure, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_pathway_fields(structure=structure, user=user)

    def possible_duplicates(self):
        """Records of the structure that may be this same person, from what is valid in the form."""
        data = self.cleaned_data
        if not data.get("first_name") or not data.get("last_name"):
            return Person.objects.none()
        return (
            Person.objects.possible_duplicates(
                structure=self.structure,
                first_name=data["first_name"],
                last_name=data["last_name"],
                birth_date=data.get("birth_date"),
                email=data.get("email", ""),
                phone=data.get("phone", ""),
            )
            .prefetch_related("pathways__programme")
            .order_by("last_name", "first_name")
        )

    def ask_confirmation(self) -> None:
        """Shows the checkbox: possible duplicates were found."""
        self.fields["confirm_new_person"].widget = forms.CheckboxInput()
