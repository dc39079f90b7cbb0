"""The line of a form's error summary: the field's label, then the message, the label said once."""

from django import template

register = template.Library()


@register.simple_tag
def summary_line(label, error) -> str:
    """Messages written by the rules already start with their field's name ("Action : décrivez…"); the summary
    must not say it twice ("Action : Action : …")."""
    label_text, message = str(label), str(error)
    if message.casefold().startswith(label_text.casefold()):
        return message
    return f"{label_text} : {message}"
