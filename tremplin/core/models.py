import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicModel(models.Model):
    """Base for records that appear in URLs.

    URLs carry `public_id`, a random UUID, never the sequential primary key:
    guessing another structure's records must not be possible from a URL.
    """

    public_id = models.UUIDField(_("identifiant public"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True
