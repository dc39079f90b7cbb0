"""The direction's page of API tokens: create one (its key shown once), see who uses which, revoke."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tremplin.accounts.access import check_object_access, require_membership
from tremplin.accounts.roles import Capability
from tremplin.core.forms import add_validation_error

from . import services
from .forms import TokenForm
from .models import ApiToken

CAP = Capability.MANAGE_API_TOKENS


@require_membership(CAP)
def tokens(request: HttpRequest) -> HttpResponse:
    structure = request.membership.structure
    form = TokenForm(request.POST or None, structure=structure)
    created = key = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                created, key = services.create_token(
                    structure=structure,
                    membership=data["membership"],
                    name=data["name"],
                    scopes=data["scopes"],
                    expires_on=data["expires_on"],
                    by=request.user,
                )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            # The key is shown in this answer only: never stored in clear, never in a redirect or a message.
            form = TokenForm(structure=structure)
    listed = ApiToken.objects.filter(structure=structure).select_related("membership__user", "created_by")
    response = render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": listed, "created": created, "key": key, "now": timezone.now()},
    )
    if key:
        response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def revoke(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    token = get_object_or_404(ApiToken.objects.select_related("structure"), public_id=public_id)
    check_object_access(request, token.structure, CAP)
    services.revoke_token(token, by=request.user)
    messages.success(
        request, _("Jeton révoqué : %(name)s. Les appels qui l'utilisent sont refusés.") % {"name": token.name}
    )
    return redirect("api_tokens:list")
