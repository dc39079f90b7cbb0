"""Interview forms. Rules (dates, attendance, third party) live in services and come back on these fields."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.roles import Responsibility
from tremplin.core.forms import BoundedModelChoiceField, DateInput
from tremplin.core.visibility import Visibility
from tremplin.messaging.forms import InviteField

from .intake import INTAKE_SECTIONS
from .models import Attendance, Channel, Interview, Kind

User = get_user_model()


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


VISIBILITY_HELP = _(
    "« Équipe sociale uniquement » : jamais lu par l'encadrement technique ni les autres membres de l'équipe."
)


def staff_of(structure):
    """Who may lead an interview (roles.Responsibility.SUPPORT)."""
    return User.objects.holding(Responsibility.SUPPORT, structure)


class _LedByMixin:
    def _set_led_by(self, structure):
        self.fields["led_by"].queryset = staff_of(structure)
        if "channel" in self.fields:
            # Most meetings are held in person: the field may be left as it is.
            self.fields["channel"].required = False

    def clean_channel(self):
        return self.cleaned_data.get("channel") or Channel.IN_PERSON


class PlanForm(_LedByMixin, forms.ModelForm):
    led_by = BoundedModelChoiceField(label=_("Mené par"), queryset=User.objects.none(), required=False)
    visibility = forms.ChoiceField(
        label=_("Visibilité des notes"),
        required=False,
        choices=[("", _("selon le type : équipe sociale pour l'accueil et l'individuel, sinon toute l'équipe"))]
        + list(Visibility.choices),
        help_text=VISIBILITY_HELP,
    )
    # Not the interview's: the invitation sent when it is planned (tremplin.messaging).
    invite = InviteField(
        label=_("Inviter la personne par"),
        help_text=_("Coché selon les préférences de la personne ; rien ne part sans son accord pour être contactée."),
    )
    bring = forms.CharField(
        label=_("À apporter (écrit dans l'invitation)"),
        required=False,
        max_length=200,
        help_text=_("Par exemple : pièce d'identité, CV."),
    )

    class Meta:
        model = Interview
        fields = ["kind", "channel", "third_party", "planned_at", "led_by", "visibility"]
        widgets = {"planned_at": DateTimeInput()}

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_led_by(structure)
        self.fields["planned_at"].label = _("Date et heure prévues")

    def terms(self) -> dict:
        """What `services.plan_interview` takes from this form."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class RecordForm(forms.ModelForm):
    attendance = forms.ChoiceField(
        label=_("Présence de la personne"), choices=Attendance.choices, widget=forms.RadioSelect
    )
    visibility = forms.ChoiceField(
        label=_("Visibilité des notes"), choices=Visibility.choices, help_text=VISIBILITY_HELP
    )

    class Meta:
        model = Interview
        fields = ["held_on", "attendance", "notes", "visibility"]
        widgets = {"held_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].required = True
        self.fields["held_on"].label = _("Date de l'entretien")
        if not self.instance.held_on and not self.is_bound:
            self.initial["held_on"] = timezone.localdate()


class EditForm(_LedByMixin, forms.ModelForm):
    led_by = BoundedModelChoiceField(label=_("Mené par"), queryset=User.objects.none(), required=False)
    attendance = forms.ChoiceField(
        label=_("Présence de la personne"),
        required=False,
        choices=[("", _("pas encore tenu"))] + list(Attendance.choices),
    )
    visibility = forms.ChoiceField(
        label=_("Visibilité des notes"), choices=Visibility.choices, help_text=VISIBILITY_HELP
    )
    notify = forms.BooleanField(
        label=_("Prévenir la personne si la date change (par les canaux de son invitation)"),
        required=False,
        initial=True,
    )

    class Meta:
        model = Interview
        fields = [
            "kind",
            "channel",
            "third_party",
            "planned_at",
            "led_by",
            "held_on",
            "attendance",
            "notes",
            "visibility",
        ]
        widgets = {"planned_at": DateTimeInput(), "held_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_led_by(structure)
        self.fields["planned_at"].label = _("Date et heure prévues")
        self.fields["held_on"].label = _("Date de l'entretien (si tenu)")
        if self.instance.kind == Kind.INTAKE:
            # The intake is edited with its questions (IntakeForm).
            del self.fields["kind"]


class HeldForm(_LedByMixin, forms.ModelForm):
    """A meeting that already took place (a phone call, a talk on the worksite, yesterday's meeting), recorded
    directly with its date, without planning it first. The intake has its own guided form."""

    kind = forms.ChoiceField(
        label=_("Type d'entretien"), choices=[(k.value, k.label) for k in Kind if k != Kind.INTAKE]
    )
    led_by = BoundedModelChoiceField(label=_("Mené par"), queryset=User.objects.none(), required=False)
    attendance = forms.ChoiceField(
        label=_("Présence de la personne"),
        choices=Attendance.choices,
        initial=Attendance.PRESENT,
        widget=forms.RadioSelect,
    )
    visibility = forms.ChoiceField(
        label=_("Visibilité des notes"),
        required=False,
        choices=[("", _("selon le type : équipe sociale pour l'accueil et l'individuel, sinon toute l'équipe"))]
        + list(Visibility.choices),
        help_text=VISIBILITY_HELP,
    )

    class Meta:
        model = Interview
        fields = ["kind", "channel", "third_party", "held_on", "attendance", "led_by", "notes", "visibility"]
        widgets = {"held_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_led_by(structure)
        self.fields["held_on"].required = True
        self.fields["held_on"].label = _("Date de l'entretien")
        if not self.is_bound:
            self.initial.setdefault("held_on", timezone.localdate())

    def terms(self) -> dict:
        """What `services.record_held_interview` takes from this form."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class IntakeForm(_LedByMixin, forms.Form):
    """The guided intake: a date, who led it, the visibility, then one text per question, by section."""

    held_on = forms.DateField(label=_("Date de l'entretien d'accueil"), widget=DateInput())
    led_by = BoundedModelChoiceField(label=_("Mené par"), queryset=User.objects.none(), required=False)
    visibility = forms.ChoiceField(
        label=_("Visibilité de l'entretien"),
        choices=Visibility.choices,
        initial=Visibility.SOCIAL_STAFF_ONLY,
        help_text=_(
            "La partie « Contraintes à prendre en compte » reste réservée à l'équipe sociale quelle que soit ce choix."
        ),
    )

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_led_by(structure)
        if not self.is_bound and "held_on" not in self.initial:
            self.initial["held_on"] = timezone.localdate()
        for section in INTAKE_SECTIONS:
            for question in section.questions:
                self.fields[f"q_{question.key}"] = forms.CharField(
                    label=question.label,
                    help_text=question.help_text,
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )

    def meta_fields(self):
        return [self[name] for name in ("held_on", "led_by", "visibility")]

    def sections(self):
        """(section, [bound fields]) for the template, which renders one fieldset per section."""
        return [(section, [self[f"q_{q.key}"] for q in section.questions]) for section in INTAKE_SECTIONS]

    def answers(self) -> dict:
        return {name[2:]: value for name, value in self.cleaned_data.items() if name.startswith("q_") and value}
