"""The engine: discover -> read -> parse -> run rules -> dedupe -> suppress -> sort.

It owns everything rules must not: severity, selection, per-file ignores, inline suppressions,
baselines, fingerprints and the RL diagnostics. Per-file work (read, parse, per-document rules)
is a pure function so it can run in a process pool for large trees.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib
import os
import re
import signal
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from concurrent.futures import Executor

from .config import Config
from .discovery import Discovery, FileEntry, discover, glob_match
from .errors import ParseError, ResonanceError
from .model import (
    Document,
    Finding,
    Problem,
    Project,
    Severity,
    Source,
    Span,
    Target,
    TextDocument,
)
from .registry import Registry, default_registry
from .rules.base import Rule, RuleContext
from .suppress import Suppression, parse_suppressions

# Parsers by target, imported only when a file of that target is read.
_PARSERS: Mapping[Target, str] = MappingProxyType(
    {
        Target.DOCKERFILE: "resonance_lint.parsers.dockerfile",
        Target.DOCKERIGNORE: "resonance_lint.parsers.dockerignore",
        Target.FLY: "resonance_lint.parsers.fly",
        Target.TERRAFORM: "resonance_lint.parsers.terraform",
        Target.WORKFLOW: "resonance_lint.parsers.workflow",
        Target.MIGRATION: "resonance_lint.parsers.migration",
    }
)
# Targets whose documents are combined into larger ones after parsing (a directory of .tf
# files is a module): module path and function name.
_AGGREGATORS: Mapping[Target, tuple[str, str]] = MappingProxyType(
    {Target.TERRAFORM: ("resonance_lint.parsers.terraform", "build_modules")}
)
# Always reported, even when --select names other rules: a file we could not check.
_ALWAYS_ON = frozenset({"RL001", "RL002"})
_BINARY_SNIFF = 8192
_POOL_THRESHOLD = 200
_MODULE_POOL_THRESHOLD = 100  # Terraform files; fewer are not worth a process
_SECRET_PREFIX = "SEC"


@dataclass(frozen=True)
class InternalError:
    """A bug in a rule or parser: reported on stderr, exit code 2, the run goes on."""

    path: str
    where: str
    error: str


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    files_checked: int
    rules: tuple[Rule[Any], ...]
    suppressed: int = 0
    baselined: int = 0
    internal_errors: tuple[InternalError, ...] = ()
    targets_seen: frozenset[Target] = frozenset()
    sources: Mapping[str, Source] = field(default_factory=lambda: MappingProxyType({}))

    @cached_property
    def rule_index(self) -> dict[str, Rule[Any]]:
        return {r.code: r for r in self.rules}


# --- selection --------------------------------------------------------------------------


def active_rules(
    config: Config, registry: Registry, candidates: Sequence[Rule[Any]] | None = None
) -> tuple[Rule[Any], ...]:
    """Rules of this run: select (or every rule on by default) + extend-select - ignore.

    ``candidates`` are the rules that can fire on the files found (see
    ``Registry.for_targets``); selectors are still checked against every rule. Rules that are
    off by default run only when named by exact code or name.
    """
    pool = tuple(candidates) if candidates is not None else registry.rules
    if config.select is None:
        chosen = {r.code for r in pool if r.meta.enabled}
    else:
        named = {found.code for s in config.select if (found := registry.lookup(s)) is not None}
        chosen = {
            code
            for code in registry.expand(config.select)
            if code in named or _enabled(registry, code)
        }
    chosen |= set(registry.expand(config.extend_select))
    chosen |= _ALWAYS_ON
    chosen -= set(registry.expand(config.ignore))
    for code, level in config.severity.items():
        found = registry.lookup(code)
        if found is None:
            raise ResonanceError(f"severity: unknown rule {code!r}")
        if level == "off":
            chosen.discard(found.code)
    for code in config.rule_options:
        if registry.lookup(code) is None:
            raise ResonanceError(f"rules.{code}: unknown rule")
    return tuple(r for r in pool if r.code in chosen)


def _enabled(registry: Registry, code: str) -> bool:
    found = registry.lookup(code)
    return found is not None and found.meta.enabled


def rule_options(rule: Rule[Any], config: Config) -> Mapping[str, Any]:
    declared = dict(rule.meta.options)
    for name, value in config.options.items():
        if name in declared:
            declared[name] = value
    specific: Mapping[str, Any] = {}
    for key in (rule.code, rule.name):
        specific = config.rule_options.get(key, specific)
    for name, value in specific.items():
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise ResonanceError(f"rules.{rule.code}: unknown option {name!r} (known: {known})")
        default = rule.meta.options[name]
        if isinstance(default, (tuple, list)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ResonanceError(f"rules.{rule.code}.{name}: expected a list of strings")
            value = tuple(value)
        elif isinstance(default, bool) != isinstance(value, bool) or not isinstance(
            value, type(default)
        ):
            raise ResonanceError(
                f"rules.{rule.code}.{name}: expected {type(default).__name__}, got {value!r}"
            )
        declared[name] = value
    return MappingProxyType(declared)


# --- per-file work ----------------------------------------------------------------------


class _OverBudget(BaseException):
    """Raised by the timer inside a file's work; BaseException so rule handlers let it pass."""


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (POSIX main thread only; elsewhere no limit)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class _FileJob:
    entry: FileEntry
    read_text: bool  # make a TextDocument (secret rules are active)
    parse_targets: tuple[Target, ...]
    max_size: int
    budget: float
    # Rules over plain text run right here, with the file (in a worker for large trees):
    # they need no project. (rule, options) pairs; Rule pickles by reference.
    text_rules: tuple[tuple[Rule[Any], Mapping[str, Any]], ...] = ()


