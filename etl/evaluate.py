"""The project's own evaluation: extraction scored against hand-annotated gold.

The texts listed in `tests/eval/corpus.csv` (real ones read from
`../shared/devset`, never copied; invented ones from `tests/eval/texts/`) are
built into a scratch project exactly as `etl sources add` + `etl build` would,
and the rows found are matched one to one with the gold rows of each text:
precision over what was found, recall over what a careful reader requires.
Floors in `tests/eval/floors.csv` keep the scores from dropping unnoticed.
"""

from __future__ import annotations

import csv
import math
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
from unidecode import unidecode

from etl.errors import EtlError, Problem
from etl.project import Project

RESOURCES = ("sentences", "expulsion_stats")
HALVES = ("dev", "report")


class EvalError(EtlError):
    code = "eval-error"


@dataclass(frozen=True)
class EvalText:
    name: str
    path: Path
    half: str
    written: str

    @property
    def source_id(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")


@dataclass
class Score:
    """Matches of one text (or a sum of texts) for one resource."""

    found: int = 0  # rows the build gave, less those matching an optional gold row
    matched: int = 0  # found rows matching a gold row
    required: int = 0  # required gold rows
    recalled: int = 0  # required gold rows matched
    missed: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    # of the matched required rows whose gold states it: attribute → [agreeing, compared]
    agreed: dict[str, list[int]] = field(default_factory=dict)
    differs: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.required if self.required else 1.0

    def __iadd__(self, other: Score) -> Score:
        self.found += other.found
        self.matched += other.matched
        self.required += other.required
        self.recalled += other.recalled
        for attribute, (agree, compared) in other.agreed.items():
            mine = self.agreed.setdefault(attribute, [0, 0])
            mine[0], mine[1] = mine[0] + agree, mine[1] + compared
        return self


@dataclass
class Report:
    texts: list[EvalText]
    skipped: list[str]
    scores: dict[tuple[str, str], Score]  # (text name, resource)

    def total(self, half: str, resource: str) -> Score:
        total = Score()
        for text in self.texts:
            if text.half == half:
                total += self.scores[(text.name, resource)]
        return total

    def below_floors(self, floors: dict[tuple[str, str, str], float]) -> list[Problem]:
        """Every (half, resource, metric) whose score is under its floor; none is checked
        for a half that lost texts (the devset is absent), since its score means less."""
        short = {t.half for t in self.texts if t.name in self.skipped}
        problems = []
        for (half, resource, metric), floor in sorted(floors.items()):
            if half in short:
                continue
            value = getattr(self.total(half, resource), metric)
            if value + 1e-9 < floor:
                problems.append(
                    Problem(
                        code="below-floor",
                        value=f"{value:.3f}",
                        message=f"{half} {resource} {metric} is below its floor {floor}",
                        fix="find what the rules now miss (etl eval lists the rows)",
                    )
                )
        return problems

    def to_json(self) -> dict:
        return {
            "skipped": self.skipped,
            "texts": [
                {
                    "text": t.name,
                    "half": t.half,
                    **{r: _score_json(self.scores[(t.name, r)]) for r in RESOURCES},
                }
                for t in self.texts
                if t.name not in self.skipped
            ],
            "halves": {
                h: {r: _score_json(self.total(h, r), rows=False) for r in RESOURCES} for h in HALVES
            },
        }


def _score_json(score: Score, rows: bool = True) -> dict:
    data = {
        k: v
        for k, v in asdict(score).items()
        if rows or k not in ("missed", "unexpected", "differs")
    }
    return {**data, "precision": round(score.precision, 4), "recall": round(score.recall, 4)}


def read_corpus(eval_dir: Path, devset: Path) -> tuple[list[EvalText], list[str]]:
    """The evaluation texts, and the names of those that are not here (no devset)."""
    texts, skipped = [], []
    with (eval_dir / "corpus.csv").open(encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            kind, _, name = row["path"].partition(":")
            path = devset / "texts" / name if kind == "devset" else eval_dir / row["path"]
            if row["half"] not in HALVES:
                msg = f"{eval_dir / 'corpus.csv'}, line {line}, column 'half': not one of {HALVES}"
                raise EvalError(msg)
            text = EvalText(row["text"], path, row["half"], row["written"])
            texts.append(text)
            if not path.is_file():
                skipped.append(text.name)
    return texts, skipped


def read_gold(path: Path) -> list[dict]:
    if not path.is_file():
        msg = f"{path}: no gold for this text (write a header-only file if it has no rows)"
        raise EvalError(msg)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for line, row in enumerate(rows, start=2):
        if row.get("required") not in ("yes", "no"):
            msg = f"{path}, line {line}, column 'required': must be 'yes' or 'no'"
            raise EvalError(msg)
    return rows


def _number(value: str | float | None) -> float | None:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a))


