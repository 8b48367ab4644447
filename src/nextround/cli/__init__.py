"""The `nextround` command: a lazy root group and the one place errors become messages."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from nextround.errors import DataError, NextroundError

# name -> (module:attribute, one-line help). Modules load only when their command runs.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("nextround.cli.setup:init", "Create the database and set up your profile."),
    "profile": ("nextround.cli.setup:profile", "Show or edit your profile."),
    "demo": ("nextround.cli.setup:demo", "Load a realistic demo data set."),
    "serve": ("nextround.cli.serve:serve", "Start the web app on http://127.0.0.1:8765."),
    "db": ("nextround.cli.setup:db", "Database maintenance (upgrade, where)."),
    "app": ("nextround.cli.apps:app", "Track job applications."),
    "interview": ("nextround.cli.rounds:interview", "Record interview rounds."),
    "contact": ("nextround.cli.contacts:contact", "Keep contacts: recruiters, interviewers."),
    "company": ("nextround.cli.companies:company", "Companies, their aliases and domains."),
    "effort": ("nextround.cli.rounds:effort", "Log the effort behind an application."),
    "export": ("nextround.cli.transfer:export", "Export everything (JSON) or applications (CSV)."),
    "import": ("nextround.cli.transfer:import_", "Import a JSON backup or a CSV of applications."),
    "mail": ("nextround.cli.mail:mail", "Read email: import, fetch over IMAP, classify."),
    "review": ("nextround.cli.review:review", "Review changes proposed from your email."),
    "ghosted": ("nextround.cli.ghosted:ghosted", "Applications that went silent."),
    "reply": ("nextround.cli.reply:reply", "Draft replies: after a rejection, follow-ups, thanks."),
    "linkedin": ("nextround.cli.linkedin:linkedin", "LinkedIn connection notes."),
    "feedback": ("nextround.cli.feedback:feedback", "Record feedback you received."),
    "growth": ("nextround.cli.growth:growth", "Growth areas named in your feedback."),
    "watch": ("nextround.cli.watch:watch", "Companies to look at again."),
    "debrief": ("nextround.cli.debrief:debrief", "Debrief an interview round."),
    "questions": ("nextround.cli.questions:questions", "Questions that keep coming up."),
    "story": ("nextround.cli.story:story", "Your STAR stories."),
    "practice": ("nextround.cli.practice:practice", "Practise answers with spaced repetition."),
    "fit": ("nextround.cli.fit:fit", "Score a company's fit and red flags."),
    "share": ("nextround.cli.share:share", "Export a reflection for a mentor or peer."),
    "journal": ("nextround.cli.journal:journal", "A private check-in, with kind reframes."),
    "wins": ("nextround.cli.wins:wins", "The steps you deserve credit for."),
    "stats": ("nextround.cli.stats:stats", "Your funnel and effort over time."),
    "plan": ("nextround.cli.plan:plan", "A bounce-back plan for the next days."),
    "today": ("nextround.cli.today:today", "What to do next today."),
}


class LazyGroup(click.Group):
    """Lists every command from the registry without importing any of them."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, attr = target[0].partition(":")
        module = importlib.import_module(module_name)
        command: click.Command = getattr(module, attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "database_url", metavar="URL", envvar="NEXTROUND_DATABASE_URL",
              help="Database URL (default: a SQLite file in NEXTROUND_HOME or your data folder).")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(package_name="nextround")
@click.pass_context
def root(ctx: click.Context, database_url: str | None, debug: bool) -> None:
    """nextround: turn an interview rejection, or silence, into the next round.

    Everything stays on this machine unless you choose otherwise.
    """
    ctx.ensure_object(dict)
    ctx.obj["database_url"] = database_url
    ctx.obj["debug"] = debug


def _print_error(exc: NextroundError) -> None:
    click.secho(f"Error: {exc.message}", fg="red", err=True)
    if isinstance(exc, DataError) and exc.problems:
        for problem in exc.problems[:50]:
            click.echo(f"  - {problem}", err=True)
        if len(exc.problems) > 50:
            click.echo(f"  ... and {len(exc.problems) - 50} more", err=True)
    if exc.hint:
        click.echo(exc.hint, err=True)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and turn every known error into a message and its exit code."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        root.main(args=argv, prog_name="nextround", standalone_mode=False)
    except NextroundError as exc:
        if debug:
            raise
        _print_error(exc)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: not an error for the user.
        sys.stderr.close()
        return 0
    except Exception as exc:
        if debug or os.environ.get("NEXTROUND_DEBUG"):
            raise
        click.secho(f"Unexpected error: {type(exc).__name__}: {exc}", fg="red", err=True)
        click.echo("Run again with --debug for details, and please report it.", err=True)
        return 1
    return 0


def command_info() -> dict[str, Any]:
    return {name: help_ for name, (_target, help_) in COMMANDS.items()}
