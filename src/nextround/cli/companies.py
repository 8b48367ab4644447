"""`nextround company`: companies shared by applications and contacts, with their aliases."""

from __future__ import annotations

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import console, emit_json, success, table


@click.group()
def company() -> None:
    """Companies: names, aliases (for matching email), website and domain."""


@company.command("list")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: id, name, aliases, website, domain, notes, applications.")
@click.pass_context
def list_(ctx: click.Context, as_json: bool) -> None:
    """List companies with how many applications each has."""
    from nextround.services.views import company_dict

    with unit_of_work(ctx) as uow:
        data = [company_dict(c, len(uow.applications.for_company(c.id)))
                for c in uow.companies.list()]
    if as_json:
        emit_json(data)
        return
    table(f"{len(data)} compan{'y' if len(data) == 1 else 'ies'}",
          ["#", "Name", "Aliases", "Domain", "Applications"],
          [(d["id"], d["name"], ", ".join(d["aliases"]), d["domain"], d["applications"])
           for d in data], empty="No companies yet; they are created with applications.")


@company.command("show")
@click.argument("company_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, company_id: int, as_json: bool) -> None:
    """Show a company with its applications and contacts."""
    from nextround.services.views import application_dict, company_dict, contact_dict

    with unit_of_work(ctx) as uow:
        c = uow.companies.get(company_id)
        data = company_dict(c)
        data["applications_list"] = [application_dict(a) for a in uow.applications.for_company(c.id)]
        data["contacts"] = [contact_dict(x) for x in uow.contacts.list(company_id=c.id)]
    if as_json:
        emit_json(data)
        return
    out = console()
    out.print(f"[bold]{data['name']}[/bold]"
              + (f"  (also: {', '.join(data['aliases'])})" if data["aliases"] else ""))
    for key in ("website", "domain", "notes"):
        if data[key]:
            out.print(f"  {key.capitalize()}: {data[key]}")
    table("Applications", ["#", "Role", "Status", "Applied"],
          [(a["id"], a["role"], a["status"], a["applied_on"] or "—")
           for a in data["applications_list"]])
    if data["contacts"]:
        table("Contacts", ["#", "Name", "Title"],
              [(x["id"], x["name"], x["title"]) for x in data["contacts"]])


@company.command("edit")
@click.argument("company_id", type=int)
@click.option("--name", help="New name.")
@click.option("--website", help="Website, e.g. https://acme.com.")
@click.option("--domain", help="Email domain, e.g. acme.com (helps match their emails).")
@click.option("--notes")
@click.option("--alias", "add_aliases", multiple=True,
              help="Another name it goes by (repeatable), e.g. its parent or brand name.")
@click.option("--remove-alias", "remove_aliases", multiple=True)
@click.pass_context
def edit(ctx: click.Context, /, company_id: int, add_aliases: tuple[str, ...],
         remove_aliases: tuple[str, ...], **fields: str | None) -> None:
    """Change a company's name, website, domain, notes or aliases."""
    from nextround.services.people import edit_company

    if not add_aliases and not remove_aliases and all(v is None for v in fields.values()):
        raise click.UsageError("Give at least one change, e.g. --alias 'Acme Corp'.")
    with unit_of_work(ctx) as uow:
        edit_company(uow, company_id, add_aliases=add_aliases, remove_aliases=remove_aliases,
                     **fields)
        uow.commit()
    success(f"Company #{company_id} updated.")
