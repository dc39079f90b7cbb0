"""Django's `i18n` tag library, with a `{% blocktranslate %}` that elides "de" before a name in French.

config/settings.py installs this module under the name `i18n`, so every template's `{% load i18n %}` gets it:
about 90 sentences read `… de {{ name }}` and French needs "d'Awa". Fixing them in one place keeps the msgids
(and their English translations) unchanged and covers the templates written later. Everything else is
Django's own library.
"""

from django import template
from django.template.base import render_value_in_context
from django.templatetags import i18n as django_i18n
from django.utils import translation
from django.utils.safestring import SafeString

from tremplin.core.elision import elide_de

register = template.Library()
register.tags.update(django_i18n.register.tags)
register.filters.update(django_i18n.register.filters)


class ElidingBlockTranslateNode(django_i18n.BlockTranslateNode):
    def render(self, context, nested=False):
        output = super().render(context, nested)
        if not (translation.get_language() or "").startswith("fr"):
            return output
        with context.push({var: value.resolve(context) for var, value in self.extra_context.items()}):
            _, names = self.render_token_list(self.singular)
            values = [render_value_in_context(context[name], context) for name in names if name in context]
        if self.asvar:
            context[self.asvar] = SafeString(elide_de(context[self.asvar], values))
            return output
        return elide_de(output, values)


@register.tag("blocktranslate")
@register.tag("blocktrans")
def do_block_translate(parser, token):
    node = django_i18n.do_block_translate(parser, token)
    node.__class__ = ElidingBlockTranslateNode
    return node
