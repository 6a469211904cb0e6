from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass

from ...links import (
    StepCommand,
    fly_app,
    fly_apps,
    fly_deploys,
    repository_root,
    step_commands,
)
from ...model import Category, Node, Problem, Project, Related, Scalar, Severity, Span, Target
from ...parsers.dockerfile import DockerfileDocument
from ...parsers.workflow import WorkflowDocument
from ...secrets import is_sensitive_name, scan_value, secret_hash
from ..base import RuleContext, rule


@dataclass(frozen=True)
class _Arg:
    name: str
    value: str
    span: Span


def _declared(doc: DockerfileDocument, name: str) -> Span | None:
    for instr in doc.instructions:
        if instr.keyword == "ARG":
            for pair in instr.pairs:
                if pair.key == name:
                    return pair.key_span
    return None


def _secret_like(arg: _Arg) -> bool:
    return "secrets." in arg.value or is_sensitive_name(arg.name) or bool(scan_value(arg.value))


def _dockerfile(project: Project, path: str) -> DockerfileDocument | None:
    doc = project.document(path, Target.DOCKERFILE)
    return doc if isinstance(doc, DockerfileDocument) else None


def _split(text: str) -> tuple[str, str]:
    name, _, value = text.partition("=")
    return name.strip(), value.strip()


def _docker_build_args(run: StepCommand) -> Iterator[_Arg]:
    for word, value_word, value in run.command.option("--build-arg"):
        if value is None or value_word is None:
            continue
        name, literal = _split(value)
        span = word.span if value_word is word else value_word.span
        yield _Arg(name, literal, span)


def _docker_file(project: Project, run: StepCommand) -> DockerfileDocument | None:
    command = run.command
    named = next((v for _, _, v in command.option("--file", "-f") if v), None)
    positionals = [
        w.value
        for w in command.positionals(
            frozenset(
                {"-f", "--file", "-t", "--tag", "--build-arg", "--target", "--platform", "--secret"}
            )
        )
    ]
    context = positionals[1] if len(positionals) > 1 else "."
    if named is not None:
        path = posixpath.normpath(posixpath.join(run.cwd, named))
    else:
        path = posixpath.normpath(posixpath.join(run.cwd, context, "Dockerfile"))
    return _dockerfile(project, path)


def _text(node: Node | None) -> str | None:
    if isinstance(node, Scalar) and isinstance(node.value, str) and "${{" not in node.value:
        return node.value
    return None


def _build_push_action(
    project: Project, doc: WorkflowDocument
) -> Iterator[tuple[_Arg, DockerfileDocument | None]]:
    """``build-args`` lines of ``docker/build-push-action`` steps, with their Dockerfile."""
    root = repository_root(doc)
    for _, step in doc.all_steps():
        args = step.input("build-args") if step.uses_action("docker/build-push-action") else None
        if not isinstance(args, Scalar) or not isinstance(args.value, str):
            continue
        file = _text(step.input("file"))
        context = _text(step.input("context")) or "."
        if file is not None:
            path = posixpath.normpath(posixpath.join(root, file))
        else:
            path = posixpath.normpath(posixpath.join(root, context, "Dockerfile"))
        target = _dockerfile(project, path) if "://" not in context else None
        offset = 0
        for line in args.value.splitlines(keepends=True):
            stripped = line.strip()
            if "=" in stripped and not stripped.startswith("#"):
                name, value = _split(stripped)
                start = offset + line.index(stripped)
                yield _Arg(name, value, doc.locate(args, start, start + len(stripped))), target
            offset += len(line)


@rule(
    code="XF301",
    name="secret-build-arg",
    target=Target.PROJECT,
    category=Category.SECRET,
    severity=Severity.ERROR,
    summary="a secret passed as a build arg (fly `[build.args]`, `--build-arg`, `build-args:`)",
    security_severity=7.5,
)
def secret_build_arg(project: Project, ctx: RuleContext) -> Iterator[Problem]:
    def problem(arg: _Arg, path: str, target: DockerfileDocument, via: str) -> Problem | None:
        declared = _declared(target, arg.name)
        if declared is None or not _secret_like(arg):
            return None
        literal = arg.value and "${{" not in arg.value and "$" not in arg.value
        return Problem(
            arg.span,
            f"{via} passes `{arg.name}` into ARG {arg.name} of {target.path}: build args are "
            "recorded in the image history and metadata, readable by anyone who can pull the "
            "image; use a build secret (`RUN --mount=type=secret`, `fly deploy --build-secret`, "
            "build-push-action `secrets:`)",
            path=path,
            related=(Related(target.path, declared, f"ARG {arg.name}"),),
            secret_hash=secret_hash(arg.value) if literal else None,
        )

    for app in fly_apps(project):
        if app.dockerfile is None:
            continue
        for pair in app.fly.build_args:
            text = str(pair.value.value) if isinstance(pair.value, Scalar) else ""
            found = problem(
                _Arg(str(pair.key.value), text, pair.key.span),
                app.fly.path,
                app.dockerfile,
                "[build.args]",
            )
            if found is not None:
                yield found

    for deploy in fly_deploys(project):
        if deploy.fly is None:
            continue
        app = fly_app(project, deploy.fly)
        if app.dockerfile is None:
            continue
        for arg in _docker_build_args(deploy.run):
            found = problem(
                arg, deploy.run.workflow.path, app.dockerfile, "`fly deploy --build-arg`"
            )
            if found is not None:
                yield found

    for run in step_commands(project):
        if not (
            run.command.is_call("docker", "build")
            or run.command.is_call("docker", "buildx", "build")
        ):
            continue
        target = _docker_file(project, run)
        if target is None:
            continue
        for arg in _docker_build_args(run):
            found = problem(arg, run.workflow.path, target, "`docker build --build-arg`")
            if found is not None:
                yield found

    for doc in project.of_target(Target.WORKFLOW):
        if not isinstance(doc, WorkflowDocument):
            continue
        for arg, target in _build_push_action(project, doc):
            if target is None:
                continue
            found = problem(arg, doc.path, target, "build-push-action `build-args`")
            if found is not None:
                yield found
