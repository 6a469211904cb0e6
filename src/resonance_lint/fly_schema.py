"""The fly.toml schema as data: every section and key flyctl knows, with type, values and default.

Source of truth: flyctl's ``internal/appconfig`` (``config.go``, ``service.go``,
``toplevelcheck.go``, ``patches.go``, ``validation.go``) and the fly-go types it embeds
(``MachinePort``, ``MachineGuest``, ``HTTPOptions`` …), cross-checked with Fly's configuration
reference and flyctl's ``testdata/full-reference.toml`` (which lists every key).

Shapes follow what flyctl actually loads. Its ``patches.go`` accepts a single table where a list
is expected for ``services``, ``mounts``, ``vm`` and ``metrics`` (and their checks/ports); other
lists (``files``, ``statics``, ``restart``, ``machine_checks``, ``http_service.checks``) must be
arrays of tables. Keys that flyctl still reads but only for compatibility are marked ``legacy``
(reported by FLY110, never as unknown): ``[mount]``, ``[metric]``, ``[[compute]]``,
``[experimental] auto_rollback``/``allowed_public_ports``/``kill_timeout``/``metrics_*``,
``build_target``, ``script_checks``, ``restart_limit``, and the list forms of ``[env]``,
``[processes]``, top-level ``[checks]`` and check ``headers``.

Durations are Go durations (``"10s"``, ``"1m30s"``). Integers mean milliseconds for check
``interval``/``timeout``/``grace_period`` and seconds for the top-level ``kill_timeout`` (flyctl
converts both); for every other duration flyctl reads an integer as nanoseconds, which is
never what was meant. Sizes are ``"1gb"``, ``"512mb"``; a bare integer is in the key's unit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping as TMapping
from dataclasses import dataclass, field
from types import MappingProxyType

# --- value kinds -------------------------------------------------------------------------------

STRING = "string"
INT = "int"
INT_OR_NUMERIC_STRING = "int-or-numeric-string"  # flyctl casts "8080" to 8080
NUMBER = "number"
BOOL = "bool"
STRINGS = "strings"
STRING_OR_STRINGS = "string-or-strings"
DURATION = "duration"
SIZE = "size"
SIGNAL = "signal"
ENUM = "enum"
ENUMS = "enums"  # a list whose items are enum values
AUTOSTOP = "autostop"  # bool or "off" / "stop" / "suspend"
TABLE = "table"
TABLES = "tables"
MAP = "map"  # free-form keys; every value follows ``item``
HEADERS = "headers"  # a map of header values, or the legacy list of {name, value}
ANY = "any"

#: Signals flyctl maps for ``kill_signal`` (appconfig/signals.go) plus those Fly's docs list.
SIGNALS = frozenset(
    {
        "SIGABRT",
        "SIGALRM",
        "SIGFPE",
        "SIGILL",
        "SIGINT",
        "SIGKILL",
        "SIGPIPE",
        "SIGQUIT",
        "SIGSEGV",
        "SIGSTOP",
        "SIGTERM",
        "SIGTRAP",
        "SIGUSR1",
        "SIGUSR2",
    }
)
DEPLOY_STRATEGIES = ("rolling", "canary", "bluegreen", "immediate")
AUTOSTOP_VALUES = ("off", "stop", "suspend")
HANDLERS = ("http", "tls", "pg_tls", "proxy_proto", "edge_http")


@dataclass(frozen=True)
class Key:
    """One key of a section."""

    kind: str
    doc: str = ""
    default: object = None
    enum: tuple[str, ...] = ()
    section: Section | None = None  # TABLE / TABLES (and MAP of tables via ``item``)
    item: Key | None = None  # MAP: every value; legacy list items for ``list_item``
    array: bool = True  # TABLES: a list of tables is accepted
    single: bool = True  # TABLES: a single table is accepted too (flyctl patches it)
    unit: str = ""  # DURATION: ms | s | ns; SIZE: gb | mb
    int_ok: bool = True  # SIZE: a bare integer is accepted
    minimum: float | None = None  # numbers; durations in seconds; sizes in ``unit``
    maximum: float | None = None
    legacy: str = ""  # FLY110 advice when the key is used at all
    legacy_list: str = ""  # FLY110 advice when a MAP is written as a list of tables
    list_item: Section | None = None  # the schema of those legacy list items
    alias_of: str = ""  # the canonical key this one stands for
    legacy_string: str = ""  # TABLE: FLY110 advice when written as a string matching
    legacy_string_pattern: str = ""  # this regular expression


@dataclass(frozen=True)
class Section:
    """A table's known keys. ``free`` describes every key of a free-form table."""

    name: str
    keys: TMapping[str, Key] = field(default_factory=lambda: MappingProxyType({}))
    free: Key | None = None

    def known(self) -> tuple[str, ...]:
        """Keys worth suggesting: not legacy, not aliases."""
        return tuple(k for k, v in self.keys.items() if not v.legacy and not v.alias_of)


