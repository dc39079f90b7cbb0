from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Membership
from tremplin.accounts.roles import Responsibility, roles_holding
from tremplin.core.forms import BoundedModelChoiceField
from tremplin.structures.models import Worksite

from .services import staff_holding


class SourceForm(forms.Form):
    """Whose people are handed over: a référent's, or a worksite's."""

    source = forms.ChoiceField(label=_("Personnes à confier"))

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        referents = (
            Membership.objects.filter(structure=structure, role__in=roles_holding(Responsibility.REFERENT))
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "pk")
        )
        worksites = Worksite.objects.filter(structure=structure).order_by("name")
        self.fields["source"].choices = [
            ("", "—"),
            (
                _("Les personnes suivies par"),
                [
                    (f"referent:{m.public_id}", str(m.user) + ("" if m.is_active else " " + str(_("(parti·e)"))))
                    for m in referents
                ],
            ),
            (_("Les personnes du chantier"), [(f"worksite:{w.public_id}", w.name) for w in worksites]),
        ]
        self.fields["source"].error_messages["required"] = _(
            "Personnes à confier : choisissez un·e référent·e ou un chantier."
        )
        self.fields["source"].error_messages["invalid_choice"] = _(
            "Personnes à confier : choisissez un·e référent·e ou un chantier de votre structure."
        )
        self.structure = structure

    def chosen(self):
        """(kind, membership or worksite) of the valid choice."""
        kind, public_id = self.cleaned_data["source"].split(":", 1)
        if kind == "referent":
            return kind, Membership.objects.select_related("user").get(structure=self.structure, public_id=public_id)
        return "worksite", Worksite.objects.get(structure=self.structure, public_id=public_id)


class HandoverForm(forms.Form):
    to_referent = BoundedModelChoiceField(queryset=None, label=_("Nouveau·elle référent·e"))
    to_worksite = BoundedModelChoiceField(queryset=None, label=_("Nouveau chantier"), required=False)
    to_supervisor = BoundedModelChoiceField(
        queryset=None,
        label=_("Nouvel·le encadrant·e technique"),
        required=False,
        help_text=_("Laissé vide, l'encadrant·e de chaque personne ne change pas."),
    )
    note = forms.CharField(
        label=_("Note de passation pour tout le monde"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ou une note par personne ci-dessous. Chaque personne doit avoir au moins l'une des deux."),
    )

    def __init__(self, *args, structure, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_referent"].queryset = staff_holding(structure, Responsibility.REFERENT)
        self.fields["to_referent"].error_messages.update(
            {
                "required": _("Nouveau·elle référent·e : choisissez à qui confier ces personnes."),
                "invalid_choice": _("Nouveau·elle référent·e : choisissez un membre actif de votre structure."),
            }
        )
        self.fields["to_supervisor"].queryset = staff_holding(structure, Responsibility.SUPERVISOR)
        self.fields["to_supervisor"].error_messages["invalid_choice"] = _(
            "Nouvel·le encadrant·e : choisissez un·e encadrant·e actif·ve de votre structure."
        )
        if kind == "worksite":
            self.fields["to_worksite"].queryset = Worksite.objects.filter(structure=structure, is_active=True).order_by(
                "name"
            )
            self.fields["to_worksite"].required = True
            self.fields["to_worksite"].error_messages.update(
                {
                    "required": _("Nouveau chantier : choisissez le chantier où vont ces personnes."),
                    "invalid_choice": _("Nouveau chantier : choisissez un chantier en activité de votre structure."),
                }
            )
        else:
            del self.fields["to_worksite"]
