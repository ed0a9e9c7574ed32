"""Command-line entry points for curators and CI (run as ``python -m scripts.<name>``)."""
