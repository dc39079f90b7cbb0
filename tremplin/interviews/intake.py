"""The questions of the structured intake interview, in sections that follow the field's practice.

Answers are stored on the Interview (`answers`: question key -> text). A section
marked social_only (health limits, schedules tied to family life) is never shown
to a reader who does not read what is kept for the social staff, whatever the
interview's own visibility.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    help_text: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    questions: tuple[Question, ...]
    social_only: bool = False


INTAKE_SECTIONS: tuple[Section, ...] = (
    Section(
        "path",
        _("Parcours et expérience"),
        (
            Question("schooling", _("Scolarité et formations suivies")),
            Question("experience", _("Expériences professionnelles, y compris à l'étranger")),
            Question("other_activities", _("Activités bénévoles, associatives ou familiales")),
        ),
    ),
    Section(
        "strengths",
        _("Points d'appui"),
        (
            Question("skills", _("Savoir-faire et qualités repérés par la personne")),
            Question("likes", _("Ce que la personne aime faire")),
        ),
    ),
    Section(
        "needs",
        _("Besoins et attentes"),
        (
            Question("needs", _("Besoins exprimés par la personne")),
            Question("job_expectations", _("Attentes vis-à-vis du poste et du chantier")),
        ),
    ),
    Section(
        "support",
        _("Ce que la personne attend de l'accompagnement"),
        (
            Question("support_wishes", _("Ce que la personne souhaite travailler pendant le parcours")),
            Question("first_step", _("Première étape convenue ensemble")),
        ),
    ),
    Section(
        "constraints",
        _("Contraintes à prendre en compte (équipe sociale uniquement)"),
        (
            Question("schedules", _("Contraintes d'horaires (garde d'enfants, transports, démarches)")),
            Question(
                "health_limits",
                _("Limites de santé à prendre en compte au travail"),
                _("Seulement ce qui est utile pour adapter le poste, avec l'accord de la personne."),
            ),
        ),
        social_only=True,
    ),
)

QUESTION_KEYS: tuple[str, ...] = tuple(q.key for s in INTAKE_SECTIONS for q in s.questions)


def answered_sections(answers: dict, *, sees_social: bool) -> list[tuple[Section, list[tuple[Question, str]]]]:
    """The sections with their non-empty answers, social-only sections left out for other readers."""
    result = []
    for section in INTAKE_SECTIONS:
        if section.social_only and not sees_social:
            continue
        rows = [(q, answers.get(q.key, "")) for q in section.questions if answers.get(q.key)]
        if rows:
            result.append((section, rows))
    return result
