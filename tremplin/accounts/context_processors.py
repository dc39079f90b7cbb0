from .roles import Capability


def membership(request):
    current = getattr(request, "membership", None)
    caps = {}
    if current is not None:
        caps = {capability.value: current.can(capability) for capability in Capability}
    return {"membership": current, "caps": caps}
