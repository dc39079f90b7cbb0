"""The CV editor: the draft's words and contact choices, then one line per item (shown or not, position)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .content import LIMITS, SECTIONS
from .models import CvLanguage
from .services import MAX_RANK


class CvDraftForm(forms.Form):
    language = forms.ChoiceField(label=_("Langue du CV"), choices=CvLanguage.choices)
    headline = forms.CharField(
        label=_("Titre du CV"),
        required=False,
        max_length=120,
        help_text=_("Par exemple : Agent d'entretien des espaces verts."),
    )
    summary = forms.CharField(
        label=_("Présentation"),
        required=False,
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Trois ou quatre lignes, écrites avec la personne."),
    )
    show_email = forms.BooleanField(label=_("Afficher le courriel"), required=False)
    show_phone = forms.BooleanField(label=_("Afficher le téléphone"), required=False)
    show_city = forms.BooleanField(label=_("Afficher la commune"), required=False)
    show_languages = forms.BooleanField(label=_("Afficher les langues parlées"), required=False)

    def __init__(self, *args, items: dict, draft, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        self.item_fields: list[tuple] = []
        hidden = set(draft.hidden or [])
        ranks = draft.ranks or {}
        if not self.is_bound:
            for name in ("language", "headline", "summary", "show_email", "show_phone", "show_city", "show_languages"):
                self.initial.setdefault(name, getattr(draft, name))
        index = 0
        self.keys: dict[int, str] = {}
        for section, label in SECTIONS:
            rows = []
            for item in items[section]:
                include, rank = f"item_{index}_include", f"item_{index}_rank"
                self.fields[include] = forms.BooleanField(
                    label=_("Montrer « %(title)s »") % {"title": item.title},
                    required=False,
                    initial=item.key not in hidden,
                )
                self.fields[rank] = forms.IntegerField(
                    label=_("Position de « %(title)s »") % {"title": item.title},
                    required=False,
                    min_value=1,
                    max_value=MAX_RANK,
                    initial=ranks.get(item.key),
                )
                self.keys[index] = item.key
                rows.append((item, self[include], self[rank]))
                index += 1
            self.item_fields.append((section, label, rows, LIMITS[section]))

    def main_fields(self):
        return [self[name] for name in ("language", "headline", "summary")]

    def contact_fields(self):
        return [self[name] for name in ("show_email", "show_phone", "show_city", "show_languages")]

    def choices(self) -> tuple[list[str], dict[str, int]]:
        hidden, ranks = [], {}
        for index, key in self.keys.items():
            if not self.cleaned_data.get(f"item_{index}_include"):
                hidden.append(key)
            rank = self.cleaned_data.get(f"item_{index}_rank")
            if rank is not None:
                ranks[key] = rank
        return hidden, ranks
