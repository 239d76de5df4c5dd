"""`termbase lookup`, `termbase show` and `termbase list`: finding terms for a translator."""

import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from termbase.cli._app import (
    EXIT_FINDINGS,
    ConceptId,
    StatusChoice,
    TermbaseOption,
    app,
    bad_input,
    complete_languages,
    err,
    open_index,
    termbase_paths,
)

LangOption = Annotated[
    list[str] | None,
    typer.Option(
        "--lang",
        "-l",
        help="Show only these languages (repeat for more).",
        show_default=False,
        autocompletion=complete_languages,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (its shape: docs/lookup.md).")]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Read the TOML files instead of the index cache.")
]


def _open(termbase: list[Any] | None, no_cache: bool) -> Any:
    return open_index(termbase_paths(termbase), use_cache=not no_cache)


def _print_cards(cards: list[tuple[str, dict[str, Any]]], langs: list[str]) -> None:
    from termbase import card as render

    if sys.stdout.isatty():
        render.render_rich(cards, langs)
        return
    sys.stdout.write("\n".join(render.render_text(c, langs, header) for header, c in cards))


@app.command()
def lookup(
    query: Annotated[
        str, typer.Argument(help="Characters (either script), pinyin, initials or English.")
    ],
    lang: LangOption = None,
    status: Annotated[
        list[StatusChoice] | None,
        typer.Option(
            "--status",
            help="Match only terms with this status (repeat for more).",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="At most this many concepts.")
    ] = 5,
    as_json: JsonOption = False,
    no_cache: NoCacheOption = False,
    termbase: TermbaseOption = None,
) -> None:
    """Find a term: by Simplified or Traditional characters, pinyin with or without tones or
    spaces (xiǎo yuàn, xiaoyuan, xiao3 yuan4), initials (xygq) or English, also from a
    fragment or with a typo.

    Shows each matching concept whole: every term with its status (forbidden and deprecated
    ones with what to use instead), pinyin, definition, note, sources and related concepts.
    Exit 1 when nothing matches.
    """
    with bad_input():
        index = _open(termbase, no_cache)
        hits = index.search(query, statuses=[s.value for s in status or []], limit=limit)
        if not hits:
            close = index.suggestions(query)
            hint = f"; closest: {', '.join(close)}" if close else ""
            err(f"no term matches {query!r}{hint}")
            raise typer.Exit(EXIT_FINDINGS)
        cards = [(h, index.card(h.concept)) for h in hits]
    langs = list(lang or [])
    if as_json:
        import json

        out = []
        for h, c in cards:
            shown = {**c, "terms": [t for t in c["terms"] if not langs or t["lang"] in langs]}
            out.append({"id": c["id"], "score": h.score, "match": h.level.name.lower(), **shown})
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    _print_cards([(f"{n}. ", c) for n, (_, c) in enumerate(cards, 1)], langs)


def _card(index: Any, concept_id: str) -> dict[str, Any]:
    """The concept's card; exit 1 saying which ids are close where there is none."""
    import difflib

    card: dict[str, Any] | None = index.card(concept_id)
    if card is None:
        close = difflib.get_close_matches(concept_id, index.ids(), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        err(f"no concept {concept_id!r}{hint}")
        raise typer.Exit(EXIT_FINDINGS)
    return card


def _one_concept(render: Callable[[dict[str, Any], list[str], bool], None]) -> Callable[..., None]:
    """A command on one concept by its id (exit 1 if there is none): its card, `render`ed
    with the languages asked for and as JSON or not; the help is `render`'s docstring."""

    def command(
        concept_id: ConceptId,
        lang: LangOption = None,
        as_json: JsonOption = False,
        no_cache: NoCacheOption = False,
        termbase: TermbaseOption = None,
    ) -> None:
        with bad_input():
            card = _card(_open(termbase, no_cache), concept_id)
        render(card, list(lang or []), as_json)

    command.__doc__ = render.__doc__
    return command


def _show(card: dict[str, Any], langs: list[str], as_json: bool) -> None:
    """Show one concept by its id. Exit 1 if there is none."""
    if as_json:
        import json

        typer.echo(json.dumps(card, ensure_ascii=False, indent=2))
    else:
        _print_cards([("", card)], langs)


def _forms(card: dict[str, Any], langs: list[str], as_json: bool) -> None:
    """List what lint and score accept as each term of a concept in a text.

    The term, the forms it lists, and in English a verb phrase's other forms (interfere in,
    interfered in) and an approved rendering without its leading article. Plurals and
    possessives are matched word by word and need no form. `inflect = false` on a term keeps its
    verb as written; an all-capitals acronym is matched case-sensitively unless the term says
    `case-sensitive = false`. Exit 1 if there is no such concept."""
    from termbase.lint.patterns import term_texts

    wanted = {x.lower() for x in langs}
    rows = [
        {
            "lang": t["lang"],
            "status": t["status"],
            "term": t["text"],
            "forms": [
                {"text": text, "case_sensitive": cased, "why": why or "the term"}
                for text, cased, why in term_texts(t)
            ],
        }
        for t in card["terms"]
        if not wanted or t["lang"].lower() in wanted or t["lang"].split("-")[0] in wanted
    ]
    if as_json:
        import json

        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['lang']} {row['status']}: {row['term']}")
        for f in row["forms"]:
            case = ", case-sensitive" if f["case_sensitive"] else ""
            typer.echo(f"  {f['text']}  ({f['why']}{case})")


app.command("show")(_one_concept(_show))
app.command("forms")(_one_concept(_forms))


@app.command("list")
def list_concepts(
    subject: Annotated[
        str | None, typer.Option("--subject", help="Only this subject field.")
    ] = None,
    status: Annotated[
        list[StatusChoice] | None,
        typer.Option(
            "--status", help="Only concepts with a term of this status.", show_default=False
        ),
    ] = None,
    as_json: JsonOption = False,
    no_cache: NoCacheOption = False,
    termbase: TermbaseOption = None,
) -> None:
    """List concepts, one line each: id, preferred Chinese and English terms, subject."""
    with bad_input():
        index = _open(termbase, no_cache)
        cards = index.cards(subject, [s.value for s in status or []])
    if as_json:
        import json

        typer.echo(json.dumps(cards, ensure_ascii=False, indent=2))
        return
    for c in cards:
        zh = _preferred(c, "zh-Hans")
        en = _preferred(c, "en")
        typer.echo("\t".join((c["id"], zh, en, c.get("subject") or "")))


def _preferred(card: dict[str, Any], lang: str) -> str:
    return next(
        (t["text"] for t in card["terms"] if t["lang"] == lang and t["status"] == "preferred"), ""
    )
