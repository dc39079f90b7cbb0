"""`{% digest_choice %}`: the digest's opt-in form, shown on the profile page (accounts/profile.html)."""

from django import template

from tremplin.notifications.digest import is_subscribed

register = template.Library()


@register.inclusion_tag("notifications/_digest_form.html", takes_context=True)
def digest_choice(context) -> dict:
    request = context["request"]
    return {"digest": is_subscribed(request.user), "next": request.path, "csrf_token": context.get("csrf_token")}
