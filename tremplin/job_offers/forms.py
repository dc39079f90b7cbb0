from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.concurrency import ConcurrentEditMixin
from tremplin.core.forms import BoundedModelChoiceField, DateInput
from tremplin.core.postcodes import validate_postcode
from tremplin.employers.models import Company, Site
from tremplin.professional_project.widgets import JobCombobox

from .models import JobOffer, OfferStatus, Shift


class JobOfferForm(forms.ModelForm):
    company = BoundedModelChoiceField(queryset=Company.objects.none(), label=_("Employeur"))
    site = BoundedModelChoiceField(queryset=Site.objects.none(), required=False, label=_("Site"))
    shifts = forms.MultipleChoiceField(
        label=_("Horaires"), choices=Shift.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = JobOffer
        fields = [
            "job_code",
            "title",
            "company",
            "site",
            "postcode",
            "city",
            "contract_type",
            "duration_months",
            "weekly_hours",
            "shifts",
            "start_date",
            "deadline",
            "driving_licence_required",
            "vehicle_required",
            "physical_demand",
            "french_level_required",
            "certifications",
            "required_competences",
            "description",
            "status",
        ]
        widgets = {
            "start_date": DateInput(),
            "deadline": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "job_code": JobCombobox(value="code", title_field="title"),
        }
        help_texts = {
            "job_code": _("Tapez le code ROME, ou quelques lettres du nom du métier pour le retrouver avec son code.")
        }
        error_messages = {
            "title": {"required": _("Indiquez l'intitulé du poste.")},
            "job_code": {"required": _("Indiquez le code métier ROME de l'offre.")},
            "contract_type": {"required": _("Choisissez le type de contrat.")},
            "start_date": {"invalid": _("Date invalide : jj/mm/aaaa.")},
            "deadline": {"invalid": _("Date invalide : jj/mm/aaaa.")},
        }

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Company.objects.filter(structure=structure)
        self.postcode_country = structure.country
        self.fields["site"].queryset = Site.objects.filter(company__structure=structure).select_related("company")
        self.fields["site"].label_from_instance = lambda site: f"{site.company.name} — {site}"
        self.fields["postcode"].required = False
        self.fields["city"].required = False
        self.fields["postcode"].help_text = _("Laissé vide, c'est celui du site choisi.")
        self.fields["status"].initial = OfferStatus.OPEN
        self.initial["shifts"] = self.instance.shift_codes

    def clean(self):
        cleaned = super().clean()
        site, company = cleaned.get("site"), cleaned.get("company")
        if site is not None and company is not None and site.company_id != company.pk:
            self.add_error("site", _("Ce site n'appartient pas à l'employeur choisi."))
        for name in ("postcode", "city"):
            if not cleaned.get(name) and site is not None:
                cleaned[name] = getattr(site, name)
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, _("Indiquez le lieu de travail, ou choisissez un site qui l'a."))
        return cleaned

    def clean_postcode(self) -> str:
        return validate_postcode(self.cleaned_data.get("postcode", ""), self.postcode_country)

    def clean_shifts(self) -> str:
        codes = self.cleaned_data["shifts"]
        known = [code for code in Shift.values if code in set(codes)]
        return f",{','.join(known)}," if known else ""


class JobOfferEditForm(ConcurrentEditMixin, JobOfferForm):
    pass


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier des offres (CSV ou XLSX)"),
        help_text=_("Au plus 2 Mo et 2 000 lignes ; la première ligne porte les noms des colonnes."),
        error_messages={"required": _("Choisissez le fichier à importer."), "empty": _("Ce fichier est vide.")},
    )
