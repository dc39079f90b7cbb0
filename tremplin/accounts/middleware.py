from django.utils import translation

from .models import Membership

SESSION_KEY = "current_structure"


class CurrentMembershipMiddleware:
    """Sets `request.membership`: the membership of the structure the user is working in.

    The current structure is kept in the session; a user with one structure
    never has to choose.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = None
        request.memberships = []
        if request.user.is_authenticated:
            # One query for all the user's structures: the header needs them too (structure switcher).
            memberships = list(Membership.objects.active().filter(user=request.user).select_related("structure"))
            chosen = request.session.get(SESSION_KEY)
            current = next((m for m in memberships if str(m.structure.public_id) == chosen), None)
            request.membership = current or (memberships[0] if memberships else None)
            request.memberships = memberships
            if request.user.language:
                translation.activate(request.user.language)
                request.LANGUAGE_CODE = request.user.language
        return self.get_response(request)
