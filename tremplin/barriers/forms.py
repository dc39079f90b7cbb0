from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import DateInput
from tremplin.core.visibility import Visibility

from .models import BarrierDomain, BarrierStatus, Severity


class BarrierForm(forms.Form):
    """A new barrier in the diagnosis."""

    domain = forms.ChoiceField(label=_("Domaine"), choices=[("", "---------"), *BarrierDomain.choices])
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ce que la personne en dit, et ce que cela empêche concrètement."),
    )
    severity = forms.TypedChoiceField(
        label=_("Frein à l'emploi"), choices=Severity.choices, coerce=int, initial=Severity.MEDIUM
    )
    identified_on = forms.DateField(label=_("Identifié le"), widget=DateInput(), initial=timezone.localdate)
    visibility = forms.ChoiceField(
        label=_("Visibilité"),
        required=False,
        choices=[
            ("", _("Selon le domaine (santé, justice, addictions : équipe sociale uniquement)")),
            *Visibility.choices,
        ],
    )


class BarrierUpdateForm(forms.Form):
    """A dated step in a barrier's life: new status and/or severity, and why."""

    status = forms.ChoiceField(label=_("Statut"), choices=BarrierStatus.choices)
    severity = forms.TypedChoiceField(label=_("Frein à l'emploi"), choices=Severity.choices, coerce=int)
    on = forms.DateField(label=_("Date du changement"), widget=DateInput(), initial=timezone.localdate)
    note = forms.CharField(
        label=_("Commentaire"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    # The state the editor saw: a colleague's change in between is not silently overwritten.
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)
    seen_severity = forms.CharField(widget=forms.HiddenInput, required=False)


class RankingForm(forms.Form):
    """The person's ranking of their active barriers: one rank field per barrier."""

    def __init__(self, *args, barriers, **kwargs):
        super().__init__(*args, **kwargs)
        self.barriers = list(barriers)
        n = len(self.barriers)
        for barrier in self.barriers:
            label = barrier.get_domain_display()
            if barrier.description:
                label = f"{label} — {barrier.description[:60]}"
            self.fields[self.field_name(barrier)] = forms.TypedChoiceField(
                label=label,
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", _("Sans rang")), *[(i, str(i)) for i in range(1, n + 1)]],
                initial=barrier.person_priority,
            )

    @staticmethod
    def field_name(barrier) -> str:
        return f"priority_{barrier.public_id}"

    def ranking(self) -> dict:
        return {b.pk: self.cleaned_data.get(self.field_name(b)) for b in self.barriers}

    def clean(self):
        cleaned = super().clean()
        seen: dict[int, list] = {}
        for barrier in self.barriers:
            rank = cleaned.get(self.field_name(barrier))
            if rank is not None:
                seen.setdefault(rank, []).append(barrier)
        for rank, barriers in seen.items():
            if len(barriers) > 1:
                names = ", ".join(str(b.get_domain_display()) for b in barriers)
                for barrier in barriers:
                    self.add_error(
                        self.field_name(barrier),
                        ValidationError(
                            _(
                                "le rang %(rank)s est donné à plusieurs freins (%(names)s) ; chaque rang une seule fois."
                            ),
                            params={"rank": rank, "names": names},
                        ),
                    )
        return cleaned
