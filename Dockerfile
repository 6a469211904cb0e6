# syntax=docker/dockerfile:1
# resonance-lint in a container:
#   docker build -t resonance-lint .
#   docker run --rm -v "$PWD:/src:ro" resonance-lint .
FROM python:3.13-slim@sha256:6771159cd4fa5d9bba1258caf0b82e6b73458c694d178ad97c5e925c2d0e1a91 AS build
WORKDIR /build
COPY pyproject.toml README.md ./
COPY src ./src
COPY rules ./rules
RUN python -m pip wheel --no-cache-dir --wheel-dir /wheels .

# resonance-lint: ignore[DF101] a one-shot command-line tool, not a long-running service
FROM python:3.13-slim@sha256:6771159cd4fa5d9bba1258caf0b82e6b73458c694d178ad97c5e925c2d0e1a91
COPY --from=build /wheels /wheels
RUN python -m pip install --no-cache-dir --no-index /wheels/*.whl \
    && rm -rf /wheels \
    && useradd --create-home --uid 10001 lint
USER 10001
WORKDIR /src
ENTRYPOINT ["resonance-lint"]
CMD ["."]