@dataclass(frozen=True)
class _FileResult:
    documents: tuple[Document, ...]
    problems: tuple[tuple[str, Problem], ...]  # (code, problem); path always set
    source: Source | None
    internal: tuple[InternalError, ...] = ()


def _read(job: _FileJob) -> tuple[Source | None, tuple[tuple[str, Problem], ...]]:
    entry = job.entry
    is_target = any(t != Target.TEXT for t in entry.targets)

    def unreadable(message: str) -> tuple[None, tuple[tuple[str, Problem], ...]]:
        if not is_target and not entry.explicit:
            return None, ()
        return None, (("RL002", Problem(Span.point(1), message, path=entry.path)),)

    try:
        size = os.path.getsize(entry.abspath)
    except OSError as exc:
        return unreadable(f"cannot read file: {exc.strerror or exc}")
    if size > job.max_size:
        return unreadable(
            f"file is {size:,} bytes, over the size limit of {job.max_size:,} (max-file-size)"
        )
    try:
        with open(entry.abspath, "rb") as handle:
            data = handle.read(job.max_size + 1)
    except OSError as exc:
        return unreadable(f"cannot read file: {exc.strerror or exc}")
    text = decode(data)
    if text is None:
        return unreadable("file is binary or not valid UTF-8/UTF-16 text; it was not checked")
    return Source(entry.path, text), ()


