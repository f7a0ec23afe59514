"""One JSON object per log line (LOG_FORMAT=json), for log collectors that read container output."""

import datetime
import json
import logging

# Gunicorn's access log passes its atoms as the record's arguments; these become fields of their own.
ACCESS_FIELDS = {"h": "remote", "m": "method", "U": "path", "q": "query", "s": "status", "B": "bytes", "M": "ms"}
ACCESS_TEXT_FIELDS = {"a": "user_agent", "f": "referer"}


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(access_fields(record.args))
        status = getattr(record, "status_code", None)  # django.request and django.server set it
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def access_fields(atoms: dict) -> dict:
    fields = {}
    for atom, name in ACCESS_FIELDS.items():
        value = atoms.get(atom)
        if value not in (None, "", "-"):
            fields[name] = int(value) if name in {"status", "bytes", "ms"} and str(value).isdigit() else value
    for atom, name in ACCESS_TEXT_FIELDS.items():
        if atoms.get(atom) not in (None, "", "-"):
            fields[name] = atoms[atom]
    return fields
