"""Readable API documentation (/api/docs/), drawn from the OpenAPI schema that drf-spectacular generates for
/api/schema/: one source for both, so the page cannot drift from the API. The page is rendered on the server from
these dataclasses: no JavaScript, nothing from a CDN."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from drf_spectacular.generators import SchemaGenerator

REF_PREFIX = "#/components/schemas/"


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # query or path
    type: str
    description: str
    required: bool
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Response:
    status: str
    description: str
    schema: str  # a schema's name, "" when the answer has no body


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    anchor: str
    description: str
    parameters: tuple[Parameter, ...]
    responses: tuple[Response, ...]


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    ref: str  # the schema it refers to, for a link; "" for a plain value
    description: str
    nullable: bool


@dataclass(frozen=True)
class Schema:
    name: str
    description: str
    fields: tuple[Field, ...]
    choices: tuple[str, ...]  # an enumeration's values


@dataclass(frozen=True)
class ApiDescription:
    title: str
    description: str
    version: str
    operations: tuple[Operation, ...]
    schemas: tuple[Schema, ...]


@cache
def describe_api() -> ApiDescription:
    """The API as the schema states it (built once per process: the API does not change while it runs)."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = tuple(
        _operation(method.upper(), path, spec)
        for path, methods in schema["paths"].items()
        for method, spec in methods.items()
    )
    schemas = tuple(_schema(name, spec) for name, spec in sorted(schema["components"]["schemas"].items()))
    info = schema["info"]
    return ApiDescription(info["title"], info.get("description", ""), info["version"], operations, schemas)


def _operation(method: str, path: str, spec: dict) -> Operation:
    parameters = tuple(
        Parameter(
            name=p["name"],
            location=p["in"],
            type=type_of(p.get("schema", {}))[0],
            description=p.get("description", ""),
            required=p.get("required", False),
            choices=tuple(str(value) for value in p.get("schema", {}).get("enum", ())),
        )
        for p in spec.get("parameters", ())
    )
    responses = tuple(
        Response(status, answer.get("description", ""), _body_schema(answer))
        for status, answer in spec.get("responses", {}).items()
    )
    anchor = spec.get("operationId", f"{method}-{path}").replace("_", "-")
    return Operation(method, path, anchor, spec.get("description", ""), parameters, responses)


def _body_schema(answer: dict) -> str:
    for content in answer.get("content", {}).values():
        return type_of(content.get("schema", {}))[1]
    return ""


def _schema(name: str, spec: dict) -> Schema:
    required = set(spec.get("required", ()))
    fields = []
    for field_name, field in spec.get("properties", {}).items():
        shown, ref = type_of(field)
        nullable = field.get("nullable", False) or field_name not in required
        fields.append(Field(field_name, shown, ref, field.get("description", ""), nullable))
    choices = tuple(str(value) for value in spec.get("enum", ()))
    return Schema(name, spec.get("description", ""), tuple(fields), choices)


def type_of(spec: dict) -> tuple[str, str]:
    """A field's type in words ("list of Participant", "date", "text") and the schema it names, if any."""
    if "$ref" in spec:
        name = spec["$ref"].removeprefix(REF_PREFIX)
        return name, name
    for combined in ("allOf", "oneOf", "anyOf"):
        if combined in spec:
            kinds = [type_of(part) for part in spec[combined]]
            names = list(dict.fromkeys(shown for shown, _ in kinds))
            return " or ".join(names), next((ref for _, ref in kinds if ref), "")
    kind = spec.get("type", "")
    if kind == "array":
        shown, ref = type_of(spec.get("items", {}))
        return f"list of {shown}", ref
    words = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true or false"}
    formats = {"date": "date (YYYY-MM-DD)", "date-time": "date and time (ISO 8601)", "uri": "address (URL)"}
    return formats.get(spec.get("format", ""), words.get(kind, kind or "any value")), ""
