#!/usr/bin/env bash
# Offline checks of everything under deploy/ and of docker-compose.yml (issue 7), for .ci/run:
#   1. kubectl kustomize renders both overlays (kubectl is required: missing = failure, never a skip);
#   2. docker-compose -f docker-compose.yml config -q (Debian's docker-compose, installed if missing);
#   3. the deploy/validation module: every rendered document read strictly into the fabric8 / Strimzi
#      models, the invariants (probes, limits, security context, env vars the services really read,
#      topics, ACLs, ...), the broken fixtures, the compose file, and ingest-service's image tarball
#      built with Jib (no Docker daemon) and checked.
# The image step needs ingest-service/target/quarkus-app: built here if missing.
# Extra Maven options pass through: MVN_ARGS="-o" scripts/validate-deploy.sh
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'validate-deploy: %s\n' "$*"; }
die() { printf 'validate-deploy: FAILED: %s\n' "$*" >&2; exit 1; }

command -v kubectl >/dev/null 2>&1 \
  || die "kubectl is not installed; it renders the Kustomize overlays (install kubectl on the CI machine)"

if ! command -v docker-compose >/dev/null 2>&1; then
  say "installing docker-compose (Debian package) to check docker-compose.yml"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq docker-compose >/dev/null \
    || die "could not install docker-compose with apt-get"
fi

for overlay in dev prod; do
  count=$(kubectl kustomize "deploy/k8s/overlays/$overlay" | grep -c '^kind:') \
    || die "kubectl kustomize deploy/k8s/overlays/$overlay failed"
  say "deploy/k8s/overlays/$overlay renders ($count documents)"
done

docker-compose -f docker-compose.yml config -q || die "docker-compose.yml is not a valid Compose file"
say "docker-compose.yml is valid ($(docker-compose version --short 2>/dev/null || echo docker-compose))"

if [ ! -f ingest-service/target/quarkus-app/quarkus-run.jar ]; then
  say "building ingest-service for its image tarball"
  # shellcheck disable=SC2086
  ./mvnw -B -ntp -q ${MVN_ARGS:-} package -DskipTests -pl ingest-service -am
fi

# shellcheck disable=SC2086
./mvnw -B -ntp ${MVN_ARGS:-} -f deploy/validation/pom.xml verify -Dee-radar.image.required=true \
  || die "deploy/validation (see the messages above: each names the file and the problem)"
say "image tarball: deploy/validation/target/images/ingest-service.tar"
say "OK"
