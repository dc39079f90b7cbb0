from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tremplin.core.concurrency import ConcurrentEditMixin
from tremplin.core.forms import DateInput
from tremplin.pathways.models import Pathway
from tremplin.programmes.rules.france_siae import normalise_pass_iae, pass_iae_dates_problem, pass_iae_problem


class ConnectionForm(forms.Form):
    base_url = forms.URLField(
        assume_scheme="https",
        label=_("Adresse de la plateforme"),
        max_length=200,
        initial="https://emplois.inclusion.beta.gouv.fr/",
        help_text=_("L'adresse des emplois de l'inclusion, ou de son environnement de démonstration."),
    )
    username = forms.CharField(label=_("Identifiant du compte employeur"), max_length=150)
    password = forms.CharField(
        label=_("Mot de passe du compte employeur"),
        widget=forms.PasswordInput,
        max_length=200,
        help_text=_("Utilisé une seule fois pour obtenir un jeton d'accès ; Tremplin ne le conserve pas."),
    )

    def clean_base_url(self) -> str:
        """HTTPS only: the password and the token travel to that address. Plain HTTP is for the tests' fake
        platform on loopback (setting LES_EMPLOIS_ALLOW_HTTP)."""
        url = self.cleaned_data["base_url"]
        if urlsplit(url).scheme != "https" and not getattr(settings, "LES_EMPLOIS_ALLOW_HTTP", False):
            raise forms.ValidationError(_("L'adresse de la plateforme doit commencer par https://."))
        return url


class PassIaeForm(ConcurrentEditMixin, forms.ModelForm):
    """The PASS IAE of a hire entered by hand."""

    # Longer than the 12 stored characters: the number is often typed in groups ("99999 0012345").
    pass_iae_number = forms.CharField(label=_("Numéro de PASS IAE"), max_length=20, required=False)

    class Meta:
        model = Pathway
        fields = ["pass_iae_number", "pass_iae_start", "pass_iae_end"]
        widgets = {"pass_iae_start": DateInput, "pass_iae_end": DateInput}
        help_texts = {"pass_iae_number": _("12 chiffres, par exemple 999990012345.")}

    def clean_pass_iae_number(self) -> str:
        number = normalise_pass_iae(self.cleaned_data.get("pass_iae_number", ""))
        if not number:
            return ""
        problem = pass_iae_problem(number)
        if problem:
            raise forms.ValidationError(problem)
        taken = Pathway.objects.filter(structure=self.instance.structure_id, pass_iae_number=number)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Ce PASS IAE est déjà sur un autre parcours de la structure."))
        return number

    def clean(self):
        cleaned = super().clean()
        problem = pass_iae_dates_problem(cleaned.get("pass_iae_start"), cleaned.get("pass_iae_end"))
        if problem:
            self.add_error("pass_iae_end", problem)
        if (cleaned.get("pass_iae_start") or cleaned.get("pass_iae_end")) and not cleaned.get("pass_iae_number"):
            self.add_error("pass_iae_number", _("Indiquez le numéro du PASS IAE dont vous donnez les dates."))
        return cleaned
