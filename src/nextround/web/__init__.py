"""Web adapter: FastAPI + Jinja2 + HTMX, server-rendered."""
