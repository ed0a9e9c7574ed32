"""Pages from the validated data: page context, templates and one module per page family (see build.py)."""
