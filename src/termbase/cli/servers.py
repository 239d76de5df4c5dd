"""`termbase mcp`: the term base as a tool server for AI assistants (Model Context Protocol)."""

from typing import Annotated

import typer

from termbase.cli._app import TermbaseOption, app, bad_input, termbase_paths


@app.command()
def mcp(
    termbase: TermbaseOption = None,
    allow_edits: Annotated[
        bool,
        typer.Option(
            "--allow-edits",
            help="Add the propose_term tool: new concepts written to proposed.toml for review.",
        ),
    ] = False,
) -> None:
    """Serve the term base to AI assistants over stdio (Model Context Protocol).

    Tools: lookup, check, glossary_for, convert, pinyin; read-only unless --allow-edits, which
    adds propose_term (written to proposed.toml, marked as made by a machine, for review). Needs
    the optional extra:
    pip install 'termbase[mcp]'. A term base that does not load stops the server before it
    starts (exit 2); a tool call with bad arguments answers with a tool error.
    """
    import importlib.util

    from termbase.errors import TermbaseError

    with bad_input():
        if importlib.util.find_spec("mcp") is None:
            raise TermbaseError("the MCP SDK is not installed: pip install 'termbase[mcp]'")
        from termbase import store
        from termbase.mcp_server import serve

        paths = termbase_paths(termbase)
        store.load_termbase(paths)  # a base that does not load: exit 2 now, not per tool call
    serve(paths, allow_edits=allow_edits)
    raise typer.Exit(0)
