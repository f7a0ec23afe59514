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


# django-axes stores the username of a failed login in a 255-character column.
AXES_USERNAME_LENGTH = 255


def login_username(request, credentials) -> str | None:
    """The username a login attempt gave, cut to what django-axes can store: a 10,000-character username is
    a failed login like any other, not a database error."""
    source = credentials if credentials else getattr(request, "data", request.POST)
    username = source.get("username")
    return username[:AXES_USERNAME_LENGTH] if isinstance(username, str) else username
