"""The data layer: read, validate and index everything in data/. Plain Python: no MkDocs, no rendering."""
