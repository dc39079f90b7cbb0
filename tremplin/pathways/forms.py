"""Forms for a pathway: opening one, moving its status, naming its team.

Every choice list is built from the structure of the pathway, so a form can
never offer another structure's staff, programmes or worksites.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.access import membership_in
from tremplin.accounts.models import User
from tremplin.accounts.roles import Capability, Responsibility
from tremplin.core.concurrency import ConcurrentEditMixin
from tremplin.core.forms import BoundedModelChoiceField
from tremplin.programmes.models import Programme
from tremplin.structures.models import Worksite

from .models import ACTIVE_STATUSES, TRANSITIONS, Pathway, Status

# Statuses set by the eligibility and contract screens, never chosen by hand.
AUTOMATIC_STATUSES = frozenset({Status.ELIGIBLE, Status.IN_CONTRACT})
# Leaving the pathway this way must be explained.
REASON_REQUIRED = frozenset({Status.WITHDRAWN, Status.NOT_ELIGIBLE, Status.CLOSED})


class PathwayFieldsForm(forms.Form):
    """Programme, référent·e and referral source: what opening a pathway asks."""

    programme = BoundedModelChoiceField(
        label=_("Dispositif"),
        queryset=Programme.objects.none(),
        error_messages={
            "required": _("Choisissez le dispositif du parcours."),
            "invalid_choice": _("Ce dispositif n'existe pas ou n'est plus actif dans votre structure."),
        },
    )
    referent = BoundedModelChoiceField(
        label=_("Référent·e"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Conseiller·ère ou responsable des parcours qui suit la personne."),
        error_messages={
            "invalid_choice": _("Le ou la référent·e choisi·e ne fait pas partie des référent·es de votre structure.")
        },
    )
    referral_source = forms.CharField(
        label=_("Orienté·e par"),
        max_length=200,
        required=False,
        help_text=_("Prescripteur (France Travail, Mission locale, CPAS…) ou candidature spontanée."),
    )

    def setup_pathway_fields(self, *, structure, user) -> None:
        self.structure = structure
        programmes = Programme.objects.filter(structure=structure, is_active=True).order_by("name")
        self.fields["programme"].queryset = programmes
        self.fields["referent"].queryset = User.objects.holding(Responsibility.REFERENT, structure)
        # A référent·e who does not oversee the structure (a counsellor) usually opens pathways for themself.
        membership = membership_in(user, structure)
        if (
            membership is not None
            and membership.can(Capability.EDIT_PEOPLE)
            and not membership.can(Capability.VIEW_STRUCTURE_DASHBOARD)
        ):
            self.fields["referent"].initial = user.pk
        if not programmes.exists():
            self.fields["programme"].help_text = _(
                "Aucun dispositif actif : la direction doit d'abord créer un dispositif dans les paramètres."
            )


class PathwayOpenForm(PathwayFieldsForm):
    """Opens a new pathway for a person already recorded."""

    def __init__(self, *args, person, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.setup_pathway_fields(structure=person.structure, user=user)

    def clean_programme(self):
        programme = self.cleaned_data["programme"]
        ongoing = self.person.pathways.filter(programme=programme, status__in=ACTIVE_STATUSES).first()
        if ongoing is not None:
            raise forms.ValidationError(
                _(
                    "%(name)s a déjà un parcours en cours dans ce dispositif (statut « %(status)s »). "
                    "Un nouveau parcours ne peut être ouvert qu'après sa clôture, un désistement ou une non-éligibilité."
                )
                % {"name": self.person.full_name, "status": ongoing.get_status_display()}
            )
        return programme


class StatusChangeForm(forms.Form):
    to_status = forms.ChoiceField(
        label=_("Nouveau statut"),
        help_text=_(
            "Les statuts « Éligible » et « En contrat » ne se choisissent pas ici : "
            "ils découlent du diagnostic d'éligibilité et de la signature du contrat."
        ),
        error_messages={
            "required": _("Choisissez le nouveau statut."),
            "invalid_choice": _("Le nouveau statut choisi ne peut pas suivre le statut actuel du parcours."),
        },
    )
    reason = forms.CharField(
        label=_("Motif"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=_("Obligatoire pour un désistement, une non-éligibilité ou une clôture."),
    )

    def __init__(self, *args, pathway: Pathway, **kwargs):
        super().__init__(*args, **kwargs)
        self.pathway = pathway
        self.fields["to_status"].choices = [("", _("Choisir…"))] + [
            (value, label) for value, label in Status.choices if value in self.allowed_statuses(pathway)
        ]

    @staticmethod
    def allowed_statuses(pathway: Pathway) -> frozenset[str]:
        return frozenset(TRANSITIONS[pathway.status] - AUTOMATIC_STATUSES)

    def clean(self):
        cleaned = super().clean()
        to_status = cleaned.get("to_status")
        if to_status in REASON_REQUIRED and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason",
                _("Le motif est obligatoire pour passer au statut « %(status)s » : indiquez-le.")
                % {"status": Status(to_status).label},
            )
        return cleaned


class TeamForm(ConcurrentEditMixin, forms.ModelForm):
    """Names the référent·e, the technical supervisor and the worksite of a pathway."""

    class Meta:
        model = Pathway
        fields = ["referent", "supervisor", "worksite"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        structure = self.instance.structure
        self.fields["referent"].queryset = User.objects.holding(Responsibility.REFERENT, structure)
        self.fields["referent"].help_text = _("Conseiller·ère, responsable des parcours ou direction.")
        self.fields["supervisor"].queryset = User.objects.holding(Responsibility.SUPERVISOR, structure)
        self.fields["worksite"].queryset = Worksite.objects.filter(structure=structure, is_active=True).order_by("name")
        self.fields["referent"].error_messages["invalid_choice"] = _(
            "Le ou la référent·e choisi·e n'est pas un membre actif de votre structure pouvant suivre un parcours."
        )
        self.fields["supervisor"].error_messages["invalid_choice"] = _(
            "L'encadrant·e technique choisi·e n'est pas un·e encadrant·e actif·ve de votre structure."
        )
        self.fields["worksite"].error_messages["invalid_choice"] = _(
            "Le chantier choisi n'existe pas ou n'est plus en activité dans votre structure."
        )
