"""Database routing: reads to a streaming replica when the request allows it, everything else to the primary.

The rules, and the middleware that sets them per request, are in archive/replicas.py.
"""

from django.db import DEFAULT_DB_ALIAS

from archive import replicas


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return replicas.read_alias()

    def db_for_write(self, model, **hints):
        replicas.note_write()
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Every database holds the same rows: an object read from a replica may point at one from the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
