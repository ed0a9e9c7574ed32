"""What every layer needs and nothing else: the problem list with its Dutch report (problems) and writing a
file so that a reader never sees half of it (atomic_file). A leaf: it imports no other package of macros/,
so data/ and bibliography/ can both use it without importing each other back."""
