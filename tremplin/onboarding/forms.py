"""The upload form and the column-mapping form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import columns


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier à reprendre (XLSX ou CSV)"),
        help_text=_("Au plus 8 Mo et 10 000 lignes ; la première ligne porte les noms des colonnes."),
        error_messages={"required": _("Choisissez le fichier à importer."), "empty": _("Ce fichier est vide.")},
    )


class MappingForm(forms.Form):
    """One choice per column of the file: which template column it holds, or none."""

    def __init__(self, *args, headers: list[str], mapping: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— ne pas importer —"))] + [(c.key, c.label) for c in columns.COLUMNS]
        self.indexes: list[int] = []
        for index, header in enumerate(headers):
            if not header:
                continue
            name = f"column_{index}"
            self.fields[name] = forms.ChoiceField(
                label=header, choices=choices, required=False, initial=mapping.get(index, "")
            )
            self.indexes.append(index)

    def mapping(self) -> dict[int, str]:
        return {index: self.cleaned_data.get(f"column_{index}", "") for index in self.indexes}
