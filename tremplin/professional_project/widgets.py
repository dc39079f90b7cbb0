"""The job autocomplete: a text field that proposes jobs of the referential as one types (WAI-ARIA combobox).

Without a script it stays a plain text field: one types a name or a ROME code, or looks the
job up on the full results page the field links to.
"""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy


class JobCombobox(forms.TextInput):
    """`value` is what the field receives when a job is picked ("title" or "code"); the other
    field of the pair (`code_field`, `title_field`: names of the form's fields) is filled too,
    the title only while it is empty."""

    template_name = "professional_project/widgets/job_combobox.html"

    def __init__(self, *, value: str = "title", code_field: str = "", title_field: str = "", attrs=None):
        super().__init__(attrs)
        self.value, self.code_field, self.title_field = value, code_field, title_field

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        # The pair's other field has the same form prefix ("id_" + "app-" + "job_code").
        prefix = "id_" + (name.rsplit("-", 1)[0] + "-" if "-" in name else "")
        listbox = f"{widget_id}-options"
        context["widget"]["attrs"].update(
            {
                "role": "combobox",
                "aria-autocomplete": "list",
                "aria-expanded": "false",
                "aria-controls": listbox,
                "autocomplete": "off",
                "data-job-autocomplete": str(reverse_lazy("professional_project:job_suggestions")),
                "data-job-value": self.value,
                "data-job-listbox": listbox,
            }
        )
        if self.code_field:
            context["widget"]["attrs"]["data-job-code-field"] = f"{prefix}{self.code_field}"
        if self.title_field:
            context["widget"]["attrs"]["data-job-title-field"] = f"{prefix}{self.title_field}"
        context["listbox_id"] = listbox
        context["search_url"] = reverse_lazy("professional_project:job_search")
        return context
