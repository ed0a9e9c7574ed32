"""Drawings made at build time as SVG: the map of practice cases and the participation ladder."""
