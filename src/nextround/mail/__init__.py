"""Mail sources and parsing: importers yield messages and never write to the database."""
