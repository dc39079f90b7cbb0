from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.postcodes import validate_postcode

from .models import MobilityProfile, NotRelevantReason


class NotRelevantForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Motif"),
        choices=NotRelevantReason.choices,
        error_messages={
            "required": _("Choisissez pourquoi cette offre ne convient pas."),
            "invalid_choice": _("Motif inconnu."),
        },
    )


class MobilityForm(forms.ModelForm):
    class Meta:
        model = MobilityProfile
        fields = ["home_postcode", "home_city", "latitude", "longitude", "transport", "max_travel_minutes"]
        help_texts = {
            "latitude": _(
                "Facultatif, en degrés décimaux (50.63) : permet d'estimer le temps de trajet vers chaque offre."
            ),
            "longitude": _("Facultatif, en degrés décimaux (3.06)."),
        }
        error_messages = {
            "max_travel_minutes": {
                "min_value": _("Au moins 5 minutes."),
                "max_value": _("Au plus 240 minutes."),
                "required": _("Indiquez le temps de trajet maximal accepté."),
            }
        }

    def clean_home_postcode(self) -> str:
        person = self.instance.person if self.instance.person_id else None
        return validate_postcode(
            self.cleaned_data.get("home_postcode", ""), person.structure.country if person else None
        )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None) and not self.errors:
            self.add_error("longitude", _("Indiquez la latitude et la longitude, ou aucune des deux."))
        return cleaned
