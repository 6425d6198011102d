#!/usr/bin/env bash
# Runs Presale on this machine in standalone mode: Azurite on its default ports (10000-10002, data kept in .azurite/)
# and the app on http://127.0.0.1:7071, with its own timer runner and queue delivery. Ctrl+C stops both.
# Installs the pinned Azurite with `npm ci` when needed. Extra arguments go to the app (e.g. --Presale:Clock:Offset=P10D).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/azurite.sh

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_azurite_installed
if port_open 10001 && port_open 10002; then
  echo "Azurite is already listening on 10000-10002: using it." >&2
else
  mkdir -p .azurite artifacts
  AZURITE_LOG=artifacts/azurite-local.log
  trap stop_azurite EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  echo "Starting Azurite (data in .azurite/, log in $AZURITE_LOG)..." >&2
  start_azurite 10000 10001 10002 .azurite
fi

# Standalone mode checks keys itself: API routes whose function.json says authLevel "function" need this key
# (header x-functions-key). scripts/walkthrough.sh uses the same default.
export Presale__Host__FunctionKey="${Presale__Host__FunctionKey:-local-dev-function-key}"
export AzureWebJobsStorage="${AzureWebJobsStorage:-UseDevelopmentStorage=true}"

echo "Presale on ${Presale__Host__Url:-http://127.0.0.1:7071} (Ctrl+C to stop); try: bash scripts/walkthrough.sh" >&2
dotnet run --project functions/Presale.Functions -- "$@"
