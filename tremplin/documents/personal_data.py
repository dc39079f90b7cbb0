"""What the documents app holds about a person: uploaded files, deleted with the file's anonymisation
(a scan of an ID card is identity). The export describes them, without their content (decision 0010)."""

from django.utils.translation import gettext_lazy as _

from tremplin.core.personal_data import ExportSection, PersonalData


def _delete_files(documents) -> None:
    from .services import delete_document

    for document in documents:
        delete_document(document)


DECLARATIONS = [
    PersonalData(
        model="documents.Document",
        person_path="person",
        part="document_file",
        delete=True,
        on_anonymise=_delete_files,
        export=ExportSection(
            "documents", _("Documents (description, sans leur contenu)"), ordering=("uploaded_at", "pk")
        ),
    ),
]
