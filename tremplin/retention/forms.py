from django import forms
from django.utils.translation import gettext_lazy as _

from .rules import RULES


class RetentionSettingsForm(forms.Form):
    """One field per category a structure may set; empty means the default."""

    def __init__(self, *args, current: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        for category, rule in RULES.items():
            if not rule.overridable:
                continue
            self.fields[category] = forms.IntegerField(
                label=_("%(label)s : durée en mois") % {"label": rule.label},
                required=False,
                initial=current.get(category),
                help_text=_("Entre %(min)s et %(max)s mois ; laissez vide pour la durée par défaut (%(default)s mois).")
                % {"min": rule.min_months, "max": rule.max_months, "default": rule.default_months},
                error_messages={"invalid": _("Indiquez un nombre entier de mois.")},
            )

    def clean(self):
        cleaned = super().clean()
        for category, rule in RULES.items():
            months = cleaned.get(category)
            if months is not None and not rule.min_months <= months <= rule.max_months:
                self.add_error(category, rule.bound_message())
        return cleaned


class LegalHoldForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du gel"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : procédure prud'homale en cours, demande d'une autorité."),
    )
