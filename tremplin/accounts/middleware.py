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
        if request.user.is_authenticated:
            memberships = Membership.objects.active().filter(user=request.user).select_related("structure")
            chosen = request.session.get(SESSION_KEY)
            membership = None
            if chosen:
                membership = memberships.filter(structure__public_id=chosen).first()
            if membership is None:
                membership = memberships.first()
            request.membership = membership
            if request.user.language:
                translation.activate(request.user.language)
                request.LANGUAGE_CODE = request.user.language
        return self.get_response(request)
