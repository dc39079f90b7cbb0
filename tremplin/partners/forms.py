from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.barriers.models import BarrierDomain
from tremplin.core.concurrency import ConcurrentEditMixin
from tremplin.core.forms import BoundedModelChoiceField
from tremplin.core.postcodes import validate_postcode

from .models import Network, PartnerContact, PartnerOrganisation

ORGANISATION_FIELDS = [
    "name",
    "kind",
    "network",
    "siret",
    "email",
    "phone",
    "website",
    "address",
    "postcode",
    "city",
    "area_served",
    "department_codes",
    "eligibility_notes",
    "referral_method",
    "referral_details",
]


class HttpsURLField(forms.URLField):
    """An address typed without its scheme is read as https://."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class OrganisationForm(ConcurrentEditMixin, forms.ModelForm):
    confirm_duplicate = forms.BooleanField(
        label=_("Créer quand même : j'ai vérifié que ce n'est pas un partenaire déjà présent"), required=False
    )

    class Meta:
        model = PartnerOrganisation
        fields = [*ORGANISATION_FIELDS, "is_active"]
        widgets = {
            "area_served": forms.Textarea(attrs={"rows": 2}),
            "eligibility_notes": forms.Textarea(attrs={"rows": 3}),
            "referral_details": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"network": BoundedModelChoiceField, "website": HttpsURLField}

    def __init__(self, *args, structure, ask_confirmation=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = Network.objects.filter(structures=structure)
        self.postcode_country = structure.country
        self.fields["network"].error_messages["invalid_choice"] = _(
            "Partagé avec le réseau : choisissez un réseau dont votre structure est membre."
        )
        self.fields["name"].error_messages["required"] = _("Nom : indiquez le nom du partenaire.")
        if not ask_confirmation:
            del self.fields["confirm_duplicate"]
        if self.instance.pk is None:
            del self.fields["is_active"]

    def clean_postcode(self) -> str:
        return validate_postcode(self.cleaned_data.get("postcode", ""), self.postcode_country)

    def clean_siret(self):
        siret = "".join(self.cleaned_data.get("siret", "").split())
        if siret and not siret.isdigit():
            raise forms.ValidationError(_("SIRET : uniquement des chiffres (14 pour un SIRET)."))
        return siret


class ServiceForm(forms.Form):
    name = forms.CharField(label=_("Service"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    needs = forms.MultipleChoiceField(
        label=_("Besoins auxquels répond le service"),
        choices=BarrierDomain.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("cochez au moins un besoin auquel répond ce service.")},
    )


class ContactForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = PartnerContact
        fields = ["name", "role", "phone", "email"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("phone", _("indiquez au moins un téléphone ou un courriel."))
        return cleaned


class ServiceEditForm(ServiceForm):
    is_active = forms.BooleanField(label=_("Service proposé"), required=False)
