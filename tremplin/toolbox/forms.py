from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tremplin.barriers.models import BarrierDomain
from tremplin.core.forms import BoundedModelChoiceField
from tremplin.partners.models import PartnerOrganisation

from .models import Family, ToolboxEntry


class ToolboxEntryForm(forms.ModelForm):
    """A structure's own entry; the domains say for which barriers it is suggested."""

    domains = forms.MultipleChoiceField(
        label=_("Domaines de freins concernés"),
        choices=BarrierDomain.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("La fiche est proposée pour les freins de ces domaines."),
        error_messages={"required": _("choisissez au moins un domaine.")},
    )
    partner = BoundedModelChoiceField(
        queryset=PartnerOrganisation.objects.none(),
        required=False,
        label=_("Partenaire de l'annuaire qui le propose"),
        help_text=_("Facultatif : la fiche renvoie vers ce partenaire, ses contacts et sa façon d'orienter."),
    )

    class Meta:
        model = ToolboxEntry
        fields = [
            "title_fr",
            "title_en",
            "family",
            "description_fr",
            "description_en",
            "provider_fr",
            "provider_en",
            "partner",
            "access_fr",
            "access_en",
            "domains",
            "section",
            "kind",
        ]
        widgets = {
            "description_fr": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "provider_fr": forms.Textarea(attrs={"rows": 2}),
            "provider_en": forms.Textarea(attrs={"rows": 2}),
            "access_fr": forms.Textarea(attrs={"rows": 2}),
            "access_en": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("description_fr", "description_en", "provider_fr", "provider_en", "access_fr", "access_en"):
            self.fields[name].max_length = 4000
        # Active partners of the directory; one made inactive since stays attached until changed.
        kept = Q(is_active=True) | Q(pk=self.instance.partner_id) if self.instance.partner_id else Q(is_active=True)
        self.fields["partner"].queryset = (
            PartnerOrganisation.objects.in_directory_of(structure).filter(kept).order_by("name", "id")
        )

    def clean_title_fr(self) -> str:
        title = self.cleaned_data["title_fr"].strip()
        if not title:
            raise forms.ValidationError(_("donnez un titre en français."))
        return title


class EntrySearchForm(forms.Form):
    """The toolbox's search: words (accents ignored), a family, a barrier domain."""

    q = forms.CharField(label=_("Mots-clés"), required=False, max_length=100)
    famille = forms.ChoiceField(
        label=_("Famille"), required=False, choices=[("", _("Toutes les familles")), *Family.choices]
    )
    frein = forms.ChoiceField(
        label=_("Domaine de frein"), required=False, choices=[("", _("Tous les domaines")), *BarrierDomain.choices]
    )
