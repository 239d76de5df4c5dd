"""The failures a hostile audit found (issue 21), each reproduced as a user hits it: the real
command on a copy of the bundled term base in a temporary folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from termbase.base import tomlread

from .conftest import DATA, MT_GLOSSARIES, ROOT, bundled_checked, bundled_concepts
from .test_lint_routes import run, run_ok

TERMS = ROOT / "terms"


@pytest.fixture
def tb(tmp_path: Path) -> Path:
    base = tmp_path / "tb"
    shutil.copytree(TERMS, base)
    return base


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".termbase" not in p.parts
    }


def export_glossary(
    base: Path, fmt: str, profile: str, cwd: Path, *extra: str, out: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`termbase export --format FMT --profile P -t BASE [EXTRA] [-o OUT]`, the real command."""
    output = ["-o", str(out)] if out is not None else []
    return run(
        "export", "--format", fmt, "--profile", profile, "-t", str(base), *extra, *output, cwd=cwd
    )


def clean_exit_2(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr


def concepts_validated(base: Path) -> int:
    """How many concepts `termbase validate` read (its summary line)."""
    import re

    result = run("validate", "-t", str(base), cwd=base.parent)
    assert "Traceback" not in result.stderr
    m = re.search(r"in (\d+) concepts?", result.stderr)
    assert m, result.stderr
    return int(m.group(1))


# ----------------------------------------------------------- 1. writes that corrupt


def test_import_of_a_del_character_writes_toml_that_parses(tb: Path, tmp_path: Path) -> None:
    tsv = tmp_path / "del.tsv"
    tsv.write_bytes("数据主权\tdata\x7fsovereignty\n".encode())
    before = concepts_validated(tb)
    result = run(
        "import",
        str(tsv),
        "--profile",
        "deepl",
        "-t",
        str(tb),
        "--into",
        str(tb / "ai-governance.toml"),
        cwd=tmp_path,
    )
    assert "Traceback" not in result.stderr
    for path in tb.glob("*.toml"):
        tomlread.loads(path.read_text("utf-8"))  # every file still parses
    text = (tb / "ai-governance.toml").read_text("utf-8")
    assert "\x7f" not in text  # written as \u007F, never raw
    assert concepts_validated(tb) == before + 1
    found = run("lookup", "数据主权", "-t", str(tb), "--json", cwd=tmp_path)
    assert "data\x7fsovereignty" in json.dumps(json.loads(found.stdout), ensure_ascii=False)


def test_import_of_a_tbx_with_hostile_ids_and_languages(tb: Path, tmp_path: Path) -> None:
    tbx = tmp_path / "evil.tbx"
    tbx.write_text(
        (DATA / "tbx-min.tbx").read_text("utf-8").replace('id="c1"', 'id="x] = 1\n[y"', 1),
        "utf-8",
    )
    result = run(
        "import", str(tbx), "-t", str(tb), "--into", str(tb / "imported.toml"), cwd=tmp_path
    )
    assert "Traceback" not in result.stderr
    for path in tb.glob("*.toml"):
        data = tomlread.loads(path.read_text("utf-8"))
        assert "y" not in data
    assert run("validate", "-t", str(tb), cwd=tmp_path).returncode in (0, 1)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh_Hans!", "<langSec> xml:lang: 'zh_Hans!' is not a language tag"),
        ("english", "<langSec> xml:lang: 'english' is not a language tag; did you mean en?"),
        ("", "a <langSec> without xml:lang"),
    ],
)
def test_a_langsec_that_is_no_language_is_named(
    tb: Path, tmp_path: Path, lang: str, said: str
) -> None:
    """Not "would not read back as imported (please report it)", exit 0: the tag and its line
    (issue 36, item 3); a spelling of a tag (`en_us`, `eng`) is read as the tag."""
    text = (DATA / "tbx-min.tbx").read_text("utf-8")
    tbx = tmp_path / "tags.tbx"
    tbx.write_text(text.replace('<langSec xml:lang="en">', f'<langSec xml:lang="{lang}">', 1))
    line = clean_exit_2(run("import", str(tbx), "-t", str(tb), cwd=tmp_path))
    assert f"tags.tbx:12: {said}" in line
    tbx.write_text(text.replace('<langSec xml:lang="en">', '<langSec xml:lang="en_us">', 1))
    into = ["--into", str(tb / "imported.toml")]
    assert run("import", str(tbx), "-t", str(tb), *into, cwd=tmp_path).returncode == 0
    assert 'lang = "en-US"' in (tb / "imported.toml").read_text("utf-8")


