"""Optimistic concurrency for edit forms: a save never silently overwrites someone else's change.

When the form is shown it carries, in a hidden field, a signed fingerprint of each
edited field's value at that moment. On save the row is re-read under a lock
(select_for_update, inside the transaction); if a field of the form changed in
the meantime, the save is refused, nothing is written, and the form says which
fields the other person changed and what they hold now. Columns the form does not
edit are taken from the locked row, so a concurrent change to them is kept too.

Comparing the fields themselves rather than `updated_at` means a change elsewhere
on the record (a pathway's status while its team is edited) does not block a save
that would lose nothing, and changes made with `QuerySet.update()` are caught too.
"""

from __future__ import annotations

import enum
import hashlib
from decimal import Decimal

from django import forms
from django.core import signing
from django.db import models, transaction
from django.utils.formats import localize
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

TOKEN_FIELD = "concurrency_token"
_SALT = "tremplin.core.concurrency"

CONFLICT_MESSAGE = _(
    "Quelqu'un d'autre a modifié cette fiche pendant que vous la modifiiez : vos modifications "
    "n'ont pas été enregistrées. Valeurs actuelles des champs modifiés entre-temps :"
)
CONFLICT_ADVICE = _(
    "Vérifiez ces valeurs, corrigez le formulaire si besoin, puis enregistrez à nouveau pour confirmer vos modifications."
)
BAD_TOKEN_MESSAGE = _(
    "Ce formulaire n'est plus valide : rechargez la page de modification, puis saisissez à nouveau vos modifications."
)


def _raw_value(instance: models.Model, field: models.Field):
    if field.many_to_many:
        if instance.pk is None:
            return []
        return sorted(obj.pk for obj in field.value_from_object(instance))
    return field.value_from_object(instance)


def _fingerprint(value) -> str:
    # The same value read from the database or set in memory gives the same print ("" and an empty
    # choice member, 20 and 20.00). A short digest, not the value: no second copy of personal data in the page.
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, Decimal):
        value = value.normalize()
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def display_value(instance: models.Model, field: models.Field) -> str:
    """A field's value as a person reads it: choice labels, names of related records, yes/no."""
    if field.many_to_many:
        names = [str(obj) for obj in field.value_from_object(instance)] if instance.pk else []
        return ", ".join(sorted(names)) or gettext("(vide)")
    if field.is_relation:
        related = getattr(instance, field.name)
        return str(related) if related is not None else gettext("(vide)")
    value = field.value_from_object(instance)
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return gettext("oui") if value else gettext("non")
    if value in (None, ""):
        return gettext("(vide)")
    return str(localize(value))


class ConcurrentEditMixin:
    """For a ModelForm editing an existing record: put it before forms.ModelForm in the bases,
    and call `save_unless_changed()` instead of `save()`; it returns None when the save is refused."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.fields[TOKEN_FIELD].initial = self.concurrency_token(self.instance)
        self.conflicts: list[tuple[str, str]] = []

    def _tracked_fields(self) -> list[models.Field]:
        return [
            field
            for field in self.instance._meta.get_fields()
            if field.concrete and not field.auto_created and field.name in self.fields and field.name != TOKEN_FIELD
        ]

    def concurrency_token(self, instance: models.Model) -> str:
        fingerprints = {field.name: _fingerprint(_raw_value(instance, field)) for field in self._tracked_fields()}
        return signing.dumps(fingerprints, salt=_SALT, compress=True)

    def _posted_fingerprints(self) -> dict[str, str]:
        """What the form showed. A form posted without its token (a script, a page from before the check, a token
        removed by hand) is refused like a stale one: saving it would overwrite unseen changes unchecked."""
        token = (self.data.get(self.add_prefix(TOKEN_FIELD)) or "").strip()
        if not token:
            raise forms.ValidationError(BAD_TOKEN_MESSAGE, code="missing_concurrency_token")
        try:
            fingerprints = signing.loads(token, salt=_SALT)
        except signing.BadSignature:
            raise forms.ValidationError(BAD_TOKEN_MESSAGE, code="bad_concurrency_token") from None
        if not isinstance(fingerprints, dict):
            raise forms.ValidationError(BAD_TOKEN_MESSAGE, code="bad_concurrency_token")
        return fingerprints

    def save_unless_changed(self):
        """Saves the form unless a field it edits was changed by someone else since it was shown."""
        instance = self.instance
        with transaction.atomic():
            if instance.pk is None:
                return self.save()
            try:
                shown = self._posted_fingerprints()
            except forms.ValidationError as error:
                self.add_error(None, error)
                return None
            current = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
            changed = [
                field
                for field in self._tracked_fields()
                if field.name in shown and shown[field.name] != _fingerprint(_raw_value(current, field))
            ]
            if changed:
                self._refuse(current, changed)
                return None
            # Columns the form does not edit keep what is in the database now.
            edited = {field.name for field in self._tracked_fields()}
            for field in instance._meta.concrete_fields:
                if field.name not in edited and not field.primary_key:
                    setattr(instance, field.attname, getattr(current, field.attname))
            return self.save()

    def _refuse(self, current: models.Model, changed: list[models.Field]) -> None:
        self.conflicts = [(str(self.fields[field.name].label), display_value(current, field)) for field in changed]
        self.add_error(None, forms.ValidationError(CONFLICT_MESSAGE, code="edited_meanwhile"))
        for label, value in self.conflicts:
            self.add_error(None, f"{label} : « {value} »")
        self.add_error(None, CONFLICT_ADVICE)
        # The next submission, after reading the message, is checked against what is saved now.
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN_FIELD)] = self.concurrency_token(current)
