"""Checking and storing an uploaded file, deleting a document."""

import hashlib

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ALLOWED_TYPES, Document

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_bytes() -> int:
    return getattr(settings, "DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def sniff_content_type(upload: UploadedFile) -> str:
    """The type read from the file's first bytes: the name and the browser's claim are not trusted."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind else ""


def check_upload(upload: UploadedFile) -> str:
    """Returns the sniffed content type, or raises a ValidationError on the field "file"."""
    if upload.size > max_bytes():
        raise ValidationError(
            {
                "file": _("Le fichier pèse %(size)s Mo : la taille maximale d'un fichier est de %(max)s Mo.")
                % {"size": round(upload.size / 1024 / 1024, 1), "max": round(max_bytes() / 1024 / 1024, 1)}
            }
        )
    content_type = sniff_content_type(upload)
    if content_type not in ALLOWED_TYPES:
        raise ValidationError(
            {
                "file": _(
                    "Le contenu de ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son nom ne compte pas). "
                    "Types de fichier acceptés : PDF, JPEG, PNG."
                )
            }
        )
    return content_type


def sha256_of(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def store_document(*, document: Document, upload: UploadedFile, uploaded_by) -> Document:
    """Checks `upload` and saves `document` (person, kind, title, visibility already set).

    The file is written only after the check; if the row cannot be saved,
    the written file is removed, so nothing is ever half-saved.
    """
    content_type = check_upload(upload)
    document.structure_id = document.person.structure_id
    document.content_type = content_type
    document.size = upload.size
    document.sha256 = sha256_of(upload)
    document.original_name = (upload.name or "")[:255]
    document.uploaded_by = uploaded_by
    document.full_clean(exclude=["file"])
    try:
        with transaction.atomic():
            document.file.save("upload", upload, save=False)
            document.save()
    except BaseException:
        if document.file.name:
            document.file.storage.delete(document.file.name)
        raise
    return document


def delete_document(document: Document) -> None:
    """Deletes the row, then the file once the deletion is committed."""
    name, storage = document.file.name, document.file.storage
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
