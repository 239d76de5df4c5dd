"""`termbase score --html FILE`: the scores as one self-contained page (no network request,
works from file://): a bar for each system, and every term's row for every system in a table
sorted by a click on its header."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from termbase.evolution.score import SystemScore

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
h1{font-size:1.4em}
.bar{display:flex;align-items:center;gap:.6em;margin:.25em 0}
.bar .name{flex:0 0 22em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar .track{flex:1;background:#eee;height:1.1em;border-radius:3px}
.bar .fill{background:#2b6cb0;height:100%;border-radius:3px}
.bar .value{flex:0 0 4em;text-align:right;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;margin-top:1.5em}
th,td{padding:.2em .5em;border-bottom:1px solid #ddd;text-align:left}
th{cursor:pointer;user-select:none;background:#f6f6f6}
td.n{text-align:right;font-variant-numeric:tabular-nums}
"""

_SCRIPT = """
const rows = JSON.parse(document.getElementById('data').textContent);
const body = document.querySelector('#terms tbody');
let key = 'rate', up = true;
function draw() {
  const sorted = rows.slice().sort((a, b) => {
    const x = a[key], y = b[key];
    const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return up ? c : -c;
  });
  body.replaceChildren(...sorted.map(r => {
    const tr = document.createElement('tr');
    for (const [k, numeric] of [['system', 0], ['term', 0], ['required', 1], ['rate', 1],
                                ['missed', 1]]) {
      const td = document.createElement('td');
      td.textContent = k === 'rate' ? r[k].toFixed(3) : r[k];
      if (numeric) td.className = 'n';
      tr.appendChild(td);
    }
    return tr;
  }));
}
document.querySelectorAll('#terms th').forEach(th => th.addEventListener('click', () => {
  up = key === th.dataset.key ? !up : true;
  key = th.dataset.key;
  draw();
}));
draw();
document.body.dataset.ready = 'true';
"""


CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def render(results: Sequence[SystemScore], title: str = "termbase score") -> str:
    """The page for `results`; every text escaped (system names and terms are the user's)."""
    bars = "\n".join(
        f'<div class="bar"><span class="name" title="{html.escape(r.file)}">'
        f"{html.escape(r.file)}</span>"
        f'<span class="track"><span class="fill" style="display:block;width:'
        f'{100 * r.success_rate:.1f}%"></span></span>'
        f'<span class="value">{r.success_rate:.3f}</span></div>'
        for r in results
    )
    rows = [
        {
            "system": r.file,
            "term": t.term,
            "required": t.required,
            "rate": round(t.success / t.required, 4) if t.required else 0.0,
            "missed": t.missed,
        }
        for r in results
        for t in r.terms
    ]
    data = json.dumps(rows, ensure_ascii=False).replace("<", "\\u003c")
    summary = "\n".join(
        f"<tr><td>{html.escape(r.file)}</td><td class=n>{r.success_rate:.3f}</td>"
        f"<td class=n>{r.required}</td><td class=n>{r.missed}</td>"
        f"<td class=n>{'-' if r.consistency is None else f'{r.consistency:.3f}'}</td></tr>"
        for r in results
    )
    heads = "".join(
        f'<th data-key="{k}">{label}</th>'
        for k, label in (
            ("system", "system"),
            ("term", "term"),
            ("required", "required"),
            ("rate", "success"),
            ("missed", "missed"),
        )
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{html.escape(title)}</title><style>{STYLE}</style></head>
<body><h1>{html.escape(title)}</h1>
<section id="bars">{bars}</section>
<table id="systems"><thead><tr><th>system</th><th>success</th><th>required</th><th>missed</th>
<th>consistency</th></tr></thead><tbody>{summary}</tbody></table>
<table id="terms"><thead><tr>{heads}</tr></thead><tbody></tbody></table>
<script type="application/json" id="data">{data}</script>
<script>{_SCRIPT}</script>
</body></html>
"""
