"""`nextround serve`: the web app (binds 127.0.0.1 unless server mode with accounts is on)."""

from __future__ import annotations

import click

from nextround.cli.context import settings
from nextround.config import DEFAULT_HOST, DEFAULT_PORT
from nextround.errors import ConfigError


@click.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True)
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int)
@click.option("--demo", is_flag=True, help="Open the demo database (see `nextround demo`).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, demo: bool) -> None:
    """Start the web app."""
    import uvicorn

    from nextround.storage.database import Database
    from nextround.web.app import create_app

    cfg = settings(ctx, demo=demo)
    if host not in {"127.0.0.1", "localhost", "::1"} and not cfg.server_mode:
        raise ConfigError(
            f"Refusing to listen on {host}: without accounts anyone on the network could read "
            "your data.",
            "Keep the default 127.0.0.1, or enable server mode (NEXTROUND_SERVER_MODE=1).",
        )
    db = Database(cfg.database_url)
    db.ensure_ready()
    app = create_app(cfg, db)
    click.echo(f"nextround is running at http://{host}:{port}  (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
