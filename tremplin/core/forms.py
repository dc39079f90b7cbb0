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
