"""`termbase mcp` and `termbase lsp`: the term base as a tool server for AI assistants (Model
Context Protocol) and as a language server for editors."""

from typing import Annotated

import typer

from termbase.cli._app import TermbaseOption, app, bad_input, open_index, termbase_paths


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
    the MCP SDK: pip install 'mcp>=2.2' (in a clone: pip install -e '.[mcp]'). A term base
    that does not load stops the server before it starts (exit 2); a tool call with bad
    arguments answers with a tool error.
    """
    import importlib.util

    from termbase.errors import TermbaseError

    with bad_input():
        if importlib.util.find_spec("mcp") is None:
            raise TermbaseError(
                "the MCP SDK is not installed: pip install 'mcp>=2.2' (in a clone of termbase: "
                "pip install -e '.[mcp]')"
            )
        from termbase.servers.mcp import serve

        paths = termbase_paths(termbase)
        # a base that does not load: exit 2 now, not per tool call; from the kept index (a
        # look at each file's size and time), not a parse of the whole base
        open_index(paths, use_cache=True)
    serve(paths, allow_edits=allow_edits)
    raise typer.Exit(0)


@app.command()
def lsp(termbase: TermbaseOption = None) -> None:
    """Serve the term base to editors over stdio (Language Server Protocol).

    Diagnostics from the lint engine as you type, the concept's card on hover, a quick fix that
    puts in the preferred rendering. Needs pygls: pip install 'pygls>=2.0' (in a clone:
    pip install -e '.[lsp]').
    A term base that does not load stops the server before it starts (exit 2).
    """
    import importlib.util

    from termbase.errors import TermbaseError

    with bad_input():
        if importlib.util.find_spec("pygls") is None:
            raise TermbaseError(
                "pygls is not installed: pip install 'pygls>=2.0' (in a clone of termbase: "
                "pip install -e '.[lsp]')"
            )
        from termbase.servers.lsp import serve

        open_index(termbase_paths(termbase), use_cache=True)
    serve(termbase)
    raise typer.Exit(0)
