"""`termbase stats --format html`: the figures as one self-contained page (no network request,
works from file://). Each concept is a row: its occurrences, documents and compliance, its
renderings as one bar coloured by status, and the share of approved renderings per period as a
small inline SVG chart; the table sorts by a click on a header."""

from __future__ import annotations

import html
import json

from termbase.evolution.score_page import CSP, STYLE
from termbase.evolution.stats import APPROVED, NONE, ConceptStats, Stats

COLOURS = {
    "preferred": "#2b6cb0",
    "admitted": "#68a0d8",
    "deprecated": "#d69e2e",
    "forbidden": "#c53030",
    "approved": "#90cdf4",
    "none": "#a0aec0",
}

_STYLE = """
.stack{display:flex;height:1em;width:16em;border-radius:3px;overflow:hidden;background:#eee}
.stack span{display:block;height:100%}
.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em;border-radius:2px}
svg.trend{width:8em;height:1.6em;vertical-align:middle}
"""

_SCRIPT = """
const rows = JSON.parse(document.getElementById('data').textContent);
const body = document.querySelector('#concepts tbody');
const colours = JSON.parse(document.getElementById('colours').textContent);
let key = 'occurrences', up = false;
function cell(tr, value, numeric) {
  const td = document.createElement('td');
  if (value instanceof Node) td.appendChild(value); else td.textContent = value;
  if (numeric) td.className = 'n';
  tr.appendChild(td);
}
function stack(r) {
  const box = document.createElement('span');
  box.className = 'stack';
  const total = r.renderings.reduce((s, x) => s + x.count, 0) || 1;
  for (const x of r.renderings) {
    const part = document.createElement('span');
    part.style.width = (100 * x.count / total) + '%';
    part.style.background = colours[x.status] || '#999';
    part.title = x.text + ' [' + x.status + '] ' + x.count;
    box.appendChild(part);
  }
  return box;
}
function trend(r) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'trend');
  svg.setAttribute('viewBox', '0 0 100 20');
  const pts = r.trend;
  if (pts.length) {
    const line = document.createElementNS(ns, 'polyline');
    const step = pts.length > 1 ? 100 / (pts.length - 1) : 0;
    line.setAttribute('points', pts.map((p, i) => (i * step) + ',' + (19 - 18 * p[1])).join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', '#2b6cb0');
    line.setAttribute('stroke-width', '2');
    const title = document.createElementNS(ns, 'title');
    title.textContent = pts.map(p => p[0] + ': ' + Math.round(100 * p[1]) + '%').join(', ');
    svg.append(title, line);
  }
  return svg;
}
function draw() {
  const sorted = rows.slice().sort((a, b) => {
    const x = a[key] ?? -1, y = b[key] ?? -1;
    const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return up ? c : -c;
  });
  body.replaceChildren(...sorted.map(r => {
    const tr = document.createElement('tr');
    cell(tr, r.concept, 0);
    cell(tr, r.occurrences, 1);
    cell(tr, r.documents, 1);
    cell(tr, r.compliance === null ? '-' : Math.round(100 * r.compliance) + '%', 1);
    cell(tr, stack(r), 0);
    cell(tr, trend(r), 0);
    cell(tr, (r.first_seen || '') + (r.last_seen ? ' .. ' + r.last_seen : ''), 0);
    return tr;
  }));
}
for (const th of document.querySelectorAll('#concepts th[data-key]')) {
  th.addEventListener('click', () => {
    up = key === th.dataset.key ? !up : false;
    key = th.dataset.key;
    draw();
  });
}
draw();
document.body.dataset.ready = 'true';
"""


def _trend(c: ConceptStats, approved: set[str]) -> list[tuple[str, float]]:
    """The share of approved renderings among the occurrences of each period."""
    out = []
    for period, counts in sorted(c.periods.items()):
        total = sum(counts.values())
        good = sum(n for text, n in counts.items() if text in approved and text != NONE)
        out.append((period, round(good / total, 4) if total else 0.0))
    return out


def render(stats: Stats, title: str = "termbase stats") -> str:
    """The page for `stats`; every text is data, never markup (JSON inserted as text)."""
    rows = []
    for c in stats.ordered():
        row = c.as_dict()
        approved = {text for (text, status) in c.renderings if status in APPROVED}
        row["trend"] = _trend(c, approved)
        rows.append(row)
    data = json.dumps(rows, ensure_ascii=False).replace("<", "\\u003c")
    legend = "".join(
        f'<span style="background:{colour}"></span>{status}' for status, colour in COLOURS.items()
    )
    heads = "".join(
        f'<th data-key="{k}">{label}</th>' if k else f"<th>{label}</th>"
        for k, label in (
            ("concept", "concept"),
            ("occurrences", "occurrences"),
            ("documents", "documents"),
            ("compliance", "compliance"),
            ("", "renderings"),
            ("", "approved share over time"),
            ("first_seen", "seen"),
        )
    )
    summary = f"{len(rows)} concepts in {stats.segments} segments from {stats.files} files."
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{html.escape(title)}</title><style>{STYLE}{_STYLE}</style></head>
<body><h1>{html.escape(title)}</h1>
<p>{html.escape(summary)}</p><p class="legend">{legend}</p>
<table id="concepts"><thead><tr>{heads}</tr></thead><tbody></tbody></table>
<script type="application/json" id="data">{data}</script>
<script type="application/json" id="colours">{json.dumps(COLOURS)}</script>
<script>{_SCRIPT}</script>
</body></html>
"""
