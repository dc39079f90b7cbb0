"""Cursor pages: stable while records are added, and each page costs the same whatever the list's length."""

from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    ordering = "-created_at"
    # As the pages' lists: each row of a page is a logged read.
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
        return parameters
