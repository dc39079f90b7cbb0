"""The OpenAPI schema documents every error an operation can answer, in the one error format."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text="Request field the message is about; null: the request.")
    code = serializers.CharField()
    message = serializers.CharField()


class ErrorsSerializer(serializers.Serializer):
    errors = ErrorSerializer(many=True)


ERROR_CODES = {
    "400": "Bad input: one error per field and rule broken.",
    "401": "No token, or an unknown, revoked or expired one.",
    "403": "The token lacks the scope, or its membership the capability.",
    "404": "No such record for this token (another structure, or one its membership may not see).",
    "429": "Too many requests for this token: wait for Retry-After seconds.",
}


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if getattr(self.view, "scope_area", None) is None:
            return responses
        # Every operation may answer each of them (a list's bad cursor is a 404, a bad filter a 400).
        for code, description in ERROR_CODES.items():
            response = self._get_response_for_code(ErrorsSerializer, code, direction=direction)
            response["description"] = description
            responses.setdefault(code, response)
        return responses


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "tremplin.api.authentication.ApiTokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer trp_… (docs/api.md)"}
