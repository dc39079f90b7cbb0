from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import DateInput
from tremplin.orientations.models import OrientationStatus


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note pour l'équipe qui accompagne la personne"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("écrivez le texte de la note.")},
    )


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(label=_("Où en est l'orientation"))
    appointment_on = forms.DateField(label=_("Date du rendez-vous"), widget=DateInput, required=False)
    outcome = forms.CharField(
        label=_("Résultat ou commentaire"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000
    )

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s, OrientationStatus(s).label) for s in OrientationStatus.values if s in allowed
        ]
        self.fields["status"].error_messages["invalid_choice"] = _("choisissez une des étapes proposées.")
