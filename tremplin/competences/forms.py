from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import BoundedModelMultipleChoiceField, DateInput

from .models import Competence, CompetenceKind, EvidenceKind, Moment


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date de la séance"), widget=DateInput())
    moment = forms.ChoiceField(label=_("Moment du parcours"), choices=Moment.choices)
    competences = BoundedModelMultipleChoiceField(
        label=_("Compétences évaluées"),
        queryset=Competence.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choisissez au moins une compétence à évaluer.")},
    )

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competences"].queryset = Competence.objects.chosen_by(structure).filter(active=True)


class OwnCompetenceForm(forms.ModelForm):
    """A competence of the structure: a workstation's gestures, a machine's safe use."""

    esco_uri = forms.URLField(label=_("identifiant ESCO"), max_length=300, required=False, assume_scheme="https")
    level_0 = forms.CharField(label=_("Niveau 0"), max_length=300, required=False)
    level_1 = forms.CharField(label=_("Niveau 1"), max_length=300, required=False)
    level_2 = forms.CharField(label=_("Niveau 2"), max_length=300, required=False)
    level_3 = forms.CharField(label=_("Niveau 3"), max_length=300, required=False)
    level_4 = forms.CharField(label=_("Niveau 4"), max_length=300, required=False)
    level_5 = forms.CharField(label=_("Niveau 5"), max_length=300, required=False)

    class Meta:
        model = Competence
        fields = ["code", "name", "name_en", "description", "description_en", "esco_uri", "active"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.structure = structure
        self.fields["code"].help_text = _("Un code court propre à votre structure, par exemple POSTE-TRI-01.")
        for n, text in enumerate(self.instance.levels or []):
            self.fields[f"level_{n}"].initial = text

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        taken = Competence.objects.filter(structure=self.structure, code=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Ce code est déjà utilisé par une autre compétence de votre structure."))
        return code

    def save(self, commit=True):
        competence = super().save(commit=False)
        competence.structure = self.structure
        competence.kind = CompetenceKind.OWN
        levels = [self.cleaned_data.get(f"level_{n}", "").strip() for n in range(6)]
        competence.levels = levels if any(levels) else []
        if commit:
            competence.save()
        return competence


class EvidenceForm(forms.Form):
    competence = forms.ChoiceField(label=_("Compétence"))
    kind = forms.ChoiceField(label=_("Type de preuve"), choices=EvidenceKind.choices)
    description = forms.CharField(
        label=_("Ce qui a été observé ou réalisé"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    file = forms.FileField(
        label=_("Fichier (facultatif)"),
        required=False,
        help_text=_("PDF, JPEG ou PNG : photo du travail, attestation."),
    )

    def __init__(self, *args, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].choices = [(str(s.competence.public_id), s.competence.display_name) for s in scores]