def test_taiwan_and_hong_kong_terms_of_a_microsoft_tbx_keep_their_region(
    tb: Path, tmp_path: Path
) -> None:
    """Microsoft's Terminology Collection writes Taiwan terms as zh-Hant with a
    geographicalUsage of TWN (issue 30): imported as zh-TW, Hong Kong's as zh-HK."""
    entry = """
        <langSec xml:lang="zh-Hant"><termSec><term>人工智慧</term>
          <termNote type="geographicalUsage">TWN</termNote></termSec></langSec>
        <langSec xml:lang="zh-Hant"><termSec><term>人工智能</term>
          <termNote type="geographicalUsage">HKG</termNote></termSec></langSec>
        <langSec xml:lang="en">"""
    text = (DATA / "tbx-min.tbx").read_text("utf-8").replace('<langSec xml:lang="en">', entry, 1)
    tbx = tmp_path / "ms.tbx"
    tbx.write_text(text, "utf-8")
    into = tb / "imported.toml"
    run_ok("import", str(tbx), "-t", str(tb), "--into", str(into), cwd=tmp_path)
    written = into.read_text("utf-8")
    assert 'lang = "zh-TW"\ntext = "人工智慧"' in written
    assert 'lang = "zh-HK"\ntext = "人工智能"' in written


# ----------------------------------------------------------- 2. XML 1.0 characters


@pytest.mark.parametrize("char", ["\x1b", "\ufffe"])
def test_a_character_xml_cannot_carry_fails_validate_and_tbx_export(
    tb: Path, tmp_path: Path, char: str
) -> None:
    path = tb / "ai-governance.toml"
    text = path.read_text("utf-8")
    escape = "\\u001B" if char == "\x1b" else "\\uFFFE"
    path.write_text(text.replace('text = "数字鸿沟"', f'text = "数字{escape}鸿沟"', 1), "utf-8")
    result = run("validate", "-t", str(tb), cwd=tmp_path)
    assert result.returncode == 1
    assert "TB405" in result.stdout
    export = run("export", "--format", "tbx", "-t", str(tb), cwd=tmp_path)
    assert "Traceback" not in export.stderr
    assert export.returncode == 2, export.stderr
    assert export.stdout == ""


# --------------------------------------- 3. glossary re-import changes nothing


PROFILES = [
    ("tsv", "deepl"),
    ("tsv", "omegat"),
    ("csv", "google"),
    ("csv", "google-sets"),
    ("csv", "amazon"),
    ("csv", "lokalise"),
    ("csv", "weblate"),
    ("csv", "memoq"),
    ("xlsx", "memoq"),
    ("csv", "trados"),
    ("xlsx", "trados"),
    ("csv", "crowdin"),
    ("xlsx", "phrase"),
    ("tbx", None),
    ("tbx2", None),
]


