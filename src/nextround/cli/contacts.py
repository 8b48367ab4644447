"""`nextround contact`: the people you meet on the way."""

from __future__ import annotations

import click

from nextround.cli.context import unit_of_work
from nextround.cli.output import console, emit_json, success, table


@click.group()
def contact() -> None:
    """Keep contacts: recruiters, interviewers, hiring managers."""


@contact.command("add")
@click.argument("name")
@click.option("--company", help="Company they work for.")
@click.option("--title", default="", help="Job title.")
@click.option("--email", default="")
@click.option("--phone", default="")
@click.option("--linkedin", "linkedin_url", default="", help="LinkedIn profile URL.")
@click.option("--how-met", default="", help="How you met.")
@click.option("--notes", default="")
@click.option("--app", "application_id", type=int, help="Link to this application.")
@click.option("--relation", default="", help="Their part in it: recruiter, interviewer...")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def add(ctx: click.Context, /, as_json: bool, name: str, company: str | None, title: str, email: str,
        phone: str, linkedin_url: str, how_met: str, notes: str, application_id: int | None,
        relation: str) -> None:
    """Add a contact."""
    from nextround.services.people import add_contact

    with unit_of_work(ctx) as uow:
        cid = add_contact(uow, name, company=company, title=title, email=email, phone=phone,
                          linkedin_url=linkedin_url, how_met=how_met, notes=notes,
                          application_id=application_id, relation=relation)
        uow.commit()
    if as_json:
        emit_json({"id": cid})
    else:
        success(f"Contact #{cid} added.")


@contact.command("list")
@click.option("-q", "--search", help="Search by name.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON list; keys: id, name, title, company, email, phone, linkedin_url, ...")
@click.pass_context
def list_(ctx: click.Context, search: str | None, as_json: bool) -> None:
    """List contacts."""
    from nextround.services.views import contact_dict

    with unit_of_work(ctx) as uow:
        data = [contact_dict(c) for c in uow.contacts.list(query=search)]
    if as_json:
        emit_json(data)
        return
    table(f"{len(data)} contact(s)", ["#", "Name", "Title", "Company", "Email"],
          [(d["id"], d["name"], d["title"], d["company"] or "", d["email"]) for d in data],
          empty="No contacts yet. Add one with `nextround contact add NAME --company ACME`.")


@contact.command("show")
@click.argument("contact_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, contact_id: int, as_json: bool) -> None:
    """Show one contact."""
    from nextround.services.views import contact_dict

    with unit_of_work(ctx) as uow:
        data = contact_dict(uow.contacts.get(contact_id))
    if as_json:
        emit_json(data)
        return
    out = console()
    out.print(f"[bold]{data['name']}[/bold]  {data['title']}"
              + (f" at {data['company']}" if data["company"] else ""))
    for key in ("email", "phone", "linkedin_url", "linkedin_status", "how_met", "notes"):
        if data[key]:
            out.print(f"  {key.replace('_', ' ').capitalize()}: {data[key]}")
