from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import BoundedModelMultipleChoiceField, DateInput

from .models import Competence, CompetenceKind, EvidenceKind, Family, Moment, Review

# The headings under which a structure's competences are offered, in this order.
GROUPS = {
    "soft": _("Savoir-être professionnels"),
    "clea": _("Compétences de base (socle CléA)"),
    "language": _("Langues (niveaux du CECRL)"),
    "technical": _("Compétences techniques (ROME)"),
    "own": _("Compétences propres à la structure"),
}


def group_of(competence: Competence) -> str:
    """A CléA domain or a language is listed with its family, whoever wrote it (catalogue or structure)."""
    if competence.family in (Family.CLEA, Family.LANGUAGE):
        return competence.family
    return CompetenceKind.OWN if competence.kind == CompetenceKind.BASIC else competence.kind


def _sort_key(competence: Competence) -> tuple:
    # French first among languages: the one every person works on.
    return (not competence.code.startswith("lang_fr"), competence.display_name.casefold())


def grouped(competences) -> list[tuple[str, list]]:
    """(heading, items) in the order of GROUPS; `competences` are competences or (competence, item) pairs."""
    buckets: dict[str, list] = {key: [] for key in GROUPS}
    for entry in competences:
        competence = entry[0] if isinstance(entry, tuple) else entry
        buckets[group_of(competence)].append(entry)
    result = []
    for key, label in GROUPS.items():
        items = sorted(buckets[key], key=lambda e: _sort_key(e[0] if isinstance(e, tuple) else e))
        if items:
            result.append((str(label), [e[1] if isinstance(e, tuple) else e for e in items]))
    return result


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

    def competence_groups(self) -> list[tuple[str, list]]:
        """The checkboxes under their headings (CléA domains, languages…), for the template."""
        competences = {str(c.pk): c for c in self.fields["competences"].queryset}
        pairs = [
            (competences[str(choice.data["value"])], choice)
            for choice in self["competences"]
            if str(choice.data["value"]) in competences
        ]
        return grouped(pairs)


class AddCompetenceForm(forms.Form):
    """One more competence for a session, from the structure's catalogue."""

    competence = forms.ChoiceField(
        label=_("Compétence à ajouter"), widget=forms.Select(attrs={"aria-describedby": "add-competence-help"})
    )

    def __init__(self, *args, competences, **kwargs):
        super().__init__(*args, **kwargs)
        self.competences = {str(c.public_id): c for c in competences}
        self.fields["competence"].choices = [("", "---------")] + [
            (label, [(str(c.public_id), c.display_name) for c in items])
            for label, items in grouped(list(self.competences.values()))
        ]

    def clean_competence(self) -> Competence:
        return self.competences[self.cleaned_data["competence"]]


class ProposalForm(forms.Form):
    """A competence a counsellor or a supervisor proposes; the director approves it before anyone uses it."""

    FAMILIES = [
        ("", _("Savoir-faire ou compétence du poste")),
        (Family.CLEA, _("Compétence de base (socle CléA)")),
        (Family.LANGUAGE, _("Langue")),
    ]

    name = forms.CharField(label=_("Intitulé"), max_length=300)
    family = forms.ChoiceField(
        label=_("Type"),
        choices=FAMILIES,
        required=False,
        help_text=_("Pour une langue, les niveaux du CECRL sont repris si vous laissez les niveaux vides."),
    )
    description = forms.CharField(
        label=_("Description"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    level_0 = forms.CharField(label=_("Niveau 0"), max_length=300, required=False)
    level_1 = forms.CharField(label=_("Niveau 1"), max_length=300, required=False)
    level_2 = forms.CharField(label=_("Niveau 2"), max_length=300, required=False)
    level_3 = forms.CharField(label=_("Niveau 3"), max_length=300, required=False)
    level_4 = forms.CharField(label=_("Niveau 4"), max_length=300, required=False)
    level_5 = forms.CharField(label=_("Niveau 5"), max_length=300, required=False)

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.structure = structure

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        taken = Competence.objects.available_to(self.structure).exclude(review=Review.REFUSED)
        if taken.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("Cette compétence existe déjà dans le référentiel ou est déjà proposée."))
        return name

    def clean(self):
        cleaned = super().clean()
        levels = [cleaned.get(f"level_{n}", "").strip() for n in range(6)]
        if any(levels) and not all(levels):
            raise forms.ValidationError(_("Niveaux : décrivez les six niveaux, de 0 à 5, ou aucun."))
        if not any(levels) and cleaned.get("family") != Family.LANGUAGE:
            raise forms.ValidationError(
                _("Niveaux : décrivez ce que l'on voit la personne faire à chaque niveau, de 0 à 5.")
            )
        cleaned["levels"] = levels
        return cleaned


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
        if self.instance.review != Review.APPROVED:
            # A proposal comes into use only through the director's approval.
            del self.fields["active"]

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
