from .context import reset_request, set_request


class AuditMiddleware:
    """Makes the request (hence the actor, IP and screen) known to the change hooks of the access log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = set_request(request)
        try:
            return self.get_response(request)
        finally:
            reset_request(token)