def _keys(**keys: Key) -> TMapping[str, Key]:
    return MappingProxyType(keys)


def _section(name: str, keys: TMapping[str, Key], free: Key | None = None) -> Section:
    return Section(name, keys, free)


# --- shared pieces -----------------------------------------------------------------------------

_PROCESSES = Key(STRINGS, "process groups this applies to (default: all)")
_STRING_MAP = Key(MAP, item=Key(STRING))

_CONCURRENCY = _section(
    "concurrency",
    _keys(
        type=Key(ENUM, "what the limits count", "connections", enum=("connections", "requests")),
        hard_limit=Key(INT, "stop sending traffic at this many", minimum=0),
        soft_limit=Key(INT, "prefer other Machines from this many", 20, minimum=0),
    ),
)

_TLS_OPTIONS = _section(
    "tls_options",
    _keys(
        alpn=Key(STRINGS, "ALPN protocols"),
        versions=Key(STRINGS, "TLS versions (TLSv1.2, TLSv1.3)"),
        default_self_signed=Key(BOOL, "serve a self-signed certificate", False),
    ),
)

_HTTP_RESPONSE = _section(
    "response",
    _keys(
        headers=Key(MAP, "response headers to add (value) or remove (false)", item=Key(ANY)),
        pristine=Key(BOOL, "do not add Fly headers", False),
    ),
)

_HTTP_OPTIONS = _section(
    "http_options",
    _keys(
        compress=Key(BOOL, "compress responses"),
        response=Key(TABLE, section=_HTTP_RESPONSE),
        h2_backend=Key(BOOL, "the app speaks HTTP/2 cleartext", False),
        idle_timeout=Key(INT, "idle connection timeout, seconds", minimum=0),
        headers_read_timeout=Key(INT, "request headers read timeout, seconds", minimum=0),
    ),
)

_PROXY_PROTO_OPTIONS = _section(
    "proxy_proto_options",
    _keys(version=Key(ENUM, "PROXY protocol version", "v1", enum=("v1", "v2"))),
)

_HEADER_ITEM = _section("headers", _keys(name=Key(STRING), value=Key(ANY)))
_HEADERS = Key(
    HEADERS,
    "headers sent with the check",
    legacy_list='write check headers as a table: `[….headers]` with `Name = "value"`',
    list_item=_HEADER_ITEM,
)

_CHECK_TIMING = _keys(
    interval=Key(DURATION, "time between checks", unit="ms"),
    timeout=Key(DURATION, "time before a check fails", unit="ms"),
    grace_period=Key(DURATION, "time after start before checking", unit="ms"),
)
_RESTART_LIMIT = Key(INT, legacy="`restart_limit` only applied to Apps v1 (Nomad); remove it")

