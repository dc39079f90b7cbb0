from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext


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


DJANGO_EMPTY_LABEL = "---------"


class FormRenderer(DjangoTemplates):
    """Django's form renderer, with drop-downs that read well (settings.FORM_RENDERER).

    Every single-choice select passes here, whatever built its empty choice (a model field's BLANK_CHOICE_DASH,
    a ModelChoiceField's empty_label, a hand-written list), so this is the one place that:
    - writes the empty choice "Choisir…" instead of Django's "---------" (an empty label a form chose on purpose,
      such as "aucun", is kept);
    - selects the only real choice of a required select when nothing is selected yet, instead of asking a question
      with one answer. The browser then sends that value, as if it were the field's initial value.
    """

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == "django/forms/widgets/select.html" else None
        if widget is not None and not widget["attrs"].get("multiple"):
            _readable_select(widget)
        return super().render(template_name, context, request=request)


def _readable_select(widget: dict) -> None:
    options = [option for _group, group_options, _index in widget["optgroups"] for option in group_options]
    for option in options:
        if option["value"] in ("", None) and option["label"] == DJANGO_EMPTY_LABEL:
            option["label"] = gettext("Choisir…")
    real = [option for option in options if option["value"] not in ("", None)]
    if widget["attrs"].get("required") and len(real) == 1 and not real[0]["selected"]:
        for option in options:  # Django marks the empty choice selected when the field has no value
            option["selected"] = option is real[0]
            option["attrs"] = {key: value for key, value in option["attrs"].items() if key != "selected"}
        real[0]["attrs"]["selected"] = True
