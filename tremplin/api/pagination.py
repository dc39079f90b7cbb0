"""Cursor pages: stable while records are added, and each page costs the same whatever the list's length."""

from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    ordering = "-created_at"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
