"""Commands that set nextround up: init, profile, demo and database maintenance."""

from __future__ import annotations

import click
from click.decorators import FC

from nextround.cli.context import interactive, open_database, settings, unit_of_work
from nextround.cli.output import emit_json, say, success, table
from nextround.config import database_explicit

PROFILE_OPTIONS = [
    ("name", "Your name"), ("email", "Email"), ("phone", "Phone"),
    ("linkedin_url", "LinkedIn URL"), ("signature", "Email signature"),
    ("skills", "Skills (comma-separated)"), ("target_roles", "Target roles (comma-separated)"),
    ("country", "Country (two letters, e.g. US, GB, FR)"), ("language", "Language (en or fr)"),
]


@click.command()
@click.option("--name", help="Your name, used to sign drafts.")
@click.option("--email", help="Your email address.")
@click.pass_context
def init(ctx: click.Context, name: str | None, email: str | None) -> None:
    """Create the database and set up your profile (asks only at a terminal)."""
    from nextround.services.people import update_profile

    cfg = settings(ctx)
    db, owner = open_database(ctx)
    with db.uow(owner) as uow:
        changes = {"name": name, "email": email}
        if interactive() and not name and not uow.profiles.exists():
            changes["name"] = click.prompt("Your name", default="", show_default=False)
            changes["email"] = click.prompt("Your email", default="", show_default=False)
        update_profile(uow, changes)
        uow.commit()
    success(f"Database ready at {db.engine.url.render_as_string(hide_password=True)}")
    if cfg.is_sqlite:
        say("Next: `nextround app add --company ACME --role 'Data Analyst'` or `nextround serve`.")


def _profile_options(func: FC) -> FC:
    for field, label in reversed(PROFILE_OPTIONS):
        func = click.option(f"--{field.replace('_', '-')}", field, help=label)(func)
    return func


@click.command()
@_profile_options
@click.option("--edit", is_flag=True, help="Answer each field at a terminal prompt.")
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON.")
@click.pass_context
def profile(ctx: click.Context, /, edit: bool, as_json: bool, **fields: str | None) -> None:
    """Show your profile, or change fields with options (e.g. --name, --skills)."""
    from nextround.services.people import update_profile
    from nextround.services.views import profile_dict

    with unit_of_work(ctx) as uow:
        current = profile_dict(uow.profiles.get())
        changes = {k: v for k, v in fields.items() if v is not None}
        if edit:
            if not interactive():
                raise click.UsageError("--edit needs a terminal; pass the fields as options.")
            for field, label in PROFILE_OPTIONS:
                value = current[field]
                shown = ", ".join(value) if isinstance(value, list) else value
                changes[field] = click.prompt(label, default=shown, show_default=bool(shown))
        if changes:
            update_profile(uow, changes)
            uow.commit()
            current = profile_dict(uow.profiles.get())
            if not as_json:
                success("Profile saved.")
    if as_json:
        emit_json(current)
        return
    rows = [
        (label, ", ".join(current[f]) if isinstance(current[f], list) else current[f])
        for f, label in PROFILE_OPTIONS
    ]
    table("Profile", ["Field", "Value"], rows)


@click.command()
@click.option("--seed", default=7, show_default=True, help="Seed for the generated data.")
@click.pass_context
def demo(ctx: click.Context, seed: int) -> None:
    """Load about 40 demo applications into the demo database.

    Without --db (or NEXTROUND_DATABASE_URL) the data goes to a database of its own,
    opened with `nextround serve --demo`, so your real records are never mixed in.
    """
    from nextround.services.demo import load_demo
    from nextround.storage.database import Database

    explicit = database_explicit(ctx.find_root().obj.get("database_url"))
    cfg = settings(ctx, demo=not explicit)
    db = Database(cfg.database_url)
    owner = db.ensure_ready()
    with db.uow(owner) as uow:
        count = load_demo(uow, seed=seed)
        uow.commit()
    success(f"Loaded {count} demo applications into {db.engine.url.render_as_string()}.")
    if not explicit:
        say("Open them with `nextround serve --demo` or `nextround --db "
            f"{db.engine.url.render_as_string()} app list`.")


@click.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@click.pass_context
def db_upgrade(ctx: click.Context) -> None:
    """Create the database or bring it to the newest schema."""
    from nextround.storage.database import Database

    database = Database(settings(ctx).database_url)
    database.upgrade()
    database.local_user_id()
    success("Database is up to date.")


@db.command("where")
@click.pass_context
def db_where(ctx: click.Context) -> None:
    """Print the database URL in use."""
    click.echo(settings(ctx).database_url)