_TCP_CHECK = _section(
    "tcp_checks", MappingProxyType({**_CHECK_TIMING, "restart_limit": _RESTART_LIMIT})
)

_HTTP_CHECK_KEYS = _keys(
    method=Key(STRING, "HTTP method", "GET"),
    path=Key(STRING, "request path"),
    protocol=Key(ENUM, "http or https", "http", enum=("http", "https")),
    tls_skip_verify=Key(BOOL, "skip certificate verification", False),
    tls_server_name=Key(STRING, "SNI name for https checks"),
    headers=_HEADERS,
)
_HTTP_CHECK = _section(
    "http_checks",
    MappingProxyType({**_CHECK_TIMING, **_HTTP_CHECK_KEYS, "restart_limit": _RESTART_LIMIT}),
)

_MACHINE_CHECK = _section(
    "machine_checks",
    _keys(
        command=Key(STRINGS, "the test command"),
        image=Key(STRING, "image of the test Machine"),
        entrypoint=Key(STRINGS, "entrypoint of the test Machine"),
        kill_signal=Key(SIGNAL),
        kill_timeout=Key(DURATION, unit="ns"),
    ),
)

_PORT = _section(
    "ports",
    _keys(
        port=Key(INT_OR_NUMERIC_STRING, "public port", minimum=1, maximum=65535),
        start_port=Key(INT, "first port of a range", minimum=1, maximum=65535),
        end_port=Key(INT, "last port of a range", minimum=1, maximum=65535),
        handlers=Key(ENUMS, "edge handlers", enum=HANDLERS),
        force_https=Key(BOOL, "redirect HTTP to HTTPS", False),
        tls_options=Key(TABLE, section=_TLS_OPTIONS),
        http_options=Key(TABLE, section=_HTTP_OPTIONS),
        proxy_proto_options=Key(TABLE, section=_PROXY_PROTO_OPTIONS),
    ),
)

_AUTOSCALE = _keys(
    auto_stop_machines=Key(AUTOSTOP, "stop or suspend idle Machines", "off", enum=AUTOSTOP_VALUES),
    auto_start_machines=Key(BOOL, "start Machines on demand", True),
    min_machines_running=Key(INT, "Machines kept running in the primary region", 0, minimum=0),
)

_HTTP_SERVICE = _section(
    "http_service",
    MappingProxyType(
        {
            "internal_port": Key(INT, "port the app listens on", 8080, minimum=1, maximum=65535),
            "force_https": Key(BOOL, "redirect HTTP to HTTPS", False),
            **_AUTOSCALE,
            "processes": _PROCESSES,
            "concurrency": Key(TABLE, section=_CONCURRENCY),
            "tls_options": Key(TABLE, section=_TLS_OPTIONS),
            "http_options": Key(TABLE, section=_HTTP_OPTIONS),
            "checks": Key(TABLES, "HTTP health checks", section=_HTTP_CHECK, single=False),
            "machine_checks": Key(TABLES, section=_MACHINE_CHECK, single=False),
        }
    ),
)

_SERVICE = _section(
    "services",
    MappingProxyType(
        {
            "protocol": Key(ENUM, "tcp or udp", enum=("tcp", "udp")),
            "internal_port": Key(
                INT_OR_NUMERIC_STRING, "port the app listens on", 8080, minimum=1, maximum=65535
            ),
            **_AUTOSCALE,
            "ports": Key(TABLES, section=_PORT),
            "concurrency": Key(
                TABLE,
                section=_CONCURRENCY,
                legacy_string="write `[services.concurrency]` with `type`, `soft_limit` and "
                '`hard_limit`; the "soft,hard" string is legacy',
                legacy_string_pattern=r"\s*\d+\s*,\s*\d+\s*",
            ),
            "tcp_checks": Key(TABLES, "TCP health checks", section=_TCP_CHECK),
            "http_checks": Key(TABLES, "HTTP health checks", section=_HTTP_CHECK),
            "machine_checks": Key(TABLES, section=_MACHINE_CHECK, single=False),
            "processes": _PROCESSES,
            "script_checks": Key(
                ANY, legacy="`script_checks` only ran on Apps v1 (Nomad); remove them"
            ),
        }
    ),
)

