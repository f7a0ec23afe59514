import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

from archive.warmup import load_and_freeze  # noqa: E402 (needs the settings configured above)

load_and_freeze()
