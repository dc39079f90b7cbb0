from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import BoundedModelChoiceField, DateInput
from tremplin.core.visibility import Visibility
from tremplin.partners.models import PartnerOrganisation, PartnerService

from .models import OrientationSettings, OrientationStatus, SharedItem


class ServiceChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, service):
        needs = ", ".join(service.need_labels)
        return f"{service.organisation.name} — {service.name} ({needs})"


class OrientationForm(forms.Form):
    service = ServiceChoiceField(
        label=_("Partenaire et service"),
        queryset=PartnerService.objects.none(),
        error_messages={
            "required": _("choisissez le service du partenaire."),
            "invalid_choice": _("choisissez un service d'un partenaire de votre annuaire."),
        },
    )
    reason = forms.CharField(
        label=_("Motif de l'orientation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("expliquez pourquoi la personne est orientée vers ce partenaire.")},
    )
    shared_items = forms.MultipleChoiceField(
        label=_("Ce qui est partagé avec le partenaire"),
        choices=SharedItem.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Seuls les éléments cochés seront visibles du partenaire, tant que la personne est d'accord."),
        error_messages={"required": _("cochez au moins un élément.")},
    )
    record_consent = forms.BooleanField(
        label=_("La personne donne aujourd'hui son accord pour ce partage (il sera enregistré dans ses consentements)"),
        required=False,
    )
    send = forms.BooleanField(label=_("Envoyer l'orientation au partenaire maintenant"), required=False, initial=True)
    visibility_choice = forms.ChoiceField(
        label=_("Qui, dans l'équipe, voit cette orientation"),
        choices=[("", _("Selon ce qu'elle concerne (santé, addictions, justice : équipe sociale uniquement)"))]
        + [(value, label) for value, label in Visibility.choices if value != Visibility.SHAREABLE_WITH_PARTNERS],
        required=False,
        help_text=_("Jamais plus large que le frein ou l'action liés, ni que ce que le nom du partenaire révèle."),
    )

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nouveau statut"))
    on = forms.DateField(label=_("Date"), widget=DateInput, required=False, help_text=_("Aujourd'hui si laissée vide."))
    appointment_on = forms.DateField(label=_("Date du rendez-vous"), widget=DateInput, required=False)
    note = forms.CharField(label=_("Commentaire"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    outcome = forms.CharField(
        label=_("Résultat pour la personne"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s, OrientationStatus(s).label) for s in OrientationStatus.values if s in allowed
        ]
        self.fields["status"].error_messages["invalid_choice"] = _(
            "choisissez un des statuts proposés pour cette orientation."
        )


class FeedbackForm(forms.Form):
    barrier_status = forms.ChoiceField(label=_("Suite pour le frein lié"), required=False)
    mark_action_done = forms.BooleanField(label=_("Noter l'action liée comme réalisée"), required=False)

    def __init__(self, *args, feedback, **kwargs):
        super().__init__(*args, **kwargs)
        if feedback.barrier is None:
            del self.fields["barrier_status"]
        else:
            self.fields["barrier_status"].choices = [("", _("Ne pas changer le frein")), *feedback.barrier_statuses]
        if feedback.action is None:
            del self.fields["mark_action_done"]
        else:
            self.fields["mark_action_done"].initial = True
            self.fields["mark_action_done"].label = _("Noter l'action « %(title)s » comme réalisée") % {
                "title": feedback.action.title
            }


class ShareForm(forms.Form):
    organisation = BoundedModelChoiceField(
        label=_("Partenaire"),
        queryset=PartnerOrganisation.objects.none(),
        error_messages={"invalid_choice": _("choisissez un partenaire de votre annuaire.")},
    )
    items = forms.MultipleChoiceField(
        label=_("Ce qui est partagé"),
        choices=SharedItem.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("cochez au moins un élément.")},
    )
    record_consent = forms.BooleanField(
        label=_("La personne donne aujourd'hui son accord pour ce partage (il sera enregistré dans ses consentements)"),
        required=False,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class SettingsForm(forms.ModelForm):
    class Meta:
        model = OrientationSettings
        fields = ["no_news_days"]

    def clean_no_news_days(self):
        days = self.cleaned_data["no_news_days"]
        if not 1 <= days <= 365:
            raise forms.ValidationError(_("entre 1 et 365 jours."))
        return days
