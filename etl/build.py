"""The build: sources → extract → resolve → validate → verify → publish.

`build()` is what `etl build` and `make` run; each stage is a module of its
own and the data flows one way through them. Extraction needs no pandas: it
starts in forked workers first, and the parent imports the table stages
(pandas, pandera, pyarrow) while the texts are being read. Texts whose
records are in the extraction cache (etl/cache.py) are not extracted again;
`scheduler` sends extraction to a Dask cluster instead of local processes.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from etl.cache import ExtractionCache, code_hash
from etl.contribute.registry import SourceEntry, read_registry
from etl.errors import EtlError, Problem, SourceError, ValidationFailed
from etl.extract import Record, extract_source, extractors, select_extractors
from etl.lang.corpus import Source, load_source
from etl.lang.knowledge import Knowledge, load_knowledge
from etl.lang.names import NameTokens, name_tokens
from etl.project import Project
from etl.version import DATA_VERSION

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[int, int, str], None]  # (done, total, what is being done)


@dataclass
class BuildResult:
    release: Path
    created: bool
    rows: dict[str, int]
    findings: list[Problem] = field(default_factory=list)
    """The rows of the `checks` resource, as problems (warnings and, as info, agreements)."""


def load_sources(entries: list[SourceEntry], project: Project) -> dict[str, Source]:
    """Every registered text, hash-checked; a `SourceError` carries every text's problem."""
    texts, problems = {}, []
    for entry in entries:
        path = entry.file(project)
        try:
            texts[entry.source_id] = load_source(entry.source_id, path, entry.sha256)
        except SourceError as exc:
            problems += exc.located(path, file=entry.path)
    if problems:
        raise SourceError(*problems)
    return texts


class SchedulerError(EtlError):
    code = "scheduler-error"


Extracted = tuple[list[Record], NameTokens]
"""What extraction makes of one text: its records, and its name tokens for resolution."""


def extract_text(source: Source, kb: Knowledge) -> Extracted:
    return extract_source(source, kb), name_tokens(source.text, source.line_starts, kb)


def _extract(source: Source) -> Extracted:
    return extract_text(source, load_knowledge())


def _extract_part(
    source: Source, only: tuple[str, ...], tokens: bool
) -> tuple[list[Record], NameTokens | None]:
    """The records of the extractors `only` of one text, in name order (and the text's name
    tokens if asked)."""
    kb = load_knowledge()
    names = name_tokens(source.text, source.line_starts, kb) if tokens else None
    select_extractors(only)
    try:
        return extract_source(source, kb), names
    finally:
        select_extractors(None)


# The sentence rules read the trials' records of their text (trials.trial_records, read once
# a process): where a text is split by extractor, the two run in one job.
TOGETHER = {"trials": "sentences"}


def _parts(sizes: dict[int, int], jobs: int) -> list[tuple[int, tuple[str, ...] | None]]:
    """(text, extractors) of each job, the largest texts first: a whole text (None), or, for
    a text that holds more than one worker's share of the characters, one job per
    extractor (or per group of TOGETHER), so that a corpus of a few texts, one of them
    long, keeps every core busy (the text's records are then those of its jobs in
    turn)."""
    total = sum(sizes.values())
    parts: list[tuple[int, tuple[str, ...] | None]] = []
    for i in sorted(sizes, key=lambda i: -sizes[i]):
        if jobs > 1 and sizes[i] * jobs > total:
            parts += [(i, group) for group in _groups()]
        else:
            parts.append((i, None))
    return parts


def _groups() -> list[tuple[str, ...]]:
    """The extractors by job, each group a run of the name order (one group if TOGETHER
    would break it), so that the jobs' records in turn are the text's records in order."""
    names = list(extractors())
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(TOGETHER.get(name, name), []).append(name)
    runs = [tuple(group) for group in groups.values()]
    return runs if [name for run in runs for name in run] == names else [tuple(names)]


