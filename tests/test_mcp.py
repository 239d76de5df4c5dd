"""`termbase mcp` driven by the MCP SDK's own client over stdio: initialize, list the tools, call
each, and bad arguments give a tool error while the server keeps running."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from .conftest import ROOT
from .test_lint_routes import COMMAND, run

mcp = pytest.importorskip("mcp")


def _text(result: Any) -> str:
    return "".join(getattr(part, "text", "") for part in result.content)


async def _session(
    calls: list[tuple[str, dict[str, Any]]], *extra: str, base: Any = None
) -> tuple[list[str], list[Any]]:
    from mcp import Client, StdioServerParameters

    args = [*COMMAND[1:], "mcp", "-t", str(base or ROOT / "terms"), *extra]
    params = StdioServerParameters(command=COMMAND[0], args=args)
    async with Client(params) as client:
        tools = [t.name for t in (await client.list_tools()).tools]
        results = [await client.call_tool(name, args) for name, args in calls]
    return tools, results


def test_the_server_answers_every_tool() -> None:
    calls: list[tuple[str, dict[str, Any]]] = [
        ("lookup", {"query": "xygq", "languages": ["en"]}),
        ("check", {"source": "坚持智能向善", "target": "adhere to intelligent for good"}),
        ("glossary_for", {"text": "坚持智能向善，反对小院高墙。"}),
        ("convert", {"text": "发展人工智能", "to": "zh-TW"}),
        ("pinyin", {"text": "中国坚持智能向善。"}),
        ("convert", {"text": "人工智能", "to": "klingon"}),  # bad argument: a tool error
        ("lookup", {"query": "智能向善"}),  # and the server is still there
        (
            "score",
            {
                "source": "坚持智能向善，反对小院高墙。",
                "target": "We uphold intelligent for good and oppose small yard, high fence.",
            },
        ),
    ]
    tools, results = asyncio.run(_session(calls))
    assert sorted(tools) == ["check", "convert", "glossary_for", "lookup", "pinyin", "score"]
    lookup = json.loads(_text(results[0]))
    assert lookup[0]["id"] == "small-yard-high-fence"
    assert {t["lang"] for t in lookup[0]["terms"]} == {"en"}
    findings = json.loads(_text(results[1]))
    assert [(f["code"], f["concept"]) for f in findings] == [("LT103", "ai-for-good")]
    # a repair a model can apply: the characters to replace, and with what
    repair = findings[0]["repair"]
    target = "adhere to intelligent for good"
    fixed = target[: repair["start"]] + repair["replacement"] + target[repair["end"] :]
    assert fixed == "adhere to AI for good"
    assert repair["instruction"].startswith('Replace "intelligent for good"')
    glossary = json.loads(_text(results[2]))
    assert [g["concept"] for g in glossary] == ["ai-for-good", "small-yard-high-fence"]
    assert "intelligent for good" in glossary[0]["do_not_use"]
    assert _text(results[3]) == "發展人工智慧"
    assert _text(results[4]) == "Zhōngguó jiānchí zhìnéng xiàngshàn."
    assert results[5].is_error
    assert "klingon" in _text(results[5])
    assert json.loads(_text(results[6]))[0]["id"] == "ai-for-good"
    scored = json.loads(_text(results[7]))
    assert (scored["success_rate"], scored["required"]) == (0.5, 2)
    assert scored["banned_renderings"] == ["ai-for-good"]


def test_a_term_base_that_does_not_load_stops_the_server_at_once(tmp_path: Any) -> None:
    (tmp_path / "x.toml").write_text("<<<<<<< HEAD\n", "utf-8")
    result = run("mcp", "-t", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"termbase: {tmp_path / 'x.toml'}:1:")


def test_allow_edits_proposes_a_concept_for_review(tmp_path: Any) -> None:
    import shutil

    base = tmp_path / "tb"
    shutil.copytree(ROOT / "terms", base)
    proposal = {
        "concept_id": "data-sovereignty",
        "chinese": "数据主权",
        "english": "data sovereignty",
    }
    calls: list[tuple[str, dict[str, Any]]] = [
        ("propose_term", proposal),
        ("lookup", {"query": "数据主权"}),
        ("propose_term", proposal),  # twice: a tool error, the file untouched
    ]
    tools, results = asyncio.run(_session(calls, "--allow-edits", base=base))
    assert "propose_term" in tools
    assert not results[0].is_error, _text(results[0])
    assert json.loads(_text(results[1]))[0]["id"] == "data-sovereignty"
    assert results[2].is_error
    assert "already exists" in _text(results[2])
    text = (base / "proposed.toml").read_text("utf-8")
    assert text.count("[data-sovereignty]") == 1
    assert text.count('origin = "machine"') == 3  # zh-Hans, en and the zh-Hant filled in
    report = run("validate", "-t", str(base), cwd=tmp_path)
    assert report.returncode == 0
    assert "TB120" in report.stdout  # listed for a person to review


def test_inputs_are_bounded_and_read_only_tools_say_so() -> None:
    """A text over the limit is a tool error at once (not minutes of work); read-only tools
    carry readOnlyHint; the server answers the next call."""

    async def session() -> tuple[list[Any], list[Any]]:
        from mcp import Client, StdioServerParameters

        args = [*COMMAND[1:], "mcp", "-t", str(ROOT / "terms")]
        params = StdioServerParameters(command=COMMAND[0], args=args)
        async with Client(params) as client:
            listed = (await client.list_tools()).tools
            results = [
                await client.call_tool("check", {"source": "中" * 100_001, "target": "x"}),
                await client.call_tool("pinyin", {"text": "人" * 100_001}),
                await client.call_tool("lookup", {"query": "q" * 501}),
                await client.call_tool("lookup", {"query": "智能向善"}),
                await client.call_tool("lookup", {"query": "小院高强"}),  # a wrong character
            ]
        return listed, results

    listed, results = asyncio.run(session())
    for tool in listed:
        assert tool.annotations is not None
        assert tool.annotations.read_only_hint is True, tool.name
    for result in results[:3]:
        assert result.is_error
        assert "more than" in _text(result)
    assert json.loads(_text(results[3]))[0]["id"] == "ai-for-good"
    assert json.loads(_text(results[4]))[0]["id"] == "small-yard-high-fence"
