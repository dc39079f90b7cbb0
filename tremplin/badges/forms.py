from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField

from . import images
from .models import MAX_LEVEL, Achievement, DidMethod, Issuer


class ImageUploadMixin:
    """An optional PNG or SVG image, checked (type, size, no active content) before it is kept."""

    def clean_image_file(self):
        upload = self.cleaned_data.get("image_file")
        if not upload:
            return None
        if upload.size > images.MAX_UPLOAD:
            raise forms.ValidationError(_("Choisissez une image PNG ou SVG de moins de 256 Ko."))
        try:
            return images.clean_upload(upload.read())
        except images.ImageTooLarge as error:
            raise forms.ValidationError(
                _("L'image mesure %(width)s × %(height)s pixels : au plus %(max)s × %(max)s pixels.")
                % {"width": error.width, "height": error.height, "max": images.MAX_SIDE}
            ) from None
        except (ValueError, OSError, SyntaxError):
            raise forms.ValidationError(
                _("Choisissez une image PNG ou SVG de moins de 256 Ko, sans script ni lien externe.")
            ) from None


class IssuerForm(ImageUploadMixin, forms.ModelForm):
    image_file = forms.FileField(label=_("Logo (PNG ou SVG)"), required=False)

    class Meta:
        model = Issuer
        fields = ["name", "url", "email", "description", "did_method"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["url"].assume_scheme = "https"
        if self.instance.pk:
            # The identifier is in every credential already issued: it cannot change.
            del self.fields["did_method"]
        else:
            self.fields["did_method"].choices = [
                (DidMethod.WEB, DidMethod.WEB.label),
                (DidMethod.KEY, DidMethod.KEY.label),
                (DidMethod.WEB_ROOT, DidMethod.WEB_ROOT.label),
            ]

    def clean_did_method(self):
        method = self.cleaned_data["did_method"]
        if method == DidMethod.WEB_ROOT and Issuer.objects.filter(did_method=DidMethod.WEB_ROOT).exists():
            raise forms.ValidationError(_("Une autre structure de cette installation utilise déjà le nom de domaine."))
        return method


class AchievementForm(ImageUploadMixin, forms.ModelForm):
    image_file = forms.FileField(
        label=_("Image (PNG ou SVG)"), required=False, help_text=_("Sans image, une image est créée à partir du nom.")
    )

    class Meta:
        model = Achievement
        fields = [
            "name",
            "description",
            "criteria",
            "competence",
            "alignment_framework",
            "alignment_code",
            "alignment_name",
            "alignment_url",
            "required_level",
            "validity_months",
            "active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "criteria": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"competence": BoundedModelChoiceField}

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        from tremplin.competences.models import Competence

        self.fields["competence"].queryset = Competence.objects.available_to(structure).filter(active=True)
        self.fields["competence"].help_text = _(
            "Les champs d'alignement laissés vides sont remplis à partir de la compétence choisie."
        )
        self.fields["alignment_url"].assume_scheme = "https"
        self.fields["required_level"].widget.attrs.update({"min": 0, "max": MAX_LEVEL})

    def clean_required_level(self):
        level = self.cleaned_data.get("required_level")
        if level is not None and not 0 <= level <= MAX_LEVEL:
            raise forms.ValidationError(_("Le niveau requis doit être compris entre 0 et 5."))
        return level


class ConfirmFields(forms.Form):
    confirm_criteria = forms.BooleanField(
        label=_("Je confirme l'attribution même si la dernière évaluation n'atteint pas le niveau requis"),
        required=False,
    )
    confirm_reaward = forms.BooleanField(
        label=_("Je confirme l'attribution d'un badge qui avait été révoqué"), required=False
    )

    def confirmed(self) -> set:
        from .services import CRITERIA_NOT_MET, REVOKED_BEFORE

        codes = set()
        if self.cleaned_data.get("confirm_criteria"):
            codes.add(CRITERIA_NOT_MET)
        if self.cleaned_data.get("confirm_reaward"):
            codes.add(REVOKED_BEFORE)
        return codes


class AwardForm(ConfirmFields):
    achievement = BoundedModelChoiceField(label=_("Badge"), queryset=Achievement.objects.none())
    level = forms.IntegerField(
        label=_("Niveau évalué (0 à 5)"),
        required=False,
        min_value=0,
        max_value=MAX_LEVEL,
        help_text=_("Vide : le niveau de la dernière évaluation de l'accompagnant·e, s'il y en a une."),
    )
    field_order = ["achievement", "level", "confirm_criteria", "confirm_reaward"]

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["achievement"].queryset = Achievement.objects.filter(structure=structure, active=True)


class BulkAwardForm(ConfirmFields):
    achievement = BoundedModelChoiceField(label=_("Badge"), queryset=Achievement.objects.none())
    pathways = BoundedModelMultipleChoiceField(label=_("Personnes"), queryset=None, widget=forms.CheckboxSelectMultiple)
    field_order = ["achievement", "pathways", "confirm_criteria", "confirm_reaward"]

    def __init__(self, *args, structure, pathways, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["achievement"].queryset = Achievement.objects.filter(structure=structure, active=True)
        self.fields["pathways"].queryset = pathways
        self.fields["pathways"].label_from_instance = lambda p: f"{p.person.full_name} — {p.programme.name}"


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif de la révocation"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Il reste dans le dossier ; la page publique indique seulement que le badge est révoqué."),
    )