def _extract_remote(source: Source, kb: Knowledge, code: str) -> Extracted:
    """Extraction on a Dask worker, which must run the same extraction code as the client."""
    from etl.cache import code_hash

    if code_hash() != code:
        msg = "a Dask worker runs other extraction code than this build; install the same etl"
        raise SchedulerError(msg)
    return extract_text(source, kb)


class _Inline(Executor):
    """Runs each job at once, in this process: for one core, or ETL_JOBS=1."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _local_jobs() -> int:
    return int(os.environ.get("ETL_JOBS", os.cpu_count() or 1))


def _collector_on() -> None:
    """A forked worker's garbage collector on, for what the worker makes: what it inherited
    (the parent's records, read from the cache with the collector paused, all of them
    still in its youngest generation) is frozen first, or the worker's first collection
    walked all of it, and copied every page it touched."""
    gc.freeze()
    gc.enable()


@contextmanager
def _local_pool(count: int) -> Iterator[Executor]:
    """Forked workers on every core (they inherit the loaded modules and knowledge)."""
    jobs = _local_jobs()
    parallel = jobs > 1 and count > 1 and "fork" in mp.get_all_start_methods()
    pool = (
        ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork"), initializer=_collector_on)
        if parallel
        else _Inline()
    )
    with pool:
        yield pool


@contextmanager
def _dask_jobs(
    address: str, sources: list[Source], kb: Knowledge, code: str
) -> Iterator[list[Future]]:
    """The texts sent to the Dask scheduler at `address`; dask is imported only here."""
    try:
        from dask.distributed import Client
    except ImportError as exc:
        msg = f"--scheduler needs dask.distributed, which is not installed ({exc})"
        raise SchedulerError(msg) from None
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        msg = f"cannot reach the Dask scheduler at {address}: {exc}"
        raise SchedulerError(msg) from None
    with client:
        yield [client.submit(_extract_remote, s, kb, code, pure=False) for s in sources]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off (as it was again afterwards): a build holds
    every record of the corpus until it ends, and each full collection walked them all
    again (1.5 s of a warm 100x build, in unpickling, resolution and checks); what it makes
    is freed by reference counting. Forked extraction workers turn it back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def extraction(
    sources: list[Source],
    cache: ExtractionCache | None = None,
    scheduler: str | None = None,
) -> Iterator[Iterator[Extracted]]:
    """Start extracting every text not in the cache, the largest first, on every core (a
    long text split by extractor: `_parts`), or on a Dask cluster; yields the records and
    name tokens of each text, in order, and caches new ones."""
    cached = {i: cache.get(s) for i, s in enumerate(sources)} if cache else {}
    todo = sorted(
        (i for i in range(len(sources)) if cached.get(i) is None),
        key=lambda i: -len(sources[i].text),
    )
    parts = _parts({i: len(sources[i].text) for i in todo}, 1 if scheduler else _local_jobs())
    if scheduler:
        code = cache.code if cache else code_hash()
        jobs = _dask_jobs(scheduler, [sources[i] for i in todo], load_knowledge(), code)
    else:
        jobs = _local_pool(len(parts))

    def results(futures: dict[int, list[Future]]) -> Iterator[Extracted]:
        for i, source in enumerate(sources):
            if i not in futures:
                assert cache is not None
                tokens = cache.get_names(source)
                if tokens is None:  # records cached without their tokens
                    tokens = name_tokens(source.text, source.line_starts, load_knowledge())
                    cache.put_names(source, tokens)
                yield cached[i], tokens
                continue
            done = [future.result() for future in futures[i]]
            records = [record for found, _ in done for record in found]
            tokens = next(names for _, names in done if names is not None)
            if cache:
                cache.put(source, records)
                cache.put_names(source, tokens)
            yield records, tokens

    with jobs as pool:
        futures: dict[int, list[Future]] = {}
        if scheduler:
            futures = {i: [future] for i, future in zip(todo, pool, strict=True)}
        else:
            for i, only in parts:
                first = i not in futures
                job = (
                    pool.submit(_extract, sources[i])
                    if only is None
                    else pool.submit(_extract_part, sources[i], only, first)
                )
                futures.setdefault(i, []).append(job)
        yield results(futures)


def assemble(
    project: Project,
    progress: Progress | None = None,
    *,
    cache: bool = True,
    scheduler: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Every resource of the release, extracted, resolved and checked, but not yet written.

    `cache=False` extracts every text again (and leaves the cache alone); `scheduler`, the
    address of a Dask scheduler, sends the extraction of each text to its workers."""
    with collector_paused():
        return _assemble(project, progress, cache=cache, scheduler=scheduler)


