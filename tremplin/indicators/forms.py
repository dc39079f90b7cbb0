from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import DateInput

from .figures import Period

# A period longer than this is refused: the page reads month by month.
MAX_PERIOD_DAYS = 366 * 5


class PeriodForm(forms.Form):
    """The period (the current year when nothing is given) and the programme (all when none)."""

    programme = forms.ChoiceField(label=_("Dispositif"), required=False)
    start = forms.DateField(label=_("Du"), required=False, widget=DateInput())
    end = forms.DateField(label=_("au"), required=False, widget=DateInput())

    def __init__(self, *args, programmes, default: Period, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = default
        self.programmes = {str(p.public_id): p for p in programmes}
        self.fields["programme"].choices = [("", _("tous les dispositifs"))] + [
            (key, p.name) for key, p in self.programmes.items()
        ]
        self.fields["start"].initial = default.start
        self.fields["end"].initial = default.end

    def clean(self):
        data = super().clean()
        start = data.get("start") or self.default.start
        end = data.get("end") or self.default.end
        if "start" in self.errors or "end" in self.errors:
            return data
        if end < start:
            self.add_error("end", _("La fin de la période doit être égale ou postérieure à son début."))
        elif (end - start).days > MAX_PERIOD_DAYS:
            self.add_error("end", _("La période ne peut pas dépasser 5 ans."))
        data["start"], data["end"] = start, end
        return data

    def period(self) -> Period:
        if self.is_valid():
            return Period(self.cleaned_data["start"], self.cleaned_data["end"])
        return self.default

    def chosen_programme(self):
        if self.is_valid():
            return self.programmes.get(self.cleaned_data.get("programme") or "")
        return None

    def query(self) -> str:
        """The period and programme as a query string, for the links to the people behind a figure."""
        from urllib.parse import urlencode

        period = self.period()
        params = {"start": period.start.isoformat(), "end": period.end.isoformat()}
        programme = self.chosen_programme()
        if programme is not None:
            params["programme"] = str(programme.public_id)
        return urlencode(params)


class CommentsForm(forms.Form):
    """One comment per section of the report, written by the direction."""

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        from .services import COMMENT_MAX_LENGTH

        for section in sections:
            self.fields[f"comment_{section.key}"] = forms.CharField(
                label=section.title,
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def comments(self) -> dict[str, str]:
        return {name.removeprefix("comment_"): value for name, value in self.cleaned_data.items()}


class TargetsForm(forms.Form):
    year = forms.IntegerField(label=_("Année"), min_value=2000, max_value=2100)
    dynamic_exit_rate = forms.DecimalField(
        label=_("Taux de sorties dynamiques visé (%)"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=4,
        decimal_places=1,
    )
    people = forms.IntegerField(label=_("Personnes accompagnées visées"), required=False, min_value=0)
    hours = forms.IntegerField(label=_("Heures travaillées visées"), required=False, min_value=0)