@pytest.mark.parametrize(("fmt", "profile"), PROFILES)
def test_export_then_import_update_changes_no_byte(
    tb: Path, tmp_path: Path, fmt: str, profile: str | None
) -> None:
    before = snapshot(tb)
    profile_args = ["--profile", profile] if profile else []
    if profile == "weblate":  # a file for each language: give a folder, read the English one
        output, exported = f"{tmp_path}/g/", tmp_path / "g" / "en.csv"
    else:
        exported = tmp_path / f"glossary.{fmt if fmt != 'tbx2' else 'tbx'}"
        output = str(exported)
    made = run("export", "--format", fmt, *profile_args, "-t", str(tb), "-o", output, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    fmt_args = ["--format", fmt if fmt != "tbx2" else "tbx"]
    result = run_ok(
        "import",
        str(exported),
        *fmt_args,
        *profile_args,
        "-t",
        str(tb),
        "--into",
        str(tb / "new.toml"),
        "--update",
        cwd=tmp_path,
    )
    assert "nothing to change" in result.stderr
    held = bundled_checked() if profile in MT_GLOSSARIES else bundled_concepts()
    assert f"{held} concept(s) already as the file has them" in result.stderr  # not rows
    assert snapshot(tb) == before


def test_trados_keeps_a_term_with_a_bar_whole(tb: Path, tmp_path: Path) -> None:
    path = tb / "ai-governance.toml"
    path.write_text(
        path.read_text("utf-8").replace('text = "digital chasm"', 'text = "digital | chasm"', 1),
        "utf-8",
    )
    before = snapshot(tb)
    out = tmp_path / "t.xlsx"
    assert (
        run(
            "export",
            "--format",
            "xlsx",
            "--profile",
            "trados",
            "-t",
            str(tb),
            "-o",
            str(out),
            cwd=tmp_path,
        ).returncode
        == 0
    )
    run_ok("import", str(out), "--profile", "trados", "-t", str(tb), "--update", cwd=tmp_path)
    assert snapshot(tb) == before


def test_concepts_sharing_a_chinese_term_keep_their_own_english(tmp_path: Path) -> None:
    base = tmp_path / "tb"
    base.mkdir()
    (base / "a.toml").write_text(
        "\n".join(
            f'[{cid}]\n\n[[{cid}.term]]\nlang = "zh-Hans"\ntext = "丁"\nstatus = "preferred"\n\n'
            f'[[{cid}.term]]\nlang = "en"\ntext = "{en}"\nstatus = "preferred"\n'
            for cid, en in [
                ("ding", "surname Ding"),
                ("ding-2", "fourth of the ten stems"),
                ("ding-3", "cubes"),
            ]
        ),
        "utf-8",
    )
    before = snapshot(base)
    for fmt, profile in [
        ("csv", "memoq"),
        ("csv", "crowdin"),
        ("csv", "lokalise"),
        ("tsv", "omegat"),
        ("tsv", "deepl"),
    ]:
        out = tmp_path / f"g.{fmt}"
        made = export_glossary(base, fmt, profile, tmp_path, out=out)
        assert made.returncode == 0, made.stderr
        result = run(
            "import", str(out), "--profile", profile, "-t", str(base), "--update", cwd=tmp_path
        )
        assert result.returncode == 0, (profile, result.stderr)
        assert snapshot(base) == before, profile


def test_a_glossary_rendering_beside_the_preferred_one_is_admitted(
    tb: Path, tmp_path: Path
) -> None:
    tsv = tmp_path / "new.tsv"
    tsv.write_text("人工智能\tmachine intelligence\n", "utf-8")
    run_ok("import", str(tsv), "--profile", "deepl", "-t", str(tb), "--update", cwd=tmp_path)
    card = json.loads(
        run("show", "artificial-intelligence", "-t", str(tb), "--json", cwd=tmp_path).stdout
    )
    statuses = {t["text"]: t["status"] for t in card["terms"] if t["lang"] == "en"}
    assert statuses["machine intelligence"] == "admitted"
    assert statuses["artificial intelligence"] == "preferred"


def test_import_update_replaces_a_concept_where_it_stands(tb: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.tbx"
    assert (
        run("export", "--format", "tbx", "-t", str(tb), "-o", str(out), cwd=tmp_path).returncode
        == 0
    )
    out.write_text(
        out.read_text("utf-8").replace("small yard, high fence", "small yard, tall fence"), "utf-8"
    )
    before = snapshot(tb)
    run_ok("import", str(out), "-t", str(tb), "--update", cwd=tmp_path)
    after = snapshot(tb)
    changed = [name for name in after if after[name] != before[name]]
    assert len(changed) == 1
    old, new = before[changed[0]].decode(), after[changed[0]].decode()
    assert new.split("\n")[:3] == old.split("\n")[:3]  # the header comment stays
    order = [
        line for line in old.splitlines() if line.startswith("[") and not line.startswith("[[")
    ]
    assert [
        line for line in new.splitlines() if line.startswith("[") and not line.startswith("[[")
    ] == order
    assert "small yard, tall fence" in new


# ----------------------------------------------------------- 4. convert and <target/>


def test_convert_of_an_xliff_with_an_empty_target_leaves_the_next_unit_alone(
    tmp_path: Path,
) -> None:
    xlf = tmp_path / "a.xlf"
    xlf.write_text(
        '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="zh-Hans" '
        'target-language="zh-Hant" datatype="plaintext" original="x"><body>\n'
        '<trans-unit id="1"><source>人工智能</source><target/></trans-unit>\n'
        '<trans-unit id="2"><source>数据</source><target>数据</target></trans-unit>\n'
        "</body></file></xliff>\n",
        "utf-8",
    )
    result = run_ok("convert", str(xlf), "--to", "zh-Hant", cwd=tmp_path)
    # The next unit's source stays Simplified; only its target is converted.
    assert '<trans-unit id="2"><source>数据</source><target>數據</target>' in result.stdout
    assert "<source>人工智能</source><target/>" in result.stdout


# ----------------------------------------------------------- 5, 6. journal, lock


# Runs termbase and dies (as by kill -9: no cleanup) right after the first of several renames.
_DIE_AFTER_FIRST_RENAME = """
import os, pathlib, sys
rename = pathlib.Path.replace
def replace(self, target):
    out = rename(self, target)
    if str(target).endswith(".toml"):
        os._exit(137)
    return out
pathlib.Path.replace = replace
from termbase.cli import main
sys.argv = ["termbase", *sys.argv[1:]]
main()
"""


def test_a_killed_move_is_finished_by_the_next_command(tb: Path, tmp_path: Path) -> None:
    """`mv` killed between its renames: the next command finishes the change from the journal;
    no reference dangles, no temp file stays."""
    refs = [p.name for p in tb.glob("*.toml") if "developing-countries" in p.read_text("utf-8")]
    assert len(refs) >= 2  # the concept and a reference in another file: several renames
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            _DIE_AFTER_FIRST_RENAME,
            "mv",
            "developing-countries",
            "developing-nations",
            "-t",
            str(tb),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert killed.returncode == 137, killed.stderr
    assert any(p.name.startswith(".") for p in tb.iterdir())  # the journal and a temp file
    result = run("validate", "-t", str(tb), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    text = "".join(p.read_text("utf-8") for p in tb.glob("*.toml"))
    assert "[developing-nations]" in text
    assert '"developing-countries"' not in text
    assert "[developing-countries" not in text
    assert not [p for p in tb.iterdir() if p.name.startswith(".") and p.name != ".termbase"]


def test_paired_adds_both_land(tb: Path, tmp_path: Path) -> None:
    procs = [
        subprocess.Popen(
            [
                *_command(),
                "add",
                f"paired-{n}",
                "--term",
                f"zh-Hans=测试{n}",
                "--term",
                f"en=test {n}",
                "-t",
                str(tb),
                "--file",
                str(tb / "ai-governance.toml"),
            ],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(6)
    ]
    outcomes = [(p.communicate(timeout=120), p.returncode) for p in procs]
    text = (tb / "ai-governance.toml").read_text("utf-8")
    for n, ((_, stderr), code) in enumerate(outcomes):
        assert code == 0, stderr
        assert f"[paired-{n}]" in text


def _command() -> list[str]:
    from .test_lint_routes import COMMAND

    return list(COMMAND)


# ----------------------------------------------------------- 7. fmt


@pytest.mark.parametrize("check", [[], ["--check"]])
def test_fmt_of_invalid_toml_is_one_line(tmp_path: Path, check: list[str]) -> None:
    base = tmp_path / "tb"
    base.mkdir()
    shutil.copy(DATA / "bad" / "01-broken-toml.toml", base / "x.toml")
    result = run("fmt", *check, str(base), cwd=tmp_path)
    message = clean_exit_2(result)
    assert message.startswith(f"termbase: {base / 'x.toml'}:7:20: invalid TOML")
    assert len(message.strip().splitlines()) == 1


@pytest.mark.parametrize("char", ["\\u2028", "\\u2029", "\\u0085"])
def test_fmt_keeps_a_line_separator_inside_a_string(tb: Path, tmp_path: Path, char: str) -> None:
    path = tb / "ai-governance.toml"
    path.write_text(
        path.read_text("utf-8").replace(
            'text = "digital chasm"', f'text = "digital{char}chasm"', 1
        ),
        "utf-8",
    )
    assert run("fmt", str(tb), cwd=tmp_path).returncode == 0
    data = tomlread.loads(path.read_text("utf-8"))
    assert any(
        t["text"] == "digital" + json.loads(f'"{char}"') + "chasm"
        for t in data["digital-divide"]["term"]
    )


# ----------------------------------------------------------- 8. file-system oddities


@pytest.mark.parametrize("kind", ["fifo", "directory", "dev-zero", "loop"])
@pytest.mark.parametrize("command", ["validate", "lookup", "lint"])
def test_only_regular_files_are_read(tb: Path, tmp_path: Path, kind: str, command: str) -> None:
    odd = tb / "x.toml"
    if kind == "fifo":
        os.mkfifo(odd)
    elif kind == "directory":
        odd.mkdir()
        (odd / "y.toml").write_text("", "utf-8")
        odd = odd / "y.toml"
    elif kind == "dev-zero":
        odd.symlink_to("/dev/zero")
    else:
        odd.symlink_to(tb / "loop.toml")
        (tb / "loop.toml").symlink_to(odd)
    (tmp_path / "a.tsv").write_text("人工智能\tAI\n", "utf-8")
    args = {"validate": ["validate"], "lookup": ["lookup", "小院高墙"], "lint": ["lint", "a.tsv"]}[
        command
    ]
    try:
        result = subprocess.run(
            [*_command(), *args, "-t", str(tb)],
            check=False,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} hangs on a {kind} named x.toml")
    assert "Traceback" not in result.stderr
    if kind == "directory":  # a folder named x.toml is a folder: its files are read
        assert result.returncode in (0, 1, 2)
    else:
        assert result.returncode == 2, result.stderr
        assert "x.toml" in result.stderr or "loop.toml" in result.stderr


def _run_unprivileged(folder: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """`termbase ARGS` in `folder` as a user who cannot read what is chmod 0. Root reads
    everything, and CI runs as root: there the command runs as `nobody` (setpriv), in a folder
    that user can reach."""
    command = [*_command(), *args]
    env = dict(os.environ)
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.fail("running as root needs setpriv (util-linux) to test as another user")
        cache = folder / "cache"
        cache.mkdir(mode=0o777, exist_ok=True)
        cache.chmod(0o777)
        folder.chmod(0o777)
        env["TERMBASE_CACHE_DIR"] = str(cache)
        env["HOME"] = str(folder)
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        probe = subprocess.run(
            [*command[:4], *_command(), "--version"], capture_output=True, check=False
        )
        if probe.returncode != 0:
            # termbase is installed where `nobody` cannot reach it (a clone in a 0700
            # `mktemp -d` folder): nothing can be tested as that user here. In CI, fail.
            why = "the installed termbase is in a folder the user nobody cannot reach"
            if os.environ.get("CI"):
                pytest.fail(why)
            pytest.skip(why)
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)


def test_an_unreadable_subfolder_is_exit_2() -> None:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="termbase-unreadable-"))
    try:
        folder.chmod(0o755)
        base = folder / "tb"
        shutil.copytree(TERMS, base)
        sub = base / "more"
        sub.mkdir()
        (sub / "a.toml").write_text("", "utf-8")
        sub.chmod(0)
        result = _run_unprivileged(folder, ["validate", "-t", str(base)])
        clean_exit_2(result)
        assert "more: cannot read the folder" in result.stderr
    finally:
        (folder / "tb" / "more").chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "-t", "tb"],
        ["lookup", "和音", "-t", "tb"],
        ["list", "-t", "tb"],
        ["show", "he-yin", "-t", "tb"],
        ["lint", "t.md", "--source", "zh", "--target", "en", "-t", "tb"],
        ["fmt", "--check", "tb"],
        [
            "add",
            "unreadable-test",
            "--term",
            "zh-Hans=测试",
            "--term",
            "en=test",
            "-n",
            "-t",
            "tb",
            "--file",
            "tb/diplomacy.toml",
        ],
        ["export", "--format", "tbx", "-t", "tb"],
    ],
    ids=lambda a: a[0],
)
def test_an_unreadable_file_of_the_base_is_one_line_everywhere(args: list[str]) -> None:
    """A file of the base that cannot be read: every command says so in one line, exit 2; none
    answers from the rest of the base, none traces back (issue 36, item 7)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="termbase-unreadable-"))
    try:
        folder.chmod(0o755)
        base = folder / "tb"
        shutil.copytree(TERMS, base)
        (folder / "t.md").write_text("AI for good\n", "utf-8")
        locked = base / "ai-governance.toml"
        locked.chmod(0)
        result = _run_unprivileged(folder, args)
        clean_exit_2(result)
        assert "ai-governance.toml: cannot read: Permission denied" in result.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ----------------------------------------------------------- 9. deep nesting


@pytest.mark.parametrize(
    "command", [["lookup", "x"], ["lint", "a.tsv"], ["export", "--format", "json"]]
)
def test_deep_nesting_is_one_line(tmp_path: Path, command: list[str]) -> None:
    base = tmp_path / "tb"
    base.mkdir()
    (base / "x.toml").write_text("a = " + "[" * 600 + "]" * 600 + "\n", "utf-8")
    (tmp_path / "a.tsv").write_text("人工智能\tAI\n", "utf-8")
    message = clean_exit_2(run(*command, "-t", str(base), cwd=tmp_path))
    assert message.startswith(f"termbase: {base / 'x.toml'}")
    assert len(message.strip().splitlines()) == 1


def test_deep_nesting_is_a_finding_of_validate_and_an_error_of_fmt(tmp_path: Path) -> None:
    base = tmp_path / "tb"
    base.mkdir()
    (base / "x.toml").write_text("a = " + "[" * 600 + "]" * 600 + "\n", "utf-8")
    result = run("validate", "-t", str(base), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith(f"{base / 'x.toml'}")
    assert "TB001" in result.stdout
    assert clean_exit_2(run("fmt", str(base), cwd=tmp_path)).startswith(
        f"termbase: {base / 'x.toml'}"
    )


# ----------------------------------------------------------- 10. the index cache heals


def test_a_damaged_index_cache_is_rebuilt_with_a_note(tb: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"TERMBASE_CACHE_DIR": str(cache)}
    first = run("lookup", "小院高墙", "-t", str(tb), cwd=tmp_path, env=env)
    assert first.returncode == 0
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert files
    import random

    rng = random.Random(21)
    for round_ in range(8):
        for p in files:
            if p.exists() and p.stat().st_size:
                data = bytearray(p.read_bytes())
                for _ in range(16):
                    data[rng.randrange(len(data))] = rng.randrange(256)
                p.write_bytes(bytes(data))
        result = run("lookup", "小院高墙", "-t", str(tb), cwd=tmp_path, env=env)
        assert "Traceback" not in result.stderr, (round_, result.stderr)
        assert result.returncode == 0, (round_, result.stderr)
        assert "small yard, high fence" in result.stdout
        files = [p for p in cache.rglob("*") if p.is_file()]


def test_an_edit_of_the_same_size_and_time_is_seen(tb: Path, tmp_path: Path) -> None:
    env = {"TERMBASE_CACHE_DIR": str(tmp_path / "cache")}
    assert (
        "small yard, high fence"
        in run("lookup", "小院高墙", "-t", str(tb), cwd=tmp_path, env=env).stdout
    )
    path = next(p for p in tb.glob("*.toml") if "small yard, high fence" in p.read_text("utf-8"))
    stat = path.stat()
    path.write_text(
        path.read_text("utf-8").replace("small yard, high fence", "small yard, high wall!"), "utf-8"
    )
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    result = run("lookup", "小院高墙", "-t", str(tb), cwd=tmp_path, env=env)
    assert "small yard, high wall!" in result.stdout


# ----------------------------------------------------------- 11. XLSX


def test_an_xlsx_with_a_stale_dimension_imports_every_row(tb: Path, tmp_path: Path) -> None:
    import io
    import re
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Chinese (PRC)", "English"])
    rows = [(f"测试词{n}", f"test word {n}") for n in range(5)]
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    src = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = tmp_path / "stale.xlsx"
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B2"/>', data)
            z.writestr(item, data)
    run_ok(
        "import",
        str(out),
        "--profile",
        "trados",
        "-t",
        str(tb),
        "--into",
        str(tb / "n.toml"),
        cwd=tmp_path,
    )
    text = (tb / "n.toml").read_text("utf-8")
    assert all(zh in text for zh, _ in rows)


# ----------------------------------------------------------- 12-14. nothing quadratic


def _seconds(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def test_import_grows_linearly(tmp_path: Path) -> None:
    """4x the rows must not cost 16x (the old import did); a loose bound against noise."""
    from termbase import edit
    from termbase.model import Concept, Status, Term

    def concepts(n: int, prefix: str) -> list[Concept]:
        return [
            Concept(
                f"{prefix}-{i}",
                (
                    Term("zh-Hans", f"词{i}", Status.PREFERRED),
                    Term("en", f"word {i}", Status.PREFERRED),
                ),
            )
            for i in range(n)
        ]

    def cost(n: int) -> float:
        base = tmp_path / f"b{n}"
        base.mkdir()
        (base / "seed.toml").write_text(
            '[seed]\n\n[[seed.term]]\nlang = "en"\ntext = "seed"\nstatus = "preferred"\n', "utf-8"
        )
        batch = concepts(n, "c")
        return _seconds(lambda: edit.import_concepts([base], batch, base / "new.toml"))

    small, large = cost(1000), cost(4000)
    assert large < small * 8 + 1.0, (small, large)  # quadratic was 16x; + noise of a busy box


def test_lint_of_one_long_line_is_linear(tmp_path: Path) -> None:
    sentence = "Some text about capability construction and the digital chasm in 2024. "
    one = tmp_path / "one.md"
    lines = tmp_path / "lines.md"
    one.write_text(sentence * 3000, "utf-8")
    lines.write_text((sentence + "\n") * 3000, "utf-8")
    report = run("lint", str(one), "--format", "json", cwd=tmp_path)
    assert report.returncode == 1
    assert len(report.stdout) < 6_000_000  # findings carry an excerpt of the segment, not all of it
    findings = (
        json.loads(report.stdout)["findings"]
        if report.stdout.startswith("{")
        else json.loads(report.stdout)
    )
    assert len(findings) == 6000
    t_one = _seconds(lambda: run("lint", str(one), cwd=tmp_path))
    t_lines = _seconds(lambda: run("lint", str(lines), cwd=tmp_path))
    assert t_one < max(10 * t_lines, 5.0), (t_one, t_lines)


def test_set_on_a_large_file_costs_about_one_parse(tmp_path: Path) -> None:
    base = tmp_path / "tb"
    base.mkdir()
    n = 5000
    (base / "big.toml").write_text(
        "".join(
            f'[c-{i}]\n\n[[c-{i}.term]]\nlang = "zh-Hans"\ntext = "词{i}"\nstatus = "preferred"\n\n'
            f'[[c-{i}.term]]\nlang = "en"\ntext = "word {i}"\nstatus = "preferred"\n\n'
            for i in range(n)
        ),
        "utf-8",
    )
    took = _seconds(
        lambda: run("set", f"c-{n - 1}", "subject", "test", "-t", str(base), cwd=tmp_path)
    )
    assert 'subject = "test"' in (base / "big.toml").read_text("utf-8")
    parse = _seconds(lambda: run("validate", "-t", str(base), cwd=tmp_path))
    assert took < 5 * parse + 2, (took, parse)


# ----------------------------------------------------------- 15. reports and tags


def test_junit_is_well_formed_whatever_the_input_holds(tmp_path: Path) -> None:
    po = tmp_path / "a.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        'msgid "小院高墙\\x1b\\x01"\nmsgstr "small yard\\x02 and tall fence \\u0000"\n',
        "utf-8",
    )
    po.write_bytes(
        po.read_bytes()
        .replace(b"\\x1b", b"\x1b")
        .replace(b"\\x01", b"\x01")
        .replace(b"\\x02", b"\x02")
    )
    result = run("lint", str(po), "--format", "junit", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    ET.fromstring(result.stdout.encode())


def test_a_message_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    from termbase.finding import Finding, Severity
    from termbase.report.text_format import render

    f = Finding(
        Path("a.po"),
        3,
        "LT103",
        Severity.ERROR,
        "'a\nb' is\u2028forbidden",
        concept="c",
        hint="use\r\nc",
    )
    assert render([f]).count("\n") == 1
    assert "\\n" in render([f])
    assert "\\u2028" in render([f])


def test_a_language_tag_with_a_newline_fails_validation(tb: Path, tmp_path: Path) -> None:
    path = tb / "ai-governance.toml"
    text = path.read_text("utf-8")
    path.write_text(text.replace('lang = "en"', 'lang = "en\\n"', 1), "utf-8")
    result = run("validate", "-t", str(tb), cwd=tmp_path)
    assert result.returncode == 1
    assert "TB105" in result.stdout


def test_weblate_target_cannot_escape_the_export_folder(tb: Path, tmp_path: Path) -> None:
    out = tmp_path / "a" / "b"
    result = run(
        "export",
        "--format",
        "csv",
        "--profile",
        "weblate",
        "--target",
        "../../x",
        "-t",
        str(tb),
        "-o",
        f"{out}/",
        cwd=tmp_path,
    )
    clean_exit_2(result)
    assert not list(tmp_path.rglob("x.csv"))


# ------------------------------------- 3 at scale: a 20k CC-CEDICT base, every profile

SCALE = int(os.environ.get("TERMBASE_SCALE_CONCEPTS", "20000"))


@pytest.fixture(scope="module")
def cedict_base(tmp_path_factory: pytest.TempPathFactory) -> object:
    """A base generated from CC-CEDICT (never committed), without the few concepts that a
    profile refuses to export (a term that starts as a formula would, or over Amazon's 200 bytes
    a term), so that every profile writes every other concept."""
    import dataclasses
    import importlib.util

    from termbase.base import store
    from termbase.exchange.tabular import FORMULA_START

    from .conftest import shared_file

    cedict = shared_file("data/cedict_ts.u8")
    spec = importlib.util.spec_from_file_location(
        "make_cedict_base", ROOT / "benchmarks" / "make_cedict_base.py"
    )
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("cedict")
    module.build(cedict, out, limit=SCALE)
    tb = store.load_termbase([out])

    def exportable(c: object) -> bool:
        return all(
            not t.text.startswith(FORMULA_START) and len(t.text.encode()) <= 200
            for t in c.terms  # type: ignore[attr-defined]
        )

    return dataclasses.replace(tb, concepts=tuple(c for c in tb.concepts if exportable(c)))


@pytest.mark.parametrize(("fmt", "profile"), [p for p in PROFILES if p[1] is not None])
def test_glossary_re_import_at_scale_changes_nothing(
    cedict_base: object, tmp_path: Path, fmt: str, profile: str
) -> None:
    """On a 20k base with many concepts that share a Chinese term, the file a profile wrote
    reads back as already in the base: no concept receives another's English."""
    from termbase.exchange import (
        ExportFormat,
        ExportOptions,
        export,
        export_binary,
        export_files,
        tabular,
        tabular_read,
    )
    from termbase.model import TermBase

    tb = cedict_base
    assert isinstance(tb, TermBase)
    p = tabular.profile(profile)
    kind = ExportFormat(fmt)
    options = ExportOptions(profile=profile)
    path = tmp_path / f"g.{fmt}"
    if profile == "weblate":
        path.write_text(dict(export_files(tb, kind, options))["en.csv"], "utf-8")
    elif kind is ExportFormat.XLSX:
        path.write_bytes(export_binary(tb, kind, options))
    else:
        path.write_text(export(tb, kind, options), "utf-8")
    langs = tabular.Languages("zh-Hans", "en")
    resolved = tabular_read.resolve(
        tabular_read.read(path, fmt, p, langs), tb, "zh-Hans", full_status=p.full_status
    )
    changed = [c.id for c in resolved.concepts]
    assert changed == [], f"{len(changed)} concepts would change: {changed[:5]}"