def decode(data: bytes) -> str | None:
    """Text of a file: UTF-8 (BOM stripped) or UTF-16 with a BOM; None for binary/undecodable."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:_BINARY_SNIFF]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _parse(target: Target, source: Source) -> Document:
    module = importlib.import_module(_PARSERS[target])
    parse: Callable[[Source], Document] = module.parse
    return parse(source)


def _parse_all(job: _FileJob, source: Source) -> tuple[list[Document], list[tuple[str, Problem]]]:
    docs: list[Document] = []
    found: list[tuple[str, Problem]] = []
    for target in job.parse_targets:
        try:
            docs.append(_parse(target, source))
        except ParseError as exc:
            message = f"cannot parse {target.value} file: {exc.message}"
            found.append(("RL001", Problem(Span.point(exc.line, exc.column), message, source.path)))
        except RecursionError:
            message = f"cannot parse {target.value} file: nesting too deep"
            found.append(("RL001", Problem(Span.point(1), message, source.path)))
    return docs, found


def _process_file(job: _FileJob) -> _FileResult:
    """Read, parse and run the text rules on one file, within the file's time budget."""
    source, problems = _read(job)
    if source is None:
        return _FileResult((), problems, None)
    docs: list[Document] = []
    found = list(problems)
    internal: list[InternalError] = []
    try:
        with time_budget(job.budget):
            docs, parse_problems = _parse_all(job, source)
            found.extend(parse_problems)
            if job.read_text:
                # Run here and not sent back: the main process needs only the Source.
                text_doc = TextDocument(source)
                empty = Project(".", ())
                for rule, options in job.text_rules:
                    problems_of, error = _run_rule(rule, text_doc, RuleContext(empty, options))
                    found.extend(
                        (rule.code, p if p.path else replace(p, path=source.path))
                        for p in problems_of
                    )
                    if error is not None:
                        internal.append(error)
    except _OverBudget:
        message = (
            f"checking this file took longer than {job.budget:g} s (file-time-budget); "
            "it was not fully checked"
        )
        found.append(("RL002", Problem(Span.point(1), message, source.path)))
    return _FileResult(tuple(docs), tuple(found), source, tuple(internal))


@dataclass(frozen=True)
class _Checked:
    problems: list[tuple[str, Problem]]  # (code, problem with its path set)
    internal: list[InternalError]


def _check_subjects(
    subjects: Sequence[Document | Project],
    rules_by_target: Mapping[Target, Sequence[Rule[Any]]],
    project: Project,
    options: Mapping[str, Mapping[str, Any]],
    budget: float,
) -> _Checked:
    """Every rule of each subject's target on it, each subject within the time budget."""
    out = _Checked([], [])
    for subject in subjects:
        owner = subject if isinstance(subject, Document) else None
        where = owner.path if owner is not None else "<project>"
        target = owner.target if owner is not None else Target.PROJECT
        try:
            with time_budget(budget):
                for rule in rules_by_target.get(target, ()):
                    found, error = _run_rule(
                        rule, subject, RuleContext(project, options[rule.code])
                    )
                    out.problems.extend(
                        (rule.code, p if p.path else replace(p, path=where)) for p in found
                    )
                    if error is not None:
                        out.internal.append(error)
        except _OverBudget:
            message = (
                f"rules took longer than {budget:g} s on this file (file-time-budget); "
                "it was not fully checked"
            )
            out.problems.append(("RL002", Problem(Span.point(1), message, where)))
    return out


@dataclass(frozen=True)
class _ModuleTask:
    """A Terraform folder, checked whole in a worker process (see ``_module_groups``)."""

    jobs: tuple[_FileJob, ...]
    listing: frozenset[str]
    rules: tuple[tuple[Rule[Any], Mapping[str, Any]], ...]
    budget: float


@dataclass(frozen=True)
class _ModuleResult:
    problems: tuple[tuple[str, Problem], ...]
    sources: tuple[Source, ...]
    internal: tuple[InternalError, ...]
    statements: Mapping[str, Mapping[int, int]]  # path -> line -> first line of its statement


