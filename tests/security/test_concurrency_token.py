"""Every edit form with a concurrency token refuses a submission without it, and saves one with it.

The forms are found by opening every page of the permission matrix's world: any form carrying the token
(tremplin.core.concurrency.TOKEN_FIELD) on an existing record is checked, so a new one is covered at once.
"""

import pytest
from django.db import models

from tests.security.access_rules import POST_ONLY, PUBLIC, SIGNED_IN_REDIRECT
from tests.security.helpers import EXPECTED, build_structure, every_url
from tremplin.accounts.roles import Role
from tremplin.core.concurrency import TOKEN_FIELD
from tremplin.core.tests.helpers import posted

MARK = " (modifié)"


def _text_field(form) -> str | None:
    """A free-text field of the form whose change can be seen on the record."""
    for name, field in form.fields.items():
        model_field = next((f for f in form.instance._meta.concrete_fields if f.name == name), None)
        if (
            isinstance(model_field, models.CharField | models.TextField)
            and not model_field.choices
            and not getattr(field, "choices", None)
            and name != TOKEN_FIELD
            and (model_field.max_length or 1000) > len(str(getattr(form.instance, name) or "")) + len(MARK)
            and getattr(form.instance, name)
        ):
            return name
    return None


def edit_forms(client, world) -> list[tuple[str, str, object]]:
    """(URL name, path, user) of every page showing an edit form with a concurrency token."""
    found = []
    for name, path in every_url(world):
        allowed = EXPECTED[name].allowed
        if allowed in (PUBLIC, POST_ONLY, SIGNED_IN_REDIRECT):
            continue
        role = Role.DIRECTOR if Role.DIRECTOR in allowed else sorted(allowed)[0]
        user = world["users"][role]
        client.force_login(user)
        response = client.get(path)
        form = (response.context or {}).get("form") if response.status_code == 200 else None
        if form is not None and TOKEN_FIELD in form.fields and getattr(form.instance, "pk", None):
            found.append((name, path, user))
    return found


@pytest.fixture
def world(db):
    return build_structure("A")


def test_every_edit_form_refuses_a_missing_token_and_saves_with_it(client, world):
    forms_found = edit_forms(client, world)
    # People, team, structure, worksite, member, plan settings, objective, action, target job, employers, offers…
    assert len(forms_found) >= 12, [name for name, _path, _user in forms_found]
    failures, unchecked = [], []
    for name, path, user in forms_found:
        client.force_login(user)
        form = client.get(path).context["form"]
        field = _text_field(form)
        if field is None:
            unchecked.append(name)
            continue
        record = form.instance
        before = getattr(type(record)._default_manager.get(pk=record.pk), field)
        data = posted(form, **{field: before + MARK})

        without = {key: value for key, value in data.items() if key != TOKEN_FIELD}
        refused = client.post(path, without)
        after = getattr(type(record)._default_manager.get(pk=record.pk), field)
        if refused.status_code != 200 or after != before:
            failures.append(f"{name}: without a token got {refused.status_code}, {field} is {after!r}")
            continue
        if "Ce formulaire n&#x27;est plus valide" not in refused.content.decode():
            failures.append(f"{name}: the refusal does not say why")

        saved = client.post(path, data)
        after = getattr(type(record)._default_manager.get(pk=record.pk), field)
        if saved.status_code != 302 or after != before + MARK:
            failures.append(f"{name}: with its token got {saved.status_code}, {field} is {after!r}")
    assert not failures, "\n".join(failures)
    assert len(unchecked) <= len(forms_found) // 3, f"forms without a text field to check: {unchecked}"
