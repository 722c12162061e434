"""The dataset page: dist/<version>/index.html and its folder, static, opened from disk.

- index.html: an overview (what the dataset is, counts per resource and per
  source, how to download and cite it, what changed since the release before),
  two charts rendered at build time to SVG (expulsion figures by year, one
  series per source; sentences per trial by penalty and source), and the list
  of persons. It loads no data tables, so the first view stays small.
- persons/<person_id>.html: a page per person: name, spellings and why they
  were merged, every claim about them from every source, sources side by side,
  one claim with all the passages that state it, each quote highlighted in its
  paragraph.
- tables.html: every table, paged and filterable by a small script; the rows
  (tables/<resource>.js) and the texts for the evidence panel (texts.js) are
  loaded only when asked for.

Source texts are untrusted: in HTML they are always escaped; in the scripts'
data they are JSON with <, > and & escaped, and the script puts them in the
page with textContent only, never as HTML. Charts and pages are deterministic.
"""

from __future__ import annotations

import html
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from etl.lang.corpus import load_source
from etl.project import Project
from etl.publish.sqlite import FILENAME, read_sqlite

PAGE_SIZE = 50
CONTEXT = 500  # characters of the paragraph kept on each side of a quote
PENALTY_COLOURS = {
    "death": "#8c1c13",
    "imprisonment": "#d08c2b",
    "exile": "#4a7fb0",
    "other": "#888888",
}
SOURCE_COLOURS = ["#1b6ca8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#555555"]

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;
  padding:1rem 1.2rem 4rem;color:#222}
