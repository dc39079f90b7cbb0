import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import BoundedModelChoiceField, DateInput

from . import scopes
from .services import token_members

DEFAULT_VALIDITY_DAYS = 365
PAST_EXPIRY = _("Expire le : choisissez une date après aujourd'hui.")


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nom du jeton"),
        max_length=100,
        help_text=_("Le logiciel ou l'usage qu'il sert, pour le reconnaître dans la liste."),
        error_messages={"required": _("Nom du jeton : indiquez le logiciel ou l'usage qu'il sert.")},
    )
    membership = BoundedModelChoiceField(
        label=_("Au nom de"),
        queryset=None,
        help_text=_("Le jeton ne voit jamais plus que ce membre : son rôle, son équipe, ce qu'il peut lire."),
        error_messages={"required": _("Au nom de : choisissez un membre de l'équipe.")},
    )
    scopes = forms.MultipleChoiceField(
        label=_("Droits"),
        choices=[(value, scopes.label(value)) for value in scopes.ALL_SCOPES],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("L'écriture comprend la lecture du même domaine."),
        error_messages={"required": _("Droits : cochez au moins un droit de la liste.")},
    )
    expires_on = forms.DateField(
        label=_("Expire le"),
        required=False,
        widget=DateInput(),
        help_text=_("Laissé vide, le jeton reste valable jusqu'à sa révocation."),
    )

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        field.queryset = token_members(structure)
        field.label_from_instance = lambda m: f"{m.user.get_full_name() or m.user.email} — {m.get_role_display()}"
        if not self.is_bound:
            self.initial["expires_on"] = timezone.localdate() + datetime.timedelta(days=DEFAULT_VALIDITY_DAYS)

    def clean_expires_on(self):
        value = self.cleaned_data.get("expires_on")
        if value is not None and value <= timezone.localdate():
            raise forms.ValidationError(PAST_EXPIRY)
        return value
