#!/usr/bin/env bash
# Runs Presale on this machine in standalone mode: Azurite on its default ports (10000-10002, data kept in .azurite/)
# and the app on http://127.0.0.1:7071, with its own timer runner and queue delivery. Ctrl+C (or SIGTERM to this script
# or its process group) stops the app first, then Azurite, so the app's last writes land: a stop takes a few seconds.
# Installs the pinned Azurite with `npm ci` when needed. Extra arguments go to the app (e.g. --Presale:Clock:Offset=P10D).
#
# Overrides (environment), for a second instance or CI; the defaults are the behaviour above:
#   PRESALE_AZURITE_BLOB_PORT / _QUEUE_PORT / _TABLE_PORT   Azurite ports (10000 / 10001 / 10002)
#   PRESALE_AZURITE_LOCATION                                Azurite data folder (.azurite)
#   Presale__Host__Url                                      the app's URL (http://127.0.0.1:7071)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/azurite.sh

blob_port=${PRESALE_AZURITE_BLOB_PORT:-10000}
queue_port=${PRESALE_AZURITE_QUEUE_PORT:-10001}
table_port=${PRESALE_AZURITE_TABLE_PORT:-10002}
location=${PRESALE_AZURITE_LOCATION:-.azurite}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_azurite_installed
if port_open "$queue_port" && port_open "$table_port"; then
  echo "Azurite is already listening on $blob_port-$table_port: using it." >&2
else
  mkdir -p "$location" artifacts
  AZURITE_LOG=${AZURITE_LOG:-artifacts/azurite-local.log}
  trap stop_azurite EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  echo "Starting Azurite (data in $location/, log in $AZURITE_LOG)..." >&2
  AZURITE_OWN_SESSION=true start_azurite "$blob_port" "$queue_port" "$table_port" "$location"
fi

# Standalone mode checks keys itself: functions whose trigger says AuthorizationLevel.Function need this key
# (header x-functions-key). scripts/walkthrough.sh uses the same default.
export Presale__Host__FunctionKey="${Presale__Host__FunctionKey:-local-dev-function-key}"
if [ "$blob_port:$queue_port:$table_port" = "10000:10001:10002" ]; then
  export AzureWebJobsStorage="${AzureWebJobsStorage:-UseDevelopmentStorage=true}"
else
  AzureWebJobsStorage="${AzureWebJobsStorage:-$(azurite_connection_string "$blob_port" "$queue_port" "$table_port")}"
  export AzureWebJobsStorage
fi

echo "Presale on ${Presale__Host__Url:-http://127.0.0.1:7071} (Ctrl+C to stop); try: bash scripts/walkthrough.sh" >&2
echo "Operations console: ${Presale__Host__Url:-http://127.0.0.1:7071}/api/console/session (opens the console in a browser on this machine; from elsewhere add ?code=<Presale__Host__AdminKey>)" >&2
# Built, then started with dotnet directly: `dotnet run` on a Functions worker project starts Core Tools (`func`), and
# without a Functions host the worker runs standalone (docs/deploy.md has `func start` for those who have it).
dotnet build functions/Presale.Functions --nologo --verbosity quiet >&2
dotnet functions/Presale.Functions/bin/Debug/net10.0/Presale.Functions.dll "$@" &
app=$!
# The app finishes its in-flight work against the still-running Azurite on the signal; the EXIT trap stops Azurite
# once the app has exited.
trap 'kill -TERM "$app" 2>/dev/null' INT TERM
status=0
while true; do
  wait "$app" && status=0 || status=$?
  kill -0 "$app" 2>/dev/null || break
done
echo "Presale stopped." >&2
exit "$status"