nav.top a,nav.tables a{margin-right:1.1rem}
h1{font-size:1.7rem;margin:.6rem 0 .3rem}
h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0 1.2rem;font-size:13px}
th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.lead{font-size:1.05rem;max-width:50rem}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:.8rem 0}
.card{border:1px solid #ddd;border-radius:6px;padding:.4rem .8rem;min-width:7rem}
.card b{display:block;font-size:1.4rem}
figure{margin:1rem 0 2rem;max-width:60rem}
figure img{max-width:100%;border:1px solid #eee}
figcaption{font-size:.92rem;color:#444}
pre.changes{background:#f7f7f7;padding:.6rem;overflow:auto;max-height:18rem;font-size:12px}
code{background:#f3f3f3;padding:0 .2rem}
ul.people{columns:14rem;padding-left:1rem}
.side{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:.8rem}
.src{border:1px solid #ddd;border-radius:6px;padding:.3rem .8rem}
.src h4{margin:.3rem 0}
.claim{font-weight:600}
.disagree{background:#fde2e1;color:#8c1c13;border-radius:4px;padding:0 .4rem;font-size:.85rem}
blockquote.ev{margin:.4rem 0 .8rem;padding:.3rem .6rem;border-left:3px solid #e0c200;
  background:#fffdf0;white-space:pre-wrap;font:14px/1.5 Georgia,serif}
blockquote.ev footer{font:12px system-ui,sans-serif;color:#666;white-space:normal}
mark{background:#ffe14d}
#controls{position:sticky;top:0;background:#fff;padding:.4rem 0;border-bottom:1px solid #ddd}
#controls input{width:20rem;padding:.2rem .4rem}
#evidence{position:fixed;left:0;right:0;bottom:0;background:#fffbe6;border-top:2px solid #e0c200;
  padding:.5rem 1rem;max-height:35vh;overflow:auto;display:none}
#evidence.open{display:block}
#ev-text{white-space:pre-wrap;font:14px/1.5 Georgia,serif}
#table td{max-width:16rem}
#table td.q{min-width:26rem;max-width:34rem}
"""

TABLES_SCRIPT = """
const PAGE = %(page_size)d, LONG = 220;
const HIDDEN = ['char_start', 'char_end', 'line_start', 'line_end', 'extractor'];
window.TABLES = window.TABLES || {};
let current = null, page = 0;
function load(src, done) {
  const script = document.createElement('script');
  script.src = src; script.onload = done; document.head.appendChild(script);
}
function rows() {
  const t = TABLES[current];
  const words = document.getElementById('filter').value.toLowerCase().split(/\\s+/).filter(Boolean);
  if (!words.length) return t.rows;
  return t.rows.filter(r => {
    const line = r.map(v => v === null ? '' : String(v)).join('\\u0001').toLowerCase();
    return words.every(w => line.includes(w));
  });
}
function render() {
  const t = TABLES[current], shown = rows();
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  page = Math.min(page, pages - 1);
  const head = document.createElement('tr');
  const th = text => Object.assign(document.createElement('th'), {textContent: text});
  const shownColumns = t.columns.map((c, i) => i).filter(i => !HIDDEN.includes(t.columns[i]));
  for (const i of shownColumns) head.appendChild(th(t.columns[i]));
  if (t.evidence) head.appendChild(th('evidence'));
  const body = document.createElement('tbody');
  for (const r of shown.slice(page * PAGE, (page + 1) * PAGE)) {
    const tr = document.createElement('tr');
    for (const i of shownColumns) {
      const td = document.createElement('td'), v = r[i] === null ? '' : String(r[i]);
      td.textContent = v.length > LONG ? v.slice(0, LONG) + '…' : v;
      if (v.length > LONG) td.title = v;
      if (t.columns[i] === 'quote') td.className = 'q';
      tr.appendChild(td);
    }
    if (t.evidence) {
      const td = document.createElement('td');
      const a = Object.assign(document.createElement('a'),
        {href: '#', className: 'ev', textContent: 'show'});
      const at = n => r[t.columns.indexOf(n)];
      a.dataset.s = at('source_id'); a.dataset.a = at('char_start'); a.dataset.b = at('char_end');
      a.dataset.l = at('line_start') + '–' + at('line_end');
      td.appendChild(a); tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  const table = document.getElementById('table');
  table.replaceChildren(Object.assign(document.createElement('thead')), body);
  table.tHead.appendChild(head);
  document.getElementById('title').textContent = t.title;
  document.getElementById('count').textContent =
    shown.length + ' of ' + t.rows.length + ' rows · page ' + (page + 1) + ' of ' + pages;
}
function open(name, filter) {
  current = name; page = 0;
  document.getElementById('filter').value = filter || '';
  if (TABLES[name]) render(); else load('tables/' + name + '.js', render);
}
function fromHash() {
  const [name, filter] = decodeURIComponent(location.hash.slice(1)).split('/');
  open(TABLES_LIST.includes(name) ? name : TABLES_LIST[0], filter);
}
function show(link) {
  const source = TEXTS[link.dataset.s];
  const chars = Array.from(source.text);  // offsets are code points, not UTF-16 units
  const a = Number(link.dataset.a), b = Number(link.dataset.b);
  let start = a, end = b;
  while (start > 0 && !(chars[start - 1] === '\\n' && chars[start - 2] === '\\n')) start--;
  while (end < chars.length && !(chars[end] === '\\n' && chars[end + 1] === '\\n')) end++;
  document.getElementById('ev-text').replaceChildren(
    document.createTextNode(chars.slice(start, a).join('')),
    Object.assign(document.createElement('mark'), {textContent: chars.slice(a, b).join('')}),
    document.createTextNode(chars.slice(b, end).join('')));
  document.getElementById('ev-where').textContent =
    source.title + ' — lines ' + link.dataset.l + ', characters ' + a + '–' + b;
  document.getElementById('evidence').className = 'open';
}
document.addEventListener('click', (event) => {
  const link = event.target.closest('a.ev');
  if (!link) return;
  event.preventDefault();
  if (window.TEXTS) show(link); else load('texts.js', () => show(link));
});
document.getElementById('filter').addEventListener('input', () => { page = 0; render(); });
document.getElementById('prev').addEventListener('click', () => {
  page = Math.max(0, page - 1); render();
});
document.getElementById('next').addEventListener('click', () => { page += 1; render(); });
window.addEventListener('hashchange', fromHash);
fromHash();
"""


def cell(value: object) -> str:
    """A value as escaped HTML text; empty for null."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def embedded_json(data: object) -> str:
    """JSON that cannot close a <script> element, whatever the texts contain."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def plain(value: object) -> object:
    """A JSON-ready value: None for null, int for whole numbers of integer columns."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def document(title: str, body: str, depth: int = 0, scripts: str = "") -> str:
    up = "../" * depth
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width,initial-scale=1">'
        f"<title>{html.escape(title)}</title>"
        f'<link rel=stylesheet href="{up}style.css"></head><body>'
        f'<nav class=top><a href="{up}index.html">Overview</a>'
        f'<a href="{up}tables.html">Tables</a><a href="{up}index.html#persons">Persons</a>'
        f'<a href="{up}data-contract.md">Data contract</a></nav>'
        f"{body}{scripts}</body></html>\n"
    )


# --- Charts ------------------------------------------------------------------------------


def _figure_svg(figure) -> str:
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    return buffer.getvalue()


def _matplotlib():
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(
        {
            "svg.hashsalt": "soviet-purges",  # fixed ids: the same data gives the same bytes
            "svg.fonttype": "none",  # text stays text, in the reader's sans-serif font
            "font.family": "sans-serif",
            "font.size": 10,
        }
    )
    import matplotlib.pyplot as plt

    return plt


def expulsions_chart(figures: pd.DataFrame, authors: dict[str, str]) -> str:
    """Party members expelled in the whole USSR by year, one series per source."""
    plt = _matplotlib()
    figure, axis = plt.subplots(figsize=(8, 4))
    for i, (source_id, rows) in enumerate(figures.groupby("source_id", sort=True)):
        rows = rows.sort_values(["year", "value"])
        colour = SOURCE_COLOURS[i % len(SOURCE_COLOURS)]
        label = f"{authors.get(source_id, source_id)} ({source_id})"
        axis.plot(rows["year"], rows["value"], ":", color=colour, alpha=0.5, linewidth=1)
        axis.plot(rows["year"], rows["value"], "o", color=colour, label=label, markersize=7)
    axis.set_xlabel("year")
    axis.set_ylabel("people expelled")
    axis.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    axis.grid(alpha=0.3)
    axis.legend(fontsize=8, loc="upper left")
    axis.set_title("Expulsions from the party, whole USSR, as each source states them")
    figure.tight_layout()
    return _figure_svg(figure)


def sentences_chart(per_trial: pd.DataFrame, authors: dict[str, str]) -> str:
    """Persons sentenced per trial, stacked by penalty, one bar per trial and source."""
    plt = _matplotlib()
    bars = per_trial.pivot_table(
        index=["start_date", "trial", "source_id"],
        columns="penalty",
        values="persons",
        aggfunc="sum",
        fill_value=0,
    ).sort_index(ascending=False)
    figure, axis = plt.subplots(figsize=(8, 0.6 * len(bars) + 1.4))
    labels = [f"{trial}\n({authors.get(source, source)})" for _, trial, source in bars.index]
    left = [0] * len(bars)
    for penalty, colour in PENALTY_COLOURS.items():
        if penalty not in bars.columns:
            continue
        values = list(bars[penalty])
        axis.barh(labels, values, left=left, color=colour, label=penalty)
        for y, (start, value) in enumerate(zip(left, values, strict=True)):
            if value:
                axis.text(start + value / 2, y, str(value), ha="center", va="center", color="w")
        left = [a + b for a, b in zip(left, values, strict=True)]
    axis.set_xlabel("persons sentenced")
    axis.legend(fontsize=8, loc="lower right")
    axis.set_title("Sentences per trial, by penalty and source")
    axis.tick_params(axis="y", labelsize=8)
    figure.tight_layout()
    return _figure_svg(figure)


# --- Evidence ----------------------------------------------------------------------------


def passage_html(text: str, start: int, end: int, where: str) -> str:
    """The quote text[start:end] highlighted in its paragraph, escaped."""
    left = text.rfind("\n\n", 0, start)
    left = 0 if left < 0 else left + 2
    right = text.find("\n\n", end)
    right = len(text) if right < 0 else right
    before = text[max(left, start - CONTEXT) : start]
    after = text[end : min(right, end + CONTEXT)]
    if start - CONTEXT > left:
        before = "…" + before
    if end + CONTEXT < right:
        after += "…"
    return (
        f"<blockquote class=ev>{html.escape(before)}<mark>{html.escape(text[start:end])}</mark>"
        f"{html.escape(after)}<footer>{html.escape(where)}</footer></blockquote>"
    )


def spans(value: str) -> list[tuple[str, int, int]]:
    found = []
    for span in value.split(" | "):
        source_id, _, chars = span.rpartition(":")
        start, _, end = chars.partition("-")
        found.append((source_id, int(start), int(end)))
    return found


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _or_empty(value: object) -> object:
    return "" if _missing(value) else value


def _distinct(rows: list[dict], column: str) -> int:
    """The number of distinct values of `column` that are not missing (Series.nunique)."""
    return len({r[column] for r in rows if not _missing(r[column])})


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# --- Pages -------------------------------------------------------------------------------


def person_page(
    person: dict,
    claims: pd.DataFrame,
    mentions: pd.DataFrame,
    trials: dict[str, str],
    sources: dict[str, dict],
) -> str:
    name = person["name"]
    parts = [f"<h1>{cell(name)}</h1>"]
    facts = [f"id <code>{cell(person['person_id'])}</code>"]
    if person["roles"]:
        facts.append(f"roles: {cell(person['roles'])}")
    parts.append(f"<p>{' · '.join(facts)}</p>")
    parts.append("<h2>Names</h2><ul>")
    parts += [f"<li>{cell(v)}</li>" for v in str(person["variants"]).split(" | ")]
    parts.append("</ul>")
    if person["merged_by"]:
        parts.append("<p>Why these spellings were taken for one person:</p><ul>")
        parts += [f"<li>{cell(v)}</li>" for v in str(person["merged_by"]).split(" | ")]
        parts.append("</ul>")
    parts.append(f'<h2 id="claims">Claims ({len(claims)})</h2>')
    if claims.empty:
        parts.append("<p>No source makes a claim about this person; see the mentions.</p>")
    # Grouped in Python, as groupby(sort=True) groups them: a person has a few claims, and
    # pandas' grouping cost more than the page. Rows without kind or source are left out.
    rows = [
        r
        for r in claims.to_dict("records")
        if not _missing(r["kind"]) and not _missing(r["source_id"])
    ]
    for kind, trial_id in sorted({(r["kind"], _or_empty(r["trial_id"])) for r in rows}):
        group = [r for r in rows if (r["kind"], _or_empty(r["trial_id"])) == (kind, trial_id)]
        trial = trials.get(trial_id, "no trial named") if trial_id else "no trial named"
        heading = f"{'Defendant' if kind == 'defendant' else 'Sentence'}: {trial}"
        disagree = _distinct(group, "claim") > 1 and _distinct(group, "source_id") > 1
        badge = " <span class=disagree>the sources disagree</span>" if disagree else ""
        parts.append(f"<h3>{cell(heading)}{badge}</h3><div class=side>")
        for source_id in sorted({r["source_id"] for r in group}):
            source = sources[source_id]
            parts.append(
                f'<section class=src data-source="{cell(source_id)}">'
                f"<h4>{cell(source['author'])}: {cell(source['title'])}</h4>"
            )
            for row in (r for r in group if r["source_id"] == source_id):
                passages = row["passages"]
                count = f"{passages} passage{'s' if passages > 1 else ''}"
                parts.append(f"<p class=claim>{cell(row['claim'])} <small>({count})</small></p>")
                for span_source, start, end in spans(row["spans"]):
                    text = sources[span_source]["text"]
                    where = (
                        f"{source['title']} — lines {line_of(text, start)}–"
                        f"{line_of(text, end - 1)}, characters {start}–{end}"
                    )
                    parts.append(passage_html(text, start, end, where))
            parts.append("</section>")
        parts.append("</div>")
    counts: dict[str, int] = {}
    for s in mentions["source_id"].tolist():
        if not _missing(s):
            counts[s] = counts.get(s, 0) + 1
    parts.append("<h2>Mentions</h2><table><tr><th>source</th><th>times named</th></tr>")
    parts += [
        f"<tr><td>{cell(sources[s]['author'])}: {cell(sources[s]['title'])}</td>"
        f"<td class=n>{counts[s]}</td></tr>"
        for s in sorted(counts)
    ]
    parts.append(
        f'</table><p><a href="../tables.html#mentions/{cell(person["person_id"])}">'
        "Every mention, with its passage</a></p>"
    )
    return document(f"{name} — soviet-purges", "".join(parts), depth=1)


def overview(
    descriptor: dict,
    frames: dict[str, pd.DataFrame],
    claims: pd.DataFrame,
    changes: str | None,
    figures: dict[str, tuple[str, str, str]],
) -> str:
    version = descriptor["version"]
    licence = descriptor["licenses"][0]
    sources = frames["sources"]
    parts = [
        f"<h1>{cell(descriptor['title'])}</h1>",
        f"<p class=lead>{cell(descriptor['description'])}</p>",
        f"<p>Release <b>{cell(version)}</b> · created {cell(descriptor['created'][:10])} · "
        f'licence <a href="{cell(licence["path"])}">{cell(licence["name"])}</a> · '
        'every column is described in the <a href="data-contract.md">data contract</a></p>',
        "<div class=cards>",
    ]
    parts += [
        f'<a class=card href="tables.html#{cell(name)}"><b>{len(frame):,}</b>{cell(name)}</a>'
        for name, frame in frames.items()
    ]
    parts.append("</div>")
    # Counts per source.
    claim_tables = ["mentions", "defendants", "sentences", "expulsion_stats"]
    parts.append(
        "<h2 id=sources>Sources</h2><p>Each row of the claim tables is what one of these "
        "texts says; they are partisan and disagree, and are kept side by side.</p>"
        "<table><tr><th>source</th><th>author</th><th>written</th>"
        + "".join(f"<th>{cell(t)}</th>" for t in claim_tables)
        + "<th>licence of the text</th></tr>"
    )
    for row in sources.itertuples(index=False):
        counts = "".join(
            f'<td class=n><a href="tables.html#{t}/{cell(row.source_id)}">'
            f"{int((frames[t]['source_id'] == row.source_id).sum())}</a></td>"
            for t in claim_tables
        )
        parts.append(
            f"<tr><td>{cell(row.title)}<br><small><code>{cell(row.source_id)}</code></small></td>"
            f"<td>{cell(row.author)}</td><td>{cell(row.written)}</td>{counts}"
            f"<td>{cell(row.license)}</td></tr>"
        )
    parts.append("</table>")
    # Charts.
    parts.append("<h2 id=charts>Charts</h2>")
    for name, (caption, link, label) in figures.items():
        parts.append(
            f'<figure id="chart-{name}"><img src="charts/{name}.svg" alt="{cell(caption)}">'
            f'<figcaption>{cell(caption)} <a href="{cell(link)}">{cell(label)}</a></figcaption>'
            "</figure>"
        )
    # Download and cite.
    zip_name = f"soviet-purges-{version}.zip"
    parts.append(
        "<h2 id=download>Download and cite</h2><ul>"
        '<li><a href="datapackage.json">datapackage.json</a> and <code>data/*.parquet</code>: '
        "the Frictionless data package (the reference copy)</li>"
        '<li><a href="datapackage-csv.json">datapackage-csv.json</a> and <code>csv/</code>: '
        "CSV copies, safe to open in a spreadsheet</li>"
        f'<li><a href="{FILENAME}">{FILENAME}</a>: SQLite with full-text search and the views '
        "<code>person_claims</code>, <code>trial_sentences</code>, "
        "<code>expulsions_by_year</code> (or <code>make serve</code> for Datasette)</li>"
        f'<li><a href="../{zip_name}">{zip_name}</a>: all of it; '
        '<a href="SHA256SUMS">SHA256SUMS</a> to check the files</li></ul>'
        f'<p>In Python: <code>etl.load("sentences", version="{cell(version)}")</code>. '
        f"Cite as: <i>{cell(descriptor['title'])}</i>, release {cell(version)} "
        f"({cell(descriptor['created'][:4])}), {cell(licence['name'])}, with the source text "
        "and the passage of each claim you use.</p>"
    )
    parts.append("<h2 id=changes>What changed since the release before</h2>")
    parts.append(
        f"<pre class=changes>{cell(changes)}</pre>" if changes else "<p>First release.</p>"
    )
    # Persons.
    per_person = claims.groupby("person_id")["source_id"].nunique()
    parts.append(
        f"<h2 id=persons>Persons ({len(frames['persons'])})</h2><p>A page per person: every "
        "claim about them from every source, with its passages. The number is how many "
        "sources make claims about the person.</p><ul class=people>"
    )
    for row in frames["persons"].sort_values("surname", key=lambda s: s.str.lower()).itertuples():
        n = int(per_person.get(row.person_id, 0))
        parts.append(
            f'<li><a href="persons/{cell(row.person_id)}.html">{cell(row.name)}</a>'
            + (f" <small>({n})</small>" if n else "")
            + "</li>"
        )
    parts.append("</ul>")
    title = f"{descriptor['title']} {version}"
    return document(title, "".join(parts))


def tables_page(descriptor: dict) -> str:
    names = [r["name"] for r in descriptor["resources"]]
    nav = "".join(f'<a href="#{cell(n)}">{cell(n)}</a>' for n in names)
    body = (
        f"<h1 id=title>Tables</h1><nav class=tables>{nav}</nav>"
        '<div id=controls><input id=filter type=search placeholder="filter: words in any column" '
        'aria-label="filter rows"> <button id=prev>‹ previous</button> '
        "<button id=next>next ›</button> <span id=count></span></div>"
        "<div style=overflow-x:auto><table id=table></table></div>"
        '<section id=evidence><b>Evidence</b> <span id=ev-where></span><div id="ev-text">'
        "</div></section>"
    )
    script = (
        f"<script>const TABLES_LIST = {json.dumps(names)};\n"
        f"{TABLES_SCRIPT % {'page_size': PAGE_SIZE}}</script>"
    )
    return document(f"Tables — {descriptor['title']}", body, scripts=script)


def table_script(name: str, title: str, frame: pd.DataFrame) -> str:
    data = {
        "title": title,
        "columns": list(frame.columns),
        "evidence": "quote" in frame.columns,
        "rows": [[plain(v) for v in row] for row in frame.itertuples(index=False, name=None)],
    }
    head = "window.TABLES = window.TABLES || {};\n"
    return f"{head}TABLES[{json.dumps(name)}] = {embedded_json(data)};\n"


def rows_by_person(frame: pd.DataFrame) -> Callable[[str], pd.DataFrame]:
    """`frame[frame.person_id == person_id]` for any person_id, the rows in frame order with
    their index, from one pass over the frame."""
    parts = {key: rows for key, rows in frame.groupby("person_id", sort=False)}
    empty = frame.iloc[0:0]
    return lambda person_id: parts.get(person_id, empty)


def write_page(folder: Path, project: Project, changes: str | None = None) -> Path:
    """Write index.html, persons/, tables.html, tables/, charts/ and texts.js into the
    release folder (its SQLite copy must be there: the page reads its views)."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    frames = {r["name"]: pd.read_parquet(folder / r["path"]) for r in descriptor["resources"]}
    database = folder / FILENAME
    claims = read_sqlite(database, "person_claims")
    sources = {}
    for row in frames["sources"].itertuples(index=False):
        source = load_source(row.source_id, project.path(row.path), row.sha256)
        sources[row.source_id] = {"title": row.title, "author": row.author, "text": source.text}
    authors = {k: v["author"] for k, v in sources.items()}
    trials = dict(zip(frames["trials"]["trial_id"], frames["trials"]["name"], strict=True))

    for sub in ("persons", "tables", "charts"):
        shutil.rmtree(folder / sub, ignore_errors=True)
        (folder / sub).mkdir()
    (folder / "style.css").write_text(STYLE.lstrip(), encoding="utf-8")
    if project.contract.is_file():
        shutil.copy(project.contract, folder / "data-contract.md")

    # Charts, from the views of the SQLite copy.
    figures: dict[str, tuple[str, str, str]] = {}
    by_year = read_sqlite(database, "expulsions_by_year")
    counts = by_year[
        (by_year["measure"] == "count")
        & (by_year["geography"] == "USSR")
        & by_year["category"].isna()
        & by_year["year"].notna()
    ]
    if not counts.empty:
        (folder / "charts" / "expulsions.svg").write_text(
            expulsions_chart(counts, authors), encoding="utf-8"
        )
        figures["expulsions"] = (
            f"Figure 1. People expelled from the party in the whole USSR, by year, as each "
            f"source states it ({len(counts)} claims from {counts['source_id'].nunique()} "
            "sources; one line per source, so where the lines part the sources disagree).",
            "tables.html#expulsion_stats/expelled",
            "See the rows.",
        )
    per_trial = read_sqlite(database, "trial_sentences")
    if not per_trial.empty:
        per_trial = per_trial.assign(start_date=per_trial["start_date"].fillna("undated"))
        (folder / "charts" / "sentences.svg").write_text(
            sentences_chart(per_trial, authors), encoding="utf-8"
        )
        figures["sentences"] = (
            "Figure 2. Persons sentenced in each trial, by penalty, as each source gives them "
            f"({int(per_trial['persons'].sum())} sentence claims naming a trial).",
            "tables.html#sentences",
            "See the rows.",
        )

    # Person pages; each person's claims and mentions split off once, not selected from the
    # whole tables for every person.
    claims_of, mentions_of = rows_by_person(claims), rows_by_person(frames["mentions"])
    for person in frames["persons"].to_dict("records"):
        person = {k: plain(v) for k, v in person.items()}
        page = person_page(
            person,
            claims_of(person["person_id"]),
            mentions_of(person["person_id"]),
            trials,
            sources,
        )
        (folder / "persons" / f"{person['person_id']}.html").write_text(page, encoding="utf-8")

    # Tables, loaded on demand.
    for resource in descriptor["resources"]:
        name = resource["name"]
        script = table_script(name, resource.get("title", name), frames[name])
        (folder / "tables" / f"{name}.js").write_text(script, encoding="utf-8")
    texts = {k: {"title": v["title"], "text": v["text"]} for k, v in sources.items()}
    (folder / "texts.js").write_text(f"window.TEXTS = {embedded_json(texts)};\n", encoding="utf-8")
    (folder / "tables.html").write_text(tables_page(descriptor), encoding="utf-8")
    path = folder / "index.html"
    path.write_text(overview(descriptor, frames, claims, changes, figures), encoding="utf-8")
    return path
