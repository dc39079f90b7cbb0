from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.barriers.models import BarrierDomain

from .models import ToolboxEntry


class ToolboxEntryForm(forms.ModelForm):
    """A structure's own entry; the domains say for which barriers it is suggested."""

    domains = forms.MultipleChoiceField(
        label=_("Domaines de freins concernés"),
        choices=BarrierDomain.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("La fiche est proposée pour les freins de ces domaines."),
        error_messages={"required": _("choisissez au moins un domaine.")},
    )

    class Meta:
        model = ToolboxEntry
        fields = ["title_fr", "title_en", "description_fr", "description_en", "domains", "section", "kind"]
        widgets = {
            "description_fr": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description_fr"].max_length = 4000
        self.fields["description_en"].max_length = 4000

    def clean_title_fr(self) -> str:
        title = self.cleaned_data["title_fr"].strip()
        if not title:
            raise forms.ValidationError(_("donnez un titre en français."))
        return title