def _check_module(task: _ModuleTask) -> _ModuleResult:
    """Parse a Terraform folder, build its module, run TF rules: only findings go back."""
    problems: list[tuple[str, Problem]] = []
    sources: list[Source] = []
    internal: list[InternalError] = []
    docs: list[Document] = []
    for job in task.jobs:
        result = _process_file(job)
        problems.extend(result.problems)
        internal.extend(result.internal)
        docs.extend(result.documents)
        if result.source is not None:
            sources.append(result.source)
    subjects: list[Document | Project] = list(docs)
    for target, (module_name, func) in _AGGREGATORS.items():
        parts = [d for d in docs if d.target == target]
        if parts:
            try:
                build = getattr(importlib.import_module(module_name), func)
                subjects.extend(build(parts, task.listing))
            except Exception as exc:  # a bug must not hide the other files
                internal.append(InternalError(target.value, func, f"{type(exc).__name__}: {exc}"))
    by_target: dict[Target, list[Rule[Any]]] = defaultdict(list)
    for rule, _ in task.rules:
        by_target[rule.meta.target].append(rule)
    options = {rule.code: MappingProxyType(dict(opts)) for rule, opts in task.rules}
    project = Project(".", tuple(d for d in subjects if isinstance(d, Document)), task.listing)
    checked = _check_subjects(subjects, by_target, project, options, task.budget)
    problems.extend(checked.problems)
    internal.extend(checked.internal)
    # Suppressions are applied in the main process, which never sees these documents: send
    # the statement structure of the lines that matter (findings and suppression targets).
    statements: dict[str, dict[int, int]] = {}
    by_path = {d.path: d for d in docs}
    for source in sources:
        doc = by_path.get(source.path)
        if doc is None:
            continue
        lines = {p.span.line for _, p in problems if p.path == source.path}
        lines.update(s.applies_to for s in parse_suppressions(source) if s.applies_to)
        statements[source.path] = {line: doc.statement_start(line) for line in lines}
    return _ModuleResult(tuple(problems), tuple(sources), tuple(internal), statements)


@dataclass(frozen=True)
class _Statements:
    """Stands in for a document checked in a worker: its statement structure only."""

    starts: Mapping[int, int]

    def statement_start(self, line: int) -> int:
        return self.starts.get(line, line)


def _module_groups(jobs_list: Sequence[_FileJob], workers: int) -> dict[str, list[_FileJob]]:
    """Terraform folders worth checking in worker processes, or none.

    Terraform documents are needed by no rule outside their module (cross-file rules read
    fly.toml, Dockerfiles and workflows), so a folder can be parsed and checked whole in another
    process and only its findings sent back: the rest of the tree is checked meanwhile.
    """
    if workers <= 1:
        return {}
    groups: dict[str, list[_FileJob]] = defaultdict(list)
    for job in jobs_list:
        if Target.TERRAFORM in job.parse_targets:
            groups[os.path.dirname(job.entry.path)].append(job)
    if sum(len(g) for g in groups.values()) < _MODULE_POOL_THRESHOLD:
        return {}
    return groups


def _run_rule(
    rule: Rule[Any], subject: Any, ctx: RuleContext
) -> tuple[list[Problem], InternalError | None]:
    """All problems of one rule on one subject; a crash is an internal error, not a traceback."""
    try:
        return list(rule.check(subject, ctx)), None
    except Exception as exc:  # a bug in a rule must not hide the other files
        where = getattr(subject, "path", "<project>")
        return [], InternalError(where, rule.code, f"{type(exc).__name__}: {exc}")


# --- the run ------------------------------------------------------------------------------


