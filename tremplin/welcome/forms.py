from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import DateInput

from .models import MAX_DUE_IN_DAYS, WelcomeStepTemplate


class TemplateForm(forms.ModelForm):
    due_in_days = forms.IntegerField(
        label=_("Délai en jours"),
        initial=0,
        help_text=_("Nombre de jours après le début du premier contrat (0 : le premier jour)."),
    )

    class Meta:
        model = WelcomeStepTemplate
        fields = ["title", "description", "due_in_days", "doer", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def clean_due_in_days(self) -> int:
        days = self.cleaned_data["due_in_days"]
        if days < 0:
            raise forms.ValidationError(_("Le délai ne peut pas être négatif : indiquez 0 ou plus."))
        if days > MAX_DUE_IN_DAYS:
            raise forms.ValidationError(_("Le délai ne peut pas dépasser %(max)s jours.") % {"max": MAX_DUE_IN_DAYS})
        return days


class StepDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Fait le"), widget=DateInput)
    comment = forms.CharField(
        label=_("Commentaire"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Lu par toute l'équipe, encadrement technique compris : rien de personnel ici."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["done_on"].initial = timezone.localdate()
