"""The project model's links: which files make up one app ("same app" in RULES.md).

- **fly.toml -> Dockerfile.** ``[build] dockerfile`` resolved against the fly.toml's folder (as
  flyctl resolves it); otherwise the ``Dockerfile`` beside the fly.toml, unless the config builds
  from something else (``image``, ``builder``, ``buildpacks``, ``builtin``). The stage that runs is
  ``[build] build-target`` (legacy ``build_target``) when set, else the final stage.
- **workflow -> fly.toml** (see :mod:`resonance_lint.workflow_links`): ``fly deploy`` with
  ``--config``/``-c``, else the deploy's working directory (``working-directory``, a preceding
  ``cd``), else ``--app``/``-a`` matched to an ``app`` name, else the only fly.toml in the project.
- **migrations -> app.** Migration files below the fly.toml's folder belong to its app.

Everything is computed from documents already parsed; nothing here reads a file.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Project, Scalar, Target
from .parsers.dockerfile import DockerfileDocument, Instruction, Stage
from .parsers.fly import FlyDocument, scalar_str

if TYPE_CHECKING:  # workflows are imported only when a run has some (see step_commands)
    from .parsers.shell import Command
    from .parsers.workflow import Job, Step, WorkflowDocument

_OTHER_BUILD_SOURCES = ("image", "builder", "buildpacks", "builtin")


@dataclass(frozen=True)
class FlyApp:
    """A fly.toml and, when it builds one that was scanned, its Dockerfile and running stage."""

    fly: FlyDocument
    dockerfile_path: str | None  # where the Dockerfile is expected (None: not built from one)
    dockerfile: DockerfileDocument | None
    stage: Stage | None  # the build target, else the final stage

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.fly.path)


def named_dockerfile(fly: FlyDocument) -> str | None:
    """The Dockerfile ``[build] dockerfile`` names, as a project path ("<url>" for a URL)."""
    value = scalar_str(fly.build.scalar("dockerfile")) if fly.build is not None else None
    if value is None or not value.strip():
        return None
    value = value.strip()
    if "://" in value:
        return "<url>"
    if value.startswith("/"):
        return posixpath.normpath(value)
    return posixpath.normpath(posixpath.join(posixpath.dirname(fly.path), value))


def builds_from_elsewhere(fly: FlyDocument) -> bool:
    build = fly.build
    return build is not None and any(key in build for key in _OTHER_BUILD_SOURCES)


def build_target(fly: FlyDocument) -> Scalar | None:
    build = fly.build
    if build is None:
        return None
    return build.scalar("build-target") or build.scalar("build_target")


def dockerfile_path_of(fly: FlyDocument) -> str | None:
    named = named_dockerfile(fly)
    if named is not None:
        return None if named == "<url>" else named
    if builds_from_elsewhere(fly):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(fly.path), "Dockerfile"))


def fly_app(project: Project, fly: FlyDocument) -> FlyApp:
    path = dockerfile_path_of(fly)
    if path is not None and named_dockerfile(fly) is None and path not in project.files:
        sibling = posixpath.join(posixpath.dirname(path), "Containerfile")
        path = sibling if sibling in project.files else path
    doc = project.document(path, Target.DOCKERFILE) if path is not None else None
    dockerfile = doc if isinstance(doc, DockerfileDocument) else None
    stage = None
    if dockerfile is not None:
        target = scalar_str(build_target(fly))
        stage = dockerfile.stage_named(target) if target else dockerfile.final_stage
    return FlyApp(fly, path, dockerfile, stage)


def fly_apps(project: Project) -> Iterator[FlyApp]:
    for doc in project.of_target(Target.FLY):
        if isinstance(doc, FlyDocument):
            yield fly_app(project, doc)


def fly_configs_for_dockerfile(project: Project, dockerfile_path: str) -> list[FlyDocument]:
    """Every fly.toml that may deploy the Dockerfile at ``dockerfile_path``: one naming it in
    ``[build] dockerfile``, or one in the same folder that names no other build source."""
    target = posixpath.normpath(dockerfile_path)
    folder = posixpath.dirname(target)
    found: list[FlyDocument] = []
    for doc in project.of_target(Target.FLY):
        if not isinstance(doc, FlyDocument):
            continue
        named = named_dockerfile(doc)
        if named is not None:
            if named == target:
                found.append(doc)
        elif posixpath.dirname(doc.path) == folder and not builds_from_elsewhere(doc):
            found.append(doc)
    return found


def has_service_checks(doc: FlyDocument) -> bool:
    """Does the app define Fly health checks (service checks or top-level ``[checks]``)?"""
    return doc.has_any_health_check


def stage_chain(doc: DockerfileDocument, stage: Stage) -> list[Stage]:
    """``stage`` and the local stages it builds on (``FROM builder``), nearest first."""
    chain = [stage]
    seen = {stage.index}
    while chain[-1].base_stage is not None and chain[-1].base_stage not in seen:
        base = doc.stages[chain[-1].base_stage]
        seen.add(base.index)
        chain.append(base)
    return chain


def effective(doc: DockerfileDocument, stage: Stage, keyword: str) -> Instruction | None:
    """The last ``keyword`` instruction in force for ``stage`` (inherited from local bases)."""
    for link in stage_chain(doc, stage):
        found = [i for i in link.instructions if i.keyword == keyword]
        if found:
            return found[-1]
    return None


# --- workflows -> apps ------------------------------------------------------------------------


@dataclass(frozen=True)
class StepCommand:
    """A command a workflow step runs, with the folder it runs in (repository-relative)."""

    workflow: WorkflowDocument
    job: Job | None
    step: Step
    command: Command
    cwd: str


@dataclass(frozen=True)
class FlyDeploy:
    """A ``fly deploy`` in a workflow and the fly.toml it deploys (None when unknown)."""

    run: StepCommand
    fly: FlyDocument | None
    how: str  # how the link was made: "--config", "working directory", "--app", "only app"


def repository_root(workflow: WorkflowDocument) -> str:
    """The folder holding ``.github/`` (or the composite action's own folder)."""
    path = workflow.path
    marker = path.find(".github/")
    if marker >= 0 and (marker == 0 or path[marker - 1] == "/"):
        return path[: max(marker - 1, 0)]
    return posixpath.dirname(path)


def _working_directory(workflow: WorkflowDocument, job: Job | None, step: Step) -> str:
    if step.working_directory is not None and isinstance(step.working_directory.value, str):
        return step.working_directory.value
    for defaults in (job.defaults if job is not None else None, workflow.defaults):
        run = defaults.mapping("run") if defaults is not None else None
        node = run.scalar("working-directory") if run is not None else None
        if node is not None and isinstance(node.value, str):
            return node.value
    return ""


def _join(*parts: str) -> str:
    joined = posixpath.normpath(posixpath.join(*[p for p in parts if p] or ["."]))
    return "" if joined == "." else joined


def step_commands(project: Project) -> Iterator[StepCommand]:
    """Every command of every workflow step, following ``working-directory`` and ``cd``."""
    from .parsers.workflow import WorkflowDocument

    for doc in project.of_target(Target.WORKFLOW):
        if not isinstance(doc, WorkflowDocument):
            continue
        root = repository_root(doc)
        for job, step in doc.all_steps():
            base = _working_directory(doc, job, step)
            cwd = _join(root, base) if "${{" not in base else root
            for command in doc.commands(step):
                if command.program == "cd" and command.depth == 0:
                    target = next(iter(command.positionals()), None)
                    if target is not None and "$" not in target.value:
                        cwd = (
                            _join(root, target.value.lstrip("/"))
                            if target.value.startswith("/")
                            else _join(cwd, target.value)
                        )
                    continue
                yield StepCommand(doc, job, step, command, cwd)


def _literal(value: str | None) -> str | None:
    return value if value and "${{" not in value and "$" not in value else None


def fly_deploys(project: Project) -> Iterator[FlyDeploy]:
    """Every ``fly deploy`` / ``flyctl deploy`` in the workflows, linked to its fly.toml."""
    flies = [d for d in project.of_target(Target.FLY) if isinstance(d, FlyDocument)]
    by_path = {d.path: d for d in flies}
    for run in step_commands(project):
        command = run.command
        if not (command.is_call("fly", "deploy") or command.is_call("flyctl", "deploy")):
            continue
        config = next((_literal(v) for _, _, v in command.option("--config", "-c")), None)
        app = next((_literal(v) for _, _, v in command.option("--app", "-a")), None)
        fly: FlyDocument | None = None
        how = ""
        if config is not None:
            fly, how = by_path.get(_join(run.cwd, config)), "--config"
        elif _join(run.cwd, "fly.toml") in by_path:
            fly, how = by_path[_join(run.cwd, "fly.toml")], "working directory"
        elif app is not None:
            named = [d for d in flies if d.app_name == app]
            if len(named) == 1:
                fly, how = named[0], "--app"
        elif len(flies) == 1:
            fly, how = flies[0], "only app"
        yield FlyDeploy(run, fly, how)