def run(
    paths: Sequence[str],
    config: Config,
    *,
    registry: Registry | None = None,
    today: dt.date | None = None,
    jobs: int = 1,
    cwd: str | None = None,
    forced_target: Target | None = None,
    baseline: frozenset[str] | None = None,
    only_paths: frozenset[str] | None = None,
    with_context: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    registry = registry or default_registry()
    today = today or dt.date.today()
    found = discover(
        paths,
        excludes=config.exclude,
        exclude_root=config.root,
        respect_gitignore=config.respect_gitignore,
        forced=forced_target,
        cwd=cwd,
    )
    context: frozenset[str] = frozenset()
    if with_context and found.files and all(e.explicit for e in found.files):
        found, context = _with_context(found, config, cwd)
        only_paths = frozenset(e.path for e in found.files if e.path not in context)
    present = {t for entry in found.files for t in entry.targets}
    selectors = None if config.select is None else (*config.select, *config.extend_select)
    rules = active_rules(config, registry, registry.for_targets(present, selectors))
    options = {r.code: rule_options(r, config) for r in rules}
    targets_needed = {r.meta.target for r in rules}
    if Target.TERRAFORM_MODULE in targets_needed:
        targets_needed.add(Target.TERRAFORM)
    if Target.PROJECT in targets_needed:
        targets_needed.update(_PARSERS)
    if Target.DOCKERFILE in targets_needed:
        # DF303 reads .dockerignore; DF101 asks whether the app's fly.toml checks health.
        targets_needed.update((Target.DOCKERIGNORE, Target.FLY))
    text_wanted = Target.TEXT in targets_needed
    text_rules = tuple((r, dict(options[r.code])) for r in rules if r.meta.target == Target.TEXT)
    jobs_list = []
    for entry in found.files:
        parse_targets = tuple(t for t in entry.targets if t in _PARSERS and t in targets_needed)
        in_context = entry.path in context
        if in_context and not parse_targets:
            continue
        if not parse_targets and not text_wanted and not entry.explicit:
            continue
        jobs_list.append(
            _FileJob(
                entry,
                text_wanted and not in_context,
                parse_targets,
                config.max_file_size,
                config.file_time_budget,
                text_rules,
            )
        )

    documents: list[Document] = []
    sources: dict[str, Source] = {}
    stamped: list[Finding] = []
    internal: list[InternalError] = []
    severities = _severity_map(rules, config)
    # The document whose statements suppressions follow, by path (see _covers).
    primary: dict[str, Document | _Statements] = {}
    groups = _module_groups(jobs_list, jobs)
    pool = new_pool(jobs) if groups else None
    pending = []
    if pool is not None:
        tf_rules = tuple(
            (r, dict(options[r.code]))
            for r in rules
            if r.meta.target in (Target.TERRAFORM, Target.TERRAFORM_MODULE)
        )
        by_folder: dict[str, set[str]] = defaultdict(set)
        for path in found.listing:
            by_folder[os.path.dirname(path)].add(path)
        for folder, group in sorted(groups.items(), key=lambda g: -len(g[1])):
            listing = frozenset(by_folder[folder])
            task = _ModuleTask(tuple(group), listing, tf_rules, config.file_time_budget)
            pending.append(pool.submit(_check_module, task))
        grouped = {id(job) for group in groups.values() for job in group}
        local_jobs = [job for job in jobs_list if id(job) not in grouped]
    else:
        local_jobs = jobs_list
    try:
        for result in _map(_process_file, local_jobs, _workers(jobs, local_jobs), progress):
            documents.extend(result.documents)
            internal.extend(result.internal)
            if result.source is not None:
                sources[result.source.path] = result.source
            for code, problem in result.problems:
                stamped.append(_stamp(code, problem, severities))
        for future in pending:
            module = future.result()
            internal.extend(module.internal)
            for source in module.sources:
                sources[source.path] = source
            for path, starts in module.statements.items():
                primary[path] = _Statements(MappingProxyType(dict(starts)))
            for code, problem in module.problems:
                stamped.append(_stamp(code, problem, severities))
    finally:
        if pool is not None:
            pool.shutdown()

    for target, (module_name, func) in _AGGREGATORS.items():
        parts = [d for d in documents if d.target == target]
        if parts:
            try:
                build = getattr(importlib.import_module(module_name), func)
                documents.extend(build(parts, found.listing))
            except Exception as exc:  # a bug must not hide the other files
                internal.append(InternalError(target.value, func, f"{type(exc).__name__}: {exc}"))

    project = Project(os.path.abspath(config.root), tuple(documents), found.listing)
    by_target: dict[Target, list[Rule[Any]]] = defaultdict(list)
    for rule in rules:
        if rule.meta.target not in (Target.ENGINE, Target.TEXT):
            by_target[rule.meta.target].append(rule)
    subjects: list[Document | Project] = []
    for doc in documents:
        primary.setdefault(doc.path, doc)
        if by_target.get(doc.target) and doc.path not in context:
            subjects.append(doc)
    if by_target.get(Target.PROJECT):
        subjects.append(project)
    checked = _check_subjects(subjects, by_target, project, options, config.file_time_budget)
    internal.extend(checked.internal)
    stamped.extend(_stamp(code, p, severities) for code, p in checked.problems)

    active_codes = {r.code for r in rules}
    findings = _dedupe(stamped)
    findings, suppressed, extra = _suppress(
        findings, sources, primary, config, registry, today, active_codes, severities
    )
    findings.extend(extra)
    findings = [f for f in findings if f.code in active_codes]
    if only_paths is not None:
        findings = [f for f in findings if f.path in only_paths]
    findings = _fingerprint(findings, sources)
    baselined = 0
    if baseline is not None:
        kept = [f for f in findings if f.fingerprint not in baseline]
        baselined = len(findings) - len(kept)
        findings = kept
    findings.sort(key=lambda f: f.sort_key)
    return Report(
        findings=tuple(findings),
        files_checked=len(jobs_list) - len(context),
        rules=rules,
        suppressed=suppressed,
        baselined=baselined,
        internal_errors=tuple(internal),
        targets_seen=frozenset(
            [d.target for d in documents if d.path not in context]
            + ([Target.TERRAFORM, Target.TERRAFORM_MODULE] if groups else [])
            + ([Target.TEXT] if text_wanted and len(sources) > len(context) else [])
        ),
        sources=MappingProxyType(sources),
    )


# What a passed file's findings can depend on, loaded from the whole repository as context when
# only some files are passed (pre-commit). Only findings in passed files are reported, so a
# passed Dockerfile needs the fly.toml files (DF101, XF104) and .dockerignore files (DF303); a
# fly.toml its Dockerfiles (XF101-XF103, XF301) and migrations (XF204); a workflow the apps it
# deploys (XF201, XF202, XF301); a migration the fly.toml files and its sibling migrations.
_CONTEXT_TARGETS: Mapping[Target, frozenset[Target]] = MappingProxyType(
    {
        Target.DOCKERFILE: frozenset({Target.FLY, Target.DOCKERIGNORE}),
        Target.FLY: frozenset({Target.DOCKERFILE, Target.MIGRATION}),
        Target.WORKFLOW: frozenset({Target.FLY, Target.DOCKERFILE}),
        Target.MIGRATION: frozenset({Target.FLY, Target.MIGRATION}),
    }
)


def _repository_root(paths: Sequence[str]) -> str:
    """The git work tree holding the paths, else their common folder."""
    common = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
    folder = common
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return common
        folder = parent


def _with_context(
    found: Discovery, config: Config, cwd: str | None
) -> tuple[Discovery, frozenset[str]]:
    """Add the passed files' linked siblings, so cross-file rules see them (pre-commit mode).

    Context files are parsed but not linted themselves: the run reports only findings located in
    the files passed. Context = the targets the passed files' findings depend on (see
    ``_CONTEXT_TARGETS``) anywhere in the repository, plus the Terraform files in the folders
    (modules) of passed Terraform files.
    """
    root = _repository_root([e.abspath for e in found.files])
    whole = discover(
        [root],
        excludes=config.exclude,
        exclude_root=config.root,
        respect_gitignore=config.respect_gitignore,
        cwd=cwd,
    )
    passed = {e.path for e in found.files}
    wanted = frozenset(
        t for e in found.files for target in e.targets for t in _CONTEXT_TARGETS.get(target, ())
    )
    modules = {os.path.dirname(e.abspath) for e in found.files if Target.TERRAFORM in e.targets}
    extra = tuple(
        e
        for e in whole.files
        if e.path not in passed
        and (
            any(t in wanted for t in e.targets)
            or (Target.TERRAFORM in e.targets and os.path.dirname(e.abspath) in modules)
        )
    )
    files = tuple(sorted((*found.files, *extra), key=lambda e: e.path))
    return Discovery(files, whole.listing | found.listing), frozenset(e.path for e in extra)


def new_pool(workers: int) -> Executor:
    """A process pool (imported here: most runs, pre-commit's above all, never need one)."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers)


def _workers(jobs: int, items: Sequence[_FileJob]) -> int:
    """How many processes are worth it.

    A worker sends every parsed document back, and unpickling a parsed tree costs more than
    parsing it (measured on the corpus: 1.4 s to load the Terraform trees that took 1.0 s to
    parse). So the pool is used for trees that are mostly files to secret-scan (most of a real
    repository), not for trees of parsed targets; small runs stay in one process.
    """
    if jobs <= 1 or len(items) < _POOL_THRESHOLD:
        return 1
    parsed = sum(1 for item in items if item.parse_targets)
    return jobs if parsed * 4 <= len(items) else 1


def _map(
    fn: Callable[[_FileJob], _FileResult],
    items: list[_FileJob],
    jobs: int,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[_FileResult]:
    """Results in input order; a process pool for large trees (small ones are not worth it)."""
    total = len(items)
    if jobs <= 1 or total < _POOL_THRESHOLD:
        for done, item in enumerate(items, start=1):
            yield fn(item)
            if progress is not None:
                progress(done, total)
        return
    chunk = max(4, total // (jobs * 8))
    with new_pool(jobs) as pool:
        for done, result in enumerate(pool.map(fn, items, chunksize=chunk), start=1):
            yield result
            if progress is not None:
                progress(done, total)


@dataclass(frozen=True)
class _Severities:
    default: Mapping[str, Severity]  # the rule's severity, or the config's for it
    configured: frozenset[str]  # codes whose severity the config sets (wins over a problem's)

    def of(self, code: str, problem: Problem) -> Severity:
        if problem.severity is not None and code not in self.configured:
            return problem.severity
        return self.default.get(code, Severity.ERROR)

    def get(self, code: str, fallback: Severity) -> Severity:
        return self.default.get(code, fallback)


def _severity_map(rules: Sequence[Rule[Any]], config: Config) -> _Severities:
    levels = {r.code: r.meta.severity for r in rules}
    configured: set[str] = set()
    for key, level in config.severity.items():
        if level == "off":
            continue
        for r in rules:
            if key.upper() == r.code or key.lower() == r.name:
                levels[r.code] = Severity(level)
                configured.add(r.code)
    return _Severities(MappingProxyType(levels), frozenset(configured))


def _stamp(code: str, problem: Problem, severities: _Severities) -> Finding:
    """The finding of a rule's problem: code, severity (config > problem > rule), path."""
    return Finding(
        code=code,
        path=problem.path or "",
        span=problem.span,
        message=problem.message,
        severity=severities.of(code, problem),
        related=problem.related,
        secret_hash=problem.secret_hash,
    )


def _dedupe(stamped: Iterable[Finding]) -> list[Finding]:
    """Drop exact duplicates, and secret findings a target rule already reports.

    A SEC finding goes when a target rule reported the same secret (hash) in the same file on
    lines that overlap it (a multi-line key may start on another line in each rule).
    """
    seen: set[tuple[str, str, Span, str]] = set()
    target_secrets: dict[tuple[str, str], list[Span]] = defaultdict(list)
    items = list(stamped)
    for f in items:
        if f.secret_hash and not f.code.startswith(_SECRET_PREFIX):
            target_secrets[(f.path, f.secret_hash)].append(f.span)
    out: list[Finding] = []
    for f in items:
        key = (f.code, f.path, f.span, f.message)
        if key in seen:
            continue
        seen.add(key)
        if (
            f.secret_hash
            and f.code.startswith(_SECRET_PREFIX)
            and any(
                s.line <= f.span.end_line and f.span.line <= s.end_line
                for s in target_secrets.get((f.path, f.secret_hash), ())
            )
        ):
            continue
        out.append(f)
    return out


def _matches(registry: Registry, selector: str, code: str) -> bool:
    rule = registry.lookup(selector)
    if rule is not None:
        return rule.code == code
    return bool(selector) and code.startswith(selector.upper())


def _suppress(
    findings: list[Finding],
    sources: Mapping[str, Source],
    primary: Mapping[str, Document | _Statements],
    config: Config,
    registry: Registry,
    today: dt.date,
    active: set[str],
    severities: _Severities,
) -> tuple[list[Finding], int, list[Finding]]:
    """Apply per-file ignores and inline suppressions; return kept, count, RL findings."""
    extra: list[Finding] = []
    kept: list[Finding] = []
    suppressed = 0
    by_path: dict[str, tuple[Suppression, ...]] = {}
    used: set[tuple[str, int]] = set()

    def rl(code: str, path: str, span: Span, message: str) -> None:
        if code in active:
            extra.append(Finding(code, path, span, message, severities.get(code, Severity.WARNING)))

    for _glob, selectors in config.per_file_ignores:
        for selector in selectors:
            if not registry.is_known(selector):
                rl(
                    "RL003",
                    config.path or ".",
                    Span.point(1),
                    f"per-file-ignores: unknown rule {selector!r}",
                )

    if config.inline_ignores:
        for path, source in sources.items():
            sups = parse_suppressions(source)
            if not sups:
                continue
            by_path[path] = sups
            for sup in sups:
                for sel in sup.selectors:
                    if not registry.is_known(sel.text):
                        rl("RL003", path, sel.span, f"suppression names unknown rule {sel.text!r}")
                if sup.until_error:
                    rl(
                        "RL003",
                        path,
                        sup.span,
                        f"invalid until= date {sup.until_error!r} (use YYYY-MM-DD)",
                    )
                if sup.expired(today):
                    rl(
                        "RL005",
                        path,
                        sup.span,
                        f"suppression expired on {sup.until}; what it hid is reported again",
                    )

    def ignored_by_config(f: Finding) -> bool:
        rel = _config_relative(f.path, config.root)
        return any(
            glob_match(glob, rel) and any(_matches(registry, s, f.code) for s in sels)
            for glob, sels in config.per_file_ignores
        )

    for f in findings:
        if ignored_by_config(f):
            suppressed += 1
            continue
        hit = False
        if f.code not in _ALWAYS_ON or f.code == "RL001":
            doc = primary.get(f.path)
            for index, sup in enumerate(by_path.get(f.path, ())):
                if sup.expired(today) or sup.until_error:
                    continue
                if not any(_matches(registry, s.text, f.code) for s in sup.selectors):
                    continue
                if sup.file_level or _covers(sup, f.span.line, doc):
                    used.add((f.path, index))
                    hit = True
                    break
        if hit:
            suppressed += 1
        else:
            kept.append(f)

    for path, sups in by_path.items():
        for index, sup in enumerate(sups):
            if (path, index) not in used and not sup.expired(today):
                rl("RL004", path, sup.span, "suppression did not suppress anything; remove it")
    return kept, suppressed, [f for f in extra if not ignored_by_config(f)]


def _covers(sup: Suppression, line: int, doc: Document | _Statements | None) -> bool:
    if line == sup.applies_to:
        return True
    if doc is None:
        return False
    return doc.statement_start(line) == doc.statement_start(sup.applies_to)


def _config_relative(path: str, root: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return rel.replace(os.sep, "/")


_WS = re.compile(r"\s+")


def fingerprint_of(
    code: str, path: str, line_text: str, occurrence: int, secret: str | None
) -> str:
    """Stable across line moves and whitespace changes: code, path, normalised line, occurrence."""
    normal = _WS.sub("", line_text)
    material = "\0".join((code, path, secret or normal, str(occurrence)))
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _fingerprint(findings: list[Finding], sources: Mapping[str, Source]) -> list[Finding]:
    counter: Counter[tuple[str, str, str]] = Counter()
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        source = sources.get(f.path)
        line_text = source.line(f.span.line) if source is not None else ""
        key = (f.code, f.path, f.secret_hash or _WS.sub("", line_text))
        occurrence = counter[key]
        counter[key] += 1
        out.append(
            replace(
                f, fingerprint=fingerprint_of(f.code, f.path, line_text, occurrence, f.secret_hash)
            )
        )
    return out
