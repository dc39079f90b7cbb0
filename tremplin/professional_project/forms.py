from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.concurrency import ConcurrentEditMixin

from .jobs import ROME_CODE, code_for_title
from .models import TargetJob


class TargetJobForm(forms.ModelForm):
    class Meta:
        model = TargetJob
        fields = ["title", "job_code", "status", "notes", "constraints"]
        widgets = {
            "title": forms.TextInput(attrs={"list": "common-jobs", "autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "constraints": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"title": {"required": _("Indiquez le métier visé.")}}
        help_texts = {"title": _("Tapez quelques lettres pour voir les métiers courants du secteur.")}

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
            cleaned["job_code"] = code_for_title(cleaned["title"])
        return cleaned


class TargetJobEditForm(ConcurrentEditMixin, TargetJobForm):
    pass
