from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.concurrency import ConcurrentEditMixin
from tremplin.core.forms import BoundedModelChoiceField, DateInput
from tremplin.core.postcodes import validate_postcode

from .models import Company, Contact, Interaction, RelationshipKind, Site


class CompanyForm(forms.ModelForm):
    relationships = forms.MultipleChoiceField(
        label=_("Nature de la relation"),
        choices=RelationshipKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(label=_("Site internet"), required=False, assume_scheme="https")
    accept_similar_name = forms.BooleanField(
        label=_("C'est une autre entreprise, malgré un nom proche d'une entreprise du réseau"), required=False
    )

    class Meta:
        model = Company
        fields = ["name", "identifier", "sector", "size_band", "relationships", "website", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"name": {"required": _("Indiquez le nom de l'entreprise.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["relationships"] = self.instance.relationship_codes

    def clean_relationships(self) -> str:
        codes = self.cleaned_data["relationships"]
        known = [code for code in RelationshipKind.values if code in set(codes)]
        return f",{','.join(known)}," if known else ""

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Indiquez le nom de l'entreprise."))
        return name


class CompanyEditForm(ConcurrentEditMixin, CompanyForm):
    pass


class SiteForm(forms.ModelForm):
    class Meta:
        model = Site
        fields = ["name", "address", "postcode", "city", "latitude", "longitude"]
        help_texts = {
            "latitude": _("Facultatif, en degrés décimaux (50.63) : sert à estimer les temps de trajet."),
            "longitude": _("Facultatif, en degrés décimaux (3.06)."),
        }

    def clean_postcode(self) -> str:
        company = self.instance.company if self.instance.company_id else None
        return validate_postcode(self.cleaned_data.get("postcode", ""), company.structure.country if company else None)

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
        if (lat is None) != (lon is None):
            self.add_error(
                "longitude" if lon is None else "latitude",
                _("Indiquez la latitude et la longitude, ou aucune des deux."),
            )
        if lat is not None and not -90 <= lat <= 90:
            self.add_error("latitude", _("La latitude est comprise entre -90 et 90."))
        if lon is not None and not -180 <= lon <= 180:
            self.add_error("longitude", _("La longitude est comprise entre -180 et 180."))
        return cleaned


class ContactForm(forms.ModelForm):
    site = BoundedModelChoiceField(queryset=Site.objects.none(), required=False, label=_("Site"))

    class Meta:
        model = Contact
        fields = ["first_name", "last_name", "job_title", "email", "phone", "site"]
        error_messages = {"last_name": {"required": _("Indiquez le nom du contact.")}}

    def __init__(self, *args, company: Company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = company.sites.all()


class InteractionForm(forms.ModelForm):
    contact = BoundedModelChoiceField(queryset=Contact.objects.none(), required=False, label=_("Contact"))

    class Meta:
        model = Interaction
        fields = ["kind", "happened_on", "contact", "summary", "next_step", "next_step_on"]
        widgets = {
            "happened_on": DateInput(),
            "next_step_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "kind": {"required": _("Choisissez le type d'échange.")},
            "happened_on": {
                "required": _("Indiquez la date de l'échange."),
                "invalid": _("Date invalide : jj/mm/aaaa."),
            },
        }

    def __init__(self, *args, company: Company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = company.contacts.all()
