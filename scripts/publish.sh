#!/usr/bin/env bash
# Builds Presale's deployable Functions package (isolated worker, for Flex Consumption):
#   <output>/package/   the worker's publish output: host.json, functions.metadata, worker.config.json, .azurefunctions/
#                       and the app's assemblies
#   <output>/presale.zip the same folder zipped, host.json at the root
# Usage: scripts/publish.sh [--output DIR]   (default DIR: artifacts)
# Needs the .NET 10 SDK, Node.js (already needed for Azurite; reads worker.config.json) and zip.
# Idempotent: the package folder and zip are rebuilt from scratch on every run. Any failure stops the script.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

output="artifacts"
while [ $# -gt 0 ]; do
  case "$1" in
    --output) output="${2:?--output needs a directory}"; shift 2 ;;
    *) echo "publish.sh: unknown argument '$1' (usage: scripts/publish.sh [--output DIR])" >&2; exit 2 ;;
  esac
done
mkdir -p "$output"
output=$(cd "$output" && pwd)
package="$output/package"
zipfile="$output/presale.zip"

fail() { echo "publish.sh: $*" >&2; exit 1; }
command -v node >/dev/null || fail "Node.js is not installed (it reads worker.config.json; the README's prerequisites)"
command -v zip >/dev/null || fail "zip is not installed (apt-get install zip)"

# Release, linux-x64, framework-dependent: Flex Consumption runs the worker on its dotnet-isolated 10.0 runtime.
# ReadyToRun: the app's own code and its packages are precompiled, so a cold instance answers sooner. Build output
# goes under artifacts/publish-build so the developer's Debug bin/obj folders are left alone. No build servers: the
# publish does not depend on MSBuild nodes or a compiler server shared with other builds on the machine.
rm -rf "$package" "$zipfile"
dotnet publish functions/Presale.Functions/Presale.Functions.csproj \
  --configuration Release \
  --runtime linux-x64 \
  --self-contained false \
  --artifacts-path "$root/artifacts/publish-build" \
  --output "$package" \
  -p:DebugType=none \
  -p:PublishReadyToRun=true \
  -p:PublishDocumentationFile=false -p:PublishReferencesDocumentationFiles=false \
  --disable-build-servers \
  --nologo --verbosity quiet \
  || fail "dotnet publish failed"

# What the Functions host reads at the package root: host.json, the SDK-generated functions.metadata and
# worker.config.json (which names the worker assembly), and the host-side extensions in .azurefunctions/.
for required in host.json functions.metadata worker.config.json .azurefunctions; do
  [ -e "$package/$required" ] || fail "$required is missing from the package root"
done
worker=$(node -e '
  const config = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const path = config.description && config.description.defaultWorkerPath;
  if (!path) { console.error("worker.config.json has no description.defaultWorkerPath"); process.exit(1); }
  console.log(path);
' "$package/worker.config.json") || fail "cannot read the worker path from worker.config.json"
[ -f "$package/$worker" ] || fail "worker.config.json names '$worker' but the package has no such file"

# Zip with Unix permissions (zip keeps them by default; -X drops extra timestamps so repeated runs are stable).
(cd "$package" && zip -q -r -X "$zipfile" .) || fail "zip failed"

echo "Package: $package"
echo "Zip:     $zipfile ($(du -h "$zipfile" | cut -f1))"
