from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import DateInput

from .models import Channel, ErasureRequest, RefusalReason


class ErasureRequestForm(forms.ModelForm):
    class Meta:
        model = ErasureRequest
        fields = ["received_on", "channel", "note"]
        widgets = {"received_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"note": _("Ce que la personne demande, avec ses mots si possible.")}


class ErasureDecisionForm(forms.Form):
    ACCEPT = "accept"
    REFUSE = "refuse"

    decision = forms.ChoiceField(
        label=_("décision"),
        choices=[(ACCEPT, _("Accepter l'effacement")), (REFUSE, _("Refuser l'effacement"))],
        widget=forms.RadioSelect,
    )
    refusal_reason = forms.ChoiceField(
        label=_("motif du refus"), choices=[("", "—"), *RefusalReason.choices], required=False
    )
    refusal_detail = forms.CharField(
        label=_("précisions sur le refus"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Obligatoires pour le motif « Autre ». La réponse est communiquée à la personne."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.REFUSE and not data.get("refusal_reason"):
            self.add_error("refusal_reason", _("Motif du refus : obligatoire pour refuser l'effacement."))
        return data


__all__ = ["Channel", "ErasureDecisionForm", "ErasureRequestForm"]
