from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.concurrency import ConcurrentEditMixin

from .jobs import ROME_CODE, code_for_job_name
from .models import TargetJob
from .widgets import JobCombobox


class TargetJobForm(forms.ModelForm):
    class Meta:
        model = TargetJob
        fields = ["title", "job_code", "status", "notes", "constraints"]
        widgets = {
            "title": JobCombobox(value="title", code_field="job_code"),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "constraints": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"title": {"required": _("Indiquez le métier visé.")}}
        help_texts = {
            "title": _(
                "Tapez quelques lettres d'un nom de métier, avec ou sans accents : le métier et son code ROME "
                "sont proposés."
            )
        }

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Indiquez le métier visé."))
        return title

    def clean_job_code(self) -> str:
        code = self.cleaned_data["job_code"].strip().upper()
        if code and not ROME_CODE.match(code):
            raise forms.ValidationError(
                _("Le code ROME est une lettre de A à N suivie de quatre chiffres, par exemple A1203.")
            )
        return code

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("title") and not cleaned.get("job_code") and "job_code" not in self.errors:
            cleaned["job_code"] = code_for_job_name(cleaned["title"])
        return cleaned


class TargetJobEditForm(ConcurrentEditMixin, TargetJobForm):
    pass


class JobSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Nom du métier ou code ROME"),
        max_length=100,
        help_text=_("Par exemple « agent entretien espaces verts » ou A1203."),
        error_messages={"required": _("Tapez un nom de métier ou un code ROME.")},
    )