_TOP_CHECK = _section(
    "checks",
    MappingProxyType(
        {
            "port": Key(INT, "port to check", minimum=1, maximum=65535),
            "type": Key(ENUM, "http or tcp", enum=("http", "tcp")),
            **_CHECK_TIMING,
            **_HTTP_CHECK_KEYS,
            "processes": _PROCESSES,
        }
    ),
)
_TOP_CHECK_LIST_ITEM = _section(
    "checks", MappingProxyType({**_TOP_CHECK.keys, "name": Key(STRING, "check name")})
)

_COMPUTE_KEYS = _keys(
    size=Key(STRING, "Machine preset (shared-cpu-1x …)"),
    memory=Key(SIZE, 'memory ("512mb", "2gb"; integer = MB)', unit="mb"),
    cpu_kind=Key(ENUM, "shared or performance", enum=("shared", "performance")),
    cpus=Key(INT, "vCPUs", minimum=1),
    memory_mb=Key(INT, "memory in MB", minimum=1),
    gpus=Key(INT, "GPUs", minimum=0),
    gpu_kind=Key(STRING, "GPU model"),
    host_dedication_id=Key(STRING),
    kernel_args=Key(STRING_OR_STRINGS),
    persist_rootfs=Key(ENUM, enum=("never", "always", "restart")),
    processes=_PROCESSES,
)
_COMPUTE = _section("vm", _COMPUTE_KEYS)

_MOUNT = _section(
    "mounts",
    _keys(
        source=Key(STRING, "volume name"),
        destination=Key(STRING, "mount path"),
        initial_size=Key(
            SIZE, "size of volumes created by deploy (integer = GB)", unit="gb", minimum=1
        ),
        snapshot_retention=Key(INT, "days snapshots are kept (1-60)", 5),
        scheduled_snapshots=Key(BOOL, "daily snapshots", True),
        auto_extend_size_threshold=Key(
            INT, "percent used that triggers growth", minimum=50, maximum=99
        ),
        auto_extend_size_increment=Key(SIZE, unit="gb", int_ok=False, minimum=1, maximum=100),
        auto_extend_size_limit=Key(SIZE, unit="gb", int_ok=False, minimum=1, maximum=500),
        processes=_PROCESSES,
    ),
)

_METRICS = _section(
    "metrics",
    _keys(
        port=Key(INT, "metrics port", minimum=1, maximum=65535),
        path=Key(STRING, "metrics path", "/metrics"),
        https=Key(BOOL, default=False),
        processes=_PROCESSES,
    ),
)

_FILE = _section(
    "files",
    _keys(
        guest_path=Key(STRING, "absolute path in the Machine"),
        local_path=Key(STRING, "local file to copy"),
        secret_name=Key(STRING, "secret holding the base64 content"),
        raw_value=Key(STRING, "literal content"),
        processes=_PROCESSES,
    ),
)

_STATIC = _section(
    "statics",
    _keys(
        guest_path=Key(STRING),
        url_prefix=Key(STRING),
        tigris_bucket=Key(STRING),
        index_document=Key(STRING),
    ),
)

_RESTART = _section(
    "restart",
    _keys(
        policy=Key(ENUM, "restart policy", "on-failure", enum=("always", "never", "on-failure")),
        retries=Key(INT, minimum=0),
        processes=_PROCESSES,
    ),
)

_ATTACHED = _section(
    "attached",
    _keys(
        secrets=Key(TABLE, section=_section("secrets", _keys(export=_STRING_MAP))),
    ),
)

