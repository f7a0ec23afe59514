from django.apps import AppConfig


class ReadoutsConfig(AppConfig):
    name = "readouts"
    verbose_name = "Readouts"

    def ready(self):
        from readouts import signals  # noqa: F401  (connects the receivers)
