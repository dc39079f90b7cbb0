"""The texts of the messages: built-in templates per kind of meeting × purpose × language, the structure's own
ones, their placeholders, and the values the person reads (dates in their language, the place with a map link).

Short plain sentences: the person may read little French (issue 16). A template is `str.format` text with named
placeholders only; a structure's own template is checked here (unknown or missing required placeholder refused,
naming it) before it is saved.
"""

from __future__ import annotations

import datetime
import string
import urllib.parse

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Language, MeetingKind, Purpose

PLACEHOLDERS = ("first_name", "what", "date", "time", "place", "map", "who", "bring", "link", "structure")
REQUIRED = {
    Purpose.INVITATION: ("date", "time", "link"),
    Purpose.UPDATE: ("date", "time", "link"),
    Purpose.CANCELLATION: ("date",),
    Purpose.REMINDER: ("date", "time", "link"),
    Purpose.FOLLOW_UP: ("structure",),
}

# {bring} and {map} are whole sentences or empty, so a template reads well either way.
DEFAULTS: dict[str, dict[str, str]] = {
    Language.FR: {
        Purpose.INVITATION: "Bonjour {first_name}. Vous avez {what} le {date} à {time}. Lieu : {place}. {map}"
        "Avec {who}. {bring}Vous ne pouvez pas venir ? Dites-le ici : {link} — {structure}",
        Purpose.UPDATE: "Bonjour {first_name}. Votre rendez-vous change. Nouveau rendez-vous : le {date} à {time}. "
        "Lieu : {place}. {map}Vous ne pouvez pas venir ? Dites-le ici : {link} — {structure}",
        Purpose.CANCELLATION: "Bonjour {first_name}. Votre rendez-vous du {date} est annulé. "
        "Nous vous proposerons une autre date. — {structure}",
        Purpose.REMINDER: "Bonjour {first_name}. Rappel : {what} le {date} à {time}. Lieu : {place}. {map}"
        "Vous ne pouvez pas venir ? Dites-le ici : {link} — {structure}",
        Purpose.FOLLOW_UP: "Bonjour {first_name}. Vous n'êtes pas venu·e au rendez-vous. "
        "Tout va bien ? Appelez-nous pour choisir une autre date. — {structure}",
    },
    Language.EN: {
        Purpose.INVITATION: "Hello {first_name}. You have {what} on {date} at {time}. Place: {place}. {map}"
        "With {who}. {bring}You cannot come? Tell us here: {link} — {structure}",
        Purpose.UPDATE: "Hello {first_name}. Your appointment has changed. New appointment: {date} at {time}. "
        "Place: {place}. {map}You cannot come? Tell us here: {link} — {structure}",
        Purpose.CANCELLATION: "Hello {first_name}. Your appointment on {date} is cancelled. "
        "We will offer you another date. — {structure}",
        Purpose.REMINDER: "Hello {first_name}. Reminder: {what} on {date} at {time}. Place: {place}. {map}"
        "You cannot come? Tell us here: {link} — {structure}",
        Purpose.FOLLOW_UP: "Hello {first_name}. You did not come to your appointment. "
        "Is everything all right? Call us to choose another date. — {structure}",
    },
    Language.IT: {
        Purpose.INVITATION: "Buongiorno {first_name}. Ha {what} il {date} alle {time}. Luogo: {place}. {map}"
        "Con {who}. {bring}Non può venire? Ce lo dica qui: {link} — {structure}",
        Purpose.UPDATE: "Buongiorno {first_name}. Il suo appuntamento è cambiato. Nuovo appuntamento: il {date} "
        "alle {time}. Luogo: {place}. {map}Non può venire? Ce lo dica qui: {link} — {structure}",
        Purpose.CANCELLATION: "Buongiorno {first_name}. L'appuntamento del {date} è annullato. "
        "Le proporremo un'altra data. — {structure}",
        Purpose.REMINDER: "Buongiorno {first_name}. Promemoria: {what} il {date} alle {time}. Luogo: {place}. "
        "{map}Non può venire? Ce lo dica qui: {link} — {structure}",
        Purpose.FOLLOW_UP: "Buongiorno {first_name}. Non è venuto/a all'appuntamento. "
        "Va tutto bene? Ci chiami per scegliere un'altra data. — {structure}",
    },
    Language.NL: {
        Purpose.INVITATION: "Hallo {first_name}. U hebt {what} op {date} om {time}. Plaats: {place}. {map}"
        "Met {who}. {bring}Kunt u niet komen? Zeg het hier: {link} — {structure}",
        Purpose.UPDATE: "Hallo {first_name}. Uw afspraak is veranderd. Nieuwe afspraak: {date} om {time}. "
        "Plaats: {place}. {map}Kunt u niet komen? Zeg het hier: {link} — {structure}",
        Purpose.CANCELLATION: "Hallo {first_name}. Uw afspraak van {date} gaat niet door. "
        "Wij geven u een nieuwe datum. — {structure}",
        Purpose.REMINDER: "Hallo {first_name}. Herinnering: {what} op {date} om {time}. Plaats: {place}. {map}"
        "Kunt u niet komen? Zeg het hier: {link} — {structure}",
        Purpose.FOLLOW_UP: "Hallo {first_name}. U bent niet naar de afspraak gekomen. "
        "Gaat alles goed? Bel ons om een nieuwe datum te kiezen. — {structure}",
    },
}

