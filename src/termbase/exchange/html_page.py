"""A self-contained HTML glossary: one file, CSS and JavaScript inline, no network request.

The concepts travel as JSON inside the page and are rendered with DOM calls (textContent, never
innerHTML), so no term can inject markup. The search box matches the way `termbase lookup`
does: Chinese in either script (folded with OpenCC's Traditional-to-Simplified table, embedded),
pinyin with or without tones and spaces, initials, English with plurals and hyphens folded,
substrings, then typo-tolerant matches; exact before prefix before substring before fuzzy, ties
to the concept whose matching term is preferred. Cards are rendered lazily (the first 50, more as
the reader scrolls), and all of the current list with "Show all" and before printing. Each card
is headed by its preferred terms, with a copy button for every term; an index lists concepts by
the initial of their pinyin and of their English.

Over the house's ~500 lines: most of it is the page's own CSS and JavaScript, kept readable
in one place.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from termbase.exchange import ExportOptions
from termbase.model import TermBase

_STATUS = {"preferred": 0, "admitted": 1, "deprecated": 2, "forbidden": 3}


def _data(tb: TermBase) -> dict[str, Any]:
    """The page's data, compact: empty fields left out, statuses as numbers, each source
    citation once. Search keys are not stored: the page derives them at its first search
    (they would double the file), except pinyin initials, which need a syllable parser."""
    from termbase.card import term_notes
    from termbase.chinese import script
    from termbase.search import lookup

    concepts = []
    citations: dict[str, int] = {}
    for c in tb.concepts:
        card = lookup.card(c)
        terms = []
        for t in card["terms"]:
            initials = lookup.pinyin_initials(t["pinyin"]) if t.get("pinyin") else ""
            row: list[Any] = [
                t["lang"],
                t["text"],
                _STATUS[t["status"]],
                t.get("pinyin") or "",
                term_notes(t),
                t.get("use_instead") or "",
                initials,
                t.get("forms") or [],
            ]
            while row and row[-1] in ("", []):
                row.pop()
            terms.append(row)
        entry: dict[str, Any] = {"id": c.id, "t": terms}
        if c.subject:
            entry["s"] = c.subject
        if c.definition:
            entry["d"] = dict(c.definition)
        if c.note:
            entry["n"] = c.note
        if c.sources:
            refs = []
            for sid in c.sources:
                s = tb.sources.get(sid)
                text = s.citation() if s is not None else sid
                refs.append(citations.setdefault(text, len(citations)))
            entry["src"] = refs
        if c.see_also:
            entry["see"] = list(c.see_also)
        if c.replaced_by:
            entry["rep"] = c.replaced_by
        concepts.append(entry)
    fold = {chr(k): v for k, v in script.simplified_table().items()}
    return {"concepts": concepts, "sources": list(citations), "fold": fold}


def _json(value: object) -> str:
    """JSON that cannot end the <script> element it sits in."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _packed(value: object) -> str:
    """The data as gzip in base64: a third of the size of its JSON, so the browser has far
    less to parse before it can show anything (the page unpacks it with DecompressionStream)."""
    import base64
    import gzip

    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")


def export(tb: TermBase, options: ExportOptions) -> str:
    title = options.title or tb.settings.name or "Glossary"
    data = _data(tb)
    subjects = sorted({c["s"] for c in data["concepts"] if c.get("s")})
    langs = sorted({t[0] for c in data["concepts"] for t in c["t"]})
    subject_options = "".join(f'<option value="{escape(s)}">{escape(s)}</option>' for s in subjects)
    lang_boxes = "".join(
        f'<label><input type="checkbox" name="lang" value="{escape(lang)}" checked> '
        f'<span lang="{escape(lang)}">{escape(lang)}</span></label>'
        for lang in langs
    )
    return (
        TEMPLATE.replace("{{TITLE}}", escape(title))
        .replace("{{COUNT}}", str(len(data["concepts"])))
        .replace("{{SUBJECTS}}", subject_options)
        .replace("{{LANGS}}", lang_boxes)
        .replace("{{CSS}}", CSS)
        .replace("{{JS}}", JS)
        .replace("{{DATA}}", _packed(data))
    )


TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{{TITLE}}</title>
<style>{{CSS}}</style>
</head>
<body>
<header>
<h1>{{TITLE}}</h1>
<form id="controls" role="search" onsubmit="return false">
<label for="q">Search</label>
<input id="q" type="search" autocomplete="off" autofocus
 placeholder="小院高墙, 小院高牆, xiaoyuan, xygq, small yard…" aria-describedby="count">
<label for="subject">Subject</label>
<select id="subject"><option value="">all</option>{{SUBJECTS}}</select>
<label for="status">Status</label>
<select id="status"><option value="">all</option><option>preferred</option>
<option>admitted</option><option>deprecated</option><option>forbidden</option></select>
<fieldset><legend>Languages</legend>{{LANGS}}</fieldset>
</form>
<nav id="index" aria-label="Index by initial"></nav>
<p id="count" aria-live="polite">{{COUNT}} concepts</p>
</header>
<main id="results"></main>
<p id="more-row"><button type="button" id="more" hidden></button></p>
<script type="application/gzip;base64" id="data">{{DATA}}</script>
<script>{{JS}}</script>
</body>
</html>
"""

CSS = """
:root { --fg: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --bad: #b3261e; --old: #8a5300;
  --good: #1b6e3a; font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; color: var(--fg); line-height: 1.45; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
#controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
#controls input[type=search] { flex: 1 1 18rem; font-size: 1.1rem; padding: .4rem .6rem; }
fieldset { border: none; padding: 0; margin: 0; display: flex; gap: .6rem; flex-wrap: wrap; }
legend { float: left; margin-right: .5rem; }
#count { color: var(--muted); margin: .5rem 0; }
article { border-top: 1px solid var(--line); padding: .8rem 0; }
article h2 { font-size: 1.05rem; margin: 0 0 .3rem; }
article h2 .subject, article h2 .slug { color: var(--muted); font-weight: normal; font-size: .85rem; }
article h2 .sep { color: var(--muted); }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td { padding: .15rem .6rem .15rem 0; vertical-align: top; overflow-wrap: anywhere; }
td.lang { color: var(--muted); white-space: nowrap; width: 5rem; }
td.term-cell { width: 45%; }
td.status-cell { width: 11rem; }
.term { font-size: 1.05rem; }
.pinyin { color: var(--muted); white-space: nowrap; }
button.copy { font-size: .75rem; margin-left: .3rem; padding: 0 .3rem; cursor: pointer; }
#index { display: flex; flex-direction: column; gap: .2rem; margin: .4rem 0; font-size: .85rem; }
#index div { display: flex; flex-wrap: wrap; gap: .15rem; align-items: center; }
#index button { min-width: 1.6rem; padding: 0 .2rem; cursor: pointer; }
#index button[aria-pressed=true] { font-weight: bold; }
/* Han glyphs as each region writes them; the generic family is the fallback. A CJK font must be
   installed to see the Chinese at all (fonts-noto-cjk or fonts-wqy-microhei on Debian). */
:lang(zh-Hans), :lang(zh-CN), :lang(zh-SG) { font-family: "Noto Sans CJK SC", "Source Han Sans SC",
  "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
:lang(zh-Hant), :lang(zh-TW), :lang(zh-MO) { font-family: "Noto Sans CJK TC", "Source Han Sans TC",
  "PingFang TC", "Microsoft JhengHei", "WenQuanYi Micro Hei", sans-serif; }
:lang(zh-HK) { font-family: "Noto Sans CJK HK", "Source Han Sans HK", "PingFang HK",
  "Microsoft JhengHei", "WenQuanYi Micro Hei", sans-serif; }
.status { font-size: .8rem; font-weight: bold; text-transform: uppercase; }
.preferred .status { color: var(--good); }
.deprecated .status { color: var(--old); }
.forbidden .status { color: var(--bad); }
.forbidden .term, .deprecated .term { text-decoration: line-through; }
.note, .meta { color: var(--muted); font-size: .9rem; }
td.note { white-space: pre-line; }
.instead { font-size: .9rem; }
.meta p { margin: .2rem 0; }
a:focus, input:focus, select:focus { outline: 3px solid #4c8bf5; outline-offset: 1px; }
@media (max-width: 36rem) {
  body { padding: .5rem; } td.lang { width: auto; } #controls label { font-size: .9rem; }
  tr { display: grid; grid-template-columns: 4rem 1fr; } td.status-cell, td.note { grid-column: 2; }
  td.term-cell, td.status-cell { width: auto; } table { table-layout: auto; }
}
@media print {
  #controls, #count, #index, #more-row, button.copy { display: none; } body { max-width: none; }
  article { break-inside: avoid; } a { color: inherit; text-decoration: none; }
}
"""

JS = r"""
"use strict";
let CONCEPTS = [], SOURCES = [], FOLD = {}, BY_ID = new Map(), TRAD = /$^/gu;
async function unpack() {
  const b64 = document.getElementById("data").textContent;
  const text = atob(b64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  const data = JSON.parse(await new Response(stream).text());
  CONCEPTS = data.concepts; SOURCES = data.sources; FOLD = data.fold;
  BY_ID = new Map(CONCEPTS.map((c, i) => [c.id, i]));
  TRAD = new RegExp("[" + Object.keys(FOLD).join("") + "]", "gu");
}
const STATUS = ["preferred", "admitted", "deprecated", "forbidden"];
function full(c) {  // fill in what the file leaves out, once, when a concept is first used
  if (c.full) return c;
  c.s = c.s || ""; c.d = c.d || {}; c.n = c.n || ""; c.see = c.see || []; c.rep = c.rep || "";
  c.src = (c.src || []).map(i => SOURCES[i]);
  c.t = c.t.map(t => [t[0], t[1], STATUS[t[2]], t[3] || "", t[4] || "", t[5] || "", t[6] || "", t[7] || []]);
  c.full = true;
  return c;
}
// Search keys per concept, [kind, key, term index]: made in slices after the page has loaded,
// and finished at once if a search comes first.
let KEYS = null;
const PARTIAL = [];
function keysOf(c) {
    full(c);
    const out = [];
    c.t.forEach(([lang, text, status, pinyin, note, instead, ini, forms], n) => {
      if (HAN.test(text) && /^(zh|cmn|yue|lzh)(-|$)/i.test(lang)) out.push(["zh", foldChinese(text), n]);
      else {
        out.push(["lat", foldLatin(text), n]);
        for (const f of forms) out.push(["lat", foldLatin(f), n]);
      }
      if (pinyin) out.push(["py", foldPinyin(pinyin), n]);
      if (ini) out.push(["ini", ini, n]);
    });
    return out;
}
function keys() {
  if (KEYS) return KEYS;
  while (PARTIAL.length < CONCEPTS.length) PARTIAL.push(keysOf(CONCEPTS[PARTIAL.length]));
  KEYS = PARTIAL;
  return KEYS;
}
function buildSome() {
  if (KEYS) return;
  const end = Math.min(CONCEPTS.length, PARTIAL.length + 4000);
  while (PARTIAL.length < end) PARTIAL.push(keysOf(CONCEPTS[PARTIAL.length]));
  if (PARTIAL.length < CONCEPTS.length) setTimeout(buildSome, 0); else KEYS = PARTIAL;
}
const RANK = {preferred: 0, admitted: 1, deprecated: 2, forbidden: 3};
const LEVEL = {exact: 4, prefix: 3, substring: 2, fuzzy: 1};
const SEP = /[\s\-\u2010\u2011\u2013\u2014,\uff0c\u3001\/.\u00b7'\u2019\u2018"\u201c\u201d()\uff08\uff09:;!?]+/gu;
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const LIMIT = 50;
const ASCII = /^[\x00-\x7f]*$/;

function singular(w) {
  if (w.endsWith("'s") || w.endsWith("\u2019s")) w = w.slice(0, -2);
  if (w.length <= 3 || !/^\p{L}+$/u.test(w) || w === w.toUpperCase()) return w;
  if (w.endsWith("ies") && w.length > 4) return w.slice(0, -3) + "y";
  for (const e of ["sses", "shes", "ches", "xes", "zes"]) if (w.endsWith(e)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}
function foldLatin(s) {
  if (!ASCII.test(s)) s = s.normalize("NFKC");
  const words = s.replace(SEP, " ").toLowerCase().split(" ");
  let out = "";
  for (const w of words) {
    if (!w) continue;
    const v = w.length > 3 && (w.endsWith("s") || w.endsWith("'s")) ? singular(w) : w;
    out = out ? out + " " + v : v;
  }
  return out;
}
function foldChinese(s) {
  if (!ASCII.test(s)) s = s.normalize("NFKC");
  return s.replace(TRAD, ch => FOLD[ch]).replace(SEP, "").toLowerCase();
}
function foldPinyin(s) {
  s = s.toLowerCase();
  if (!ASCII.test(s)) s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return s
    .replace(/u:/g, "u").replace(/v/g, "u").replace(/[1-5]/g, "").replace(/[^a-z]/g, "");
}
function queryForms(q) {
  if (HAN.test(q)) return {zh: foldChinese(q)};
  const forms = {};
  const lat = foldLatin(q); if (lat) forms.lat = lat;
  const py = foldPinyin(q); if (py) { forms.py = py; forms.ini = py; }
  return forms;
}
function ratio(a, b) {  // 0..100, like a normalised Levenshtein similarity
  if (a === b) return 100;
  const m = a.length, n = b.length; if (!m || !n) return 0;
  let prev = Array.from({length: n + 1}, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 100 * (1 - prev[n] / Math.max(m, n));
}
function fuzzy(q, key) {  // the best similarity of q against key or a stretch of key as long as q
  if (key[0] !== q[0] || key.length < q.length * 0.8) return 0;
  let best = ratio(q, key);
  for (let i = 0; i + q.length <= key.length && best < 100; i++)
    if (i === 0 || key[i - 1] === " ") best = Math.max(best, ratio(q, key.slice(i, i + q.length + 1)), ratio(q, key.slice(i, i + q.length)));
  return best;
}
function search(q, statusFilter, subjectFilter) {
  const forms = queryForms(q);
  const best = new Map();
  const consider = (i, level, sim, status) => {
    const cur = best.get(i);
    const key = [-level, -sim, status];
    if (!cur || key < cur.key || (key[0] === cur.key[0] && (key[1] < cur.key[1] || (key[1] === cur.key[1] && key[2] < cur.key[2]))))
      best.set(i, {i, level, sim, status, key});
  };
  const K = keys();
  const eligible = (c) => !subjectFilter || c.s === subjectFilter;
  for (let i = 0; i < CONCEPTS.length; i++) {
    const c = CONCEPTS[i];
    if (!eligible(c)) continue;
    for (const [kind, key, t] of K[i]) {
      const f = forms[kind]; if (!f) continue;
      const status = c.t[t][2]; if (statusFilter && status !== statusFilter) continue;
      let level = 0;
      if (key === f) level = 4; else if (key.startsWith(f)) level = 3;
      else if (kind !== "ini" && key.includes(f)) level = 2;
      if (level) consider(i, level, 100, RANK[status]);
    }
  }
  if (!best.size) {
    for (let i = 0; i < CONCEPTS.length; i++) {
      const c = CONCEPTS[i];
      if (!eligible(c)) continue;
      for (const [kind, key, t] of K[i]) {
        if (kind !== "lat" && kind !== "py") continue;
        const f = forms[kind]; if (!f || f.length < 3) continue;
        const status = c.t[t][2]; if (statusFilter && status !== statusFilter) continue;
        const sim = fuzzy(f, key);
        if (sim >= 75) consider(i, 1, sim, RANK[status]);
      }
    }
  }
  return [...best.values()].sort((a, b) => b.level - a.level || b.sim - a.sim ||
    a.status - b.status || (CONCEPTS[a.i].id < CONCEPTS[b.i].id ? -1 : 1));
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === "") continue;
    e.setAttribute(k, v);
  }
  for (const ch of children) if (ch !== null && ch !== undefined && ch !== "")
    e.append(typeof ch === "string" ? document.createTextNode(ch) : ch);
  return e;
}
function shownLangs() {
  return new Set([...document.querySelectorAll("input[name=lang]:checked")].map(b => b.value));
}
function card(c, langs) {
  const rows = el("tbody");
  for (const [lang, text, status, pinyin, note, instead] of c.t) {  // eslint-disable-line
    if (!langs.has(lang)) continue;
    const instead_ = instead ? el("span", {class: "instead"}, " use \u201c",
      el("span", {lang}, instead), "\u201d") : "";
    rows.append(el("tr", {class: status},
      el("td", {class: "lang"}, lang),
      el("td", {class: "term-cell"}, el("span", {class: "term", lang}, text), copyButton(text),
        pinyin ? " " : "", pinyin ? el("span", {class: "pinyin", lang: "zh-Latn-pinyin"}, pinyin) : ""),
      el("td", {class: "status-cell"}, el("span", {class: "status"}, status), instead_),
      el("td", {class: "note"}, note)));
  }
  const meta = el("div", {class: "meta"});
  for (const [lang, text] of Object.entries(c.d))
    meta.append(el("p", {}, "Definition (" + lang + "): ", el("span", {lang}, text)));
  if (c.n) meta.append(el("p", {}, "Note: " + c.n));
  for (const s of c.src) meta.append(el("p", {}, "Source: " + s));
  const links = [...c.see.map(id => ["see also", id]), ...(c.rep ? [["replaced by", c.rep]] : [])];
  for (const [what, id] of links)
    meta.append(el("p", {}, what + ": ", el("a", {href: "#c=" + encodeURIComponent(id)}, id)));
  const heading = el("h2", {id: "h-" + c.id});
  headline(c, langs).forEach(([lang, text], n) => {
    if (n) heading.append(el("span", {class: "sep"}, " \u00b7 "));
    heading.append(el("span", {lang}, text));
  });
  heading.append(" ", el("span", {class: "slug"}, c.id));
  if (c.s) heading.append(" ", el("span", {class: "subject"}, "(" + c.s + ")"));
  return el("article", {id: "concept-" + c.id, "aria-labelledby": "h-" + c.id},
    heading, el("table", {}, rows), meta);
}
function headline(c, langs) {  // the preferred term of each shown language: 小院高墙 · small yard, high fence
  const out = [], seen = new Set();
  for (const [lang, text, status] of c.t)
    if (status === "preferred" && langs.has(lang) && !seen.has(lang) &&
        !out.some(([, t]) => t === text)) { seen.add(lang); out.push([lang, text]); }
  return out.length ? out : [["en", c.id]];
}
function copyButton(text) {
  const b = el("button", {type: "button", class: "copy", "aria-label": "Copy " + text, title: "Copy"}, "copy");
  b.addEventListener("click", () => {
    const done = () => { b.textContent = "copied"; setTimeout(() => { b.textContent = "copy"; }, 1200); };
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, () => {});
  });
  return b;
}

const q = document.getElementById("q");
const subject = document.getElementById("subject");
const status = document.getElementById("status");
const results = document.getElementById("results");
const count = document.getElementById("count");

function render(fromHash) {
  const text = q.value.trim();
  const langs = shownLangs();
  let list;
  const direct = fromHash && decodeURIComponent(location.hash.slice(1)).startsWith("c=")
    ? decodeURIComponent(location.hash.slice(3)) : null;
  if (direct !== null && BY_ID.has(direct)) list = [BY_ID.get(direct)];
  else if (text) list = search(text, status.value, subject.value).map(h => h.i);
  else list = CONCEPTS.map((c, i) => i).filter(i => (!subject.value || (CONCEPTS[i].s || "") === subject.value) &&
    (!status.value || CONCEPTS[i].t.some(t => (STATUS[t[2]] || t[2]) === status.value)));
  if (INITIAL && !text && direct === null) list = list.filter(i => initialOf(CONCEPTS[i], INITIAL[0]) === INITIAL[1]);
  LIST = list; SHOWN = 0; LANGS = langs;
  results.replaceChildren();
  showMore(LIMIT);
  count.textContent = text && !list.length ? "No term matches \u201c" + text + "\u201d" :
    list.length + (list.length === 1 ? " concept" : " concepts");
  markIndex();
  if (!fromHash) {
    const params = new URLSearchParams();
    if (text) params.set("q", text);
    if (subject.value) params.set("subject", subject.value);
    if (status.value) params.set("status", status.value);
    if (INITIAL && !text) params.set("i", INITIAL.join(":"));
    const h = params.toString();
    history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
  }
}
// Cards are made lazily (a 125k base would not open otherwise): the first LIMIT, then more as
// the reader scrolls, every one with "Show all" and before printing, so that every concept is
// reachable and a print holds the whole list.
let LIST = [], SHOWN = 0, LANGS = new Set(), INITIAL = null;
const moreButton = document.getElementById("more");
function showMore(n) {
  const end = Math.min(LIST.length, SHOWN + n);
  const cards = [];
  for (let k = SHOWN; k < end; k++) cards.push(card(full(CONCEPTS[LIST[k]]), LANGS));
  results.append(...cards);
  SHOWN = end;
  moreButton.hidden = SHOWN >= LIST.length;
  moreButton.textContent = "Show all " + LIST.length + " (" + (LIST.length - SHOWN) + " more)";
}
function showAll() { showMore(LIST.length); }
moreButton.addEventListener("click", showAll);
window.addEventListener("beforeprint", showAll);
if (window.matchMedia) window.matchMedia("print").addEventListener("change", e => { if (e.matches) showAll(); });
if ("IntersectionObserver" in window)
  new IntersectionObserver(es => { if (es.some(e => e.isIntersecting) && SHOWN < LIST.length) showMore(200); })
    .observe(document.getElementById("more-row"));

// The index: concepts by the initial of their first pinyin, and of their first English term.
function initialOf(c, kind) {
  full(c);
  for (const [lang, text, status, pinyin] of c.t) {
    if (kind === "py" && pinyin) return foldPinyin(pinyin).charAt(0);
    if (kind === "en" && lang.split("-")[0] === "en") return foldLatin(text).charAt(0);
  }
  return "";
}
function buildIndex() {
  const nav = document.getElementById("index");
  for (const [kind, label] of [["py", "Pinyin"], ["en", "English"]]) {
    const letters = [...new Set(CONCEPTS.map(c => initialOf(c, kind)).filter(x => /^[a-z]$/.test(x)))].sort();
    if (!letters.length) continue;
    const row = el("div", {}, el("span", {}, label + ": "));
    for (const x of letters) {
      const b = el("button", {type: "button", "data-initial": kind + ":" + x, "aria-pressed": "false"}, x.toUpperCase());
      b.addEventListener("click", () => {
        INITIAL = INITIAL && INITIAL.join(":") === kind + ":" + x ? null : [kind, x];
        q.value = ""; render(false);
      });
      row.append(b);
    }
    nav.append(row);
  }
}
function markIndex() {
  for (const b of document.querySelectorAll("#index button"))
    b.setAttribute("aria-pressed", String(!!INITIAL && b.dataset.initial === INITIAL.join(":")));
}
function fromHash() {
  const h = location.hash.slice(1);
  if (!h.startsWith("c=")) {
    const params = new URLSearchParams(h);
    q.value = params.get("q") || "";
    subject.value = params.get("subject") || "";
    status.value = params.get("status") || "";
    const i = (params.get("i") || "").split(":");
    INITIAL = i.length === 2 && i[1] ? i : null;
  }
  render(true);
}
const ready = unpack();
ready.then(() => {
  buildIndex();
  fromHash();
  document.body.dataset.ready = "true";
  setTimeout(buildSome, 0);
}, e => { count.textContent = "The glossary's data could not be read: " + e; });
q.addEventListener("input", () => ready.then(() => { if (q.value.trim()) INITIAL = null; render(false); }));
for (const e of [subject, status]) e.addEventListener("change", () => ready.then(() => render(false)));
for (const b of document.querySelectorAll("input[name=lang]")) b.addEventListener("change", () => ready.then(() => render(false)));
window.addEventListener("hashchange", () => ready.then(fromHash));
document.addEventListener("keydown", e => {
  if (e.key === "/" && document.activeElement !== q) { e.preventDefault(); q.focus(); }
});
"""
