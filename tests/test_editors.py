"""The language server in a real editor: headless Neovim (Debian's; `.ci/run` installs it)
starts `termbase lsp` with the configuration docs/editors.md gives, opens a Markdown file and
prints the diagnostics and the hover it received."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_lint_routes import COMMAND

pytest.importorskip("pygls")

LUA = """
local buf = vim.api.nvim_get_current_buf()
local start = vim.lsp.start_client
local id = start({ name = "termbase", cmd = vim.fn.json_decode(CMD), root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(buf, id)
vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  io.stdout:write(string.format("diagnostic %d:%d-%d %s %s\\n",
    d.lnum + 1, d.col + 1, d.end_col + 1, code, d.message))
end
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 2, character = 5 },
}
local res = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 20000)
for _, r in pairs(res or {}) do
  if r.result then
    io.stdout:write("hover " .. r.result.contents.value:gsub("\\n.*", "") .. "\\n")
  end
end
vim.lsp.stop_client(id)
vim.cmd("qall!")
"""


def editor(args: list[str], cwd: Path) -> str:
    """Run an editor in batch mode; its standard output."""
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("nvim") is None, reason="neovim is not installed")
def test_neovim_receives_diagnostics_and_hover(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("China upholds intelligent for good.\n\n中国反对小院高墙。\n", "utf-8")
    command = [*COMMAND, "lsp", "-t", str(ROOT / "terms")]
    config = tmp_path / "termbase.lua"
    config.write_text(f"CMD = {json.dumps(json.dumps(command))}\n" + LUA, "utf-8")
    nvim = ["nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n", str(notes)]
    out = editor([*nvim, "-c", f"luafile {config}"], tmp_path)
    lines = out.splitlines()
    assert lines[0].startswith(
        "diagnostic 1:15-35 LT103 'intelligent for good' is a forbidden rendering of ai-for-good"
    ), out
    assert "hover **small-yard-high-fence** (technology policy)" in lines


ELISP = """
(dolist (d (directory-files "/usr/share/emacs/site-lisp/elpa" t "^[a-z]"))
  (add-to-list 'load-path d))
(require 'eglot)
(add-to-list 'eglot-server-programs (cons 'text-mode (json-parse-string CMD :array-type 'list)))
(find-file "notes.md")
(text-mode)
(apply #'eglot (eglot--guess-contact))
(let ((n 0))
  (while (and (< n 600) (null (flymake-diagnostics)))
    (accept-process-output nil 0.1)
    (setq n (1+ n))))
(dolist (d (flymake-diagnostics))
  (princ (format "diagnostic %s-%s %s\\n"
                 (flymake-diagnostic-beg d) (flymake-diagnostic-end d)
                 (flymake-diagnostic-text d))))
(kill-emacs 0)
"""


@pytest.mark.skipif(
    shutil.which("emacs") is None or not Path("/usr/share/emacs/site-lisp/elpa").is_dir(),
    reason="emacs with Debian's elpa-eglot is not installed",
)
def test_emacs_eglot_receives_diagnostics(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)  # eglot wants a project
    (tmp_path / "notes.md").write_text("China upholds intelligent for good.\n", "utf-8")
    command = [*COMMAND, "lsp", "-t", str(ROOT / "terms")]
    script = tmp_path / "termbase.el"
    script.write_text(f"(setq CMD {json.dumps(json.dumps(command))})\n" + ELISP, "utf-8")
    out = editor(["emacs", "--batch", "-Q", "-l", str(script)], tmp_path)
    assert "diagnostic 15-35 termbase [LT103]: 'intelligent for good' is a forbidden" in out, out
