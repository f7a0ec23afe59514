"""Security helpers that settings refer to by name."""

from django.conf import settings


def client_ip(request) -> str | None:
    """The address a login attempt came from, for django-axes's lockout per username and address.

    Behind a trusted proxy (SECURE_PROXY_SSL_HEADER=1) every request comes from the proxy, so the address is the
    last one the proxy appended to X-Forwarded-For: earlier entries are whatever the client chose to send.
    """
    if settings.BEHIND_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")
