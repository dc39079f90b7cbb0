from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_validation_error(form: forms.Form, error: ValidationError) -> None:
    """Puts a service's ValidationError on the form: on the named field when the form has it,
    otherwise at the top of the form, so that no message is ever lost."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target if field != NON_FIELD_ERRORS else None, message)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


MAX_DATABASE_ID = 2**63 - 1


def _fits_a_database_id(value) -> bool:
    try:
        return abs(int(str(value))) <= MAX_DATABASE_ID
    except (TypeError, ValueError):
        return True  # not a number: the field's own validation answers


class BoundedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses ids no database integer can hold.

    SQLite raises OverflowError (a server error) on such a lookup; the person
    who typed it deserves the field's ordinary "invalid choice" message.
    """

    def to_python(self, value):
        if value not in self.empty_values and not _fits_a_database_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """The multiple-choice counterpart of BoundedModelChoiceField."""

    def _check_values(self, value):
        for item in value or ():
            if not _fits_a_database_id(item):
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                )
        return super()._check_values(value)
