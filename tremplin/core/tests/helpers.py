"""Submitting an edit form as a browser would."""


def posted(form, **changes) -> dict:
    """What a browser sends back for a form shown with its current values, plus `changes`."""
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        data[field.html_name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    data.update(changes)
    return data


def open_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["form"]


def with_token(client, url: str, data: dict) -> dict:
    """Hand-written form data plus the concurrency token the edit page at `url` gives now: an edit form posted
    without it is refused (tremplin.core.concurrency)."""
    from tremplin.core.concurrency import TOKEN_FIELD

    return {**data, TOKEN_FIELD: open_form(client, url)[TOKEN_FIELD].value()}
