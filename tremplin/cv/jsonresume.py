"""Export of a CV in the JSON Resume format, schema v1.0.0 (https://jsonresume.org/schema).

The same choices as the PDF apply: hidden items stay out, contact details only if the draft shows them.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from .content import UNPAID_KINDS, Cv

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _clean(entry: dict) -> dict:
    """JSON Resume fields are optional: empty ones are left out rather than sent empty."""
    return {key: value for key, value in entry.items() if value not in (None, "", [], {})}


def to_json_resume(cv: Cv) -> dict:
    person, draft = cv.person, cv.draft
    sections = {section: items for section, _label, items in cv.sections}
    basics = _clean(
        {
            "name": person.full_name,
            "label": draft.headline,
            "email": person.email if draft.show_email else "",
            "phone": person.phone if draft.show_phone else "",
            "summary": draft.summary,
            "location": _clean({"city": person.city, "postalCode": person.postcode}) if draft.show_city else {},
        }
    )
    work, volunteer = [], []
    for item in sections["experience"]:
        entry = {
            "position": item.title,
            "location": item.place,
            "startDate": _iso(item.start),
            "endDate": _iso(item.end),
            "summary": item.description,
        }
        if item.kind in UNPAID_KINDS:
            volunteer.append(_clean({"organization": item.organisation, **entry}))
        else:
            work.append(_clean({"name": item.organisation, **entry}))
    return _clean(
        {
            "$schema": SCHEMA_URL,
            "basics": basics,
            "work": work,
            "volunteer": volunteer,
            "education": [
                _clean(
                    {
                        "institution": item.organisation,
                        "area": item.title,
                        "startDate": _iso(item.start),
                        "endDate": _iso(item.end),
                    }
                )
                for item in sections["training"]
            ],
            "certificates": [
                _clean({"name": item.title, "date": _iso(item.start), "issuer": item.organisation})
                for item in sections["certification"]
            ],
            "awards": [
                _clean({"title": item.title, "date": _iso(item.start), "awarder": item.organisation})
                for item in sections["badge"]
            ],
            "skills": [
                _clean({"name": item.title, "level": f"{item.level}/5" if item.level is not None else ""})
                for item in (*sections["competence"], *sections["basic"])
            ],
            "languages": [{"language": item.title, "fluency": item.kind_label} for item in sections["language"]]
            + [{"language": name} for name in cv.languages],
            "meta": {"version": "v1.0.0", "lastModified": timezone.now().replace(microsecond=0).isoformat()},
        }
    )