WHAT = {
    MeetingKind.INTERVIEW: {
        Language.FR: "un rendez-vous",
        Language.EN: "an appointment",
        Language.IT: "un appuntamento",
        Language.NL: "een afspraak",
    },
    MeetingKind.WORKSHOP: {
        Language.FR: "un atelier collectif",
        Language.EN: "a group workshop",
        Language.IT: "un laboratorio di gruppo",
        Language.NL: "een groepsworkshop",
    },
    MeetingKind.IMMERSION: {
        Language.FR: "votre premier jour d'immersion en entreprise",
        Language.EN: "your first day of work placement",
        Language.IT: "il suo primo giorno di tirocinio in azienda",
        Language.NL: "uw eerste stagedag",
    },
    MeetingKind.FOLLOW_UP_CALL: {
        Language.FR: "un appel de notre part",
        Language.EN: "a phone call from us",
        Language.IT: "una nostra telefonata",
        Language.NL: "een telefoontje van ons",
    },
    MeetingKind.REVIEW: {
        Language.FR: "une réunion avec l'équipe pour faire le point",
        Language.EN: "a meeting with the team to review how things are going",
        Language.IT: "una riunione con l'équipe per fare il punto",
        Language.NL: "een overleg met het team om te kijken hoe het gaat",
    },
}
# Kinds whose messages say something else than "you have an appointment": the call after an exit tells the person
# when they will be phoned.
KIND_DEFAULTS: dict[str, dict[str, dict[str, str]]] = {
    MeetingKind.FOLLOW_UP_CALL: {
        Language.FR: {
            Purpose.INVITATION: "Bonjour {first_name}. Nous vous appellerons le {date} à {time} pour prendre de "
            "vos nouvelles. {who} vous téléphonera. Pas disponible à cette heure ? Dites-le ici : {link} — {structure}",
            Purpose.UPDATE: "Bonjour {first_name}. Notre appel change. Nous vous appellerons le {date} à {time}. "
            "Pas disponible à cette heure ? Dites-le ici : {link} — {structure}",
            Purpose.REMINDER: "Bonjour {first_name}. Rappel : nous vous appellerons le {date} à {time}. "
            "Pas disponible ? Dites-le ici : {link} — {structure}",
        },
        Language.EN: {
            Purpose.INVITATION: "Hello {first_name}. We will phone you on {date} at {time} to hear how you are. "
            "{who} will call you. Not free at that time? Tell us here: {link} — {structure}",
            Purpose.UPDATE: "Hello {first_name}. Our call has changed. We will phone you on {date} at {time}. "
            "Not free at that time? Tell us here: {link} — {structure}",
            Purpose.REMINDER: "Hello {first_name}. Reminder: we will phone you on {date} at {time}. "
            "Not free? Tell us here: {link} — {structure}",
        },
        Language.IT: {
            Purpose.INVITATION: "Buongiorno {first_name}. La chiameremo il {date} alle {time} per avere sue notizie. "
            "La chiamerà {who}. Non è disponibile a quell'ora? Ce lo dica qui: {link} — {structure}",
            Purpose.UPDATE: "Buongiorno {first_name}. La nostra telefonata è cambiata. La chiameremo il {date} alle "
            "{time}. Non è disponibile a quell'ora? Ce lo dica qui: {link} — {structure}",
            Purpose.REMINDER: "Buongiorno {first_name}. Promemoria: la chiameremo il {date} alle {time}. "
            "Non è disponibile? Ce lo dica qui: {link} — {structure}",
        },
        Language.NL: {
            Purpose.INVITATION: "Hallo {first_name}. Wij bellen u op {date} om {time} om te horen hoe het met u gaat. "
            "{who} belt u. Geen tijd op dat moment? Zeg het hier: {link} — {structure}",
            Purpose.UPDATE: "Hallo {first_name}. Ons telefoongesprek is veranderd. Wij bellen u op {date} om {time}. "
            "Geen tijd op dat moment? Zeg het hier: {link} — {structure}",
            Purpose.REMINDER: "Hallo {first_name}. Herinnering: wij bellen u op {date} om {time}. "
            "Geen tijd? Zeg het hier: {link} — {structure}",
        },
    },
}
SUBJECTS = {
    Language.FR: {
        Purpose.INVITATION: "Votre rendez-vous",
        Purpose.UPDATE: "Votre rendez-vous change",
        Purpose.CANCELLATION: "Rendez-vous annulé",
        Purpose.REMINDER: "Rappel de votre rendez-vous",
        Purpose.FOLLOW_UP: "Nous voulons vous revoir",
    },
    Language.EN: {
        Purpose.INVITATION: "Your appointment",
        Purpose.UPDATE: "Your appointment has changed",
        Purpose.CANCELLATION: "Appointment cancelled",
        Purpose.REMINDER: "Appointment reminder",
        Purpose.FOLLOW_UP: "We would like to see you again",
    },
    Language.IT: {
        Purpose.INVITATION: "Il suo appuntamento",
        Purpose.UPDATE: "Il suo appuntamento è cambiato",
        Purpose.CANCELLATION: "Appuntamento annullato",
        Purpose.REMINDER: "Promemoria dell'appuntamento",
        Purpose.FOLLOW_UP: "Vorremmo rivederla",
    },
    Language.NL: {
        Purpose.INVITATION: "Uw afspraak",
        Purpose.UPDATE: "Uw afspraak is veranderd",
        Purpose.CANCELLATION: "Afspraak gaat niet door",
        Purpose.REMINDER: "Herinnering aan uw afspraak",
        Purpose.FOLLOW_UP: "Wij willen u graag terugzien",
    },
}
WEEKDAYS = {
    Language.FR: ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    Language.EN: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    Language.IT: ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    Language.NL: ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}
