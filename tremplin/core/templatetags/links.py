from django import template

from tremplin.core.links import object_url

register = template.Library()


@register.simple_tag
def url_of(name: str, public_id) -> str:
    """`{% url name public_id %}` for a URL taking one public id, without a reverse on every page."""
    return object_url(name, public_id)
