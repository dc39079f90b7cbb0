from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tremplin.core.forms import DateInput
from tremplin.core.visibility import Visibility, visibilities_for

from .models import AttendanceStatus, Observation
from .services import check_not_in_future


class ObservationForm(forms.ModelForm):
    """The short form of the quick capture: the category is already chosen, the text is short."""

    class Meta:
        model = Observation
        fields = ["category", "text", "needs_social_follow_up", "observed_on", "visibility"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
            "observed_on": DateInput(),
        }

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        # Nobody writes at a level they could not read back; supervisors flag instead of hiding.
        readable = visibilities_for(membership)
        self.fields["visibility"].choices = [(v, label) for v, label in Visibility.choices if v in readable]

    def clean_observed_on(self):
        day = self.cleaned_data["observed_on"]
        try:
            check_not_in_future(day, "observed_on")
        except ValidationError:
            raise ValidationError(_("La date d'observation ne peut pas être dans le futur.")) from None
        return day


class AttendanceDayForm(forms.Form):
    day = forms.DateField(label=_("Jour"), widget=DateInput())


STATUS_CHOICES = [("", _("Non renseigné"))] + list(AttendanceStatus.choices)
