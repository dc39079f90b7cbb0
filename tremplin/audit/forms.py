from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import BoundedModelChoiceField, DateInput
from tremplin.people.models import Person

from .models import Action


class LogSearchForm(forms.Form):
    """Search of the access log of the current structure; every field is optional."""

    person = BoundedModelChoiceField(
        label=_("Personne accompagnée"),
        queryset=Person.objects.none(),
        to_field_name="public_id",
        required=False,
        empty_label=_("Toutes"),
    )
    person_id = forms.UUIDField(
        label=_("ou identifiant public de la personne"),
        required=False,
        help_text=_("Utile pour une personne dont la fiche a été supprimée ou anonymisée."),
    )
    actor = forms.CharField(label=_("Auteur·e (courriel)"), max_length=254, required=False)
    action = forms.ChoiceField(label=_("Action"), choices=[("", _("Toutes"))] + list(Action.choices), required=False)
    date_from = forms.DateField(label=_("Du"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Au"), required=False, widget=DateInput())

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(structure=structure).order_by(
            "last_name", "first_name", "pk"
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", ValidationError(_("La date de fin doit suivre la date de début."), "order"))
        return cleaned

    def filter(self, entries):
        """Applies the valid criteria to `entries` (already limited to the structure)."""
        data = self.cleaned_data
        if data.get("person"):
            entries = entries.filter(person_public_id=data["person"].public_id)
        if data.get("person_id"):
            entries = entries.filter(person_public_id=data["person_id"])
        if data.get("actor"):
            entries = entries.filter(actor_email__iexact=data["actor"].strip())
        if data.get("action"):
            entries = entries.filter(action=data["action"])
        if data.get("date_from"):
            entries = entries.filter(at__date__gte=data["date_from"])
        if data.get("date_to"):
            entries = entries.filter(at__date__lte=data["date_to"])
        return entries
