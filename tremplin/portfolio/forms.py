from django import forms

from tremplin.core.forms import DateInput

from .models import Certification, Experience, Training

_DATES = {"started_on": DateInput(), "ended_on": DateInput(), "obtained_on": DateInput(), "expires_on": DateInput()}


class ExperienceForm(forms.ModelForm):
    class Meta:
        model = Experience
        fields = ["kind", "title", "organisation", "place", "started_on", "ended_on", "description"]
        widgets = {**_DATES, "description": forms.Textarea(attrs={"rows": 3})}


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = ["title", "organisation", "started_on", "ended_on", "obtained", "description"]
        widgets = {**_DATES, "description": forms.Textarea(attrs={"rows": 3})}


class CertificationForm(forms.ModelForm):
    class Meta:
        model = Certification
        fields = ["name", "issuer", "obtained_on", "expires_on", "reference"]
        widgets = _DATES