def _tokens(name: str) -> set[str]:
    """The words of a name, folded: initials and one-letter words dropped."""
    return {w for w in re.findall(r"[a-z]{2,}", unidecode(name).lower().replace("'", ""))}


@dataclass(frozen=True)
class Found:
    line_start: int
    line_end: int
    label: str
    keys: dict


def _distance(line: int, row: Found) -> int:
    return (
        0
        if row.line_start <= line <= row.line_end
        else min(abs(line - row.line_start), abs(line - row.line_end))
    )


def match(
    gold: list[dict],
    found: list[Found],
    same: Callable[[dict, Found], bool],
    attributes: Callable[[dict, Found], dict[str, tuple[str, str]]] = lambda g, f: {},
) -> Score:
    """One-to-one matching: agreeing (gold, found) pairs taken nearest first, required gold
    rows before optional ones, so an optional row never takes a required row's match. Of
    each matched required pair, the `attributes` the gold states are compared (gold value,
    found value)."""
    score = Score(required=sum(g["required"] == "yes" for g in gold))
    pairs = sorted(
        (g["required"] != "yes", _distance(int(g["line"]), f), gi, fi)
        for gi, g in enumerate(gold)
        for fi, f in enumerate(found)
        if same(g, f)
    )
    gold_used: set[int] = set()
    found_used: dict[int, int] = {}
    for _, _, gi, fi in pairs:
        if gi not in gold_used and fi not in found_used:
            gold_used.add(gi)
            found_used[fi] = gi
    optional = sum(gold[gi]["required"] != "yes" for gi in found_used.values())
    score.recalled = sum(gold[gi]["required"] == "yes" for gi in gold_used)
    score.matched = score.recalled
    score.found = len(found) - optional
    score.missed = [
        _gold_label(g)
        for gi, g in enumerate(gold)
        if g["required"] == "yes" and gi not in gold_used
    ]
    score.unexpected = [f.label for fi, f in enumerate(found) if fi not in found_used]
    for fi, gi in sorted(found_used.items(), key=lambda pair: pair[1]):
        if gold[gi]["required"] != "yes":
            continue
        for attribute, (want, got) in attributes(gold[gi], found[fi]).items():
            tally = score.agreed.setdefault(attribute, [0, 0])
            tally[0], tally[1] = tally[0] + (want == got), tally[1] + 1
            if want != got:
                score.differs.append(f"{found[fi].label}: {attribute} {got or '-'}, gold {want}")
    return score


def _gold_label(g: dict) -> str:
    keys = [k for k in g if k not in ("line", "required", "note") and g[k]]
    return f"line {g['line']}: " + ", ".join(f"{k}={g[k]}" for k in keys)


def same_sentence(g: dict, f: Found) -> bool:
    """Same person (a word of the gold name is the found person's surname or a word of one
    of its spellings), same penalty, and the same term where the gold gives one."""
    if g["penalty"] != f.keys["penalty"]:
        return False
    term = _number(g.get("term_years"))
    if term is not None and not _same(term, f.keys["term_years"]):
        return False
    return bool(_tokens(g["person"]) & f.keys["names"])


def _same_as_written(written: str | None, found: float | None) -> bool:
    """Whether a found value is the gold value to the decimals the gold writes: a figure
    the text gives as a fraction ("a third") is 33.3 in the gold and 33.333… when read."""
    gold = _number(written)
    decimals = len(str(written).partition(".")[2]) if gold is not None else 0
    if gold is None or found is None or not decimals:
        return _same(gold, found)
    return _same(gold, round(found, decimals))


def sentence_attributes(g: dict, f: Found) -> dict[str, tuple[str, str]]:
    """The date of a matched sentence, where the gold states one."""
    return {"date": (g["date"], f.keys["date"])} if g.get("date") else {}


def figure_attributes(g: dict, f: Found) -> dict[str, tuple[str, str]]:
    """The subject, year and qualifier of a matched figure, where the gold states them."""
    return {
        attribute: (g[attribute], f.keys[attribute])
        for attribute in ("subject", "year", "qualifier")
        if g.get(attribute)
    }


