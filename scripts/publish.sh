#!/usr/bin/env bash
# Builds Presale's deployable Functions package:
#   <output>/package/   host.json, one <FunctionName>/function.json per function, the self-contained linux-x64
#                       handler named by host.json's customHandler.description.defaultExecutablePath (executable)
#   <output>/presale.zip the same folder zipped with Unix permissions kept (the handler's executable bit)
# Usage: scripts/publish.sh [--output DIR]   (default DIR: artifacts)
# Needs the .NET 10 SDK, Node.js (already needed for Azurite; reads host.json) and zip.
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
command -v node >/dev/null || fail "Node.js is not installed (it reads host.json; the README's prerequisites)"
command -v zip >/dev/null || fail "zip is not installed (apt-get install zip)"

# Release, linux-x64, self-contained: the Functions host starts the handler directly, whatever .NET the worker image
# has. ReadyToRun: the handler's own code and its packages are precompiled, so a cold instance answers sooner (the
# cold-start benchmark measures this package). Build output goes under artifacts/publish-build so the developer's
# Debug bin/obj folders are left alone.
rm -rf "$package" "$zipfile"
dotnet publish functions/Presale.Functions/Presale.Functions.csproj \
  --configuration Release \
  --runtime linux-x64 \
  --self-contained true \
  --artifacts-path "$root/artifacts/publish-build" \
  --output "$package" \
  -p:DebugType=none \
  -p:PublishReadyToRun=true \
  -p:PublishDocumentationFile=false -p:PublishReferencesDocumentationFiles=false \
  --nologo --verbosity quiet \
  || fail "dotnet publish failed"

[ -f "$package/host.json" ] || fail "host.json is missing from the package root"

# The executable host.json names must be in the package and runnable.
executable=$(node -e '
  const host = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const path = host.customHandler && host.customHandler.description && host.customHandler.description.defaultExecutablePath;
  if (!path) { console.error("host.json has no customHandler.description.defaultExecutablePath"); process.exit(1); }
  console.log(path);
' "$package/host.json") || fail "cannot read the handler path from host.json"
[ -f "$package/$executable" ] || fail "host.json names '$executable' but the package has no such file"
chmod +x "$package/$executable"

# Every function definition must have arrived as <FunctionName>/function.json.
shopt -s nullglob
for definition in functions/Presale.Functions/Definitions/*/function.json; do
  name=$(basename "$(dirname "$definition")")
  cmp -s "$definition" "$package/$name/function.json" || fail "$name/function.json is missing or differs from $definition"
done

# Zip with Unix permissions (zip keeps them by default; -X drops extra timestamps so repeated runs are stable).
(cd "$package" && zip -q -r -X "$zipfile" .) || fail "zip failed"

echo "Package: $package"
echo "Zip:     $zipfile ($(du -h "$zipfile" | cut -f1))"
