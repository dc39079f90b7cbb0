from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tremplin.people.models import ContactLanguage

from . import texts
from .models import Channel, ContactPreference, MessagingSettings
from .phones import to_e164


class PreferenceForm(forms.ModelForm):
    """The person's contact preferences; the language is the person's own field (people app)."""

    preferred_language = forms.ChoiceField(label=_("Langue des messages"), choices=ContactLanguage.choices)

    class Meta:
        model = ContactPreference
        fields = ["by_sms", "by_email", "sms_opt_out", "email_opt_out", "mobile"]

    def __init__(self, *args, country: str = "FR", **kwargs):
        super().__init__(*args, **kwargs)
        self.country = country
        self.fields["by_sms"].label = _("Préfère les SMS")
        self.fields["by_email"].label = _("Préfère les courriels")

    def clean_mobile(self) -> str:
        try:
            return to_e164(self.cleaned_data.get("mobile", ""), self.country)
        except ValidationError as error:
            raise ValidationError(error.message_dict["mobile"]) from None

    def clean(self):
        data = super().clean()
        if (
            data.get("by_sms")
            and not data.get("sms_opt_out")
            and not data.get("mobile")
            and "mobile" not in self.errors
        ):
            self.add_error("mobile", _("Numéro de portable : obligatoire pour préférer les SMS."))
        return data


class SettingsForm(forms.ModelForm):
    class Meta:
        model = MessagingSettings
        fields = [
            "reminder_hours_before",
            "reminder_morning_before",
            "quiet_from",
            "quiet_until",
            "daily_cap",
            "sender_name",
        ]
        widgets = {
            "quiet_from": forms.TimeInput(attrs={"type": "time"}),
            "quiet_until": forms.TimeInput(attrs={"type": "time"}),
        }

    def clean_sender_name(self) -> str:
        name = self.cleaned_data.get("sender_name", "").strip()
        if name and not (name.isascii() and name.isalnum()):
            raise ValidationError(_("Nom de l'expéditeur : lettres sans accent et chiffres seulement, sans espace."))
        return name

    def clean_reminder_hours_before(self) -> int:
        hours = self.cleaned_data["reminder_hours_before"]
        if hours > 24 * 14:
            raise ValidationError(_("Rappel : 336 heures (deux semaines) au plus avant le rendez-vous."))
        return hours

    def clean_daily_cap(self) -> int:
        cap = self.cleaned_data["daily_cap"]
        if cap < 1:
            raise ValidationError(_("Messages par jour : au moins 1."))
        return cap


class TemplateForm(forms.Form):
    body = forms.CharField(label=_("Texte"), max_length=1000, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, purpose: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.purpose = purpose
        self.fields["body"].help_text = _("Variables possibles : %(known)s. Obligatoires ici : %(required)s.") % {
            "known": ", ".join(f"{{{name}}}" for name in texts.PLACEHOLDERS),
            "required": ", ".join(f"{{{name}}}" for name in texts.REQUIRED[purpose]),
        }

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        try:
            texts.check_template(body, self.purpose)
        except ValidationError as error:
            raise ValidationError(error.message_dict["body"]) from None
        return body


class InviteField(forms.MultipleChoiceField):
    """The "invite by SMS / e-mail" checkboxes of a planning form; ticked per the person's preferred channels."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Inviter la personne"))
        kwargs.setdefault("choices", Channel.choices)
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(**kwargs)