_EXPERIMENTAL = _section(
    "experimental",
    _keys(
        cmd=Key(STRING_OR_STRINGS, "override CMD"),
        entrypoint=Key(STRING_OR_STRINGS, "override ENTRYPOINT"),
        exec=Key(STRING_OR_STRINGS, "override both"),
        auto_rollback=Key(
            BOOL, legacy="`auto_rollback` only applied to Apps v1 (Nomad); Machines ignore it"
        ),
        enable_consul=Key(BOOL),
        enable_etcd=Key(BOOL),
        lazy_load_images=Key(BOOL),
        use_zstd=Key(BOOL),
        attached=Key(TABLE, section=_ATTACHED),
        machine_config=Key(STRING),
        allowed_public_ports=Key(
            ANY, legacy="`allowed_public_ports` only applied to Apps v1 (Nomad); remove it"
        ),
        private_network=Key(
            ANY, legacy="`private_network` only applied to Apps v1 (Nomad); remove it"
        ),
        kill_timeout=Key(
            DURATION, unit="s", legacy="move `kill_timeout` to the top level of fly.toml"
        ),
        metrics_port=Key(INT, legacy="use a `[metrics]` section with `port`"),
        metrics_path=Key(STRING, legacy="use a `[metrics]` section with `path`"),
    ),
)

_BUILD = _section(
    "build",
    _keys(
        builder=Key(STRING, "buildpacks builder image"),
        buildpacks=Key(STRINGS),
        image=Key(STRING, "deploy this image, no build"),
        builtin=Key(STRING),
        dockerfile=Key(STRING, "Dockerfile path or URL", "Dockerfile"),
        ignorefile=Key(STRING, ".dockerignore path"),
        **{"build-target": Key(STRING, "Dockerfile stage")},
        build_target=Key(STRING, legacy="use `build-target`", alias_of="build-target"),
        args=Key(MAP, "build arguments", item=Key(STRING)),
        settings=Key(MAP, item=Key(ANY)),
        compose=Key(TABLE, section=_section("compose", _keys(file=Key(STRING)))),
    ),
)

_DEPLOY = _section(
    "deploy",
    _keys(
        strategy=Key(
            ENUM, "how a release replaces the previous one", "rolling", enum=DEPLOY_STRATEGIES
        ),
        max_unavailable=Key(NUMBER, "Machines (>= 1) or fraction (< 1) down at once", 0.33),
        wait_timeout=Key(DURATION, "wait for Machines to start", "5m", unit="ns"),
        release_command=Key(STRING, "runs before each release"),
        release_command_timeout=Key(DURATION, default="5m", unit="ns"),
        release_command_vm=Key(TABLE, section=_section("release_command_vm", _COMPUTE_KEYS)),
        seed_command=Key(STRING),
    ),
)

_PROCESS_LIST_ITEM = _section("processes", _keys(name=Key(STRING), command=Key(STRING)))
_ENV_LIST_NOTE = "write `[env]` as one table; the `[[env]]` list form is legacy"