BY_PHONE = {
    Language.FR: "par téléphone",
    Language.EN: "by phone",
    Language.IT: "per telefono",
    Language.NL: "per telefoon",
}
BY_VIDEO = {Language.FR: "en vidéo", Language.EN: "by video", Language.IT: "in video", Language.NL: "via video"}
MAP = {
    Language.FR: "Plan : {url} ",
    Language.EN: "Map: {url} ",
    Language.IT: "Mappa: {url} ",
    Language.NL: "Kaart: {url} ",
}
BRING = {
    Language.FR: "Apportez : {items}. ",
    Language.EN: "Bring: {items}. ",
    Language.IT: "Porti: {items}. ",
    Language.NL: "Neem mee: {items}. ",
}
# The "I can't come" page, in the person's language.
DECLINE_PAGE = {
    Language.FR: (
        "Vous ne pouvez pas venir ?",
        "Confirmer que je ne peux pas venir",
        "C'est noté. Merci. Nous allons vous proposer une autre date.",
        "Ce lien n'est plus valable. Appelez-nous.",
    ),
    Language.EN: (
        "You cannot come?",
        "Confirm that I cannot come",
        "Thank you, we have noted it. We will offer you another date.",
        "This link is no longer valid. Please call us.",
    ),
    Language.IT: (
        "Non può venire?",
        "Confermo che non posso venire",
        "Grazie, ne abbiamo preso nota. Le proporremo un'altra data.",
        "Questo link non è più valido. Ci chiami.",
    ),
    Language.NL: (
        "Kunt u niet komen?",
        "Bevestigen dat ik niet kan komen",
        "Dank u, wij hebben het genoteerd. Wij geven u een nieuwe datum.",
        "Deze link is niet meer geldig. Bel ons.",
    ),
}


def language_for(code: str) -> str:
    """The person's language if messages are written in it, else French (Arabic and Ukrainian have no texts yet)."""
    return code if code in Language.values else Language.FR


def placeholders_of(text: str) -> list[str]:
    """The named placeholders of a template; raises ValueError on a malformed one."""
    names = []
    for _literal, name, _spec, _conversion in string.Formatter().parse(text):
        if name is not None:
            names.append(name)
    return names


def check_template(text: str, purpose: str) -> None:
    """Refuses a template with an unknown, malformed or missing required placeholder, naming it."""
    try:
        names = placeholders_of(text)
    except ValueError:
        raise ValidationError(
            {"body": _("Texte : une accolade n'est pas fermée. Écrivez les variables ainsi : {date}.")}
        ) from None
    errors = []
    for name in names:
        if name not in PLACEHOLDERS:
            errors.append(
                _("Texte : la variable {%(name)s} n'existe pas. Variables possibles : %(known)s.")
                % {"name": name or "", "known": ", ".join(f"{{{known}}}" for known in PLACEHOLDERS)}
            )
    for name in REQUIRED[purpose]:
        if name not in names:
            errors.append(_("Texte : la variable {%(name)s} est obligatoire pour ce message.") % {"name": name})
    if errors:
        raise ValidationError({"body": errors})


def default_template(meeting_kind: str, purpose: str, language: str) -> str:
    language = language_for(language)
    own = KIND_DEFAULTS.get(meeting_kind, {}).get(language, {}).get(purpose)
    return own or DEFAULTS[language][purpose]


def when(moment: datetime.datetime, language: str) -> tuple[str, str]:
    """('mardi 12/05', '14:30') in the person's language and the structure's time zone."""
    local = timezone.localtime(moment)
    language = language_for(language)
    weekday = WEEKDAYS[language][local.weekday()]
    return f"{weekday} {local:%d/%m/%Y}", f"{local:%H:%M}"


def map_url(address: str) -> str:
    return "https://www.openstreetmap.org/search?query=" + urllib.parse.quote(address)


def render(template: str, values: dict) -> str:
    """The message: every placeholder filled (a missing value is an empty text, never an error at send time)."""
    filled = {name: values.get(name, "") for name in PLACEHOLDERS}
    return " ".join(template.format_map(filled).split())