def _text(value: object) -> str:
    """A found cell as the gold writes it: "" for a null, a year without ".0"."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def same_figure(g: dict, f: Found) -> bool:
    return (
        g["measure"] == f.keys["measure"]
        and _same_as_written(g["value"], f.keys["value"])
        and _same_as_written(g.get("value_max"), f.keys["value_max"])
    )


def found_rows(frames: dict, source_id: str, resource: str) -> list[Found]:
    """The rows of one text in the scratch build, with what matching needs."""
    table = frames[resource]
    rows = table[table["source_id"] == source_id]
    found = []
    if resource == "sentences":
        persons = frames["persons"].set_index("person_id")
        for row in rows.itertuples(index=False):
            person = persons.loc[row.person_id]
            names = _tokens(person["surname"]) | _tokens(person["variants"])
            term = _number(row.term_years)
            label = (
                f"lines {row.line_start}-{row.line_end}: person={person['name']}, "
                f"penalty={row.penalty}" + (f", term_years={term:g}" if term is not None else "")
            )
            keys = {
                "penalty": row.penalty,
                "term_years": term,
                "names": names,
                "date": _text(row.date),
            }
            found.append(Found(row.line_start, row.line_end, label, keys))
    else:
        for row in rows.itertuples(index=False):
            value, top = _number(row.value), _number(row.value_max)
            label = (
                f"lines {row.line_start}-{row.line_end}: value={value:g}"
                + (f"-{top:g}" if top is not None else "")
                + f", measure={row.measure}, subject={row.subject}, quote={row.quote[:60]!r}"
            )
            keys = {
                "measure": row.measure,
                "value": value,
                "value_max": top,
                "subject": _text(row.subject),
                "year": _text(row.year_start),
                "qualifier": _text(row.qualifier),
            }
            found.append(Found(row.line_start, row.line_end, label, keys))
    return found


def build_texts(texts: Iterable[EvalText], workdir: Path) -> dict:
    """The texts built into a scratch project, as a user's `etl sources add` would."""
    from etl.build import assemble
    from etl.contribute.registry import add_source

    project = Project(workdir)
    project.seeds.mkdir()
    for text in texts:
        add_source(
            text.path,
            source_id=text.source_id,
            title=text.name,
            author="see tests/eval/corpus.csv",
            written=text.written,
            origin=str(text.path),
            license="see tests/eval/corpus.csv",
            project=project,
        )
    return assemble(project)


def evaluate(eval_dir: Path, devset: Path, only: list[str] | None = None) -> Report:
    """Build the corpus of `eval_dir` (its real texts read from `devset`) into a scratch
    project and score every text and resource against its gold."""
    texts, skipped = read_corpus(eval_dir, devset)
    if only:
        texts = [t for t in texts if t.name in only]
    present = [t for t in texts if t.name not in skipped]
    with tempfile.TemporaryDirectory(prefix="soviet-purges-eval-") as tmp:
        frames = build_texts(present, Path(tmp)) if present else {}
    scores = {}
    for text in texts:
        for resource in RESOURCES:
            if text.name in skipped:
                scores[(text.name, resource)] = Score()
                continue
            gold = read_gold(eval_dir / "gold" / f"{text.name}.{resource}.csv")
            found = found_rows(frames, text.source_id, resource)
            if resource == "sentences":
                score = match(gold, found, same_sentence, sentence_attributes)
            else:
                score = match(gold, found, same_figure, figure_attributes)
            scores[(text.name, resource)] = score
    return Report(texts, skipped, scores)


def read_floors(path: Path) -> dict[tuple[str, str, str], float]:
    with path.open(encoding="utf-8", newline="") as f:
        return {
            (r["half"], r["resource"], r["metric"]): float(r["floor"]) for r in csv.DictReader(f)
        }


def format_report(report: Report, rows: bool = True) -> str:
    """Per text and resource: precision, recall, and (with `rows`) the rows to look at."""
    out = []
    if report.skipped:
        out.append(f"skipped: {len(report.skipped)} text(s) not found: {', '.join(report.skipped)}")
    header = f"{'text':42} {'half':6} {'resource':16} {'P':>11} {'R':>11}"
    out.append(header)
    for text in report.texts:
        if text.name in report.skipped:
            continue
        for resource in RESOURCES:
            s = report.scores[(text.name, resource)]
            if not s.found and not s.required:
                continue
            out.append(
                f"{text.name:42} {text.half:6} {resource:16} "
                f"{s.matched:>3}/{s.found:<3}{s.precision:5.2f} {s.recalled:>3}/{s.required:<3}"
                f"{s.recall:5.2f}"
            )
            if rows:
                out += [f"    missed      {m}" for m in s.missed]
                out += [f"    unexpected  {u}" for u in s.unexpected]
                out += [f"    differs     {d}" for d in s.differs]
    out.append("")
    for half in HALVES:
        for resource in RESOURCES:
            s = report.total(half, resource)
            agreed = "  ".join(f"{a} {n}/{of}" for a, (n, of) in sorted(s.agreed.items()))
            out.append(
                f"{'TOTAL ' + half:42} {half:6} {resource:16} "
                f"{s.matched:>3}/{s.found:<3}{s.precision:5.2f} {s.recalled:>3}/{s.required:<3}"
                f"{s.recall:5.2f}" + (f"  agree: {agreed}" if agreed else "")
            )
    return "\n".join(out)
