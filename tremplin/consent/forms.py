from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import DateInput

from .models import ConsentKind, HowInformed


class InformationForm(forms.Form):
    informed_on = forms.DateField(label=_("Informé·e le"), widget=DateInput(), initial=timezone.localdate)
    how = forms.ChoiceField(label=_("Comment"), choices=HowInformed.choices, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "inform")
        super().__init__(*args, **kwargs)


class ConsentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Partage concerné"), choices=ConsentKind.choices, widget=forms.RadioSelect)
    partner_name = forms.CharField(
        label=_("Partenaire"),
        max_length=200,
        required=False,
        help_text=_("Obligatoire pour un partage avec un partenaire nommé."),
    )
    scope = forms.CharField(
        label=_("Ce qui est partagé"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : dates du parcours et du contrat, compétences acquises."),
    )
    given_on = forms.DateField(label=_("Consentement donné le"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "consent")
        super().__init__(*args, **kwargs)


class WithdrawalForm(forms.Form):
    note = forms.CharField(
        label=_("Précisions sur le retrait"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class NoticeForm(forms.Form):
    version = forms.CharField(label=_("Nom de la nouvelle version"), max_length=40)
    published_on = forms.DateField(label=_("Publiée le"), widget=DateInput(), initial=timezone.localdate)
    text = forms.CharField(label=_("Texte de la notice"), max_length=20000, widget=forms.Textarea(attrs={"rows": 20}))