ROOT = _section(
    "",
    _keys(
        app=Key(STRING, "app name"),
        primary_region=Key(STRING, "region for new Machines"),
        kill_signal=Key(SIGNAL, "signal sent on stop", "SIGINT"),
        kill_timeout=Key(
            DURATION, "seconds between kill_signal and SIGKILL", "5s", unit="s", maximum=300
        ),
        swap_size_mb=Key(INT, minimum=0),
        console_command=Key(STRING),
        host_dedication_id=Key(STRING),
        machine_config=Key(STRING),
        container=Key(STRING),
        experimental=Key(TABLE, section=_EXPERIMENTAL),
        build=Key(TABLE, section=_BUILD),
        deploy=Key(TABLE, section=_DEPLOY),
        env=Key(
            MAP, "environment variables (strings)", item=Key(STRING), legacy_list=_ENV_LIST_NOTE
        ),
        processes=Key(
            MAP,
            "process groups: name = command",
            item=Key(STRING),
            legacy_list='write `[processes]` as a table `name = "command"`; '
            "remove an empty `processes = []`",
            list_item=_PROCESS_LIST_ITEM,
        ),
        mounts=Key(TABLES, "volumes", section=_MOUNT),
        mount=Key(TABLES, section=_MOUNT, legacy="use `[[mounts]]`", alias_of="mounts"),
        http_service=Key(TABLE, section=_HTTP_SERVICE),
        services=Key(TABLES, section=_SERVICE),
        checks=Key(
            MAP,
            "top-level Machine checks",
            item=Key(TABLE, section=_TOP_CHECK),
            legacy_list="write checks as named tables: `[checks.<name>]`",
            list_item=_TOP_CHECK_LIST_ITEM,
        ),
        files=Key(TABLES, section=_FILE, single=False),
        machine_checks=Key(TABLES, section=_MACHINE_CHECK, single=False),
        restart=Key(TABLES, section=_RESTART, single=False),
        vm=Key(TABLES, "Machine size", section=_COMPUTE),
        compute=Key(TABLES, section=_COMPUTE, legacy="use `[[vm]]`", alias_of="vm"),
        computes=Key(TABLES, section=_COMPUTE, legacy="use `[[vm]]`", alias_of="vm"),
        statics=Key(TABLES, section=_STATIC, single=False),
        metrics=Key(TABLES, section=_METRICS),
        metric=Key(TABLES, section=_METRICS, legacy="use `[[metrics]]`", alias_of="metrics"),
    ),
)


# --- value helpers -----------------------------------------------------------------------------

_GO_DURATION = re.compile(r"([0-9]*\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h)")
_DURATION_UNITS = MappingProxyType(
    {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}
)
_INT_UNITS = MappingProxyType({"ms": 1e-3, "s": 1.0, "ns": 1e-9})


def go_duration(text: str) -> float | None:
    """Seconds of a Go duration string (``"1m30s"``, ``"250ms"``, ``"0"``); None if invalid."""
    text = text.strip()
    sign = 1.0
    if text and text[0] in "+-":
        sign = -1.0 if text[0] == "-" else 1.0
        text = text[1:]
    if text == "0":
        return 0.0
    if not text:
        return None
    total = 0.0
    pos = 0
    while pos < len(text):
        found = _GO_DURATION.match(text, pos)
        if found is None or not found.group(1) or found.group(1) == ".":
            return None
        total += float(found.group(1)) * _DURATION_UNITS[found.group(2)]
        pos = found.end()
    return sign * total


def duration_seconds(value: object, unit: str) -> float | None:
    """Seconds of a fly.toml duration value: a Go duration string, or a number in ``unit``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        return go_duration(value) if value.strip() else None
    if isinstance(value, (int, float)):
        return float(value) * _INT_UNITS.get(unit, 1.0)
    return None


_HUMAN_SIZE = re.compile(r"^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$")
_SIZE_POWERS = MappingProxyType({"": 0, "k": 1, "m": 2, "g": 3, "t": 4, "p": 5})
_SIZE_UNITS = MappingProxyType({"mb": 2, "gb": 3})


def size_in_units(value: object, unit: str) -> float | None:
    """A size (``"1gb"``, ``"512mb"``, bare integers in ``unit``) in ``unit``; None if invalid.

    Like flyctl: a bare number (or numeric string) is already in the unit; ``gb`` sizes use
    decimal multiples (docker/go-units FromHumanSize), ``mb`` memory sizes binary ones
    (RAMInBytes).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d+", text):
        return float(text)
    found = _HUMAN_SIZE.match(text)
    if found is None:
        return None
    try:
        number = float(found.group(1))
    except ValueError:
        return None
    power = _SIZE_POWERS[(found.group(2) or "").lower()]
    base = 1024.0 if unit == "mb" else 1000.0
    return number * base ** (power - _SIZE_UNITS.get(unit, 0))
