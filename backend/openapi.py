"""The OpenAPI 3.0 description of the backend's routes, served at ``/openapi.json``.

Written out here (rather than generated from docstrings) so the request bodies carry the shapes
Label Studio sends (``backend/protocol.py``); ``tests/test_backend_security.py`` checks that it
names exactly the routes the Starlette app has, and runs schemathesis against it: whatever a
client sends within (or outside) these shapes, the answer is never a 5xx.
"""

from __future__ import annotations

from typing import Any

from policytag import __version__

from .protocol import KNOWN_EVENTS, OTHER_LS_EVENTS


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _json_body(schema_ref: str) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": {"$ref": schema_ref}}}}


def openapi_spec(max_body_bytes: int, max_depth: int, auth: bool = False) -> dict[str, Any]:
    """The spec; ``auth`` adds HTTP basic security to every operation (and the 401 answer)."""
    refused = {
        "400": _error(f"not a JSON object, not UTF-8, empty, or nested deeper than {max_depth} levels"),
        "413": _error(f"body larger than {max_body_bytes:,} bytes (or too many tasks)"),
        "422": _error("a JSON object, but not what this route expects (the message says what)"),
    }
    if auth:
        refused["401"] = _error("missing or wrong HTTP basic credentials")
    get_only = {"401": _error("missing or wrong HTTP basic credentials")} if auth else {}
    health = {"summary": "health: model version, taxonomy version, training state",
              "responses": {"200": {"description": "the backend is up",
                                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
                            **get_only}}
    spec: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "policytag ML backend", "version": __version__,
                 "description": "Label Studio's ML backend protocol over a policytag tagger (docs/backend.md)."},
        "paths": {
            "/": {"get": {**health, "operationId": "root"}},
            "/health": {"get": {**health, "operationId": "health"}},
            "/versions": {"get": {"operationId": "versions", "summary": "the model version served",
                                  "responses": {"200": {"description": "versions", "content": {"application/json": {
                                      "schema": {"type": "object", "properties": {
                                          "versions": {"type": "array", "items": {"type": "string"}}}}}}},
                                      **get_only}}},
            "/setup": {"post": {"operationId": "setup", "summary": "Label Studio connects a project",
                                "requestBody": _json_body("#/components/schemas/SetupRequest"),
                                "responses": {"200": {"description": "the model version", "content": {
                                    "application/json": {"schema": {"type": "object", "properties": {
                                        "model_version": {"type": "string"}}}}}},
                                    "403": _error("hostname is not the Label Studio this backend was started for"),
                                    **refused}}},
            "/predict": {"post": {"operationId": "predict", "summary": "predictions for tasks, in task order",
                                  "requestBody": _json_body("#/components/schemas/PredictRequest"),
                                  "responses": {"200": {"description": "one result per task", "content": {
                                      "application/json": {"schema": {"type": "object", "properties": {
                                          "results": {"type": "array", "items": {"type": "object"}},
                                          "model_version": {"type": "string"}}}}}},
                                      **refused}}},
            "/webhook": {"post": {"operationId": "webhook", "summary": "Label Studio events (annotations, training)",
                                  "requestBody": _json_body("#/components/schemas/WebhookEvent"),
                                  "responses": {"200": {"description": "event handled or ignored",
                                                        "content": {"application/json": {"schema": {"type": "object"}}}},
                                                **refused}}},
            "/openapi.json": {"get": {"operationId": "openapi", "summary": "this description",
                                      "responses": {"200": {"description": "OpenAPI 3.0 JSON", "content": {
                                          "application/json": {"schema": {"type": "object"}}}}, **get_only}}},
        },
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error", "status"],
                      "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
            "Health": {"type": "object", "required": ["status", "model_version"],
                       "properties": {"status": {"type": "string", "enum": ["UP"]},
                                      "model_class": {"type": "string"}, "model_version": {"type": "string"},
                                      "taxonomy_version": {"type": "string"}, "training": {"type": "object"},
                                      "projects": {"type": "object"}}},
            "Project": {"oneOf": [{"type": "string", "example": "3.1712345678"}, {"type": "integer"},
                                  {"type": "object", "properties": {"id": {"type": "integer"}}}]},
            "SetupRequest": {"type": "object", "required": ["schema"], "properties": {
                "project": {"$ref": "#/components/schemas/Project"},
                "schema": {"type": "string", "description": "the project's labeling config (XML)"},
                "hostname": {"type": "string", "description": "Label Studio's URL"},
                "access_token": {"type": "string"},
                "model_version": {"type": "string"},
                "extra_params": {"type": "object"}}},
            "Task": {"type": "object", "required": ["data"], "properties": {
                "id": {"type": "integer"},
                "data": {"type": "object", "required": ["text"], "properties": {
                    "text": {"type": "string", "description": "the clause; an empty or blank one gets an empty prediction"},
                    "heading": {"type": "string"},
                    "heading_path": {"type": "array", "items": {"type": "string"}},
                    "clause_id": {"type": "string"}, "doc_id": {"type": "string"},
                    "year": {"type": "integer"}, "kind": {"type": "string"}}}}},
            "PredictRequest": {"type": "object", "required": ["tasks"], "properties": {
                "tasks": {"type": "array", "items": {"$ref": "#/components/schemas/Task"}},
                "project": {"$ref": "#/components/schemas/Project"},
                "label_config": {"type": "string"},
                "params": {"type": "object"}}},
            "WebhookEvent": {"type": "object", "required": ["action"], "properties": {
                "action": {"type": "string", "enum": list(dict.fromkeys((*KNOWN_EVENTS, *OTHER_LS_EVENTS))),
                           "description": "a Label Studio webhook action (another string is a 422)"},
                "project": {"$ref": "#/components/schemas/Project"},
                "annotation": {"type": "object"},
                "annotations": {"type": "array", "items": {"type": "object"}},
                "task": {"type": "object"}}},
        }},
    }
    if auth:
        spec["components"]["securitySchemes"] = {"basicAuth": {"type": "http", "scheme": "basic"}}
        spec["security"] = [{"basicAuth": []}]
    return spec