def _assemble(
    project: Project,
    progress: Progress | None,
    *,
    cache: bool,
    scheduler: str | None,
) -> dict[str, pd.DataFrame]:
    # Load.
    entries = read_registry(project)
    texts = load_sources(entries, project)
    kb = load_knowledge()
    store = ExtractionCache(project.cache) if cache else None
    with extraction([texts[e.source_id] for e in entries], store, scheduler) as results:
        # While the workers read the texts: the table stages and the curation files.
        from etl.contract.validate import validate_frames
        from etl.contract.verify import verify_frames
        from etl.contribute.curation import apply_edits, foreign_key_problems, load_curation
        from etl.resolve import crosschecks as checks
        from etl.resolve.claims import resolve

        curation = load_curation(project, texts)
        if curation.errors:
            summary = f"{len(curation.errors)} problem(s) in seeds/curation/; nothing was published"
            raise ValidationFailed(*curation.errors, summary=summary)
        # Extract: per text, a pure function of (text, knowledge).
        records: list[Record] = []
        tokens: dict[str, NameTokens] = {}
        for done, (entry, (found, names)) in enumerate(zip(entries, results, strict=True), 1):
            if progress:
                progress(done, len(entries), entry.source_id)
            records += found
            tokens[entry.source_id] = names
    # Resolve across texts, then apply the contributors' corrections.
    frames, warnings = resolve(records + curation.records, entries, texts, kb, tokens)
    warnings += apply_edits(frames, curation)
    dangling = foreign_key_problems(curation, frames)
    if dangling:
        summary = f"{len(dangling)} problem(s) in seeds/curation/; nothing was published"
        raise ValidationFailed(*dangling, summary=summary)
    frames["checks"] = checks.run_checks(frames, warnings)
    # Validate and verify: every failure collected before giving up.
    failures = validate_frames(frames) + verify_frames(frames, texts)
    if failures:
        summary = f"{len(failures)} problem(s) in the extracted data; nothing was published"
        fix = "correct the row with seeds/curation/ or fix the extractor that made it"
        raise ValidationFailed(*[replace(p, fix=fix) for p in failures], summary=summary)
    return frames


def build(
    project: Project,
    *,
    dist: Path | None = None,
    version: str = DATA_VERSION,
    progress: Progress | None = None,
    cache: bool = True,
    scheduler: str | None = None,
) -> BuildResult:
    """Build the release `version` of `project` into `dist` (the project's dist/ unless
    given), or confirm that it is already there (`cache` and `scheduler` as for
    `assemble`)."""
    with collector_paused():
        frames = assemble(project, progress, cache=cache, scheduler=scheduler)
        from etl.publish.package import publish

        release, created = publish(frames, version, dist or project.dist)
    rows = {k: len(v) for k, v in frames.items()}
    return BuildResult(release, created, rows, findings(frames["checks"]))


def findings(checks: pd.DataFrame) -> list[Problem]:
    """The rows of the `checks` resource as problems: the rule is the code, the row's
    check_id its key."""
    columns = [checks[c].tolist() for c in ("rule", "severity", "check_id", "subject", "message")]
    return [
        Problem(
            code=rule,
            severity=severity,
            file="checks",
            key=check_id,
            value=subject if isinstance(subject, str) else None,
            message=message,
        )
        # Whole columns as lists: itertuples made a tuple of pandas scalars per row (0.15 s
        # of a 100x build's 20,000 findings).
        for rule, severity, check_id, subject, message in zip(*columns, strict=True)
    ]
