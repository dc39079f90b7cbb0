from django import template

from tremplin.documents.models import Document

register = template.Library()


@register.simple_tag(takes_context=True)
def person_documents(context, person) -> list[Document]:
    """The person's documents the viewer may read, in one query (uploader read with them)."""
    membership = context.get("membership")
    if membership is None:
        return []
    return list(
        Document.objects.filter(person=person)
        .visible_to(membership)
        .select_related("uploaded_by")
        .order_by("-uploaded_at", "-id")
    )
