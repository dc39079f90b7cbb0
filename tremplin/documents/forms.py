from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Document
from .services import check_upload, max_bytes


class DocumentForm(forms.ModelForm):
    file = forms.FileField(
        label=_("Fichier"),
        help_text=_("PDF, JPEG ou PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )

    class Meta:
        model = Document
        fields = ["title", "kind", "visibility", "pathway"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pathway"].queryset = person.pathways.select_related("programme")
        self.fields["pathway"].label_from_instance = lambda p: p.programme.name
        self.fields["pathway"].required = False
        self.fields["file"].help_text = _("PDF, JPEG ou PNG, %(max)s Mo au plus.") % {
            "max": round(max_bytes() / 1024 / 1024, 1)
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload)
        except ValidationError as error:
            raise ValidationError(error.message_dict["file"]) from None
        return upload
