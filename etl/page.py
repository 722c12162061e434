"""The dataset page: dist/<version>/index.html, a static page that needs no server.

Every table of the release is shown, and every claim links to its evidence:
the quote highlighted in its paragraph of the source text. Source texts are
untrusted: the page embeds them as JSON with <, > and & escaped, and the
script puts them in the page with textContent only, never as HTML.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd

from etl.corpus import load_source

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 2rem;font-size:13px}
th,td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3;position:sticky;top:0}
td.q{max-width:30rem}
section{overflow-x:auto}
#evidence{position:fixed;left:0;right:0;bottom:0;background:#fffbe6;border-top:2px solid #e0c200;
  padding:.5rem 1rem;max-height:35vh;overflow:auto}
body{padding-bottom:36vh}
#ev-text{white-space:pre-wrap;font:14px/1.5 Georgia,serif}
mark{background:#ffe14d}
nav a{margin-right:1rem}
"""

SCRIPT = """
const texts = JSON.parse(document.getElementById('texts').textContent);
function show(link) {
  const source = texts[link.dataset.s];
  const chars = Array.from(source.text);  // offsets are code points, not UTF-16 units
  const a = Number(link.dataset.a), b = Number(link.dataset.b);
  let start = a, end = b;
  while (start > 0 && !(chars[start - 1] === '\\n' && chars[start - 2] === '\\n')) start--;
  while (end < chars.length && !(chars[end] === '\\n' && chars[end + 1] === '\\n')) end++;
  const box = document.getElementById('ev-text');
  box.replaceChildren(
    document.createTextNode(chars.slice(start, a).join('')),
    Object.assign(document.createElement('mark'), {textContent: chars.slice(a, b).join('')}),
    document.createTextNode(chars.slice(b, end).join('')));
  document.getElementById('ev-where').textContent =
    source.title + ' — lines ' + link.dataset.l + ', characters ' + a + '–' + b;
}
document.addEventListener('click', (event) => {
  const link = event.target.closest('a.ev');
  if (link) { event.preventDefault(); show(link); }
});
"""


def cell(value: object) -> str:
    return (
        ""
        if value is None or (not isinstance(value, str) and pd.isna(value))
        else html.escape(str(value))
    )


def table(name: str, frame: pd.DataFrame) -> str:
    claims = "quote" in frame.columns
    shown = [
        c for c in frame.columns if c not in ("char_start", "char_end", "line_start", "line_end")
    ]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in shown) + (
        "<th>evidence</th>" if claims else ""
    )
    rows = []
    for row in frame.itertuples(index=False):
        values = row._asdict()
        cells = "".join(
            f"<td{' class=q' if c == 'quote' else ''}>{cell(values[c])}</td>" for c in shown
        )
        if claims:
            lines = f"{values['line_start']}–{values['line_end']}"
            cells += (
                f'<td><a class="ev" href="#evidence" data-s="{cell(values["source_id"])}" '
                f'data-a="{values["char_start"]}" data-b="{values["char_end"]}" '
                f'data-l="{lines}">show</a></td>'
            )
        rows.append(f"<tr>{cells}</tr>")
    return (
        f'<section id="r-{name}"><h2>{html.escape(name)} ({len(frame)} rows)</h2>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def embedded_json(data: object) -> str:
    """JSON that cannot close its <script> element, whatever the texts contain."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def write_page(folder: Path, root: Path) -> Path:
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    frames = {r["name"]: pd.read_parquet(folder / r["path"]) for r in descriptor["resources"]}
    texts = {}
    for row in frames["sources"].itertuples(index=False):
        source = load_source(row.source_id, root / row.path, row.sha256)
        texts[row.source_id] = {"title": row.title, "text": source.text}
    licence = descriptor["licenses"][0]
    nav = "".join(f'<a href="#r-{name}">{html.escape(name)}</a>' for name in frames)
    body = "".join(table(name, frame) for name, frame in frames.items())
    page = (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        f"<title>{html.escape(descriptor['title'])} {html.escape(descriptor['version'])}</title>"
        f"<style>{STYLE}</style></head><body>"
        f"<h1>{html.escape(descriptor['title'])}</h1>"
        f"<p>Version {html.escape(descriptor['version'])} · licence "
        f'<a href="{html.escape(licence["path"])}">{html.escape(licence["name"])}</a> · '
        f"{html.escape(descriptor['description'])}</p><nav>{nav}</nav>{body}"
        '<section id="evidence"><h2>Evidence</h2><p id="ev-where">Choose “show” in a row.</p>'
        '<div id="ev-text"></div></section>'
        f'<script type="application/json" id="texts">{embedded_json(texts)}</script>'
        f"<script>{SCRIPT}</script></body></html>\n"
    )
    path = folder / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
