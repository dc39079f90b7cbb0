from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import User
from tremplin.accounts.roles import Responsibility
from tremplin.core.concurrency import ConcurrentEditMixin
from tremplin.core.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField, DateInput
from tremplin.core.visibility import visible_q

from . import services
from .models import Action, ActionPlan, Objective, OwnerKind, PlanReview


def staff_of(structure):
    """Who may own an action (roles.Responsibility.SUPPORT): staff who follow people, not the DPO,
    the administration or partners."""
    return User.objects.holding(Responsibility.SUPPORT, structure)


class PlanSettingsForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["follow_up_frequency", "agreed_on"]
        widgets = {"agreed_on": DateInput}

    def clean_agreed_on(self):
        agreed_on = self.cleaned_data.get("agreed_on")
        if agreed_on and agreed_on > timezone.localdate():
            raise forms.ValidationError(
                _("Convenu le : la date d'accord de la personne ne peut pas être dans le futur.")
            )
        if agreed_on and self.instance.pk:
            earliest = self.instance.objectives.filter(target_date__lt=agreed_on).order_by("target_date").first()
            if earliest is not None:
                raise forms.ValidationError(
                    _("Convenu le : l'objectif « %(text)s » a une échéance antérieure à cette date.")
                    % {"text": earliest.text[:60]}
                )
        return agreed_on


class ObjectiveForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["text", "barriers", "target_job", "target_date", "status", "success_indicator"]
        widgets = {
            "target_date": DateInput,
            "text": forms.Textarea(attrs={"rows": 3}),
            "success_indicator": forms.Textarea(attrs={"rows": 2}),
            "barriers": forms.CheckboxSelectMultiple,
        }
        field_classes = {"barriers": BoundedModelMultipleChoiceField, "target_job": BoundedModelChoiceField}

    def __init__(self, *args, pathway, readable, plan=None, **kwargs):
        """`readable`: the levels the author reads; they may attach only the barriers they see."""
        super().__init__(*args, **kwargs)
        self.pathway = pathway
        self.plan = plan
        self.readable = readable
        self.fields["barriers"].queryset = pathway.barriers.visible_to(readable)
        self.fields["barriers"].help_text = _(
            "Un objectif peut répondre à plusieurs freins ; il reste visible de qui voit chacun d'eux."
        )
        for key in ("invalid_choice", "invalid_pk_value"):
            self.fields["barriers"].error_messages[key] = _(
                "Freins liés : choisissez des freins du diagnostic de cette personne."
            )
        self.fields["target_job"].queryset = pathway.target_jobs.all()
        self.fields["target_job"].error_messages["invalid_choice"] = _(
            "Métier visé lié : choisissez un métier du projet professionnel de cette personne."
        )
        self.fields["text"].error_messages["required"] = _("Objectif : décrivez l'objectif convenu avec la personne.")
        if self.instance.pk is None:
            del self.fields["status"]

    def clean_barriers(self):
        """Barriers already linked that the author does not see stay linked (never removed unseen)."""
        chosen = list(self.cleaned_data.get("barriers") or [])
        if self.instance.pk:
            chosen += list(self.instance.barriers.exclude(visible_q(self.readable)))
        return chosen

    def clean(self):
        cleaned = super().clean()
        plan = self.plan
        target_date = cleaned.get("target_date")
        if plan is not None and plan.agreed_on and target_date and target_date < plan.agreed_on:
            self.add_error(
                "target_date",
                _("Échéance : elle ne peut pas précéder la date d'accord du plan (%(date)s).")
                % {"date": date_format(plan.agreed_on, "SHORT_DATE_FORMAT")},
            )
        return cleaned


class ActionForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "section",
            "objective",
            "title",
            "kind",
            "owner_kind",
            "owner_user",
            "owner_partner",
            "owner_partner_name",
            "orientation",
            "due_date",
            "status",
            "outcome",
        ]
        widgets = {"due_date": DateInput, "outcome": forms.Textarea(attrs={"rows": 3})}
        field_classes = {
            "objective": BoundedModelChoiceField,
            "owner_user": BoundedModelChoiceField,
            "owner_partner": BoundedModelChoiceField,
            "orientation": BoundedModelChoiceField,
        }

    def __init__(self, *args, pathway, readable, **kwargs):
        """`readable`: the levels the author reads; objectives and orientations offered are those they see."""
        from tremplin.partners.models import PartnerOrganisation

        super().__init__(*args, **kwargs)
        self.pathway = pathway
        self.fields["objective"].queryset = Objective.objects.filter(plan__pathway=pathway).visible_to(readable)
        self.fields["objective"].error_messages["invalid_choice"] = _(
            "Objectif : choisissez un objectif du plan de cette personne."
        )
        self.fields["owner_user"].queryset = staff_of(pathway.structure)
        self.fields["owner_user"].error_messages["invalid_choice"] = _(
            "Membre de l'équipe : choisissez un membre actif de votre structure."
        )
        self.fields["owner_user"].help_text = _("Si l'action est portée par l'équipe. Par défaut : vous.")
        self.fields["owner_partner"].queryset = PartnerOrganisation.objects.in_directory_of(pathway.structure).filter(
            is_active=True
        )
        self.fields["owner_partner"].error_messages["invalid_choice"] = services.PARTNER_OUTSIDE_DIRECTORY
        self.fields["owner_partner"].help_text = _("Si l'action est portée par un partenaire de votre annuaire.")
        self.fields["owner_partner_name"].help_text = _(
            "Ou, si le prestataire n'est pas dans l'annuaire, son nom (un organisme, pas une personne)."
        )
        orientations = pathway.orientations.visible_to(readable).select_related("organisation")
        self.fields["orientation"].queryset = orientations.order_by("-created_at")
        self.fields["orientation"].label_from_instance = lambda o: (
            f"{o.organisation.name} ({date_format(o.status_changed_on, 'SHORT_DATE_FORMAT')})"
        )
        self.fields["orientation"].error_messages["invalid_choice"] = services.ORIENTATION_OF_ANOTHER_PATHWAY
        self.fields["orientation"].help_text = _(
            "L'orientation vers un partenaire dont l'action découle, s'il y en a une."
        )
        self.fields["title"].error_messages["required"] = _("Action : décrivez l'action en quelques mots.")
        if self.instance.pk is None:
            del self.fields["status"]
            del self.fields["outcome"]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("owner_kind")
        name = (cleaned.get("owner_partner_name") or "").strip()
        if kind == OwnerKind.PARTNER and cleaned.get("owner_partner") is None and not name:
            if "owner_partner" not in self.errors:
                self.add_error("owner_partner", services.PARTNER_MISSING)
        if kind == OwnerKind.PARTNER and cleaned.get("owner_partner") is not None and name:
            self.add_error("owner_partner_name", services.PARTNER_TWICE)
        if kind == OwnerKind.STAFF and self.instance.pk and cleaned.get("owner_user") is None:
            self.add_error("owner_user", _("Membre de l'équipe : choisissez qui porte l'action."))
        if kind != OwnerKind.STAFF:
            cleaned["owner_user"] = None
        if kind != OwnerKind.PARTNER:
            cleaned["owner_partner_name"] = ""
            cleaned["owner_partner"] = None
        return cleaned


class ReviewForm(forms.ModelForm):
    class Meta:
        model = PlanReview
        fields = ["reviewed_on", "summary", "next_review_on"]
        widgets = {"reviewed_on": DateInput, "next_review_on": DateInput, "summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewed_on"].initial = timezone.localdate()
        self.fields["reviewed_on"].error_messages["required"] = _("Date de la revue : indiquez la date de la revue.")
        self.fields["summary"].help_text = _(
            "Ce qui a été constaté avec la personne. Les objectifs et actions ajoutés ou modifiés depuis la "
            "revue précédente sont relevés automatiquement."
        )
