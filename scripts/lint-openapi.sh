#!/usr/bin/env bash
# Lints the OpenAPI document each service stores at build time (target/openapi/openapi.yaml, written by
# `./mvnw package` or `verify`) with Spectral's "spectral:oas" ruleset; any warning fails.
# Needs Node.js/npm: Spectral is fetched by npx at a pinned version. SPECTRAL=<path> uses a local install.
set -euo pipefail
cd "$(dirname "$0")/.."
spectral=(${SPECTRAL:-npx --yes @stoplight/spectral-cli@6.16.3})
status=0
for service in ingest-service scoring-service query-service; do
  doc="$service/target/openapi/openapi.yaml"
  if [[ ! -f "$doc" ]]; then
    echo "lint-openapi: $doc is missing: build the services first (./mvnw package -DskipTests)" >&2
    exit 2
  fi
  echo "== $doc"
  "${spectral[@]}" lint --ruleset .spectral.yaml --fail-severity warn "$doc" || status=1
done
exit $status
