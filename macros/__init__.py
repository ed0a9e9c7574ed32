"""Wijkengids: data layer (pure Python) plus a thin mkdocs-macros adapter in ``macros.main``.

Only ``macros.main`` may import MkDocs or mkdocs-macros; everything else is plain Python so
that scripts, tests and any future site generator share the same code.
"""
